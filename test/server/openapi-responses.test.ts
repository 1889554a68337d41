/**
 * Real answers against the OpenAPI document: every documented operation is called at least once with
 * a good request and with bad ones, and every status must be documented for its operation and every
 * JSON body must validate against the documented schema (JSON Schema 2020-12). Every documented path
 * refuses other methods with 405 and an `Allow` that names exactly the documented ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../db/model';
import { startServer, type TestServer } from '../support/server';
import { DocumentChecker } from './openapi-check';
import { addAccount, PASSWORD, signIn } from './fixtures';
import { HTML_BYTES, pdfBytes, picture, uploadForm } from '../support/sample-files';

let server: TestServer;
let check: DocumentChecker;
let admin: string;
let official: string;
let productId: number;
let seededId: number;
beforeAll(async () => {
  server = await startServer({ env: { PUBLIC_BASE_URL: 'https://gi.jcgov.example' } }); // QR codes need the public address
  await addAccount(server.db, 'city', 'admin');
  await addAccount(server.db, 'qinshui', 'official', '140521');
  admin = await signIn(server.url, 'city');
  official = await signIn(server.url, 'qinshui');
  check = new DocumentChecker(await (await fetch(`${server.url}/api/openapi.json`)).json());
});
afterAll(() => server.close());

interface Call {
  id?: number | string; params?: Record<string, string>; query?: Record<string, string>; body?: unknown; raw?: string; as?: string;
  headers?: Record<string, string>;
  /** A multipart/form-data body (the document upload) instead of JSON. */
  form?: FormData;
}

/** Calls an operation as the document describes it and checks the answer against the document. */
async function hit(operationId: string, { id, params = {}, query, body, raw, as, headers = {}, form }: Call = {}) {
  const { path, method } = check.operation(operationId);
  const filled = Object.entries(params).reduce((p, [name, value]) => p.replace(`{${name}}`, encodeURIComponent(value)), path.replace('{id}', String(id ?? 1)));
  const url = `${server.url}${filled}${query ? `?${new URLSearchParams(query)}` : ''}`;
  const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  // A versioned write (server/versions.ts) changes whatever is there unless the call names a version.
  const ifMatch: Record<string, string> = check.operation(operationId).op.parameters.some((p: { name?: string }) => p.name === 'If-Match') ? { 'if-match': '*' } : {};
  const res = await fetch(url, {
    method: method.toUpperCase(),
    headers: { ...(payload !== undefined ? { 'content-type': 'application/json' } : {}), ...(as ? { cookie: as } : {}), ...ifMatch, ...headers },
    body: form ?? payload,
  });
  const type = res.headers.get('content-type');
  const buffer = Buffer.from(await res.arrayBuffer());
  let parsed: any = buffer;
  if (type && /json/.test(type)) parsed = JSON.parse(buffer.toString('utf8'));
  expect(check.problems(operationId, res.status, res.status === 304 || res.status === 204 ? null : type, parsed)).toEqual([]);
  return { status: res.status, headers: res.headers, body: parsed };
}

/** The same GET again with its ETag: 304, as documented. */
async function notModified(operationId: string, call: Call = {}) {
  const first = await hit(operationId, call);
  expect(first.status).toBe(200);
  const etag = first.headers.get('etag');
  expect(etag, operationId).toBeTruthy();
  const again = await hit(operationId, { ...call, headers: { ...call.headers, 'if-none-match': etag! } });
  expect(again.status, operationId).toBe(304);
}

/** A read that answers 200 (not an ETag'd ready body: no 304 is documented for it). */
async function ok(operationId: string, call: Call = {}) {
  expect((await hit(operationId, call)).status, operationId).toBe(200);
}

const EVIL = { origin: 'https://evil.example' };
const BIG = JSON.stringify({ nameZh: 'x'.repeat(2_100_000) });
const csvBase64 = (text: string) => Buffer.from(`\ufeff${text}`, 'utf8').toString('base64');

describe('every documented operation, good and bad requests, against the document', () => {
  it('meta: health, readiness, config, openapi.json, the page and its stylesheet', async () => {
    for (const id of ['getOpenApi', 'getApiPage', 'getApiPageStyles', 'getClientConfig']) await notModified(id);
    await ok('health');
    await ok('ready');
    expect((await hit('getApiPage', { query: { lang: 'en' } })).status).toBe(200);
  });

  it('public reads, with 304s and their 4xx', async () => {
    for (const id of ['listCounties', 'getCountyBoundaries']) await notModified(id);
    await notModified('listPeriods');
    await notModified('listProducts', { query: { county: '140521' } });
    const list = await hit('listProducts', { query: { county: '140521', limit: '5' } });
    seededId = list.body.items[0].id;
    expect((await hit('listProducts', { query: { limit: '0' } })).status).toBe(400);
    expect((await hit('listProducts', { query: { mine: '1' } })).status).toBe(401);
    expect((await hit('listProducts', { query: { mine: '1' }, as: official })).status).toBe(200);
    await notModified('getProduct', { id: seededId });
    expect((await hit('getProduct', { id: seededId, as: admin })).status).toBe(200);
    expect((await hit('getProduct', { id: 'abc' })).status).toBe(400);
    expect((await hit('getProduct', { id: 999_999 })).status).toBe(404);
    await notModified('getProductPoints', { query: { type: 'trademark' } });
    expect((await hit('getProductPoints', { query: { type: 'nope' } })).status).toBe(400);
    await notModified('getProductClusters', { query: { z: '9', x: '416', y: '204' } });
    expect((await hit('getProductClusters', { query: { z: '9', x: '512', y: '204' } })).status).toBe(400);
    await notModified('getMapSummary', { query: { county: '140521', lang: 'en', limit: '5' } });
    expect((await hit('getMapSummary', { query: { limit: '0' } })).status).toBe(400);
    expect((await hit('getMapSummary', { query: { at: '999999' } })).status).toBe(404);
    await notModified('getTally');
    expect((await hit('getTally', { query: { asOf: '2024-13-01' } })).status).toBe(400);
    expect((await hit('getTally', { query: { period: '9999' } })).status).toBe(404);
    await notModified('getTallySeries', { query: { step: 'year' } });
    expect((await hit('getTallySeries', { query: { step: 'week' } })).status).toBe(400);
    expect((await hit('getTallySeries', { query: { period: '9999' } })).status).toBe(404);
    for (const id of ['exportProductsCsv', 'exportProductsXlsx']) {
      expect((await hit(id, { query: { county: '140521' } })).status).toBe(200);
      expect((await hit(id, { query: { county: '999999' } })).status).toBe(400);
    }
  });

  it('the Atom feed (mounted by server/routes/feed.ts)', async () => {
    await notModified('getFeed');
  });

  it('session: sign in (400, 401, 403, 415), who am I (304, 401), sign out (204, 403)', async () => {
    expect((await hit('signIn', { body: { username: 'city', password: PASSWORD } })).status).toBe(200);
    expect((await hit('signIn', { body: { username: 'city' } })).status).toBe(400);
    expect((await hit('signIn', { raw: '{"username":', headers: {} })).status).toBe(400);
    expect((await hit('signIn', { body: { username: 'city', password: PASSWORD }, headers: EVIL })).status).toBe(403);
    expect((await hit('signIn', { raw: 'username=city', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBe(415);
    expect((await hit('signIn', { raw: BIG })).status).toBe(413);
    await ok('whoAmI', { as: official });
    expect((await hit('whoAmI')).status).toBe(401);
    const spare = await signIn(server.url, 'city');
    expect((await hit('signOut', { as: spare, headers: EVIL })).status).toBe(403);
    expect((await hit('signOut', { as: spare })).status).toBe(204);
    expect((await hit('signOut')).status).toBe(204);
    expect((await hit('whoAmI', { as: spare })).status).toBe(401);
    await ok('keepAlive', { as: official });
    expect((await hit('keepAlive')).status).toBe(401);
    expect((await hit('keepAlive', { as: official, raw: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    await addAccount(server.db, 'pwchange', 'official', '140524');
    const own = await signIn(server.url, 'pwchange');
    expect((await hit('changePassword', { as: own, body: { currentPassword: 'not the password', newPassword: 'a new long password' } })).status).toBe(400);
    expect((await hit('changePassword', { body: { currentPassword: PASSWORD, newPassword: 'a new long password' } })).status).toBe(401);
    await ok('changePassword', { as: own, body: { currentPassword: PASSWORD, newPassword: 'a new long password' } });
  });

  it('product writes: 201/200 and 400, 401, 403, 404, 409, 413, 415', async () => {
    const created = await hit('createProduct', { as: official, body: { nameZh: '接口测试产品', category: 'food', counties: ['140521'] } });
    expect(created.status).toBe(201);
    productId = created.body.id;
    expect((await hit('createProduct', { as: official, body: { nameZh: '', category: 'food', counties: ['140521'] } })).status).toBe(400);
    expect((await hit('createProduct', { body: { nameZh: '匿名', category: 'food', counties: ['140521'] } })).status).toBe(401);
    expect((await hit('createProduct', { as: official, body: { nameZh: '别县', category: 'food', counties: ['140522'] } })).status).toBe(403);
    expect((await hit('createProduct', { as: official, body: { nameZh: '跨站', category: 'food', counties: ['140521'] }, headers: EVIL })).status).toBe(403);
    expect((await hit('createProduct', { as: official, raw: BIG })).status).toBe(413);
    expect((await hit('createProduct', { as: official, raw: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);

    expect((await hit('updateProduct', { as: official, id: productId, body: { description: '更新' } })).status).toBe(200);
    expect((await hit('updateProduct', { as: official, id: productId, body: { nope: 1 } })).status).toBe(400);
    expect((await hit('updateProduct', { as: official, id: 999_999, body: { description: 'x' } })).status).toBe(404);
    expect((await hit('updateProduct', { id: productId, body: { description: 'x' } })).status).toBe(401);

    expect((await hit('replaceParticipants', { as: official, id: productId, body: [{ role: 'farmers', households: 120 }] })).status).toBe(200);
    expect((await hit('replaceParticipants', { as: official, id: productId, body: [{ role: 'farmers', name: '某人' }] })).status).toBe(400);
    expect((await hit('replaceParticipants', { as: official, id: 999_999, body: [] })).status).toBe(404);

    expect((await hit('restoreProduct', { as: admin, id: productId })).status).toBe(409);
    expect((await hit('archiveProduct', { as: official, id: productId })).status).toBe(200);
    expect((await hit('archiveProduct', { as: official, id: productId })).status).toBe(409);
    expect((await hit('updateProduct', { as: official, id: productId, body: { description: '已归档' } })).status).toBe(409);
    expect((await hit('archiveProduct', { as: official, id: 'x' })).status).toBe(400);
    expect((await hit('restoreProduct', { as: official, id: productId })).status).toBe(403);
    expect((await hit('restoreProduct', { as: admin, id: productId })).status).toBe(200);
    expect((await hit('restoreProduct', { as: admin, id: 999_999 })).status).toBe(404);
  });

  it('designations: 201/200 and 400, 404, 409', async () => {
    const created = await hit('createDesignation', { as: official, id: productId, body: { giType: 'agricultural_product' } });
    expect(created.status).toBe(201);
    const designationId = created.body.id;
    expect((await hit('createDesignation', { as: official, id: productId, body: { giType: 'trademark' } })).status).toBe(400);
    expect((await hit('createDesignation', { as: official, id: 999_999, body: { giType: 'agricultural_product' } })).status).toBe(404);
    expect((await hit('updateDesignation', { as: official, id: designationId, body: { notes: '备注' } })).status).toBe(200);
    expect((await hit('updateDesignation', { as: official, id: designationId, body: { status: 'granted' } })).status).toBe(400);
    expect((await hit('updateDesignation', { as: official, id: 999_999, body: {} })).status).toBe(404);
    expect((await hit('moveDesignation', { as: official, id: designationId, body: { to: 'filed', on: todayInShanghai() } })).status).toBe(201);
    expect((await hit('moveDesignation', { as: official, id: designationId, body: { to: 'cultivating', on: todayInShanghai() } })).status).toBe(409);
    expect((await hit('moveDesignation', { as: official, id: designationId, body: { to: 'granted', on: 'yesterday' } })).status).toBe(400);
    expect((await hit('moveDesignation', { as: official, id: designationId, body: { to: 'granted', on: todayInShanghai() } })).status).toBe(201);
    expect((await hit('recordConversion', { as: official, id: designationId, body: { on: todayInShanghai() } })).status).toBe(400);
    expect((await hit('recordConversion', { as: official, id: 999_999, body: { on: todayInShanghai(), announcement: '第646号' } })).status).toBe(404);
    expect((await hit('recordConversion', { as: official, id: designationId, body: { on: todayInShanghai(), announcement: '第646号' } })).status).toBe(201);
    expect((await hit('recordConversion', { as: official, id: designationId, body: { on: todayInShanghai(), announcement: '第646号' } })).status).toBe(409);
  });

  it('specifications: 201/200/204 and 400, 401, 403, 404', async () => {
    // A public product, so that another county's official sees it (and is refused its writes: 403).
    const product = (await hit('createProduct', { as: official, body: { nameZh: '接口测试规范产品', category: 'food', counties: ['140521'], visibility: 'public' } })).body.id;
    const designationId = (await hit('createDesignation', { as: official, id: product, body: { giType: 'protected_product' } })).body.id;
    await addAccount(server.db, 'yangcheng-api', 'official', '140522');
    const other = await signIn(server.url, 'yangcheng-api');
    const body = { number: 'DB14/T 1-2020', title: '地理标志产品 接口测试', issuedOn: '2020-06', url: 'https://example.gov.cn/db14-1.pdf' };
    const created = await hit('addSpecification', { as: official, id: designationId, body });
    expect(created.status).toBe(201);
    expect((await hit('addSpecification', { as: official, id: designationId, body: { ...body, url: 'javascript:alert(1)' } })).status).toBe(400);
    expect((await hit('addSpecification', { id: designationId, body })).status).toBe(401);
    expect((await hit('addSpecification', { as: other, id: designationId, body })).status).toBe(403);
    expect((await hit('addSpecification', { as: official, id: 999_999, body })).status).toBe(404);
    expect((await hit('updateSpecification', { as: official, id: created.body.id, body: { version: '2020版' } })).status).toBe(200);
    expect((await hit('updateSpecification', { as: official, id: created.body.id, body: { documentId: 999_999 } })).status).toBe(400);
    expect((await hit('updateSpecification', { as: official, id: 999_999, body: { version: 'x' } })).status).toBe(404);
    expect((await hit('deleteSpecification', { as: other, id: created.body.id })).status).toBe(403);
    expect((await hit('deleteSpecification', { as: official, id: created.body.id })).status).toBe(204);
    expect((await hit('deleteSpecification', { as: official, id: created.body.id })).status).toBe(404);
  });

  it('periods: 201/200 and 400, 401, 403, 404, 409', async () => {
    const period = { name: '接口测试期', nameEn: 'API test period', startsOn: '2031-01-01', endsOn: '2035-12-31', targets: [] };
    const created = await hit('createPeriod', { as: admin, body: period });
    expect(created.status).toBe(201);
    expect((await hit('createPeriod', { as: admin, body: period })).status).toBe(409);
    expect((await hit('createPeriod', { as: admin, body: { ...period, name: '倒置', nameEn: 'Reversed', endsOn: '2030-01-01' } })).status).toBe(400);
    expect((await hit('createPeriod', { as: official, body: { ...period, name: '县级', nameEn: 'County' } })).status).toBe(403);
    expect((await hit('createPeriod', { body: period })).status).toBe(401);
    expect((await hit('updatePeriod', { as: admin, id: created.body.id, body: { ...period, name: '接口测试期二', nameEn: 'API test period 2' } })).status).toBe(200);
    expect((await hit('updatePeriod', { as: admin, id: 9999, body: period })).status).toBe(404);
  });

  it('the annual report (200, 304, 400) and who issues it (200; 400, 401, 403, 415)', async () => {
    const nextYear = String(Number(todayInShanghai().slice(0, 4)) + 1);
    await notModified('getAnnualReport', { query: { year: '2020' } });
    for (const id of ['getAnnualReport', 'getAnnualReportDocx', 'getAnnualReportXlsx']) {
      expect((await hit(id, { query: { year: '2025', lang: 'en' } })).status, id).toBe(200);
      expect((await hit(id, { query: { year: nextYear } })).status, id).toBe(400);
      expect((await hit(id, { query: { year: '1948' } })).status, id).toBe(400);
    }
    expect((await hit('getReportSettings', { as: admin })).status).toBe(200);
    expect((await hit('getReportSettings')).status).toBe(401);
    expect((await hit('getReportSettings', { as: official })).status).toBe(403);
    const settings = { issuerZh: '晋城市市场监督管理局（知识产权局）', issuerEn: 'Jincheng AMR' };
    expect((await hit('putReportSettings', { as: admin, body: settings })).status).toBe(200);
    expect((await hit('putReportSettings', { as: admin, body: { issuerZh: '' } })).status).toBe(400);
    expect((await hit('putReportSettings', { body: settings })).status).toBe(401);
    expect((await hit('putReportSettings', { as: official, body: settings })).status).toBe(403);
    expect((await hit('putReportSettings', { as: admin, body: settings, headers: EVIL })).status).toBe(403);
    expect((await hit('putReportSettings', { as: admin, raw: BIG })).status).toBe(413);
    expect((await hit('putReportSettings', { as: admin, raw: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
  });

  it('users: 200/201 and 400, 401, 403, 404, 409', async () => {
    await ok('listUsers', { as: admin });
    expect((await hit('listUsers', { as: official })).status).toBe(403);
    expect((await hit('listUsers')).status).toBe(401);
    const user = { username: 'yangcheng', password: PASSWORD, role: 'official', county: '140522' };
    const created = await hit('createUser', { as: admin, body: user });
    expect(created.status).toBe(201);
    expect((await hit('createUser', { as: admin, body: user })).status).toBe(409);
    expect((await hit('createUser', { as: admin, body: { ...user, username: 'short', password: 'short' } })).status).toBe(400);
    expect((await hit('updateUser', { as: admin, id: created.body.id, body: { active: true } })).status).toBe(200);
    expect((await hit('updateUser', { as: admin, id: 999_999, body: { active: true } })).status).toBe(404);
    expect((await hit('updateUser', { as: admin, id: created.body.id, body: { role: 'king' } })).status).toBe(400);
    await ok('unlockUser', { as: admin, id: created.body.id });
    expect((await hit('unlockUser', { as: official, id: created.body.id })).status).toBe(403);
    expect((await hit('unlockUser', { as: admin, id: 999_999 })).status).toBe(404);
    expect((await hit('unlockUser', { id: created.body.id })).status).toBe(401);
  });

  it('audit: 200 and 400, 401, 403', async () => {
    await ok('listAudit', { as: official });
    expect((await hit('listAudit', { as: admin, query: { from: '2024-02-01', to: '2024-01-01' } })).status).toBe(400);
    expect((await hit('listAudit', { as: official, query: { county: '140522' } })).status).toBe(403);
    expect((await hit('listAudit')).status).toBe(401);
    expect((await hit('exportAuditXlsx', { as: admin, query: { lang: 'en' } })).status).toBe(200);
    expect((await hit('exportAuditXlsx', { as: admin, query: { lang: 'fr' } })).status).toBe(400);
    expect((await hit('exportAuditXlsx', { as: official, query: { county: '140522' } })).status).toBe(403);
    expect((await hit('exportAuditXlsx')).status).toBe(401);
    await ok('listSecurityEvents', { as: admin, query: { kind: 'sign_in', page: '1', pageSize: '5' } });
    expect((await hit('listSecurityEvents', { as: admin, query: { kind: 'nonsense' } })).status).toBe(400);
    expect((await hit('listSecurityEvents', { as: official })).status).toBe(403);
    expect((await hit('listSecurityEvents')).status).toBe(401);
    await ok('exportSecurityEventsXlsx', { as: admin, query: { lang: 'en' } });
    expect((await hit('exportSecurityEventsXlsx', { as: admin, query: { lang: 'fr' } })).status).toBe(400);
    expect((await hit('exportSecurityEventsXlsx', { as: official })).status).toBe(403);
    expect((await hit('exportSecurityEventsXlsx')).status).toBe(401);
  });

  it('import: template, progress, report and import (200 dry run, 201 kept) and 400, 401, 403, 413, 415', async () => {
    await ok('getImportTemplate', { as: official });
    expect((await hit('getImportTemplate')).status).toBe(401);
    await ok('getAuthorizedUserTemplate', { as: official });
    expect((await hit('getAuthorizedUserTemplate')).status).toBe(401);
    await ok('getImportProgress', { as: official });
    expect((await hit('getImportProgress')).status).toBe(401);
    const good = { format: 'csv', data: csvBase64('产品名称,类别,县（市、区）\n接口导入产品,食用农林产品及食品,沁水县\n') };
    const broken = { format: 'csv', data: csvBase64('产品名称,类别,县（市、区）\n,不存在的类别,火星\n') };
    expect((await hit('importReportXlsx', { as: official, body: good, query: { lang: 'en' } })).status).toBe(200);
    expect((await hit('importReportXlsx', { as: official, body: { format: 'pdf', data: '' } })).status).toBe(400);
    expect((await hit('importReportXlsx', { body: good })).status).toBe(401);
    const dry = await hit('importTable', { as: official, body: good, query: { dryRun: '1' } });
    expect(dry.status).toBe(200);
    expect(dry.body.rows[0].outcome).toBe('created');
    expect((await hit('importTable', { as: official, body: broken })).status).toBe(400);
    expect((await hit('importTable', { as: official, body: { format: 'xlsx', data: csvBase64('not a zip') } })).status).toBe(400);
    expect((await hit('importTable', { as: official, body: good, headers: EVIL })).status).toBe(403);
    expect((await hit('importTable', { as: official, raw: 'a,b', headers: { 'content-type': 'text/csv' } })).status).toBe(415);
    expect((await hit('importTable', { as: official, body: { format: 'csv', data: Buffer.alloc(5_245_000, 65).toString('base64') } })).status).toBe(413);
    expect((await hit('importTable', { as: official, body: good })).status).toBe(201);
  });

  it('cultivation: dossiers, the board, checklists: 200 and 400, 401, 403, 404, 409', async () => {
    const product = await hit('createProduct', { as: official, body: { nameZh: '接口档案产品', category: 'food', counties: ['140521'], visibility: 'public' } });
    const created = await hit('createDesignation', { as: official, id: product.body.id, body: { giType: 'protected_product' } });
    const id = created.body.id;
    expect((await hit('getDossier', { id })).status).toBe(200);
    expect((await hit('getDossier', { id, as: official })).status).toBe(200);
    expect((await hit('getDossier', { id: 'x' })).status).toBe(400);
    expect((await hit('getDossier', { id: 999_999 })).status).toBe(404);
    expect((await hit('putDossierItem', { as: official, id, params: { key: 'test_report' }, body: { status: 'ready' } })).status).toBe(200);
    expect((await hit('putDossierItem', { as: official, id, params: { key: 'test_report' }, body: { status: 'done' } })).status).toBe(400);
    expect((await hit('putDossierItem', { id, params: { key: 'test_report' }, body: { status: 'ready' } })).status).toBe(401);
    expect((await hit('putDossierItem', { as: official, id, params: { key: 'nothing_here' }, body: { status: 'ready' } })).status).toBe(404);
    expect((await hit('putDossierItem', { as: official, id, params: { key: 'test_report' }, body: { status: 'ready' }, headers: EVIL })).status).toBe(403);
    expect((await hit('acceptDossierTemplate', { as: official, id, body: { version: 1 } })).status).toBe(200);
    expect((await hit('acceptDossierTemplate', { as: official, id, body: { version: 99 } })).status).toBe(409);
    expect((await hit('acceptDossierTemplate', { as: official, id, body: {} })).status).toBe(400);
    expect((await hit('acceptDossierTemplate', { id, body: { version: 1 } })).status).toBe(401);
    expect((await hit('getCultivationBoard', { as: admin })).status).toBe(200);
    expect((await hit('getCultivationBoard', { as: admin, query: { county: 'x' } })).status).toBe(400);
    expect((await hit('getCultivationBoard')).status).toBe(401);
    expect((await hit('getTodo', { as: official })).status).toBe(200);
    expect((await hit('getTodo')).status).toBe(401);
    expect((await hit('exportCultivationXlsx', { as: official, query: { lang: 'en' } })).status).toBe(200);
    expect((await hit('exportCultivationXlsx', { as: official, query: { lang: 'fr' } })).status).toBe(400);
    expect((await hit('exportCultivationXlsx')).status).toBe(401);
    const template = await hit('getDossierTemplate', { as: official, params: { giType: 'trademark' } });
    expect(template.status).toBe(200);
    expect((await hit('getDossierTemplate', { as: official, params: { giType: 'silk' } })).status).toBe(400);
    expect((await hit('getDossierTemplate', { params: { giType: 'trademark' } })).status).toBe(401);
    expect((await hit('putDossierTemplate', { as: admin, params: { giType: 'trademark' }, body: { items: template.body.items } })).status).toBe(200);
    expect((await hit('putDossierTemplate', { as: admin, params: { giType: 'trademark' }, body: { items: 'none' } })).status).toBe(400);
    expect((await hit('putDossierTemplate', { as: official, params: { giType: 'trademark' }, body: { items: [] } })).status).toBe(403);
    expect((await hit('putDossierTemplate', { params: { giType: 'trademark' }, body: { items: [] } })).status).toBe(401);
    expect((await hit('putDossierTemplate', { as: admin, params: { giType: 'trademark' }, raw: BIG })).status).toBe(413);
    expect((await hit('putDossierTemplate', { as: admin, params: { giType: 'trademark' }, raw: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
  });

  it('marks: authorised users (201/200, 400, 401, 403, 404, 409) and verification (200, 400)', async () => {
    const product = await hit('createProduct', { as: official, body: { nameZh: '接口用标产品', category: 'food', counties: ['140521'], visibility: 'public' } });
    const designation = (await hit('createDesignation', { as: official, id: product.body.id, body: { giType: 'agricultural_product' } })).body.id;
    const user = { name: '接口用标企业', basis: 'approved_producer', from: '2024-01-01' };
    const created = await hit('addAuthorizedUser', { as: official, id: designation, body: user });
    expect(created.status).toBe(201);
    expect((await hit('addAuthorizedUser', { as: official, id: designation, body: { ...user, from: 'soon' } })).status).toBe(400);
    expect((await hit('addAuthorizedUser', { id: designation, body: user })).status).toBe(401);
    expect((await hit('addAuthorizedUser', { as: official, id: 999_999, body: user })).status).toBe(404);
    expect((await hit('addAuthorizedUser', { as: official, id: designation, body: user, headers: EVIL })).status).toBe(403);
    expect((await hit('addAuthorizedUser', { as: official, id: designation, raw: BIG })).status).toBe(413);
    expect((await hit('addAuthorizedUser', { as: official, id: designation, raw: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    const code = { creditCode: '91140521MA0HNEY12'.slice(0, 17) };
    const { creditCodeCheckChar } = await import('../../db/model');
    const full = code.creditCode + creditCodeCheckChar(code.creditCode);
    expect((await hit('addAuthorizedUser', { as: official, id: designation, body: { ...user, name: '甲', creditCode: full } })).status).toBe(201);
    expect((await hit('addAuthorizedUser', { as: official, id: designation, body: { ...user, name: '乙', creditCode: full } })).status).toBe(409);
    expect((await hit('updateAuthorizedUser', { as: official, id: created.body.id, body: { status: 'suspended' } })).status).toBe(200);
    expect((await hit('updateAuthorizedUser', { as: official, id: created.body.id, body: { status: 'gone' } })).status).toBe(400);
    expect((await hit('updateAuthorizedUser', { as: official, id: 999_999, body: {} })).status).toBe(404);
    expect((await hit('updateAuthorizedUser', { id: created.body.id, body: {} })).status).toBe(401);
    expect((await hit('verifyEnterprise', { query: { q: '接口用标' } })).status).toBe(200);
    expect((await hit('verifyEnterprise', { query: { q: 'x' } })).status).toBe(400);
    for (let i = 0; i < 3; i++) expect((await hit('verifyEnterprise', { query: { q: '接口查无此企业' } })).body.kind).toBe('not_found');
    const misses = await hit('listVerifyMisses', { as: official });
    expect(misses.status).toBe(200);
    expect(misses.body.items.map((m: { key: string }) => m.key)).toContain('接口查无此企业');
    expect((await hit('listVerifyMisses')).status).toBe(401);
  });

  it('usage returns: enter, list, review, links and the company\u2019s form (200/201; 400, 401, 403, 404, 409, 410, 413, 415), the template', async () => {
    const product = await hit('createProduct', { as: official, body: { nameZh: '接口用标报告产品', category: 'food', counties: ['140521'], visibility: 'public' } });
    const designation = (await hit('createDesignation', { as: official, id: product.body.id, body: { giType: 'agricultural_product' } })).body.id;
    const user = (await hit('addAuthorizedUser', { as: official, id: designation, body: { name: '接口报告企业', basis: 'approved_producer', from: '2022-01-01' } })).body.id;
    const year = String(Number(todayInShanghai().slice(0, 4)) - 1);
    const figures = { markedTonnes: 10, outputTonnes: 12 };
    expect((await hit('enterUsageReturn', { as: official, id: user, params: { year }, body: figures })).status).toBe(201);
    expect((await hit('enterUsageReturn', { as: official, id: user, params: { year }, body: figures })).status).toBe(200);
    expect((await hit('enterUsageReturn', { as: official, id: user, params: { year }, body: { markedTonnes: -1 } })).status).toBe(400);
    expect((await hit('enterUsageReturn', { id: user, params: { year }, body: figures })).status).toBe(401);
    expect((await hit('enterUsageReturn', { as: official, id: 999_999, params: { year }, body: figures })).status).toBe(404);
    expect((await hit('enterUsageReturn', { as: official, id: user, params: { year }, body: figures, headers: EVIL })).status).toBe(403);
    expect((await hit('enterUsageReturn', { as: official, id: user, params: { year }, raw: BIG })).status).toBe(413);
    expect((await hit('enterUsageReturn', { as: official, id: user, params: { year }, raw: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    await ok('listUserReturns', { as: official, id: user });
    expect((await hit('listUserReturns', { id: user })).status).toBe(401);
    expect((await hit('listUserReturns', { as: official, id: 999_999 })).status).toBe(404);
    await ok('listDesignationReturns', { as: official, id: designation });
    expect((await hit('listDesignationReturns', { as: official, id: 'x' })).status).toBe(400);
    expect((await hit('issueReturnLink', { as: official, id: user, body: { year: Number(year) } })).body.error.code).toBe('return_accepted');
    const thisYear = Number(year) + 1;
    const issued = await hit('issueReturnLink', { as: official, id: user, body: { year: thisYear } });
    expect(issued.status).toBe(201);
    expect((await hit('issueReturnLink', { as: official, id: user, body: { year: 1900 } })).status).toBe(400);
    const token = issued.body.path.split('/').at(-1);
    await ok('getReturnLink', { params: { token } });
    expect((await hit('getReturnLink', { params: { token: 'nope' } })).status).toBe(404);
    expect((await hit('submitReturnByLink', { params: { token }, body: { markedTonnes: 'lots' } })).status).toBe(400);
    expect((await hit('submitReturnByLink', { params: { token: 'nope' }, body: figures })).status).toBe(404);
    expect((await hit('submitReturnByLink', { params: { token }, body: figures })).status).toBe(201);
    expect((await hit('submitReturnByLink', { params: { token }, body: figures })).status).toBe(410);
    expect((await hit('getReturnLink', { params: { token } })).status).toBe(410);
    const submitted = (await hit('listUserReturns', { as: official, id: user })).body.items.find((r: { year: number }) => r.year === thisYear);
    expect((await hit('reviewUsageReturn', { as: official, id: submitted.id, body: { decision: 'return' } })).status).toBe(400);
    expect((await hit('reviewUsageReturn', { as: official, id: submitted.id, body: { decision: 'accept' } })).status).toBe(200);
    expect((await hit('reviewUsageReturn', { as: official, id: submitted.id, body: { decision: 'accept' } })).status).toBe(409);
    expect((await hit('reviewUsageReturn', { as: official, id: 999_999, body: { decision: 'accept' } })).status).toBe(404);
    expect((await hit('reviewUsageReturn', { id: submitted.id, body: { decision: 'accept' } })).status).toBe(401);
    await ok('getUsageReturnTemplate', { as: official });
    expect((await hit('getUsageReturnTemplate')).status).toBe(401);
  });

  it('places: scope check, put and delete (200/204; 400, 401, 403, 404, 413, 415), divisions and the lookup (200, 400)', async () => {
    const product = await hit('createProduct', { as: official, body: { nameZh: '接口范围产品', category: 'food', counties: ['140521'], visibility: 'public' } });
    const designation = (await hit('createDesignation', { as: official, id: product.body.id, body: { giType: 'agricultural_product' } })).body.id;
    const text = '沁水县的端氏镇、加丰镇、樊村河乡。地理坐标为东经112°47′00″~115°55′00″，北纬35°24′00″~36°04′00″';
    expect((await hit('checkScope', { as: official, id: designation, body: { text } })).status).toBe(200);
    expect((await hit('checkScope', { as: official, id: designation, body: {} })).status).toBe(400);
    expect((await hit('checkScope', { id: designation, body: { text } })).status).toBe(401);
    expect((await hit('checkScope', { as: official, id: 999_999, body: { text } })).status).toBe(404);
    expect((await hit('checkScope', { as: official, id: designation, body: { text: '村、'.repeat(20_001) } })).status).toBe(413);
    expect((await hit('checkScope', { as: official, id: designation, body: { text }, headers: EVIL })).status).toBe(403);
    expect((await hit('checkScope', { as: official, id: designation, raw: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    const scope = { text, codes: ['140521103000', '140521104000'], announcedOn: '2010', source: 'https://example.org/scope' };
    expect((await hit('putScope', { as: official, id: designation, body: scope })).status).toBe(200);
    expect((await hit('putScope', { as: official, id: designation, body: { ...scope, codes: ['140521999999'] } })).status).toBe(400);
    expect((await hit('putScope', { as: official, id: designation, body: { ...scope, codes: Array(2001).fill('140521103000') } })).status).toBe(413);
    expect((await hit('putScope', { id: designation, body: scope })).status).toBe(401);
    expect((await hit('putScope', { as: official, id: 999_999, body: scope })).status).toBe(404);
    expect((await hit('putScope', { as: official, id: designation, raw: BIG })).status).toBe(413);
    expect((await hit('getProduct', { id: product.body.id })).body.designations[0].scope.units).toHaveLength(2);
    expect((await hit('deleteScope', { as: official, id: designation })).status).toBe(204);
    expect((await hit('deleteScope', { as: official, id: designation })).status).toBe(404);
    expect((await hit('deleteScope', { id: designation })).status).toBe(401);
    expect((await hit('listDivisions', { query: { county: '140521', q: '端氏' } })).status).toBe(200);
    expect((await hit('listDivisions', { query: { level: 'city' } })).status).toBe(400);
    expect((await hit('lookupPlace', { query: { q: '端氏村' } })).status).toBe(200);
    expect((await hit('lookupPlace', { query: { q: '' } })).status).toBe(400);
  });

  it('documents: upload (201; 400, 401, 403, 404, 409, 413, 415), files and thumbnails (200, 304, 400, 404), PATCH and DELETE', async () => {
    const product = await hit('createProduct', { as: official, body: { nameZh: '接口文件产品', category: 'food', counties: ['140521'], visibility: 'public' } });
    const id = product.body.id;
    const meta = { kind: 'photo', title: '接口照片', visibility: 'public' };
    const photo = await hit('uploadDocument', { as: official, id, form: uploadForm(meta, { bytes: await picture('png', 64, 48), name: 'p.png' }) });
    expect(photo.status).toBe(201);
    expect((await hit('uploadDocument', { as: official, id, form: uploadForm({ ...meta, kind: 'poster' }, { bytes: pdfBytes(), name: 'a.pdf' }) })).status).toBe(400);
    expect((await hit('uploadDocument', { id, form: uploadForm(meta, { bytes: pdfBytes(), name: 'a.pdf' }) })).status).toBe(401);
    expect((await hit('uploadDocument', { as: official, id, form: uploadForm(meta, { bytes: pdfBytes(), name: 'a.pdf' }), headers: EVIL })).status).toBe(403);
    expect((await hit('uploadDocument', { as: official, id: 999_999, form: uploadForm(meta, { bytes: pdfBytes(), name: 'a.pdf' }) })).status).toBe(404);
    expect((await hit('uploadDocument', { as: official, id, form: uploadForm(meta, { bytes: HTML_BYTES, name: 'x.jpg' }) })).status).toBe(415);
    expect((await hit('uploadDocument', { as: official, id, body: meta })).status).toBe(415);
    expect((await hit('uploadDocument', { as: official, id, form: uploadForm(meta, { bytes: Buffer.alloc(20 * 1024 * 1024 + 1, 0x25), name: 'big.png' }) })).status).toBe(413);

    await notModified('getDocument', { id: photo.body.id });
    await notModified('getDocumentThumbnail', { id: photo.body.id });
    expect((await hit('getDocument', { id: 'x' })).status).toBe(400);
    expect((await hit('getDocument', { id: 999_999 })).status).toBe(404);
    expect((await hit('getDocumentThumbnail', { id: 'x' })).status).toBe(400);
    expect((await hit('getDocumentThumbnail', { id: 999_999 })).status).toBe(404);

    expect((await hit('updateDocument', { as: official, id: photo.body.id, body: { title: '接口照片（改）' } })).status).toBe(200);
    expect((await hit('updateDocument', { as: official, id: photo.body.id, body: { visibility: 'secret' } })).status).toBe(400);
    expect((await hit('updateDocument', { id: photo.body.id, body: { title: 'x' } })).status).toBe(401);
    expect((await hit('updateDocument', { as: official, id: 999_999, body: { title: 'x' } })).status).toBe(404);
    expect((await hit('deleteDocument', { as: official, id: 999_999 })).status).toBe(404);
    expect((await hit('deleteDocument', { as: official, id: photo.body.id, headers: EVIL })).status).toBe(403);
    expect((await hit('archiveProduct', { as: official, id })).status).toBe(200);
    expect((await hit('deleteDocument', { as: official, id: photo.body.id })).status).toBe(409);
    expect((await hit('uploadDocument', { as: official, id, form: uploadForm(meta, { bytes: pdfBytes(), name: 'a.pdf' }) })).status).toBe(409);
    expect((await hit('restoreProduct', { as: admin, id })).status).toBe(200);
    expect((await hit('deleteDocument', { as: official, id: photo.body.id })).status).toBe(204);
  });

  it('figures by year (200; 400, 401, 403, 404, 409) and QR codes (200, 304, 400, 404)', async () => {
    const product = await hit('createProduct', { as: official, body: { nameZh: '接口产业数据产品', category: 'food', counties: ['140521'], visibility: 'public' } });
    const id = product.body.id;
    expect((await hit('replaceFigures', { as: official, id, body: [{ year: 2023, households: 10, areaMu: 2.5, sources: ['县统计公报'] }] })).status).toBe(200);
    expect((await hit('replaceFigures', { as: official, id, body: [{ year: 2023 }, { year: 2023 }] })).status).toBe(400);
    expect((await hit('replaceFigures', { id, body: [] })).status).toBe(401);
    expect((await hit('replaceFigures', { as: official, id, body: [], headers: EVIL })).status).toBe(403);
    expect((await hit('replaceFigures', { as: official, id: 999_999, body: [] })).status).toBe(404);
    await notModified('getProductQr', { id });
    expect((await hit('getProductQr', { id: 'x' })).status).toBe(400);
    expect((await hit('archiveProduct', { as: official, id })).status).toBe(200);
    expect((await hit('getProductQr', { id })).status).toBe(404);
    expect((await hit('replaceFigures', { as: official, id, body: [] })).status).toBe(409);
  });

  it('signals, readiness and its thresholds (200; 400, 401, 403), and a product\u2019s mark use (200, 304, 400, 404)', async () => {
    await notModified('getMarkUse', { id: seededId });
    expect((await hit('getMarkUse', { id: 'x' })).status).toBe(400);
    expect((await hit('getMarkUse', { id: 999_999 })).status).toBe(404);
    for (const id of ['getSignals', 'getZoneReadiness']) {
      expect((await hit(id, { as: official })).status).toBe(200);
      expect((await hit(id, { as: admin, query: { county: '140522' } })).status).toBe(200);
      expect((await hit(id, { as: official, query: { county: '140522' } })).status).toBe(403);
      expect((await hit(id, { as: official, query: { county: 'x' } })).status).toBe(400);
      expect((await hit(id)).status).toBe(401);
    }
    const settings = { producerShare: 0.6, outputShare: 0.6, minYears: 3 };
    expect((await hit('getReadinessSettings', { as: official })).body).toEqual(settings);
    expect((await hit('getReadinessSettings')).status).toBe(401);
    expect((await hit('putReadinessSettings', { as: admin, body: settings })).status).toBe(200);
    expect((await hit('putReadinessSettings', { as: admin, body: { ...settings, minYears: 21 } })).status).toBe(400);
    expect((await hit('putReadinessSettings', { body: settings })).status).toBe(401);
    expect((await hit('putReadinessSettings', { as: official, body: settings })).status).toBe(403);
    expect((await hit('putReadinessSettings', { as: admin, raw: BIG })).status).toBe(413);
    expect((await hit('putReadinessSettings', { as: admin, raw: 'x', headers: { 'content-type': 'text/plain' } })).status).toBe(415);
  });

  it('sign-in is limited: 401s, then the username is locked at this address (423 with Retry-After)', async () => {
    let last = 0;
    for (let i = 0; i < 6; i++) last = (await hit('signIn', { body: { username: 'city', password: 'wrong password!' } })).status;
    expect(last).toBe(423);
  });

  it('every operation was called, with a success and (where it has one) an error answered', () => {
    const missing: string[] = [];
    for (const { op } of check.operations()) {
      const seen = check.seen.get(op.operationId) ?? new Set();
      const documented = Object.keys(op.responses);
      if (![...seen].some((s) => s.startsWith('2'))) missing.push(`${op.operationId}: no success`);
      if (documented.some((s) => s.startsWith('4')) && ![...seen].some((s) => s.startsWith('4'))) missing.push(`${op.operationId}: no 4xx`);
      if (documented.includes('304') && !seen.has('304')) missing.push(`${op.operationId}: no 304`);
    }
    expect(missing).toEqual([]);
  });

  it('every documented path refuses other methods with 405 and an Allow listing exactly the documented methods', async () => {
    for (const [path, item] of Object.entries(check.doc.paths) as [string, Record<string, unknown>][]) {
      const documented = Object.keys(item).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)).map((k) => k.toUpperCase());
      const other = ['PUT', 'PATCH', 'DELETE', 'POST'].find((m) => !documented.includes(m))!;
      const res = await fetch(`${server.url}${path.replace('{id}', '1')}`, { method: other, headers: { cookie: admin } });
      expect(res.status, `${other} ${path}`).toBe(405);
      const allow = (res.headers.get('allow') ?? '').split(',').map((s) => s.trim()).filter((m) => m !== 'HEAD' && m !== 'OPTIONS');
      expect(allow.sort(), path).toEqual(documented.sort());
      expect(await res.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    }
  });
});
