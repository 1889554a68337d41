/**
 * The map's clusters per tile: at every zoom the tiles split the points between them (counts add up, no
 * point in two tiles), a cluster says how many of its places are exact spots and where it splits, county
 * places are never clustered, and the deepest zoom shows every place on its own.
 */
import { describe, expect, it } from 'vitest';
import {
  isCluster, MAX_TILE_ZOOM, tileBounds, tileOf, type ClusterTile, type Precision, type ProductPointFeature, type ProductPoints,
} from '../../../db/model';
import { clusterIndex } from '../../../server/domain/products/product-clusters';

/** A place of product `id` at [lng, lat] (null: a county-level place) in county `county`. */
function place(id: number, at: [number, number] | null, precision: Precision = 'exact', county = '140521'): ProductPointFeature {
  return {
    type: 'Feature', id: `${id}-0`, geometry: at ? { type: 'Point', coordinates: at } : null,
    properties: {
      productId: id, nameZh: `产品${id}`, nameEn: null, namePinyin: `chan pin ${id}`, category: 'food', counties: [county], designations: [],
      label: '', precision: at ? precision : 'county', countyCode: county, divisionCode: null, divisionName: null, scopeCodes: [], thumbnailUrl: null,
    },
  };
}

/** A deterministic scatter of `n` places around Jincheng, every third one a village point, every seventh one county-level. */
function scatter(n: number): ProductPoints {
  const features: ProductPointFeature[] = [];
  for (let i = 1; i <= n; i++) {
    const at: [number, number] = [112.2 + ((i * 37) % 100) / 100, 35.3 + ((i * 61) % 80) / 100];
    features.push(place(i, i % 7 === 0 ? null : at, i % 3 === 0 ? 'village' : 'exact', i % 2 ? '140521' : '140525'));
  }
  return { type: 'FeatureCollection', features };
}

/** Every tile of zoom `z` that the points' box touches. */
function tilesOver(places: ProductPoints, z: number): ClusterTile[] {
  const index = clusterIndex(places);
  const coords = places.features.flatMap((f) => (f.geometry ? [f.geometry.coordinates] : []));
  const a = tileOf(Math.min(...coords.map((c) => c[0])), Math.max(...coords.map((c) => c[1])), z);
  const b = tileOf(Math.max(...coords.map((c) => c[0])), Math.min(...coords.map((c) => c[1])), z);
  const tiles: ClusterTile[] = [];
  for (let x = a.x; x <= b.x; x++) for (let y = a.y; y <= b.y; y++) tiles.push(index.tile({ z, x, y }));
  return tiles;
}

const countOf = (tile: ClusterTile) => tile.features.reduce((n, f) => n + (isCluster(f) ? f.properties.count : 1), 0);

describe('clusterIndex', () => {
  const places = scatter(700);
  const points = places.features.filter((f) => f.geometry).length;

  it.each([0, 6, 9, 11, 13, 15, MAX_TILE_ZOOM])('at zoom %i the tiles split the %s points between them', (z) => {
    const tiles = tilesOver(places, z);
    expect(tiles.reduce((n, t) => n + countOf(t), 0)).toBe(points);
    const ids = tiles.flatMap((t) => t.features.map((f) => f.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gathers the whole city into few clusters when zoomed out, and none at the deepest zoom', () => {
    const wide = tilesOver(places, 8).flatMap((t) => t.features);
    expect(wide.length).toBeLessThan(20);
    expect(wide.every(isCluster)).toBe(true);
    const deepest = tilesOver(places, MAX_TILE_ZOOM).flatMap((t) => t.features);
    expect(deepest.some(isCluster)).toBe(false);
    expect(deepest.length).toBe(points);
  });

  it('never makes a point of a county-level place', () => {
    const deepest = tilesOver(places, MAX_TILE_ZOOM).flatMap((t) => t.features);
    expect(deepest.every((f) => !isCluster(f) && f.properties.precision !== 'county')).toBe(true);
  });

  it('counts the exact spots of a cluster, and names it after its first place in the list', () => {
    const two = clusterIndex({ type: 'FeatureCollection', features: [place(5, [112.5, 35.5], 'village'), place(4, [112.5001, 35.5001]), place(6, [112.5, 35.5001], 'township')] });
    const { x, y } = tileOf(112.5, 35.5, 10);
    const [cluster] = two.tile({ z: 10, x, y }).features;
    expect(isCluster(cluster) && cluster.properties).toMatchObject({ count: 3, exact: 1, nameZh: '产品5' });
  });

  it('gives a cluster the zoom at which it splits, and it has split there', () => {
    const index = clusterIndex(places);
    const cluster = tilesOver(places, 9).flatMap((t) => t.features).find(isCluster)!;
    const { expansionZoom, count } = cluster.properties;
    expect(expansionZoom).toBeGreaterThan(9);
    const [lng, lat] = cluster.geometry.coordinates;
    // Where it was, the tiles of its expansion zoom hold more, smaller pieces.
    const { x, y } = tileOf(lng, lat, expansionZoom);
    const around = [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => index.tile({ z: expansionZoom, x: x + dx, y: y + dy })));
    const pieces = around.flatMap((t) => t.features).filter((f) => (isCluster(f) ? f.properties.count : 1) < count);
    expect(pieces.length).toBeGreaterThan(1);
  });

  it('keeps to one county when asked: its places only', () => {
    const index = clusterIndex(places, '140525');
    const inCounty = places.features.filter((f) => f.geometry && f.properties.countyCode === '140525').length;
    expect(index.points).toBe(inCounty);
    expect(countOf(index.tile({ z: 0, x: 0, y: 0 }))).toBe(inCounty);
  });

  it('numbers tiles as slippy maps do', () => {
    expect(tileOf(0, 0, 1)).toEqual({ x: 1, y: 1 });
    const [w, s, e, n] = tileBounds({ z: 10, ...tileOf(112.85, 35.49, 10) });
    expect(w <= 112.85 && 112.85 < e && s < 35.49 && 35.49 <= n).toBe(true);
  });
});
