/**
 * Text as it reaches the API: names must show something, control and bidi characters are refused
 * everywhere, invisible characters leave names, and a look-alike of a current product's name is a 409
 * naming that product (within what the viewer may see).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { addAccount, dumpTables, send, signIn } from './fixtures';

let s: TestServer;
let admin: string;
let qinshui: string;
let yangcheng: string;
let honey: number;

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  await addAccount(s.db, 'qinshui', 'official', '140521');
  await addAccount(s.db, 'yangcheng', 'official', '140522');
  [admin, qinshui, yangcheng] = await Promise.all(['city', 'qinshui', 'yangcheng'].map((u) => signIn(s.url, u)));
  const list = (await send(s.url, 'GET', '/api/products?q=沁水蜂蜜')).body.items;
  honey = list.find((p: { nameZh: string }) => p.nameZh === '沁水蜂蜜').id;
});
afterAll(() => s.close());

const create = (body: object, cookie = qinshui) => send(s.url, 'POST', '/api/products', { category: 'food', counties: ['140521'], ...body }, cookie);

describe('text fields', () => {
  it.each([
    ['zero-width spaces only', { nameZh: '\u200b\u200b\u200b' }],
    ['a right-to-left override only', { nameZh: '\u202e' }],
    ['combining marks only', { nameZh: '\u0301\u0302' }],
    ['a bidi override in the name', { nameZh: '沁水\u202e蜜蜂' }],
    ['a NUL in the name', { nameZh: '沁水\u0000蜂' }],
    ['an ESC in the English name', { nameZh: '沁水新品一', nameEn: 'Qinshui \u001b[31mred' }],
    ['an ESC in the description', { nameZh: '沁水新品二', description: 'a\u001bb' }],
    ['a bidi isolate in the quality', { nameZh: '沁水新品三', quality: '\u2067abc\u2069' }],
    ['a NUL in a source', { nameZh: '沁水新品四', sources: ['县志\u0000'] }],
    ['a control character in a location label', { nameZh: '沁水新品五', locations: [{ lat: 35.69, lng: 112.19, label: '龙港\u0007镇', precision: 'township', divisionCode: '140521100000' }] }],
  ])('refuses a product with %s, writing nothing', async (_, body) => {
    const before = dumpTables(s.db);
    const res = await create(body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.issues.length).toBeGreaterThan(0);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('keeps tabs and line breaks in long texts', async () => {
    const res = await create({ nameZh: '沁水多行', description: '第一行\n第二行\r\n\t缩进' });
    expect(res.status).toBe(201);
    expect(res.body.description).toBe('第一行\n第二行\r\n\t缩进');
  });

  it('stores a name as typed, less invisible characters', async () => {
    const res = await create({ nameZh: '\u2060沁水\u200b新米\u200d', nameEn: 'Qinshui\u00ad rice' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ nameZh: '沁水新米', nameEn: 'Qinshui rice' });
    const full = await create({ nameZh: 'ＸＹ沁水' });
    expect(full.body.nameZh).toBe('ＸＹ沁水'); // full-width kept as typed (only compared folded)
  });

  it.each([
    ['a lone high surrogate in the name', { nameZh: '沁水\ud83d蜂蜜' }],
    ['a lone low surrogate in the English name', { nameZh: '沁水新品六', nameEn: 'Qinshui \ude00 honey' }],
    ['a lone surrogate in the description', { nameZh: '沁水新品七', description: '第一行\n\ud800' }],
    ['a lone surrogate in a source', { nameZh: '沁水新品八', sources: [{ title: '县志\udfff', url: null }] }],
  ])('refuses %s (it cannot be stored as UTF-8), naming the field and writing nothing', async (_, body) => {
    const before = dumpTables(s.db);
    const res = await create(body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(JSON.stringify(res.body.error.issues)).toMatch(/UTF-16|代理/);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('keeps a whole surrogate pair (an emoji or a rare ideograph) as typed', async () => {
    const res = await create({ nameZh: '沁水𠀀蜂蜜🐝' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.nameZh).toBe('沁水𠀀蜂蜜🐝');
  });

  it('refuses control characters in designation texts too', async () => {
    const { body: p } = await create({ nameZh: '沁水设计' });
    const res = await send(s.url, 'POST', `/api/products/${p.id}/designations`, { giType: 'protected_product', holder: '协会\u001b' }, qinshui);
    expect(res.status).toBe(400);
    expect((await send(s.url, 'POST', `/api/products/${p.id}/designations`, { giType: 'protected_product', notes: '\u202e' }, qinshui)).status).toBe(400);
  });
});

describe('look-alike names', () => {
  it.each([
    ['the same name', '沁水蜂蜜'],
    ['a zero-width space added', '沁水蜂蜜\u200b'],
    ['a space inside', '沁水 蜂蜜'],
    ['a Kangxi radical for 水', '沁⽔蜂蜜'],
  ])('refuses creating %s as an existing product, naming it', async (_, nameZh) => {
    const before = dumpTables(s.db);
    const res = await create({ nameZh });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('duplicate_name');
    expect(res.body.error.message).toContain('"沁水蜂蜜"');
    expect(res.body.error.message).toContain(String(honey));
    expect(res.body.error.message).toMatch(/沁水县.* \/ .*Qinshui/);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('treats full-width and half-width letters as one name', async () => {
    expect((await create({ nameZh: 'AB蜂蜜' })).status).toBe(201);
    expect((await create({ nameZh: 'ＡＢ蜂蜜' })).status).toBe(409);
  });

  it('refuses renaming a product to a look-alike, and allows renaming to its own name retyped', async () => {
    const { body: p } = await create({ nameZh: '沁水山楂' });
    const res = await send(s.url, 'PATCH', `/api/products/${p.id}`, { nameZh: '沁水蜂蜜\u2060' }, qinshui);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('沁水蜂蜜');
    const same = await send(s.url, 'PATCH', `/api/products/${p.id}`, { nameZh: '沁水山楂\u200b' }, qinshui);
    expect(same.status).toBe(200);
    expect(same.body.nameZh).toBe('沁水山楂');
  });

  it('does not count archived products, and refuses restoring one whose name was taken meanwhile', async () => {
    const { body: old } = await create({ nameZh: '沁水老酒' });
    await send(s.url, 'DELETE', `/api/products/${old.id}`, undefined, qinshui);
    const { status, body: again } = await create({ nameZh: '沁水老酒' });
    expect(status).toBe(201);
    const restore = await send(s.url, 'POST', `/api/products/${old.id}/restore`, undefined, admin);
    expect(restore.status).toBe(409);
    expect(restore.body.error.message).toContain(String(again.id));
  });

  it("does not reveal another county's draft to an official, but stops an admin making the twin", async () => {
    expect((await create({ nameZh: '阳城私房菜', counties: ['140522'] }, yangcheng)).status).toBe(201);
    expect((await create({ nameZh: '阳城私房菜\u200b' }, qinshui)).status).toBe(201);
    expect((await create({ nameZh: '阳城私房菜', counties: ['140525'] }, admin)).status).toBe(409);
  });

  it('checks a name typed by the import too', async () => {
    const data = Buffer.from(`product_zh,category,county_adcodes\r\n沁 水 蜂 蜜,food,140521\r\n`).toString('base64');
    const res = await send(s.url, 'POST', '/api/import?dryRun=1', { format: 'csv', data }, admin);
    expect(res.status).toBe(200);
    // The import's own reader already collapses spaces, so this row is an update of 沁水蜂蜜 or a refused twin, never a new product.
    expect(res.body.rows[0].outcome).not.toBe('created');
  });
});
