/**
 * Location sanity over HTTP: a product's points must lie in one of its counties, on create, on a
 * PATCH of the locations or of the counties alone, and through a spreadsheet import; the refusal
 * names the county the point is in (or says it is outside Jincheng), in Chinese and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import * as t from '../../../db/schema';
import { countyBoundaries, misplacedLocations } from '../../../server/domain/places/location-check';
import { startServer, type TestServer } from '../../support/server';
import { addAccount, dumpTables, send, signIn } from '../fixtures';

let s: TestServer;
let admin: string;
let gaoping: string;

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  await addAccount(s.db, 'gaoping', 'official', '140581');
  [admin, gaoping] = await Promise.all([signIn(s.url, 'city'), signIn(s.url, 'gaoping')]);
});
afterAll(() => s.close());

/** Points whose county was found from the seeded boundaries. */
const IN = {
  qinshui: { lat: 35.69, lng: 112.19 },
  chengqu: { lat: 35.52, lng: 112.84 },
  gaoping: { lat: 35.8, lng: 112.92 },
  zezhou: { lat: 35.43018, lng: 112.757945 },
  /** In Jincheng's bounding box, but in no county of Jincheng (Changzhi's 沁源 side). */
  outside: { lat: 36.0, lng: 111.8 },
};
const at = (p: { lat: number; lng: number }, label = '') => ({ ...p, label, precision: 'exact' as const, divisionCode: null });
const create = (body: object, cookie = gaoping) =>
  send(s.url, 'POST', '/api/products', { category: 'food', counties: ['140581'], ...body }, cookie);

describe('a point outside its counties', () => {
  it('is refused on create, naming the county it is in, in Chinese and English, and nothing is written', async () => {
    const before = dumpTables(s.db);
    const res = await create({ nameZh: '高平试点甲', locations: [at(IN.gaoping), at(IN.qinshui)] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('location_outside_county');
    expect(res.body.error.message).toBe(
      '位置 2（35.69, 112.19）在沁水县，不在本产品所属的高平市 / Location 2 (35.69, 112.19) is in Qinshui County, not in Gaoping City, this product\'s county');
    expect(res.body.error.issues).toEqual([{ path: ['locations', 1], message: res.body.error.message }]);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('says when a point is outside Jincheng altogether, and names every county of a shared product', async () => {
    const res = await create({ nameZh: '高平试点乙', counties: ['140581', '140525'], locations: [at(IN.outside)] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      '位置 1（36, 111.8）在晋城市以外，不在本产品所属的泽州县、高平市 / Location 1 (36, 111.8) is outside Jincheng, not in this product\'s counties, Zezhou County or Gaoping City');
  });

  it('refuses a point in 城区 for a 泽州县-only product (城区 is the hole in 泽州县), and takes it once 城区 is added', async () => {
    const refused = await create({ nameZh: '泽州试点', counties: ['140525'], locations: [at(IN.chengqu)] }, admin);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('在城区，不在本产品所属的泽州县');
    expect(refused.body.error.message).toContain('is in Chengqu District, not in Zezhou County');
    const taken = await create({ nameZh: '泽州试点', counties: ['140525', '140502'], locations: [at(IN.chengqu), at(IN.zezhou)] }, admin);
    expect(taken.status).toBe(201);
  });

  it('is refused on a PATCH of the locations', async () => {
    const { body: p } = await create({ nameZh: '高平试点丙', locations: [at(IN.gaoping)] });
    const res = await send(s.url, 'PATCH', `/api/products/${p.id}`, { locations: [at(IN.gaoping), at(IN.chengqu, '城区')] }, gaoping);
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toEqual(['locations', 1]);
    expect(res.body.error.message).toContain('位置 2（35.52, 112.84）在城区，不在本产品所属的高平市');
    expect((await send(s.url, 'GET', `/api/products/${p.id}`, undefined, gaoping)).body.locations).toEqual([at(IN.gaoping)]);
  });

  it('is refused on a PATCH of the counties alone, when the stored points no longer fit', async () => {
    const { body: p } = await create({ nameZh: '高平试点丁', counties: ['140581', '140525'], locations: [at(IN.zezhou)] }, admin);
    const res = await send(s.url, 'PATCH', `/api/products/${p.id}`, { counties: ['140581'] }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('位置 1（35.43018, 112.757945）在泽州县，不在本产品所属的高平市');
    expect((await send(s.url, 'GET', `/api/products/${p.id}`, undefined, admin)).body.counties).toEqual(['140525', '140581']);
    // Moving the point and the county together is fine.
    const both = await send(s.url, 'PATCH', `/api/products/${p.id}`, { counties: ['140581'], locations: [at(IN.gaoping)] }, admin);
    expect(both.status).toBe(200);
  });

  it('is reported on the import row that would move a product away from its point', async () => {
    const { body: p } = await create({ nameZh: '高平试点戊', locations: [at(IN.gaoping)] }, admin);
    const file = ['产品编号,产品名称,类别,所在县', `${p.id},高平试点戊,食用农林产品及食品,阳城县`].join('\r\n');
    const res = await send(s.url, 'POST', '/api/import', { format: 'csv', data: Buffer.from(file).toString('base64') }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('import_failed');
    expect(res.body.report.rows[0].outcome).toBe('error');
    expect(res.body.report.rows[0].problems).toEqual([expect.objectContaining({
      zh: '位置 1（35.8, 112.92）在高平市，不在本产品所属的阳城县',
      en: 'Location 1 (35.8, 112.92) is in Gaoping City, not in Yangcheng County, this product\'s county',
    })]);
  });
});

describe('points that fit', () => {
  it('every seeded product sits in its own counties', () => {
    const products = s.db.select().from(t.products).all();
    expect(products.length).toBeGreaterThan(0);
    for (const p of products) {
      const counties = s.db.select().from(t.productCounties).all().filter((c) => c.productId === p.id).map((c) => c.countyCode);
      const locations = s.db.select().from(t.locations).all().filter((l) => l.productId === p.id);
      expect(misplacedLocations(s.db, counties, locations), p.nameZh).toEqual([]);
    }
  });

  it('a point in either county of a shared product is taken', async () => {
    const res = await create({ nameZh: '高平泽州共有', counties: ['140581', '140525'], locations: [at(IN.gaoping), at(IN.zezhou)] });
    expect(res.status).toBe(201);
  });
});

describe('the boundaries kept between writes', () => {
  it('are not read again for a product write, and are for a county change, even one made by another connection', async () => {
    const kept = countyBoundaries(s.db);
    expect((await create({ nameZh: '高平缓存甲', locations: [at(IN.gaoping)] })).status).toBe(201);
    // The product write moved the registry version, not the counties: the same parsed list.
    expect(countyBoundaries(s.db)).toBe(kept);
    // Another process renames 高平市 (its own connection): the next check names it as it is now.
    const other = new Database(s.dbFile);
    other.prepare("UPDATE counties SET name_zh = '高平市（新）' WHERE code = '140581'").run();
    other.close();
    const res = await create({ nameZh: '高平缓存乙', locations: [at(IN.qinshui)] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('不在本产品所属的高平市（新）');
    expect(countyBoundaries(s.db)).not.toBe(kept);
    s.db.$client.prepare("UPDATE counties SET name_zh = '高平市' WHERE code = '140581'").run();
  });
});
