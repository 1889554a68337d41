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

interface Feature { type: 'Feature'; id?: string | number; geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }
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
  it('products.geojson: one id per place, <productId>-<position>, the product in properties.productId', async () => {
    const places = await features('/api/products.geojson');
    expect(places.length).toBe(21); // 16 seeded products, 晋城药茶 in six counties
    expectGisReady(places);
    for (const f of places) expect(f.id).toMatch(new RegExp(`^${f.properties.productId as number}-\\d+$`));
    // 晋城药茶 is in all six counties: six features, six ids, one product.
    const tea = places.filter((f) => f.properties.nameZh === '晋城药茶');
    expect(tea.map((f) => f.id)).toEqual([0, 1, 2, 3, 4, 5].map((i) => `${tea[0].properties.productId as number}-${i}`));
    expect(tea.map((f) => f.properties.countyCode)).toEqual(['140502', '140521', '140522', '140524', '140525', '140581']);
  });

  it('products.geojson: a place known only by county is no point, and says its precision and county', async () => {
    const places = await features('/api/products.geojson');
    // Every seeded place is known by its county alone: no geometry (GDAL writes no point), precision and county said.
    expect(new Set(places.map((f) => f.properties.precision))).toEqual(new Set(['county']));
    for (const f of places) {
      expect(f.geometry).toBeNull();
      expect(f.properties.counties).toContain(f.properties.countyCode);
      expect(f.properties).toMatchObject({ divisionCode: null, divisionName: null });
      // The stored point (the county's label anchor) is not published in any form.
      expect(JSON.stringify(f)).not.toMatch(/"(lat|lng|coordinates)"/);
    }
    const honey = places.find((f) => f.properties.nameZh === '沁水蜂蜜')!;
    expect(honey.properties).toMatchObject({ precision: 'county', countyCode: '140521', label: '沁水县' });
  });

  it('products.geojson: a public product with no place still has one feature, without geometry or precision', async () => {
    await addAccount(server.db, 'yangcheng', 'official', '140522');
    const cookie = await signIn(server.url, 'yangcheng');
    const created = await send(server.url, 'POST', '/api/products', {
      nameZh: '阳城无位置品', category: 'food', counties: ['140522'], visibility: 'public', locations: [],
    }, cookie);
    expect(created.status).toBe(201);
    const places = await features('/api/products.geojson');
    expectGisReady(places);
    const mine = places.filter((f) => f.properties.productId === created.body.id);
    expect(mine).toEqual([expect.objectContaining({ id: `${created.body.id}-none`, geometry: null })]);
    expect(mine[0].properties).toMatchObject({ precision: null, countyCode: null, label: '' });
    expect((await features('/api/products.geojson?county=140522')).map((f) => f.id)).toContain(`${created.body.id}-none`);
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
      locations: [
        { lat: 35.79, lng: 112.92, label: '甲', precision: 'township', divisionCode: '140581001000' },
        { lat: 35.8, lng: 112.93, label: '乙', precision: 'exact' },
      ],
    }, cookie);
    expect(created.status).toBe(201);
    const after = await features('/api/products.geojson');
    expectGisReady(after);
    const mine = after.filter((f) => f.properties.productId === created.body.id);
    expect(mine.map((f) => f.id)).toEqual([`${created.body.id}-0`, `${created.body.id}-1`]);
    // Township and exact places are points, each saying how exactly it is known; a township names its unit.
    expect(mine.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [112.92, 35.79] }, { type: 'Point', coordinates: [112.93, 35.8] },
    ]);
    expect(mine.map((f) => [f.properties.precision, f.properties.countyCode, f.properties.divisionCode, f.properties.divisionName])).toEqual([
      ['township', '140581', '140581001000', '北城街道'], ['exact', '140581', null, null],
    ]);
    for (const f of after.filter((f) => f.properties.productId !== created.body.id)) expect(before.get(f.id)).toEqual(f);
  });
});
