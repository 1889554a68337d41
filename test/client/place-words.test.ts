import { beforeAll, describe, expect, it } from 'vitest';
import { placeWords, measureText } from '../../client/map/place-words';
import { typesText } from '../../client/map/map-popup';
import { loadSeededCounties } from './seeded-counties';
import '../support/all-catalogs';

// County names come from GET /api/counties, as on a page.
beforeAll(loadSeededCounties);

describe('placeWords (Chinese page)', () => {
  it.each([
    [{ precision: 'county', countyCode: '140521', divisionName: null, label: '沁水县' }, '仅知县：沁水县'],
    [{ precision: 'township', countyCode: '140524', divisionName: '崇文镇', label: '' }, '仅知乡镇：崇文镇'],
    [{ precision: 'village', countyCode: '140521', divisionName: '柳庄社区居委会', label: '' }, '仅知村：柳庄社区居委会'],
    [{ precision: 'exact', countyCode: '140521', divisionName: null, label: '甲果园' }, '精确位置：甲果园'],
    [{ precision: null, countyCode: null, divisionName: null, label: '' }, '未录位置'],
  ] as const)('%o → %s', (p, words) => {
    expect(placeWords(p, [112.3646, 35.7475])).toBe(words);
  });

  it('gives coordinates for an exact spot without a label, and never for a place known less exactly', () => {
    expect(placeWords({ precision: 'exact', countyCode: null, divisionName: null, label: '' }, [112.3646, 35.7475])).toContain('35.7475');
    for (const precision of ['village', 'township', 'county'] as const) {
      expect(placeWords({ precision, countyCode: '140521', divisionName: null, label: '' }, [112.3646, 35.7475])).not.toMatch(/\d+\.\d+/);
    }
  });
});

describe('the words beside a county and a marker', () => {
  it.each([
    ['in_force', 3, '有效 3 项'], ['in_progress', 1, '申报中 1 项'], ['cultivating', 0, '培育中 0 项'], ['filed', 2, '已申报 2 项'],
  ] as const)('%s %d → %s', (kind, n, text) => {
    expect(measureText(kind, n)).toBe(text);
  });

  it('says a product’s GIs, or that it is a candidate', () => {
    expect(typesText({ designations: [{ id: 1, giType: 'trademark', markKind: null, status: 'granted' }] })).toBe('地理标志商标 有效');
    expect(typesText({ designations: [] })).toBe('培育候选（尚未申报）');
  });
});
