/** Location labels in the page's language: county names translated, other labels marked with their language. */
import { beforeAll, afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../client/i18n';
import { locationWords, shownLabel } from '../../client/lib/location-label';
import { loadSeededCounties } from './seeded-counties';
import '../support/all-catalogs';

// County names come from GET /api/counties, as on a page.
beforeAll(loadSeededCounties);

const inLang = (lang: 'zh' | 'en') => {
  vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } }); // setLang marks <html lang>
  setLang(lang);
};
afterEach(() => {
  setLang('zh');
  vi.unstubAllGlobals();
});

describe('shownLabel', () => {
  it.each([
    ['zh', { label: '沁水县', precision: 'county' }, { text: '沁水县', lang: undefined }],
    ['en', { label: '沁水县', precision: 'county' }, { text: 'Qinshui County', lang: undefined }],
    ['en', { label: '城区', precision: 'county' }, { text: 'Chengqu District', lang: undefined }],
    ['en', { label: '沁水县', precision: 'exact' }, { text: '沁水县', lang: 'zh-CN' }],
    ['en', { label: '龙港镇', precision: 'township' }, { text: '龙港镇', lang: 'zh-CN' }],
    ['en', { label: 'Longgang town', precision: 'township' }, { text: 'Longgang town', lang: undefined }],
    ['zh', { label: 'Longgang town', precision: 'township' }, { text: 'Longgang town', lang: 'en' }],
    ['zh', { label: '龙港镇 3 号', precision: 'exact' }, { text: '龙港镇 3 号', lang: undefined }],
    ['en', { label: '', precision: 'exact' }, { text: '', lang: undefined }],
  ] as const)('on a %s page, %j shows as %j', (lang, location, shown) => {
    inLang(lang);
    expect(shownLabel(location)).toEqual(shown);
  });
});

describe('locationWords', () => {
  it.each([
    ['zh', 'exact', '', '精确位置：35.828748, 112.31727'],
    ['zh', 'county', '沁水县', '仅知县：沁水县'],
    ['zh', 'township', '龙港镇', '仅知乡镇：龙港镇'],
    ['zh', 'village', '', '仅知村：（未注明）'],
    ['en', 'county', 'Qinshui County', 'Known only to the county: Qinshui County'],
    ['en', 'exact', '', 'Exact spot: 35.828748, 112.31727'],
  ] as const)('on a %s page, a %s location says %j', (lang, precision, place, words) => {
    inLang(lang);
    expect(locationWords({ precision, lat: 35.828748, lng: 112.31727 }, place)).toBe(words);
  });

  it('never gives coordinates for a location known only to its village, township or county', () => {
    inLang('zh');
    for (const precision of ['village', 'township', 'county'] as const) {
      expect(locationWords({ precision, lat: 35.828748, lng: 112.31727 }, '某地')).not.toMatch(/35\.8|112\.3/);
    }
  });
});
