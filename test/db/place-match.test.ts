/**
 * The lookup's one rule (db/model/place-match.ts), as the server and the static copy both apply it: a
 * query read as a code, a code's first digits or a name part after NFKC; matches in the index's order,
 * at most 50, with `truncated` when more match.
 */
import { describe, expect, it } from 'vitest';
import { firstMatches, lookupInPlacesIndex, matchesPlace, placeQuery, type PlacesIndex } from '../../db/model';

describe('placeQuery', () => {
  it.each([
    ['140521103200', { by: 'code', code: '140521103200' }],
    ['１４０５２１１０３２００', { by: 'code', code: '140521103200' }],
    [' 140521 103 ', { by: 'prefix', prefix: '140521103' }],
    ['14052110', { by: 'name', name: '14052110' }],
    ['1405211032001', { by: 'name', name: '1405211032001' }],
    ['端氏　村', { by: 'name', name: '端氏村' }],
    ['  ', null],
  ])('reads %j', (q, read) => {
    expect(placeQuery(q)).toEqual(read);
  });
});

describe('matchesPlace', () => {
  const unit = { code: '140521103200', name: '端氏村委会' };
  it.each([
    ['端氏村', true], ['氏村委', true], ['端氏镇', false], ['140521103200', true], ['140521103201', false],
    ['140521103', true], ['140521104', false], ['ＤＵＡＮ', false],
  ])('%s → %s', (q, hit) => {
    expect(matchesPlace(unit, placeQuery(q)!)).toBe(hit);
  });
});

describe('firstMatches and lookupInPlacesIndex', () => {
  const units = Array.from({ length: 60 }, (_, i) => ({ code: `140521103${String(200 + i)}`, name: `第${i}村委会` }));
  it('keeps the order, stops at 50 and says so', () => {
    const { items, truncated } = firstMatches(units, '村委会');
    expect(items).toHaveLength(50);
    expect(items[0].code).toBe('140521103200');
    expect(truncated).toBe(true);
    expect(firstMatches(units, '第5村')).toEqual({ items: [units[5]], truncated: false });
  });

  it('answers from an index with the query trimmed', () => {
    const index: PlacesIndex = { units: units.slice(0, 2).map((u) => ({
      unit: { ...u, level: 'village', countyCode: '140521', townshipCode: '140521103000' },
      countyNameZh: '沁水县', countyNameEn: 'Qinshui', townshipName: '端氏镇', areas: [],
    })) };
    expect(lookupInPlacesIndex(index, ' 第1村 ')).toEqual({ query: '第1村', units: [index.units[1]], truncated: false });
  });
});
