import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CountyCode, Precision } from '../../db/model';
import { countyShownCount, tallyPlaces } from '../../db/model';
import { collection, place } from './place-fixtures';
import { SEEDED_COUNTY_CODES } from '../support/seeded-counties';

const QINSHUI = '140521';
const YANGCHENG = '140522';

describe('tallyPlaces', () => {
  it('draws no county-level place as a point: one product per county badge, a product of several counties once', () => {
    const honey = { id: 1, counties: [QINSHUI] as CountyCode[] };
    const tea = { id: 2, counties: [...SEEDED_COUNTY_CODES] };
    const t = tallyPlaces(collection([place(honey, 'county'), ...SEEDED_COUNTY_CODES.map((c) => place(tea, 'county', c))]));
    expect(t.points).toEqual([]);
    expect(t.products).toBe(2);
    expect([...t.byCounty].map(([code, list]) => [code, list.map((s) => s.product.productId)])).toEqual([[QINSHUI, [1]]]);
    expect(t.multiCounty.map((s) => [s.product.productId, s.counties.length])).toEqual([[2, 6]]);
    expect(t.byPlacement).toEqual({ exact: 0, village: 0, township: 0, county: 2, none: 0 });
    expect(countyShownCount(t)).toBe(2);
  });

  it('counts a product by its finest place; its points are the markers, each a real place', () => {
    const p = { id: 3, counties: [QINSHUI, YANGCHENG] as CountyCode[] };
    const t = tallyPlaces(collection([place(p, 'county', YANGCHENG), place(p, 'township', QINSHUI), place(p, 'exact', QINSHUI, [112.3, 35.7])]));
    expect(t.byPlacement.exact).toBe(1);
    expect(t.points.map((f) => f.properties.precision)).toEqual(['township', 'exact']);
    expect(countyShownCount(t)).toBe(0);
  });

  it('shows a product with no place on its county, said as unplaced', () => {
    const p = { id: 4, counties: [YANGCHENG] as CountyCode[] };
    const t = tallyPlaces(collection([place(p, null)]));
    expect(t.byPlacement.none).toBe(1);
    expect(t.byCounty.get(YANGCHENG)?.map((s) => s.placement)).toEqual(['none']);
  });

  it('shows the chosen county alone: points elsewhere are not drawn, a product of several counties sits on it', () => {
    const tea = { id: 2, counties: [...SEEDED_COUNTY_CODES] };
    const spread = { id: 5, counties: [QINSHUI, YANGCHENG] as CountyCode[] };
    const t = tallyPlaces(collection([
      ...SEEDED_COUNTY_CODES.map((c) => place(tea, 'county', c)),
      place(spread, 'exact', YANGCHENG, [112.4, 35.45]),
    ]), { county: QINSHUI });
    expect(t.points).toEqual([]);
    expect(t.multiCounty).toEqual([]);
    // In 沁水县 the spread product has no place but is of the county: known there by the county alone.
    expect(t.byCounty.get(QINSHUI)?.map((s) => s.product.productId)).toEqual([2, 5]);
    expect([...t.byCounty.keys()]).toEqual([QINSHUI]);
  });

  it('always accounts for every product exactly once: markers’ products + county-shown + nowhere = products', () => {
    const precision = fc.constantFrom<Precision | null>('exact', 'village', 'township', 'county', null);
    const county = fc.constantFrom(...SEEDED_COUNTY_CODES);
    const product = fc.record({ counties: fc.uniqueArray(county, { minLength: 1, maxLength: 6 }), places: fc.array(fc.tuple(precision, county), { maxLength: 4 }) });
    fc.assert(fc.property(fc.array(product, { maxLength: 12 }), fc.option(county, { nil: null }), (products, chosen) => {
      const features = products.flatMap((p, i) => {
        const fp = { id: i + 1, counties: p.counties };
        const places = p.places.filter(([pr]) => pr !== null);
        return places.length === 0 ? [place(fp, null)] : places.map(([pr, c]) => place(fp, pr, p.counties.includes(c) ? c : p.counties[0]));
      });
      // The server lists a product under a county filter when the product is of that county.
      const listed = features.filter((f) => !chosen || f.properties.counties.includes(chosen));
      const t = tallyPlaces(collection(listed), { county: chosen });
      const pointProducts = new Set(t.points.map((f) => f.properties.productId)).size;
      expect(pointProducts + countyShownCount(t) + t.nowhere.length).toBe(t.products);
      expect(Object.values(t.byPlacement).reduce((a, b) => a + b, 0)).toBe(t.products);
      expect(t.points.every((f) => f.geometry !== null)).toBe(true);
      if (chosen) {
        expect([...t.byCounty.keys()].every((c) => c === chosen)).toBe(true);
        expect(t.points.every((f) => f.properties.countyCode === chosen)).toBe(true);
        expect(t.nowhere).toEqual([]);
      }
    }));
  });
});
