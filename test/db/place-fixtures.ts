/** Place features for the map's helper tests, shaped as /api/products.geojson sends them. */
import type { CountyCode, GiType, PlaceCollection, PlaceFeature, Precision, Status } from '../../db/model';

/** A product as the fixtures describe it. */
export interface FixtureProduct {
  id: number;
  counties: CountyCode[];
  designations?: [GiType, Status][];
}

/** A place of a product: a point (exact/village/township), a county-level place, or the product's no-place feature. */
export function place(p: FixtureProduct, precision: Precision | null, countyCode: CountyCode | null = p.counties[0], at: [number, number] = [112.5, 35.5]): PlaceFeature {
  const point = precision === 'exact' || precision === 'village' || precision === 'township';
  return {
    type: 'Feature',
    id: `${p.id}-${precision ?? 'none'}`,
    geometry: point ? { type: 'Point', coordinates: at } : null,
    properties: {
      productId: p.id, nameZh: `产品${p.id}`, nameEn: `Product ${p.id}`, namePinyin: `chan pin ${p.id}`, category: 'food', counties: p.counties,
      designations: (p.designations ?? []).map(([giType, status], i) => ({ id: p.id * 10 + i, giType, markKind: null, status })),
      label: '', precision, countyCode: precision === null ? null : countyCode,
      divisionCode: null, divisionName: precision === 'township' ? '龙港镇' : null, thumbnailUrl: null, scopeCodes: [],
    },
  };
}

/** A collection of features. */
export const collection = (features: PlaceFeature[]): PlaceCollection & { type: 'FeatureCollection' } => ({ type: 'FeatureCollection', features });
