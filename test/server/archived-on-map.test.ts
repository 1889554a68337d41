import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

let server: TestServer;
let official: string;
beforeAll(async () => {
  server = await startServer();
  await addAccount(server.db, 'qinshui', 'official', '140521');
  official = await signIn(server.url, 'qinshui');
});
afterAll(() => server.close());

describe('an archived product leaves the map for everyone', () => {
  it('is gone from the points and the county counts, also for its own county official', async () => {
    const { body: list } = await send(server.url, 'GET', '/api/products?q=沁水黄小米', undefined, official);
    const id = list.items[0].id;
    const countyCount = async () => (await send(server.url, 'GET', '/api/counties.geojson', undefined, official))
      .body.features.find((f: any) => f.properties.code === '140521').properties;
    const before = await countyCount();
    expect((await send(server.url, 'DELETE', `/api/products/${id}`, undefined, official)).status).toBe(200);
    for (const cookie of [official, undefined]) {
      const points = (await send(server.url, 'GET', '/api/products.geojson', undefined, cookie)).body;
      expect(points.features.map((f: any) => f.properties.productId)).not.toContain(id);
    }
    const after = await countyCount();
    expect(after.products).toBe(before.products - 1);
    expect(after.inForce.agricultural_product).toBe(before.inForce.agricultural_product - 1);
    const archived = await send(server.url, 'GET', '/api/products?archived=1&mine=1', undefined, official);
    expect(archived.body.items.map((p: any) => p.id)).toEqual([id]);
  });
});
