/**
 * The place lookup of a static copy: `/api/places/lookup?q=` reads the copy's `api/places.json` and answers
 * with the server's own rule (db/model/place-match.ts), an empty query refused as the server refuses it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PlaceLookupUnit, PlacesIndex } from '../../db/model';
import { staticFileOf, staticGet } from '../../client/lib/static-api';

const unit = (code: string, name: string, areas: PlaceLookupUnit['areas'] = []): PlaceLookupUnit => ({
  unit: { code, name, level: code.endsWith('000') ? 'township' : 'village', countyCode: '140521', townshipCode: code.endsWith('000') ? null : `${code.slice(0, 9)}000` },
  countyNameZh: '沁水县', countyNameEn: 'Qinshui County', townshipName: code.endsWith('000') ? null : '龙港镇', areas,
});
const area = { productId: 7, productNameZh: '沁水黄小米', productNameEn: null, designationId: 9, giType: 'agricultural_product' as const,
  status: 'granted' as const, since: '2010-09', reference: '农业部公告第1459号', sources: [] };
const index: PlacesIndex = { units: [unit('140521100000', '龙港镇', [area]), unit('140521100001', '柳庄社区居委会', [area]), unit('140521101001', '中村社区居委会')] };

afterEach(() => vi.unstubAllGlobals());

describe('a static copy asked whether a village is in a protected area', () => {
  it('reads api/places.json', () => {
    expect(staticFileOf('/api/places/lookup?q=柳庄')).toBe('/api/places.json');
  });

  it('answers by part of a name or by code, with each unit\'s areas', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => { fetched.push(url); return new Response(JSON.stringify(index)); });
    const byName = await staticGet('/api/places/lookup?q=%E6%9F%B3%E5%BA%84'); // 柳庄
    expect(byName).toEqual({ ok: true, data: { query: '柳庄', units: [index.units[1]], truncated: false } });
    const byCode = await staticGet('/api/places/lookup?q=140521101001');
    expect(byCode.ok && (byCode.data as { units: PlaceLookupUnit[] }).units.map((u) => [u.unit.name, u.areas.length])).toEqual([['中村社区居委会', 0]]);
    expect(fetched).toEqual(['/api/places.json', '/api/places.json']);
  });

  it('refuses an empty query as the server does', async () => {
    const found = await staticGet('/api/places/lookup?q=%20');
    expect(found.ok ? null : found.error.status).toBe(400);
  });
});
