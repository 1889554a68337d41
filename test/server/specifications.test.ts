/**
 * A designation's specification and contacts over HTTP against a real SQLite file: versions added,
 * listed newest first in the product answer with the current one flagged, corrected and removed, each
 * audited and told as a sentence; links only http(s) and documents only of the same product (400,
 * nothing changed); another county's official 403; the contacts set through the designation's PATCH;
 * a document link hidden from whoever may not read the document, and dropped when the document goes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEvent, todayInShanghai, type AuditEvent, type Product, type Specification } from '../../db/model';
import { startServer, type TestServer } from '../support/server';
import { pdfBytes, upload, uploadForm } from '../support/sample-files';
import { addAccount, dumpTables, send, signIn } from './fixtures';

let s: TestServer;
let qinshui: string;
let yangcheng: string;
let admin: string;
let productId: number;
let designationId: number;
let otherProductDocument: number;

const NAMES = { counties: {} };
const SPEC_2020 = {
  number: 'DB14/T 1234-2020', title: '地理标志产品 沁水规范测试梨', version: '2020版', issuedOn: '2020-06', url: 'https://example.gov.cn/db14/1234-2020.pdf',
};

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qs-spec', 'official', '140521');
  await addAccount(s.db, 'yc-spec', 'official', '140522');
  await addAccount(s.db, 'city-spec', 'admin');
  [qinshui, yangcheng, admin] = await Promise.all([signIn(s.url, 'qs-spec'), signIn(s.url, 'yc-spec'), signIn(s.url, 'city-spec')]);
  const product = await send(s.url, 'POST', '/api/products', { nameZh: '沁水规范测试梨', category: 'food', counties: ['140521'], visibility: 'public' }, qinshui);
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  productId = product.body.id;
  const d = await send(s.url, 'POST', `/api/products/${productId}/designations`, { giType: 'protected_product', startedOn: '2019' }, qinshui);
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  designationId = d.body.id;
  const other = await send(s.url, 'POST', '/api/products', { nameZh: '沁水规范别的产品', category: 'food', counties: ['140521'], visibility: 'public' }, qinshui);
  const doc = await upload(s.url, other.body.id, uploadForm({ kind: 'specification', title: '别的产品的规范', visibility: 'public' }, { bytes: pdfBytes(), name: 'x.pdf', type: 'application/pdf' }), qinshui);
  expect(doc.status, JSON.stringify(doc.body)).toBe(201);
  otherProductDocument = doc.body.id;
});
afterAll(() => s.close());

const add = (body: object, cookie = qinshui, id = designationId) => send(s.url, 'POST', `/api/designations/${id}/specifications`, body, cookie);
const designationOf = async (cookie?: string) => {
  const product = (await send(s.url, 'GET', `/api/products/${productId}`, undefined, cookie)).body as Product;
  return product.designations.find((d) => d.id === designationId)!;
};
const latestAudit = async (action: string): Promise<AuditEvent> =>
  (await send(s.url, 'GET', `/api/audit?entity=designation&id=${designationId}&action=${action}`, undefined, admin)).body.items[0];

describe('versions of a specification', () => {
  it('adds a version, lists amendments newest first with the current one flagged, corrects and removes one', async () => {
    const first = await add(SPEC_2020);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ ...SPEC_2020, designationId, documentId: null, note: '', current: true });
    const told = describeAuditEvent(await latestAudit('specification_add'), 'zh', NAMES);
    expect(told.summary).toBe('沁水规范测试梨 的 地理标志保护产品的质量技术要求新增版本 DB14/T 1234-2020 2020版');
    expect(told.changes).toContain('发布日期：2020年6月');
    expect(describeAuditEvent(await latestAudit('specification_add'), 'en', NAMES).summary)
      .toBe('Added version DB14/T 1234-2020 2020版 to the specification of the GI protected product of 沁水规范测试梨');

    // An amendment, then an older version recorded afterwards: the dates decide the order, not the recording.
    const amendment = await add({ number: 'DB14/T 1234-2023', title: '地理标志产品 沁水规范测试梨', issuedOn: '2023-03-01' });
    expect(amendment.status).toBe(201);
    expect(amendment.body.current).toBe(true);
    const older = await add({ title: '沁水规范测试梨质量技术要求（试行）', issuedOn: '2016' });
    expect(older.status).toBe(201);
    expect(older.body.current).toBe(false);
    const listed = (await designationOf()).specifications; // the public's answer
    expect(listed.map((v: Specification) => [v.number, v.issuedOn, v.current])).toEqual([
      ['DB14/T 1234-2023', '2023-03-01', true], ['DB14/T 1234-2020', '2020-06', false], [null, '2016', false],
    ]);

    const patched = await send(s.url, 'PATCH', `/api/specifications/${amendment.body.id}`, { title: '地理标志产品 沁水规范测试梨（修订）', url: 'http://example.gov.cn/2023' }, qinshui);
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ number: 'DB14/T 1234-2023', title: '地理标志产品 沁水规范测试梨（修订）', url: 'http://example.gov.cn/2023', current: true });
    const changed = describeAuditEvent(await latestAudit('specification_update'), 'zh', NAMES);
    expect(changed.summary).toBe('修改 沁水规范测试梨 的 地理标志保护产品的质量技术要求 DB14/T 1234-2023');
    expect(changed.changes).toEqual(['名称：地理标志产品 沁水规范测试梨 → 地理标志产品 沁水规范测试梨（修订）', '链接：— → http://example.gov.cn/2023']);

    // Dating the 2023 amendment before 2020 makes the 2020 version current.
    expect((await send(s.url, 'PATCH', `/api/specifications/${amendment.body.id}`, { issuedOn: '2019' }, qinshui)).body.current).toBe(false);
    expect((await designationOf()).specifications[0]).toMatchObject({ number: 'DB14/T 1234-2020', current: true });

    const removed = await send(s.url, 'DELETE', `/api/specifications/${amendment.body.id}`, undefined, qinshui);
    expect(removed.status).toBe(204);
    expect((await designationOf()).specifications.map((v: Specification) => v.number)).toEqual(['DB14/T 1234-2020', null]);
    expect(describeAuditEvent(await latestAudit('specification_delete'), 'en', NAMES).summary)
      .toBe('Removed the specification version DB14/T 1234-2023 of the GI protected product of 沁水规范测试梨');
    expect((await send(s.url, 'DELETE', `/api/specifications/${amendment.body.id}`, undefined, qinshui)).status).toBe(404);
  });

  const tomorrowYear = String(Number(todayInShanghai().slice(0, 4)) + 1);
  it.each<[string, object, object, string, string]>([
    ['a javascript: link', { url: 'javascript:alert(1)' }, { url: 'javascript:alert(1)' }, 'url', 'http://'],
    ['a data: link', { url: 'data:text/html,<script>alert(1)</script>' }, { url: 'data:text/html,x' }, 'url', 'http://'],
    ['an ftp: link', { url: 'ftp://example.gov.cn/spec.pdf' }, { url: 'ftp://example.gov.cn/spec.pdf' }, 'url', 'http://'],
    ['a date after today', { issuedOn: tomorrowYear }, { issuedOn: tomorrowYear }, 'issuedOn', 'future'],
    ['no title', { title: undefined }, { title: null }, 'title', ''],
    ['a title of 301 characters', { title: '规'.repeat(301) }, { title: '规'.repeat(301) }, 'title', ''],
    ['a version of 51 characters', { version: 'v'.repeat(51) }, { version: 'v'.repeat(51) }, 'version', ''],
    ['a document that does not exist', { documentId: 999_999 }, { documentId: 999_999 }, 'documentId', 'document'],
  ])('refuses %s with a 400 naming the field, and changes nothing', async (_, change, patch, field, words) => {
    const before = dumpTables(s.db);
    const res = await add({ ...SPEC_2020, ...change });
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string[] }) => i.path[0])).toContain(field);
    expect(JSON.stringify(res.body.error.issues)).toContain(words);
    const held = (await designationOf(qinshui)).specifications[0];
    const patched = await send(s.url, 'PATCH', `/api/specifications/${held.id}`, patch, qinshui);
    expect(patched.status).toBe(400);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('refuses a document of another product (400) and links one of its own, which the public sees only while it is public', async () => {
    const before = dumpTables(s.db);
    const foreign = await add({ ...SPEC_2020, documentId: otherProductDocument });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.issues[0]).toMatchObject({ path: ['documentId'], message: expect.stringContaining('not one of this product') });
    expect(dumpTables(s.db)).toEqual(before);

    const doc = await upload(s.url, productId, uploadForm({ kind: 'specification', title: '质量技术要求全文', visibility: 'internal' }, { bytes: pdfBytes(), name: 'spec.pdf', type: 'application/pdf' }), qinshui);
    expect(doc.status).toBe(201);
    const linked = await add({ title: '质量技术要求（内部稿）', documentId: doc.body.id });
    expect(linked.status, JSON.stringify(linked.body)).toBe(201);
    const inAnswer = async (cookie?: string) => (await designationOf(cookie)).specifications.find((v: Specification) => v.id === linked.body.id)!;
    expect((await inAnswer(qinshui)).documentId).toBe(doc.body.id);
    expect((await inAnswer()).documentId).toBeNull(); // an internal file is not named to the public
    expect((await send(s.url, 'PATCH', `/api/documents/${doc.body.id}`, { visibility: 'public' }, qinshui)).status).toBe(200);
    expect((await inAnswer()).documentId).toBe(doc.body.id);

    // Deleting the document leaves the version, without its link.
    expect((await send(s.url, 'DELETE', `/api/documents/${doc.body.id}`, undefined, qinshui)).status).toBe(204);
    expect(await inAnswer(qinshui)).toMatchObject({ title: '质量技术要求（内部稿）', documentId: null });
  });

  it('lets only the officials of the product’s county and admins write (403, 401, 404), changing nothing', async () => {
    const held = (await designationOf(qinshui)).specifications[0];
    const before = dumpTables(s.db);
    expect((await add(SPEC_2020, yangcheng)).status).toBe(403);
    expect((await send(s.url, 'PATCH', `/api/specifications/${held.id}`, { title: '别县改的' }, yangcheng)).status).toBe(403);
    expect((await send(s.url, 'DELETE', `/api/specifications/${held.id}`, undefined, yangcheng)).status).toBe(403);
    expect((await send(s.url, 'POST', `/api/designations/${designationId}/specifications`, SPEC_2020)).status).toBe(401);
    expect((await add(SPEC_2020, qinshui, 999_999)).status).toBe(404);
    expect((await send(s.url, 'PATCH', '/api/specifications/999999', { title: '无' }, admin)).status).toBe(404);
    expect(dumpTables(s.db)).toEqual(before);
    const byAdmin = await send(s.url, 'PATCH', `/api/specifications/${held.id}`, { note: '市级核对' }, admin);
    expect(byAdmin.status).toBe(200);
  });
});

describe('contacts of a designation', () => {
  it('are set through the designation’s PATCH, shown in the product answer, audited; bad ones refused', async () => {
    const contacts = { managingBody: '沁水县规范测试梨协会', managingContact: '0356-1234567；沁水县龙港镇', testingBody: '山西省农产品质量检测中心' };
    const res = await send(s.url, 'PATCH', `/api/designations/${designationId}`, contacts, qinshui);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject(contacts);
    expect(await designationOf()).toMatchObject(contacts);
    const told = describeAuditEvent(
      (await send(s.url, 'GET', `/api/audit?entity=designation&id=${designationId}&action=update`, undefined, admin)).body.items[0], 'zh', NAMES);
    expect(told.changes).toContain('检测机构：— → 山西省农产品质量检测中心');

    const before = dumpTables(s.db);
    expect((await send(s.url, 'PATCH', `/api/designations/${designationId}`, { managingContact: '电话\u0007' }, qinshui)).status).toBe(400);
    expect((await send(s.url, 'PATCH', `/api/designations/${designationId}`, { testingBody: '检'.repeat(201) }, qinshui)).status).toBe(400);
    expect((await send(s.url, 'PATCH', `/api/designations/${designationId}`, { managingBody: '别县写的' }, yangcheng)).status).toBe(403);
    expect(dumpTables(s.db)).toEqual(before);
    expect((await send(s.url, 'PATCH', `/api/designations/${designationId}`, { managingContact: null }, qinshui)).body.managingContact).toBeNull();
  });
});
