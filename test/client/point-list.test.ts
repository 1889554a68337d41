import { describe, expect, it } from 'vitest';
import type { ProductPointCollection, ProductPointProperties } from '../../client/lib/api';
import { productsOfPoints } from '../../client/map/point-list';

const props = (id: number, nameZh: string): ProductPointProperties => ({
  productId: id, nameZh, nameEn: null, category: 'food', counties: ['140521'],
  designations: [{ id: id * 10, giType: 'trademark', markKind: 'collective', status: 'granted' }],
  label: '', precision: 'county', thumbnailUrl: null,
});
const point = (p: ProductPointProperties, lng = 112.5, lat = 35.5) =>
  ({ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [lng, lat] as [number, number] }, properties: p });

describe('productsOfPoints', () => {
  it('lists each product once, in the order of its first point', () => {
    const a = props(7, '阳城桑椹');
    const b = props(3, '沁水蜂蜜');
    const points: ProductPointCollection = { type: 'FeatureCollection', features: [point(b), point(b, 112.6), point(a), point(b, 112.7)] };
    const items = productsOfPoints(points);
    expect(items.map((p) => p.id)).toEqual([3, 7]);
    expect(items[0]).toEqual({
      id: 3, nameZh: '沁水蜂蜜', nameEn: null, category: 'food', counties: ['140521'], designations: b.designations, located: true,
    });
  });

  it('takes a feature without geometry as a product with no location', () => {
    const items = productsOfPoints({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: null, properties: props(1, '甲') }] });
    expect(items.map((p) => p.located)).toEqual([false]);
  });

  it('lists nothing for no points', () => {
    expect(productsOfPoints({ type: 'FeatureCollection', features: [] })).toEqual([]);
  });
});
