/**
 * Products shared by counties: a county takes only itself off (another county keeps its product unless
 * an admin or that county decides), may add a county, may not hand a product over, and archiving a
 * shared product is the city's decision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { addAccount, dumpTables, send, signIn } from './fixtures';

let s: TestServer;
let admin: string;
let qinshui: string;
let lingchuan: string;
let yangcheng: string;
let serial = 0;

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  await addAccount(s.db, 'qinshui', 'official', '140521');
  await addAccount(s.db, 'lingchuan', 'official', '140524');
  await addAccount(s.db, 'yangcheng', 'official', '140522');
  [admin, qinshui, lingchuan, yangcheng] = await Promise.all(['city', 'qinshui', 'lingchuan', 'yangcheng'].map((u) => signIn(s.url, u)));
});
afterAll(() => s.close());

/** A fresh draft of 沁水县 and 陵川县 (or the given counties), made by the admin. */
async function shared(counties = ['140521', '140524'], visibility = 'draft'): Promise<number> {
  const res = await send(s.url, 'POST', '/api/products', { nameZh: `共有产品${++serial}`, category: 'food', counties, visibility }, admin);
  expect(res.status).toBe(201);
  return res.body.id;
}
const countiesOf = async (id: number) => (await send(s.url, 'GET', `/api/products/${id}`, undefined, admin)).body.counties;

describe('changing the counties of a shared product', () => {
  it('refuses 沁水县 dropping 陵川县 from a 沁水+陵川 draft, naming the county and what to do', async () => {
    const id = await shared();
    const before = dumpTables(s.db);
    const res = await send(s.url, 'PATCH', `/api/products/${id}`, { counties: ['140521'] }, qinshui);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(res.body.error.message).toContain('陵川县');
    expect(res.body.error.message).toMatch(/管理员.* \/ .*admin/);
    expect(dumpTables(s.db)).toEqual(before);
    expect(await countiesOf(id)).toEqual(['140521', '140524']);
    expect((await send(s.url, 'GET', `/api/products/${id}`, undefined, lingchuan)).status).toBe(200);
  });

  it('lets 陵川县 take itself off (and then it no longer sees the draft)', async () => {
    const id = await shared();
    const res = await send(s.url, 'PATCH', `/api/products/${id}`, { counties: ['140521'] }, lingchuan);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.counties).toEqual(['140521']);
    expect((await send(s.url, 'GET', `/api/products/${id}`, undefined, lingchuan)).status).toBe(404);
  });

  it('lets an admin drop any county', async () => {
    const id = await shared();
    expect((await send(s.url, 'PATCH', `/api/products/${id}`, { counties: ['140524'] }, admin)).body.counties).toEqual(['140524']);
  });

  it('lets an official add a neighbouring county, which can then edit it and take itself off', async () => {
    const id = await shared(['140521']);
    const res = await send(s.url, 'PATCH', `/api/products/${id}`, { counties: ['140521', '140522'] }, qinshui);
    expect(res.status).toBe(200);
    expect((await send(s.url, 'PATCH', `/api/products/${id}`, { description: '阳城也产' }, yangcheng)).status).toBe(200);
    expect((await send(s.url, 'PATCH', `/api/products/${id}`, { counties: ['140521'] }, yangcheng)).status).toBe(200);
  });

  it('refuses swapping a county: dropping 陵川县 while adding 阳城县', async () => {
    const id = await shared();
    const res = await send(s.url, 'PATCH', `/api/products/${id}`, { counties: ['140521', '140522'] }, qinshui);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain('陵川县');
  });

  it('refuses handing a product over: 沁水县 leaving a 沁水-only product to 阳城县', async () => {
    const id = await shared(['140521']);
    const res = await send(s.url, 'PATCH', `/api/products/${id}`, { counties: ['140522'] }, qinshui);
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/管理员.* \/ .*admin/);
    expect(await countiesOf(id)).toEqual(['140521']);
  });

  it('refuses the same drop from an import row, naming the county in the report', async () => {
    const id = await shared(['140521', '140524'], 'public');
    const name = (await send(s.url, 'GET', `/api/products/${id}`, undefined, admin)).body.nameZh;
    const header = 'product_zh,category,county_adcodes';
    const data = Buffer.from(`${header}\r\n${name},food,140521\r\n`).toString('base64');
    const res = await send(s.url, 'POST', '/api/import?dryRun=1', { format: 'csv', data }, qinshui);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.rows[0].outcome).toBe('error');
    expect(res.body.rows[0].problems[0].zh).toContain('陵川县');
    expect(await countiesOf(id)).toEqual(['140521', '140524']);
  });
});

describe('archiving a shared product', () => {
  it('is refused to either county, saying to ask an admin or to take one\'s own county off', async () => {
    const id = await shared();
    for (const cookie of [qinshui, lingchuan]) {
      const before = dumpTables(s.db);
      const res = await send(s.url, 'DELETE', `/api/products/${id}`, undefined, cookie);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/市级管理员.*去掉本县 \/ .*admin.*take your county off/);
      expect(dumpTables(s.db)).toEqual(before);
    }
  });

  it('is done by an admin', async () => {
    const id = await shared();
    expect((await send(s.url, 'DELETE', `/api/products/${id}`, undefined, admin)).body.archived).toBe(true);
  });

  it('is still the county\'s own decision for a product of that county alone', async () => {
    const id = await shared(['140524']);
    expect((await send(s.url, 'DELETE', `/api/products/${id}`, undefined, lingchuan)).body.archived).toBe(true);
  });
});
