/**
 * Importing authorised users (用标企业) through POST /api/import, over HTTP: a list is told apart by its
 * 用标企业名称 column; the dry run reports row by row and keeps nothing; the import keeps all rows or
 * none; a row of another county's GI is refused; a known credit code updates its user; a bad credit code
 * is reported beside its column in both languages; the template fills and imports as it is.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizedUser, ImportReport, VerifyResult } from '../../../db/model';
import { USER_TEMPLATE_COLUMNS, USER_TEMPLATE_SHEET } from '../../../server/exchange/templates/user-template';
import { startServer, type TestServer } from '../../support/server';
import { addAccount, creditCode, dumpTables, send, signIn } from '../fixtures';

let s: TestServer;
let qinshui: string;
let yangchengProduct: number;
let honeyProduct: number;

const CODE_A = creditCode('91140521MA0KMPA11');
const CODE_B = creditCode('93140521MA0KMPB22');
const CODE_C = creditCode('91140521MA0KMPC33');

/** A product with a granted designation, made by `cookie` over the API. */
async function grantedProduct(cookie: string, body: object, giType: string, markKind?: string) {
  const product = await send(s.url, 'POST', '/api/products', { category: 'food', visibility: 'public', ...body }, cookie);
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const d = await send(s.url, 'POST', `/api/products/${product.body.id}/designations`, { giType, ...(markKind ? { markKind } : {}), startedOn: '2015-01-01' }, cookie);
  for (const [to, on] of [['filed', '2016-03'], ['granted', '2017-05-20']]) {
    const moved = await send(s.url, 'POST', `/api/designations/${d.body.id}/transitions`, { to, on, note: '', confirmIncomplete: true }, cookie);
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
  }
  return product.body.id as number;
}

/** The header an office types: Chinese labels only. */
const HEADER = '用标企业名称,统一社会信用代码,用标依据,公告号/备案号,起始日期,截止日期,用标状态,产品名称,地理标志类型';
const csv = (lines: string[], encoding: 'utf8' | 'gbk' = 'utf8') =>
  ({ format: 'csv', data: iconv.encode([HEADER, ...lines].join('\r\n'), encoding).toString('base64') });
const post = (body: unknown, dryRun = false, cookie = qinshui) => send(s.url, 'POST', `/api/import${dryRun ? '?dryRun=1' : ''}`, body, cookie);
const usersOf = async (productId: number) => (await send(s.url, 'GET', `/api/products/${productId}`, undefined, qinshui)).body.authorizedUsers as AuthorizedUser[];

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qs-import-users', 'official', '140521');
  await addAccount(s.db, 'yc-import-users', 'official', '140522');
  qinshui = await signIn(s.url, 'qs-import-users');
  const yangcheng = await signIn(s.url, 'yc-import-users');
  honeyProduct = await grantedProduct(qinshui, { nameZh: '导入用标蜂蜜', counties: ['140521'] }, 'trademark', 'collective');
  yangchengProduct = await grantedProduct(yangcheng, { nameZh: '导入用标阳城蚕丝', counties: ['140522'] }, 'protected_product');
});
afterAll(() => s.close());

const rows = [
  `沁水县蜜源合作社,${CODE_A},集体商标成员,备案第12号,2023/3/1,,有效,导入用标蜂蜜,地理标志商标`,
  `沁水县百花蜂业有限公司,${CODE_B.toLowerCase()},approved_producer,,2024年5月6日,2026年12月31日,,导入用标蜂蜜,trademark`,
];

describe('importing a list of authorised users', () => {
  it('a dry run of a GBK list reports each new user and keeps nothing', async () => {
    const before = dumpTables(s.db);
    const { status, body } = await post(csv(rows, 'gbk'), true);
    expect(status, JSON.stringify(body)).toBe(200);
    const report = body as ImportReport;
    expect(report).toMatchObject({ dryRun: true, applied: false, encoding: 'gb18030', summary: { created: 2, updated: 0, errors: 0 }, unknownColumns: [] });
    expect(report.rows[0]).toMatchObject({ line: 2, productZh: '沁水县蜜源合作社（导入用标蜂蜜）', productId: honeyProduct, outcome: 'created' });
    expect(report.rows[0].changes[0].zh).toBe('新增用标企业 沁水县蜜源合作社：导入用标蜂蜜地理标志商标，集体商标成员，自 2023-03-01 起');
    expect(report.rows[1].changes[0].en).toContain('Approved producer, from 2024-05-06');
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('imports them: dates as written, labels or codes, the credit code upper-cased, audited, and verifiable', async () => {
    const { status, body } = await post(csv(rows, 'gbk'));
    expect(status, JSON.stringify(body)).toBe(201);
    expect(body.applied).toBe(true);
    const users = await usersOf(honeyProduct);
    expect(users.map(({ name, creditCode: code, basis, reference, from, until, status: st }) => ({ name, code, basis, reference, from, until, st }))).toEqual([
      { name: '沁水县百花蜂业有限公司', code: CODE_B, basis: 'approved_producer', reference: null, from: '2024-05-06', until: '2026-12-31', st: 'active' },
      { name: '沁水县蜜源合作社', code: CODE_A, basis: 'collective_member', reference: '备案第12号', from: '2023-03-01', until: null, st: 'active' },
    ]);
    const designationId = users[0].designationId;
    const audit = await send(s.url, 'GET', `/api/audit?entity=designation&id=${designationId}&action=authorized_user_add`, undefined, qinshui);
    expect(audit.body.items).toHaveLength(2);
    const verified = (await send(s.url, 'GET', `/api/verify?q=${encodeURIComponent('蜜源合作')}`)).body as VerifyResult;
    expect(verified.matches[0].grants[0]).toMatchObject({ productZh: '导入用标蜂蜜', basis: 'collective_member', valid: true });
  });

  it('a row whose credit code is already a user of the GI updates that user (blank cells leave it as it is)', async () => {
    const change = [`沁水县蜜源合作社,${CODE_A},,,,2027-06-30,暂停使用,导入用标蜂蜜,地理标志商标`];
    const dry = (await post(csv(change), true)).body as ImportReport;
    expect(dry.summary).toEqual({ created: 0, updated: 1, unchanged: 0, errors: 0 });
    expect(dry.rows[0].changes.map((c) => c.zh)).toEqual([
      '沁水县蜜源合作社 截止日期：— → 2027-06-30', '沁水县蜜源合作社 用标状态：有效 → 暂停使用',
    ]);
    const { status } = await post(csv(change));
    expect(status).toBe(201);
    const users = await usersOf(honeyProduct);
    expect(users).toHaveLength(2);
    expect(users.find((u) => u.creditCode === CODE_A)).toMatchObject({ status: 'suspended', until: '2027-06-30', reference: '备案第12号', basis: 'collective_member' });
    // The same file again changes nothing.
    expect(((await post(csv(change), true)).body as ImportReport).rows[0].outcome).toBe('unchanged');
  });

  it('keeps all rows or none: one bad credit code stops the whole file, reported beside its column in both languages', async () => {
    const before = dumpTables(s.db);
    const mixed = csv([
      `沁水县新到蜂场,${CODE_C},核准使用的生产者,,2024-01-01,,,导入用标蜂蜜,地理标志商标`,
      '沁水县错码企业,911405210000000000,核准使用的生产者,,2024-01-01,,,导入用标蜂蜜,地理标志商标',
    ]);
    const dry = (await post(mixed, true)).body as ImportReport;
    expect(dry.summary).toMatchObject({ created: 1, errors: 1 });
    expect(dry.rows[1].problems).toEqual([expect.objectContaining({
      column: '统一社会信用代码', zh: expect.stringContaining('不是有效的统一社会信用代码'), en: expect.stringContaining('not a valid unified social credit code'),
    })]);
    const { status, body } = await post(mixed);
    expect(status).toBe(400);
    expect(body.error.code).toBe('import_failed');
    expect(body.error.issues[0]).toMatchObject({ path: ['line', 3], message: expect.stringContaining('统一社会信用代码') });
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('refuses a row for another county’s GI, a basis that does not fit the mark, and a GI the product does not have', async () => {
    const before = dumpTables(s.db);
    const report = (await post(csv([
      `阳城县某丝绸厂,${CODE_C},核准使用的生产者,,2024-01-01,,,导入用标阳城蚕丝,地理标志保护产品`,
      `沁水县被许可企业,${CODE_C},证明商标被许可人,,2024-01-01,,,导入用标蜂蜜,地理标志商标`,
      `沁水县错类企业,${CODE_C},核准使用的生产者,,2024-01-01,,,导入用标蜂蜜,农产品地理标志`,
      '沁水县缺日期企业,,核准使用的生产者,,,,,导入用标蜂蜜,地理标志商标',
    ]), true)).body as ImportReport;
    expect(report.summary.errors).toBe(4);
    expect(report.rows[0].problems[0]).toMatchObject({ column: '产品名称', zh: expect.stringContaining('本县'), en: expect.stringContaining('own county') });
    expect(report.rows[1].problems[0]).toMatchObject({ column: '用标依据', zh: expect.stringContaining('只适用于证明商标') });
    expect(report.rows[2].problems[0]).toMatchObject({ column: '地理标志类型', zh: '导入用标蜂蜜没有农产品地理标志。请核对地理标志类型' });
    expect(report.rows[3].problems[0]).toMatchObject({ column: '起始日期', en: expect.stringContaining('needs the day') });
    expect(dumpTables(s.db)).toEqual(before);
    expect(await usersOf(yangchengProduct)).toEqual([]);
  });

  it('the template, filled in Excel with real date cells, imports as it is', async () => {
    const template = await fetch(`${s.url}/api/import/authorized-users-template.xlsx`, { headers: { cookie: qinshui } });
    expect(template.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await template.arrayBuffer()) as never);
    const sheet = book.getWorksheet(USER_TEMPLATE_SHEET)!;
    const at = (key: (typeof USER_TEMPLATE_COLUMNS)[number]) => USER_TEMPLATE_COLUMNS.indexOf(key) + 1;
    const row = sheet.getRow(2);
    row.getCell(at('product_zh')).value = '导入用标蜂蜜';
    row.getCell(at('user_name')).value = '沁水县模板蜂业';
    row.getCell(at('credit_code')).value = CODE_C;
    row.getCell(at('basis')).value = '集体商标成员';
    row.getCell(at('from')).value = new Date(Date.UTC(2025, 1, 3));
    const data = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const { status, body } = await post({ format: 'xlsx', data });
    expect(status, JSON.stringify(body)).toBe(201);
    expect((await usersOf(honeyProduct)).find((u) => u.creditCode === CODE_C)).toMatchObject({ name: '沁水县模板蜂业', from: '2025-02-03', status: 'active' });
  });
});
