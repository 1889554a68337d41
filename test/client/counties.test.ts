/** The pages' county store (client/lib/counties.ts): read once, named in the page's language, today's counties offered. */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { County } from '../../db/model';
import { setLang } from '../../client/i18n';
import { allCounties, countyName, countyNamedZh, currentCounties, isCurrentCounty, loadCounties } from '../../client/lib/counties';

const at = { lat: 35.5, lng: 112.8 };
const county = (code: string, nameZh: string, nameEn: string, startedOn: string | null, endedOn: string | null): County =>
  ({ code, nameZh, nameEn, seat: at, label: at, startedOn, endedOn });
// 城区 renamed (same Chinese name, new code) on 2024-01-01; 沁水县 untouched.
const LIST = [
  county('140502', '城区', 'Chengqu District', null, '2024-01-01'),
  county('140521', '沁水县', 'Qinshui County', null, null),
  county('140599', '城区', 'Chengqu (new)', '2024-01-01', null),
];

let requests = 0;
beforeAll(async () => {
  vi.stubGlobal('fetch', async (path: string) => {
    requests++;
    expect(path).toBe('/api/counties');
    return new Response(JSON.stringify(LIST), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  await Promise.all([loadCounties(), loadCounties()]);
  await loadCounties();
  vi.unstubAllGlobals();
});
const inLang = (lang: 'zh' | 'en') => {
  vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } }); // setLang marks <html lang>
  setLang(lang);
};
afterEach(() => {
  inLang('zh');
  vi.unstubAllGlobals();
});

describe('the county store', () => {
  it('reads /api/counties once however often it is asked', () => {
    expect(requests).toBe(1);
    expect(allCounties().map((c) => c.code)).toEqual(['140502', '140521', '140599']);
  });

  it('offers the counties that exist on a day: an ended one before its end only', () => {
    expect(currentCounties('2023-12-31').map((c) => c.code)).toEqual(['140502', '140521']);
    expect(currentCounties('2024-01-01').map((c) => c.code)).toEqual(['140521', '140599']);
    expect(currentCounties().map((c) => c.code)).toEqual(['140521', '140599']);
    expect([isCurrentCounty('140502'), isCurrentCounty('140599'), isCurrentCounty('110000')]).toEqual([false, true, false]);
  });

  it('names a county in the page’s language, an unknown code as itself', () => {
    expect(countyName('140521')).toBe('沁水县');
    inLang('en');
    expect(countyName('140521')).toBe('Qinshui County');
    expect(countyName('140502')).toBe('Chengqu District');
    expect(countyName('110000')).toBe('110000');
  });

  it('finds a county-level place’s county by its Chinese label, today’s before the one a change ended', () => {
    expect(countyNamedZh(' 城区 ')?.code).toBe('140599');
    expect(countyNamedZh('沁水县')?.code).toBe('140521');
    expect(countyNamedZh('北京')).toBeUndefined();
  });
});
