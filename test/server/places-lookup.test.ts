/**
 * "Is my village in a protected area?" over HTTP against the seeded registry: a village of 沁水县 inside
 * the 沁水黄小米 scope (its township listed whole) finds that GI with since and reference; a village of
 * 陵川县 is in none; names match in part and after NFKC, codes exactly or by their first 9+ digits; a
 * village counts only when listed or its township is listed whole; drafts and non-granted GIs never
 * count; the answer is open to every origin. And the picker's code list, GET /api/divisions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookupInPlacesIndex, type PlaceLookupAnswer, type PlacesIndex, type Product } from '../../db/model';
import { STATIC_WRITERS, type StaticDataContext } from '../../server/cli/static-open-data';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

const DUANSHI_VILLAGE = '140521103200'; // 端氏村委会, in 端氏镇 (listed whole by the seeded scope)
const LINGCHUAN_VILLAGE = '140524100001'; // 城内社区居委会, 陵川县

let s: TestServer;
let qinshui: string;
let millet: Product;
beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qinshui', 'official', '140521');
  qinshui = await signIn(s.url, 'qinshui');
  const id = (await send(s.url, 'GET', `/api/products?q=${encodeURIComponent('沁水黄小米')}`)).body.items[0].id;
  millet = (await send(s.url, 'GET', `/api/products/${id}`)).body;
});
afterAll(() => s.close());

const lookup = async (q: string, headers: Record<string, string> = {}) =>
  send(s.url, 'GET', `/api/places/lookup?q=${encodeURIComponent(q)}`, undefined, undefined, headers);
const unitIn = (answer: PlaceLookupAnswer, code: string) => answer.units.find((u) => u.unit.code === code);

describe('GET /api/places/lookup', () => {
  it('finds a village of 沁水县 inside the 沁水黄小米 scope: the GI, since when, from which announcement', async () => {
    const agi = millet.designations.find((d) => d.giType === 'agricultural_product')!;
    const res = await lookup('端氏村');
    expect(res.status).toBe(200);
    const hit = unitIn(res.body, DUANSHI_VILLAGE)!;
    expect(hit).toMatchObject({ countyNameZh: '沁水县', townshipName: '端氏镇', unit: { name: '端氏村委会', level: 'village', townshipCode: '140521103000' } });
    expect(hit.areas).toEqual([expect.objectContaining({
      productId: millet.id, productNameZh: '沁水黄小米', designationId: agi.id, giType: 'agricultural_product', status: 'granted',
      since: agi.grantedOn, reference: agi.announcement ?? agi.number,
    })]);
    expect(hit.areas[0].since).toBe('2010');
    expect(hit.areas[0].reference).toMatch(/AGI2010/);
    expect(hit.areas[0].sources[0]).toMatchObject({ url: 'https://m.ipa361.com/baike/2305852' });
  });

  it('answers "not in any protected area" for a village of 陵川县', async () => {
    const res = await lookup(LINGCHUAN_VILLAGE);
    expect(res.body.units).toHaveLength(1);
    expect(res.body.units[0]).toMatchObject({ countyNameZh: '陵川县', areas: [] });
  });

  it('matches part of a name, full-width digits and spaces (NFKC), and a code\'s first digits', async () => {
    const part = (await lookup('端氏')).body as PlaceLookupAnswer;
    expect(part.units.map((u) => u.unit.code)).toEqual(expect.arrayContaining(['140521103000', DUANSHI_VILLAGE]));
    expect(unitIn(part, '140521103000')!.areas).toHaveLength(1);
    const wide = (await lookup('１４０５２１１０３２００')).body as PlaceLookupAnswer;
    expect(wide.units.map((u) => u.unit.code)).toEqual([DUANSHI_VILLAGE]);
    const spaced = (await lookup(' 端氏　村委会 ')).body as PlaceLookupAnswer;
    expect(spaced.units.map((u) => u.unit.code)).toEqual([DUANSHI_VILLAGE]);
    const township = (await lookup('140521103')).body as PlaceLookupAnswer;
    expect(township.units.length).toBeGreaterThan(10);
    expect(township.units.every((u) => u.unit.code.startsWith('140521103') && u.areas.length === 1)).toBe(true);
    const many = (await lookup('村委会')).body as PlaceLookupAnswer;
    expect(many.units).toHaveLength(50);
    expect(many.truncated).toBe(true);
    expect((await lookup('不存在的村名')).body).toEqual({ query: '不存在的村名', units: [], truncated: false });
  });

  it('counts a village only when it is listed or its township is listed whole', async () => {
    const agi = millet.designations.find((d) => d.giType === 'agricultural_product')!;
    const put = await send(s.url, 'PUT', `/api/designations/${agi.id}/scope`, { text: '端氏镇的端氏村', codes: [DUANSHI_VILLAGE] }, qinshui);
    expect(put.status).toBe(200);
    expect(unitIn((await lookup(DUANSHI_VILLAGE)).body, DUANSHI_VILLAGE)!.areas).toHaveLength(1);
    expect(unitIn((await lookup('140521103201')).body, '140521103201')!.areas).toEqual([]); // 苏庄村委会, same township
    expect(unitIn((await lookup('140521103000')).body, '140521103000')!.areas).toEqual([]); // the township itself is not listed
  });

  it('leaves out the areas of drafts and of GIs not granted', async () => {
    const draft = await send(s.url, 'POST', '/api/products', { nameZh: '端氏试验品', category: 'food', counties: ['140521'] }, qinshui);
    const d = await send(s.url, 'POST', `/api/products/${draft.body.id}/designations`, { giType: 'protected_product' }, qinshui);
    expect((await send(s.url, 'PUT', `/api/designations/${d.body.id}/scope`, { text: '嘉峰镇', codes: ['140521104000'] }, qinshui)).status).toBe(200);
    expect(unitIn((await lookup('140521104000')).body, '140521104000')!.areas).toEqual([]);
    await send(s.url, 'PATCH', `/api/products/${draft.body.id}`, { visibility: 'public' }, qinshui);
    expect(unitIn((await lookup('140521104000')).body, '140521104000')!.areas).toEqual([]); // public, but only cultivating
  });

  it('the static copy\'s api/places.json, searched with the shared rule, answers as the server does', async () => {
    const files = new Map<string, string>();
    await STATIC_WRITERS.placesLookup({ db: s.db, write: (file: string, content: string | Uint8Array) => { files.set(file, String(content)); } } as unknown as StaticDataContext);
    const index: PlacesIndex = JSON.parse(files.get('api/places.json')!);
    expect(index.units).toHaveLength(1_806);
    for (const q of ['端氏村', LINGCHUAN_VILLAGE, '１４０５２１１０３', '村委会', '嘉峰']) {
      expect(lookupInPlacesIndex(index, q), q).toEqual((await lookup(q)).body);
    }
  });

  it('is open to every origin, and refuses an empty or missing query (400)', async () => {
    const res = await lookup('端氏村', { origin: 'https://elsewhere.example' });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await lookup('  ')).status).toBe(400);
    expect((await send(s.url, 'GET', '/api/places/lookup')).status).toBe(400);
    expect((await send(s.url, 'GET', '/api/places/lookup?q=x&extra=1')).status).toBe(400);
  });
});

describe('GET /api/divisions', () => {
  it('lists a county\'s townships, searches names and codes, at most 50', async () => {
    const towns = await send(s.url, 'GET', '/api/divisions?county=140521&level=township');
    expect(towns.body.units.map((u: { name: string }) => u.name)).toContain('嘉峰镇');
    expect(towns.body.units).toHaveLength(12);
    expect(towns.body.truncated).toBe(false);
    const named = await send(s.url, 'GET', `/api/divisions?county=140521&q=${encodeURIComponent('端氏村')}`);
    expect(named.body.units).toEqual([{ code: DUANSHI_VILLAGE, name: '端氏村委会', level: 'village', countyCode: '140521', townshipCode: '140521103000' }]);
    expect((await send(s.url, 'GET', `/api/divisions?county=140521&q=${LINGCHUAN_VILLAGE}`)).body.units).toEqual([]);
    const all = await send(s.url, 'GET', '/api/divisions');
    expect(all.body.units).toHaveLength(50);
    expect(all.body.truncated).toBe(true);
    expect(all.headers.get('access-control-allow-origin')).toBe('*');
  });

  it.each(['county=999999', 'level=city', 'q=' + 'x'.repeat(101), 'other=1'])('refuses %s (400)', async (query) => {
    expect((await send(s.url, 'GET', `/api/divisions?${query}`)).status).toBe(400);
  });
});
