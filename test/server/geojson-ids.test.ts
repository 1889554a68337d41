/**
 * Every GeoJSON the API serves gives each feature its own top-level id, the same id in every build
 * of the same data, and properties a GIS tool can turn into columns: no two names equal when case is
 * ignored, and none called `id` or `fid` (GDAL takes those as the feature id: a product in six
 * counties used to give six features with one `properties.id`, and `ogr2ogr -f GPKG` failed with
 * "UNIQUE constraint failed").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productPointsSnapshot } from '../../server/snapshot/public-snapshot';
import { call, startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

interface Feature { type: 'Feature'; id?: string | number; properties: Record<string, unknown> }
const features = async (path: string): Promise<Feature[]> => {
  const { status, body } = await call(`${server.url}${path}`);
  expect(status).toBe(200);
  return body.features;
};

/** What GDAL needs to write a GeoPackage: unique ids, and columns that do not collide with each other or the FID. */
function expectGisReady(list: Feature[]) {
  const ids = list.map((f) => f.id);
  expect(ids.every((id) => typeof id === 'string' || typeof id === 'number')).toBe(true);
  expect(new Set(ids).size).toBe(ids.length);
  for (const f of list) {
    const names = Object.keys(f.properties).map((n) => n.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(names).not.toContain('id');
    expect(names).not.toContain('fid');
  }
}

describe('GeoJSON feature ids', () => {
  it('products.geojson: one id per location, <productId>-<position>, the product in properties.productId', async () => {
    const points = await features('/api/products.geojson');
    expect(points.length).toBe(21); // 16 seeded products, 晋城药茶 at six county points
    expectGisReady(points);
    for (const f of points) expect(f.id).toMatch(new RegExp(`^${f.properties.productId as number}-\\d+$`));
    // 晋城药茶 is in all six counties: six features, six ids, one product.
    const tea = points.filter((f) => f.properties.nameZh === '晋城药茶');
    expect(tea.map((f) => f.id)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `${tea[0].properties.productId as number}-${i}`));
  });

  it('counties.geojson: the county code as id, no colliding properties', async () => {
    const counties = await features('/api/counties.geojson');
    expect(counties.map((f) => f.id)).toEqual(['140502', '140521', '140522', '140524', '140525', '140581']);
    expectGisReady(counties);
  });

  it('a feature keeps its id in every build: again, filtered, and after other products change', async () => {
    const text = productPointsSnapshot(server.db, {}, null).text;
    expect(productPointsSnapshot(server.db, {}, null).text).toBe(text);
    const before = new Map((JSON.parse(text).features as Feature[]).map((f) => [f.id, f]));
    const filtered = await features('/api/products.geojson?county=140521');
    expect(filtered.length).toBeGreaterThan(0);
    for (const f of filtered) expect(before.get(f.id)).toEqual(f);

    await addAccount(server.db, 'gaoping', 'official', '140581');
    const cookie = await signIn(server.url, 'gaoping');
    const created = await send(server.url, 'POST', '/api/products', {
      nameZh: '高平新品', category: 'food', counties: ['140581'], visibility: 'public',
      locations: [{ lat: 35.79, lng: 112.92, label: '甲', precision: 'township' }, { lat: 35.8, lng: 112.93, label: '乙', precision: 'township' }],
    }, cookie);
    expect(created.status).toBe(201);
    const after = await features('/api/products.geojson');
    expectGisReady(after);
    expect(after.filter((f) => f.properties.productId === created.body.id).map((f) => f.id))
      .toEqual([`${created.body.id}-0`, `${created.body.id}-1`]);
    for (const f of after.filter((f) => f.properties.productId !== created.body.id)) expect(before.get(f.id)).toEqual(f);
  });
});
