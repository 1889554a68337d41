/**
 * GET /api/clusters.geojson over HTTP against a real SQLite file: the tiles of every zoom add up to the
 * points products.geojson answers with (each once), precision is kept (a village point stays a village
 * point, a cluster counts its exact spots, county-level places are never in a tile), bad tiles are a 400
 * in the usual shape, the public sees public products only while an official also sees the county's
 * drafts, the filters narrow the points, and a write is seen in the next tile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCluster, tileOf, type ClusterTile, type County } from '../../db/model';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

const DUANSHI_VILLAGE = '140521103200'; // 端氏村委会, 沁水县

let s: TestServer;
let official: string;
let qinshui: { lat: number; lng: number };
let draftId: number;
beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qinshui', 'official', '140521');
  official = await signIn(s.url, 'qinshui');
  const counties: County[] = (await send(s.url, 'GET', '/api/counties')).body;
  qinshui = counties.find((c) => c.code === '140521')!.label;
  // Ten public products of 沁水 with two exact spots each, in a row 300 m apart, and one village place each.
  for (let i = 0; i < 10; i++) {
    const at = (d: number) => ({ lat: qinshui.lat + (i - 5) * 0.003, lng: qinshui.lng + d });
    const locations = [
      { ...at(0), label: `加工厂${i}`, precision: 'exact' },
      { ...at(0.004), label: `基地${i}`, precision: 'exact' },
      { ...qinshui, label: '端氏村', precision: 'village', divisionCode: DUANSHI_VILLAGE },
      { ...qinshui, label: '沁水县', precision: 'county' },
    ];
    const made = await send(s.url, 'POST', '/api/products', {
      nameZh: `端氏样品${i}`, category: 'food', counties: ['140521'], visibility: 'public', locations,
    }, official);
    expect(made.status).toBe(201);
  }
  // A draft with one spot: the county's officials see it, the public does not.
  const draft = await send(s.url, 'POST', '/api/products', {
    nameZh: '端氏草稿', category: 'food', counties: ['140521'], locations: [{ ...qinshui, label: '草稿', precision: 'exact' }],
  }, official);
  expect(draft.status).toBe(201);
  draftId = draft.body.id;
});
afterAll(() => s.close());

const tile = async (z: number, x: number, y: number, query = '', cookie?: string) => {
  const res = await send(s.url, 'GET', `/api/clusters.geojson?z=${z}&x=${x}&y=${y}${query}`, undefined, cookie);
  expect(res.status).toBe(200);
  return res;
};

/** Every feature of the tiles of zoom `z` that cover the viewer's points (and a tile more on each side). */
async function featuresAt(z: number, query = '', cookie?: string): Promise<ClusterTile['features']> {
  const coords = (await pointsOf('', cookie)).map((f) => f.geometry.coordinates);
  const a = tileOf(Math.min(...coords.map((c) => c[0])), Math.max(...coords.map((c) => c[1])), z);
  const b = tileOf(Math.max(...coords.map((c) => c[0])), Math.min(...coords.map((c) => c[1])), z);
  const features: ClusterTile['features'] = [];
  for (let x = a.x - 1; x <= b.x + 1; x++) {
    for (let y = a.y - 1; y <= b.y + 1; y++) features.push(...(await tile(z, x, y, query, cookie)).body.features);
  }
  return features;
}

const countOf = (features: ClusterTile['features']) => features.reduce((n, f) => n + (isCluster(f) ? f.properties.count : 1), 0);

/** The points of products.geojson for the same viewer and filters. */
async function pointsOf(query = '', cookie?: string) {
  const res = await send(s.url, 'GET', `/api/products.geojson${query ? `?${query.slice(1)}` : ''}`, undefined, cookie);
  return (res.body.features as { geometry: { coordinates: [number, number] } | null; properties: { precision: string } }[])
    .filter((f): f is { geometry: { coordinates: [number, number] }; properties: { precision: string } } => f.geometry !== null);
}

describe('GET /api/clusters.geojson', () => {
  it.each([6, 9, 11, 13, 15, 17])('at zoom %i the tiles add up to the points of products.geojson', async (z) => {
    const points = await pointsOf();
    expect(points.length).toBe(30);
    const features = await featuresAt(z);
    expect(countOf(features)).toBe(points.length);
    const ids = features.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gathers the places when zoomed out and shows each alone at the deepest zoom, at its precision', async () => {
    const wide = await featuresAt(9);
    expect(wide.length).toBe(1);
    expect(isCluster(wide[0]) && wide[0].properties).toMatchObject({ count: 30, exact: 20 });
    expect(isCluster(wide[0]) && wide[0].properties.expansionZoom).toBeGreaterThan(9);
    const deepest = await featuresAt(17);
    expect(deepest.some(isCluster)).toBe(false);
    const precisions = deepest.map((f) => (isCluster(f) ? 'cluster' : f.properties.precision));
    // The ten village places share the village's point: never clustered at 17, each stays a village place.
    expect(precisions.filter((p) => p === 'village')).toHaveLength(10);
    expect(precisions.filter((p) => p === 'exact')).toHaveLength(20);
    expect(precisions).not.toContain('county');
  });

  it.each([[9, 2], [13, 1], [17, 2]])('at zoom %i a block of span %i holds exactly the clusters of its tiles', async (z, span) => {
    const block = tileOf(qinshui.lng, qinshui.lat, z - span);
    const res = await send(s.url, 'GET', `/api/clusters.geojson?z=${z}&x=${block.x}&y=${block.y}&span=${span}`);
    expect(res.status).toBe(200);
    const tiles: ClusterTile['features'] = [];
    const side = 2 ** span;
    for (let dx = 0; dx < side; dx++) {
      for (let dy = 0; dy < side; dy++) tiles.push(...(await tile(z, block.x * side + dx, block.y * side + dy)).body.features);
    }
    expect(tiles.length).toBeGreaterThan(0);
    const byId = (f: ClusterTile['features']) => [...f].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(byId(res.body.features)).toEqual(byId(tiles));
  });

  it('answers GeoJSON with an ETag, for any site (open data), kept by shared caches for the public only', async () => {
    const { x, y } = tileOf(qinshui.lng, qinshui.lat, 10);
    const res = await tile(10, x, y);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(res.headers.get('cache-control')).toBe('public, no-cache');
    expect((await send(s.url, 'GET', `/api/clusters.geojson?z=10&x=${x}&y=${y}`, undefined, undefined, { origin: 'https://example.org' }))
      .headers.get('access-control-allow-origin')).toBe('*');
    const again = await send(s.url, 'GET', `/api/clusters.geojson?z=10&x=${x}&y=${y}`, undefined, undefined, { 'if-none-match': res.headers.get('etag')! });
    expect(again.status).toBe(304);
    expect((await tile(10, x, y, '', official)).headers.get('cache-control')).toBe('private, no-cache');
  });

  it('shows an official the drafts of the county, and the public only public products', async () => {
    expect(countOf(await featuresAt(12))).toBe(30);
    expect(countOf(await featuresAt(12, '', official))).toBe(31);
    const ids = (await featuresAt(17, '', official)).flatMap((f) => (isCluster(f) ? [] : [f.properties.productId]));
    expect(ids).toContain(draftId);
  });

  it('follows the filters: another county has none of these places, a search keeps its own', async () => {
    expect(countOf(await featuresAt(9, '&county=140525'))).toBe(0);
    expect(countOf(await featuresAt(13, '&county=140521'))).toBe(30);
    expect(countOf(await featuresAt(13, `&q=${encodeURIComponent('端氏样品3')}`))).toBe(3);
    expect((await send(s.url, 'GET', '/api/clusters.geojson?z=9&x=1&y=1&county=999999')).status).toBe(400);
  });

  it('sees a write at once: a new spot is in the next tile asked for', async () => {
    const before = countOf(await featuresAt(11, '', official));
    const located = [{ ...qinshui, label: '草稿', precision: 'exact' }, { lat: qinshui.lat + 0.001, lng: qinshui.lng, label: '新点', precision: 'exact' }];
    expect((await send(s.url, 'PATCH', `/api/products/${draftId}`, { locations: located }, official)).status).toBe(200);
    expect(countOf(await featuresAt(11, '', official))).toBe(before + 1);
  });

  const bad: [string, string, string][] = [
    ['a zoom past the deepest', 'z=18&x=0&y=0', 'z'],
    ['x outside the zoom', 'z=3&x=8&y=0', 'x'],
    ['y outside the zoom', 'z=3&x=0&y=8', 'x'],
    ['a negative y', 'z=3&x=0&y=-1', 'y'],
    ['a zoom that is no number', 'z=ten&x=0&y=0', 'z'],
    ['a fraction', 'z=3.5&x=0&y=0', 'z'],
    ['no y', 'z=3&x=0', 'y'],
    ['an unknown parameter', 'z=3&x=0&y=0&bbox=1,2,3,4', 'bbox'],
    ['a span wider than the blocks', 'z=9&x=0&y=0&span=3', 'span'],
    ['a span past the world', 'z=1&x=0&y=0&span=2', 'span'],
    ['x outside the block zoom', 'z=5&x=8&y=0&span=2', 'x'],
  ];
  it.each(bad)('refuses %s with a 400 naming the parameter', async (_, query, param) => {
    const res = await send(s.url, 'GET', `/api/clusters.geojson?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toContain(param);
  });
});
