import { describe, expect, it } from 'vitest';
import { areaFromGeoJson, areaFromText, vertexTotal } from '../../../client/admin/area';

const ring = [[112.1, 35.6], [112.3, 35.6], [112.3, 35.8], [112.1, 35.6]];
const polygon = { type: 'Polygon', coordinates: [ring] };
const feature = (geometry: unknown) => ({ type: 'Feature', properties: { name: 'x' }, geometry });

describe('areaFromGeoJson', () => {
  it.each([
    ['a bare Polygon', polygon, 'Polygon'],
    ['a MultiPolygon', { type: 'MultiPolygon', coordinates: [[ring]] }, 'MultiPolygon'],
    ['a Feature', feature(polygon), 'Polygon'],
    ['a FeatureCollection of one', { type: 'FeatureCollection', features: [feature(polygon)] }, 'Polygon'],
    ['a Polygon with a bbox (dropped)', { ...polygon, bbox: [112.1, 35.6, 112.3, 35.8] }, 'Polygon'],
  ])('accepts %s', (_, value, type) => {
    const read = areaFromGeoJson(value);
    expect(read.ok && read.geometry.type).toBe(type);
  });

  it('merges several polygon features into one MultiPolygon', () => {
    const read = areaFromGeoJson({ type: 'FeatureCollection', features: [feature(polygon), feature({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })] });
    expect(read.ok && read.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[ring], [ring], [ring]] });
  });

  it.each([
    ['a Point', { type: 'Point', coordinates: [112.2, 35.7] }, /没有多边形/],
    ['a Feature without geometry', feature(null), /没有多边形/],
    ['an empty FeatureCollection', { type: 'FeatureCollection', features: [] }, /没有多边形/],
    ['a collection mixing points', { type: 'FeatureCollection', features: [feature(polygon), feature({ type: 'Point', coordinates: [1, 2] })] }, /没有多边形/],
    ['an open ring', { type: 'Polygon', coordinates: [ring.slice(0, 3).concat([[112.2, 35.9]])] }, /闭合/],
    ['swapped coordinates', { type: 'Polygon', coordinates: [ring.map(([x, y]) => [y, x])] }, /不在晋城市范围内/],
    ['a polygon elsewhere (Beijing)', { type: 'Polygon', coordinates: [ring.map(([x, y]) => [x + 4.3, y + 4.3])] }, /不在晋城市范围内/],
    ['a number', 42, /没有多边形/],
  ])('refuses %s', (_, value, message) => {
    const read = areaFromGeoJson(value);
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.error).toMatch(message);
  });
});

describe('areaFromText', () => {
  it('refuses text that is not JSON', () => {
    expect(areaFromText('{not json')).toEqual({ ok: false, error: '文件不是有效的 JSON。' });
  });
  it('reads a file’s text', () => {
    const read = areaFromText(JSON.stringify(feature(polygon)));
    expect(read.ok && vertexTotal(read.geometry)).toBe(4);
  });
});
