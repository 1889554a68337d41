/**
 * A designation's protected area over HTTP against the seeded registry: the 沁水黄小米 scope text checked
 * gives exactly its real flags (two vanished townships, one misspelt, a box off the county); the seeded
 * scope keeps only the 11 certain townships and the text verbatim; PUT keeps what an official resolved
 * and the product answer lists it; every bad input is refused with its code and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEvent, type AuditEvent, type Product } from '../../db/model';
import { startServer, type TestServer } from '../support/server';
import { addAccount, dumpTables, send, signIn } from './fixtures';

/** The scope_text of the 沁水黄小米 row of the reference data, verbatim (seeds/scopes.csv). */
const QINSHUI_MILLET = '沁水县的中村镇、土沃乡、张村乡、龙港镇、樊村河乡、苏庄乡、郑庄镇、端氏镇、加丰镇、郑村镇、胡底乡、固县乡、十里乡、柿庄镇等14个乡镇，涉及251个行政村。地理坐标为东经112°47′00″~115°55′00″，北纬35°24′00″~36°04′00″';
/** The townships the text names for certain (matched), in the text's order. */
const CERTAIN = ['140521101000', '140521201000', '140521202000', '140521100000', '140521102000', '140521103000',
  '140521105000', '140521204000', '140521205000', '140521206000', '140521106000'];
const JIAFENG = '140521104000'; // 嘉峰镇, written 加丰镇
const DUANSHI = '140521103000'; // 端氏镇
const DUANSHI_VILLAGE = '140521103200'; // 端氏村委会, in 端氏镇
const LINGCHUAN_VILLAGE = '140524100001'; // 城内社区居委会, 陵川县

let s: TestServer;
let qinshui: string;
let lingchuan: string;
let admin: string;
let productId: number;
let designationId: number;
beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  await addAccount(s.db, 'qinshui', 'official', '140521');
  await addAccount(s.db, 'lingchuan', 'official', '140524');
  [admin, qinshui, lingchuan] = await Promise.all(['city', 'qinshui', 'lingchuan'].map((u) => signIn(s.url, u)));
  const list = await send(s.url, 'GET', `/api/products?q=${encodeURIComponent('沁水黄小米')}`);
  productId = list.body.items[0].id;
  const product: Product = (await send(s.url, 'GET', `/api/products/${productId}`)).body;
  designationId = product.designations.find((d) => d.giType === 'agricultural_product')!.id;
});
afterAll(() => s.close());

const product = async (): Promise<Product> => (await send(s.url, 'GET', `/api/products/${productId}`)).body;
const scopeOf = async () => (await product()).designations.find((d) => d.id === designationId)!.scope;
const check = (text: string, cookie = qinshui) => send(s.url, 'POST', `/api/designations/${designationId}/scope/check`, { text }, cookie);
const put = (body: object, cookie = qinshui) => send(s.url, 'PUT', `/api/designations/${designationId}/scope`, { text: QINSHUI_MILLET, ...body }, cookie);

describe('the seeded 沁水黄小米 scope', () => {
  it('keeps the text verbatim with its source and only the 11 certain townships, no box', async () => {
    const scope = (await scopeOf())!;
    expect(scope.text).toBe(QINSHUI_MILLET);
    expect(scope.source).toEqual({ title: '农产品地理标志 沁水黄小米（质量控制技术规范 AGI2010-09-00509）百科条目', url: 'https://m.ipa361.com/baike/2305852' });
    expect(scope.box).toBeNull();
    expect(scope.units.map((u) => u.code)).toEqual([...CERTAIN].sort());
    expect(scope.units.every((u) => u.level === 'township' && u.whole && u.townshipCode === null && u.countyCode === '140521')).toBe(true);
    expect(scope.units.find((u) => u.code === DUANSHI)?.name).toBe('端氏镇');
    expect(scope.units.map((u) => u.code)).not.toContain(JIAFENG);
  });

  it('gives the map’s GeoJSON the same codes, keyed as the 2023 codes, on every place of the product', async () => {
    const geo = (await send(s.url, 'GET', '/api/products.geojson')).body as { features: { properties: { productId: number; scopeCodes: string[] } }[] };
    const own = geo.features.filter((f) => f.properties.productId === productId);
    expect(own.length).toBeGreaterThan(0);
    for (const f of own) expect(f.properties.scopeCodes).toEqual([...CERTAIN].sort());
    expect(geo.features.filter((f) => f.properties.productId !== productId).every((f) => f.properties.scopeCodes.length === 0)).toBe(true);
  });
});

describe('POST /api/designations/:id/scope/check', () => {
  it('gives exactly the real flags: two vanished, one misspelt, a box off the county; keeps nothing', async () => {
    const before = dumpTables(s.db);
    const res = await check(QINSHUI_MILLET);
    expect(res.status).toBe(200);
    const flags = res.body.names.filter((n: { kind: string }) => n.kind !== 'matched').map((n: { name: string; kind: string; code?: string }) => [n.name, n.kind, n.code ?? null]);
    expect(flags).toEqual([['樊村河乡', 'vanished', null], ['苏庄乡', 'vanished', null], ['加丰镇', 'misspelt', JIAFENG]]);
    expect(res.body.tally).toEqual({ matched: 11, renamed: 0, misspelt: 1, ambiguous: 0, other_county: 0, vanished: 2, unknown: 0 });
    expect(res.body.box.check.relation).toBe('off');
    expect(res.body.box.check.beyondKm.east).toBeGreaterThan(200);
    expect(res.body.certain).toEqual(CERTAIN);
    expect(res.body.units.find((u: { code: string }) => u.code === JIAFENG)).toMatchObject({ name: '嘉峰镇', level: 'township' });
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('refuses the signed-out (401), another county\'s official (403) and a 10,000-line text (413)', async () => {
    expect((await send(s.url, 'POST', `/api/designations/${designationId}/scope/check`, { text: QINSHUI_MILLET })).status).toBe(401);
    expect((await check(QINSHUI_MILLET, lingchuan)).status).toBe(403);
    const huge = await check(Array.from({ length: 10_000 }, (_, i) => `第${i}村`).join('\n'));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('scope_too_long');
    expect((await send(s.url, 'POST', '/api/designations/999999/scope/check', { text: 'x' }, admin)).status).toBe(404);
  });
});

describe('PUT /api/designations/:id/scope', () => {
  it('keeps the resolved codes, lists them by township in the product answer, and says so in the history', async () => {
    const codes = [...CERTAIN.filter((c) => c !== DUANSHI), JIAFENG, DUANSHI_VILLAGE];
    const res = await put({ codes, announcedOn: '2010-09', source: '农业部公告 https://example.org/agi2010' });
    expect(res.status).toBe(200);
    expect(res.body.units).toHaveLength(12);
    const scope = (await scopeOf())!;
    expect(scope.announcedOn).toBe('2010-09');
    expect(scope.source).toEqual({ title: '农业部公告', url: 'https://example.org/agi2010' });
    expect(scope.units.map((u) => u.code)).toEqual([...codes].sort());
    expect(scope.units.find((u) => u.code === JIAFENG)).toMatchObject({ name: '嘉峰镇', level: 'township', whole: true });
    expect(scope.units.find((u) => u.code === DUANSHI_VILLAGE)).toMatchObject({ name: '端氏村委会', level: 'village', whole: false, townshipCode: DUANSHI });
    const audit = await send(s.url, 'GET', `/api/audit?entity=designation&id=${designationId}&action=scope_replace`, undefined, admin);
    const event: AuditEvent = audit.body.items[0];
    const told = describeAuditEvent(event, 'zh', { counties: {} });
    expect(told.summary).toBe('更新 沁水黄小米 的 农产品地理标志 的保护范围');
    expect(told.changes).toContain('保护范围：新增 140521103200 端氏村委会、140521104000 嘉峰镇');
    expect(told.changes).toContain('保护范围：移除 140521103000 端氏镇');
    expect(describeAuditEvent(event, 'en', { counties: {} }).summary).toBe('Updated the protected area of the Agricultural-product GI of Qinshui yellow millet');
  });

  const bad: [string, object, number, string, RegExp][] = [
    ['an unknown code', { codes: ['140521999999'] }, 400, 'bad_scope_codes', /不在 2023 年/],
    ['a code listed twice', { codes: [JIAFENG, DUANSHI, JIAFENG] }, 400, 'bad_scope_codes', /与第 1 个重复/],
    ['a village of another county', { codes: [LINGCHUAN_VILLAGE] }, 400, 'bad_scope_codes', /在陵川县，不在本产品所属的沁水县/],
    ['a code that is not 12 digits', { codes: ['14052110300'] }, 400, 'bad_request', /12 位/],
    ['2,001 codes', { codes: Array.from({ length: 2001 }, (_, i) => `140521${String(i).padStart(6, '0')}`) }, 413, 'scope_too_many_codes', /过多/],
    ['a 10,000-line text', { text: Array.from({ length: 10_000 }, (_, i) => `第${i}村`).join('\n'), codes: [] }, 413, 'scope_too_long', /过长/],
    ['a box off the county', { codes: [], box: { west: 112.78, east: 115.92, south: 35.4, north: 36.07 } }, 400, 'scope_box_off', /坐标范围不在/],
    ['an unknown field', { codes: [], polygon: [] }, 400, 'bad_request', /./],
  ];
  it.each(bad)('refuses %s and changes nothing', async (_, body, status, code, message) => {
    const before = dumpTables(s.db);
    const res = await put(body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(JSON.stringify(res.body.error)).toMatch(message);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('names each bad code on its own path', async () => {
    const res = await put({ codes: [JIAFENG, '140521999999', LINGCHUAN_VILLAGE, JIAFENG] });
    expect(res.body.error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([['codes', 1], ['codes', 2], ['codes', 3]]);
  });

  it('refuses another county\'s official (403) and the signed-out (401), changing nothing', async () => {
    const before = dumpTables(s.db);
    expect((await put({ codes: [JIAFENG] }, lingchuan)).status).toBe(403);
    expect((await send(s.url, 'PUT', `/api/designations/${designationId}/scope`, { text: '', codes: [] })).status).toBe(401);
    expect((await send(s.url, 'DELETE', `/api/designations/${designationId}/scope`, undefined, lingchuan)).status).toBe(403);
    expect(dumpTables(s.db)).toEqual(before);
  });
});

describe('DELETE /api/designations/:id/scope', () => {
  it('removes the scope (204), then has none to remove (404)', async () => {
    const scratch = await send(s.url, 'POST', `/api/products/${productId}/designations`, { giType: 'protected_product' }, qinshui);
    const id = scratch.body.id;
    expect((await send(s.url, 'PUT', `/api/designations/${id}/scope`, { text: '端氏镇', codes: [DUANSHI] }, qinshui)).status).toBe(200);
    expect((await product()).designations.find((d) => d.id === id)!.scope?.units.map((u) => u.code)).toEqual([DUANSHI]);
    expect((await send(s.url, 'DELETE', `/api/designations/${id}/scope`, undefined, qinshui)).status).toBe(204);
    expect((await product()).designations.find((d) => d.id === id)!.scope).toBeNull();
    expect((await send(s.url, 'DELETE', `/api/designations/${id}/scope`, undefined, qinshui)).status).toBe(404);
    // The other designation's scope is its own.
    expect((await scopeOf())!.units).toHaveLength(12);
  });
});
