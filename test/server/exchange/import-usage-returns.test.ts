/**
 * Yearly usage returns through the same import frame as products and users (POST /api/import), over
 * HTTP: a list is told apart by its 报告年度 column and a figure; the dry run reports row by row and keeps
 * nothing; the import keeps all rows or none (a bad row refuses the whole file, named by its line and
 * column); a row for another county's user is refused; imported returns are accepted (via import),
 * audited and told as sentences; the template fills and imports as it is; and the officials' XLSX export
 * has a "用标报告" sheet with one row per return, which the public export never has.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEvent, type AuditEvent, type ImportReport, type UsageReturnList } from '../../../db/model';
import { RETURN_TEMPLATE_COLUMNS, RETURN_TEMPLATE_SHEET } from '../../../server/exchange/templates/return-template';
import { startServer, type TestServer } from '../../support/server';
import { addAccount, creditCode, dumpTables, send, signIn } from '../fixtures';

let s: TestServer;
let qinshui: string;
let yangcheng: string;
let honeyDesignation: number;
let silkDesignation: number;
const users: Record<string, number> = {};

const CODE_A = creditCode('91140521MA0KMRA11');
const CODE_B = creditCode('93140521MA0KMRB22');
const CODE_Y = creditCode('91140522MA0KMRY33');
const YEAR = new Date().getFullYear() - 1;

/** A public product with a granted designation, made by `cookie`, and its designation's id. */
async function grantedDesignation(cookie: string, nameZh: string, county: string, giType: string) {
  const product = await send(s.url, 'POST', '/api/products', { nameZh, category: 'food', counties: [county], visibility: 'public' }, cookie);
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const d = await send(s.url, 'POST', `/api/products/${product.body.id}/designations`, { giType, startedOn: '2015-01-01' }, cookie);
  for (const [to, on] of [['filed', '2016-03'], ['granted', '2017-05-20']]) {
    expect((await send(s.url, 'POST', `/api/designations/${d.body.id}/transitions`, { to, on, note: '', confirmIncomplete: true }, cookie)).status).toBe(201);
  }
  return d.body.id as number;
}

async function addUser(cookie: string, designationId: number, name: string, code: string | null) {
  const res = await send(s.url, 'POST', `/api/designations/${designationId}/authorized-users`, { name, creditCode: code, basis: 'approved_producer', from: '2020-01-01' }, cookie);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  users[name] = res.body.id;
}

/** The header an office types: Chinese labels only. */
const HEADER = '产品名称,地理标志类型,用标企业名称,统一社会信用代码,报告年度,用标数量（吨）,产量（吨）,印制标志（枚）,销售渠道,备注';
const csv = (lines: string[], encoding: 'utf8' | 'gbk' = 'utf8') =>
  ({ format: 'csv', data: iconv.encode([HEADER, ...lines].join('\r\n'), encoding).toString('base64') });
const post = (body: unknown, dryRun = false, cookie = qinshui) => send(s.url, 'POST', `/api/import${dryRun ? '?dryRun=1' : ''}`, body, cookie);
const returnsOf = async (name: string) =>
  ((await send(s.url, 'GET', `/api/authorized-users/${users[name]}/usage-returns`, undefined, qinshui)).body as UsageReturnList).items;

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qs-import-returns', 'official', '140521');
  await addAccount(s.db, 'yc-import-returns', 'official', '140522');
  qinshui = await signIn(s.url, 'qs-import-returns');
  yangcheng = await signIn(s.url, 'yc-import-returns');
  honeyDesignation = await grantedDesignation(qinshui, '导入报告蜂蜜', '140521', 'agricultural_product');
  silkDesignation = await grantedDesignation(yangcheng, '导入报告蚕丝', '140522', 'protected_product');
  await addUser(qinshui, honeyDesignation, '沁水县报告导入蜂业公司', CODE_A);
  await addUser(qinshui, honeyDesignation, '沁水县报告导入合作社', CODE_B);
  await addUser(qinshui, honeyDesignation, '沁水县无码养蜂户', null);
  await addUser(yangcheng, silkDesignation, '阳城县报告导入丝绸厂', CODE_Y);
});
afterAll(() => s.close());

const rows = [
  `导入报告蜂蜜,农产品地理标志,沁水县报告导入蜂业公司,${CODE_A},${YEAR},120,150,"20,000",电商平台、商超,`,
  `导入报告蜂蜜,agricultural_product,,${CODE_B.toLowerCase()},${YEAR},35.5,40,,批发市场,合作社统计`,
  `导入报告蜂蜜,农产品地理标志,沁水县无码养蜂户,,${YEAR},2,3,500,,`,
];

describe('importing yearly usage returns', () => {
  it('a dry run of a GBK list reports each new return and keeps nothing', async () => {
    const before = dumpTables(s.db);
    const { status, body } = await post(csv(rows, 'gbk'), true);
    expect(status, JSON.stringify(body)).toBe(200);
    const report = body as ImportReport;
    expect(report).toMatchObject({ dryRun: true, applied: false, encoding: 'gb18030', summary: { created: 3, updated: 0, errors: 0 }, unknownColumns: [] });
    expect(report.rows[0]).toMatchObject({ line: 2, productZh: `沁水县报告导入蜂业公司（${YEAR}）`, outcome: 'created' });
    expect(report.rows[0].changes[0].zh).toBe(`新增 沁水县报告导入蜂业公司 ${YEAR} 年度用标报告：用标 120 吨，产量 150 吨，印制标志 20,000 枚，渠道：电商平台、商超`);
    expect(report.rows[1].changes[0].en).toBe(`New usage return of 沁水县报告导入合作社 ${YEAR}: 35.5 t marked, output 40 t, channels: 批发市场`);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('keeps all rows or none: a bad row refuses the whole file, named by its line and column', async () => {
    const before = dumpTables(s.db);
    const mixed = csv([...rows.slice(0, 2), `导入报告蜂蜜,农产品地理标志,沁水县无码养蜂户,,${YEAR},-3,3,,,`, `导入报告蜂蜜,农产品地理标志,沁水县无码养蜂户,,${YEAR + 2},1,3,,,`]);
    const dry = (await post(mixed, true)).body as ImportReport;
    expect(dry.summary).toMatchObject({ created: 2, errors: 2 });
    expect(dry.rows[2]).toMatchObject({ line: 4, outcome: 'error' });
    expect(dry.rows[2].problems).toEqual([expect.objectContaining({ column: '用标数量（吨）', zh: expect.stringContaining('超出范围'), en: expect.stringContaining('out of range') })]);
    expect(dry.rows[3].problems).toEqual([expect.objectContaining({ column: '报告年度', zh: `年度须在 2020 至 ${YEAR + 1} 年之间`, en: `The year must be from 2020 to ${YEAR + 1}` })]);
    const { status, body } = await post(mixed);
    expect(status).toBe(400);
    expect(body.error.code).toBe('import_failed');
    expect(body.error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([['line', 4], ['line', 5]]);
    expect(body.error.issues[0].message).toContain('用标数量（吨）');
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('refuses rows for another county\'s user, an unknown credit code, more marked than produced; nothing is kept', async () => {
    const before = dumpTables(s.db);
    const report = (await post(csv([
      `导入报告蚕丝,地理标志保护产品,阳城县报告导入丝绸厂,${CODE_Y},${YEAR},10,20,,,`,
      `导入报告蜂蜜,农产品地理标志,未登记企业,${creditCode('91140521MA0KMRX99')},${YEAR},10,20,,,`,
      `导入报告蜂蜜,农产品地理标志,沁水县报告导入合作社,${CODE_B},${YEAR},30,20,,,`,
    ]))).body;
    expect(report.error.code).toBe('import_failed');
    const rowsReport = (report.report as ImportReport).rows;
    expect(rowsReport[0].problems[0]).toMatchObject({ column: '产品名称', zh: expect.stringContaining('本县'), en: expect.stringContaining('own county') });
    expect(rowsReport[1].problems[0]).toMatchObject({ column: '统一社会信用代码', zh: expect.stringContaining('没有统一社会信用代码为') });
    expect(rowsReport[2].problems[0]).toMatchObject({ column: '用标数量（吨）', zh: '用标数量不能大于产量', en: 'The marked volume may not exceed the output' });
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('imports them as accepted (via import), audited and told as a sentence; the same file again changes nothing; a change is reported', async () => {
    const { status, body } = await post(csv(rows, 'gbk'));
    expect(status, JSON.stringify(body)).toBe(201);
    expect(await returnsOf('沁水县报告导入蜂业公司')).toEqual([expect.objectContaining({
      year: YEAR, markedTonnes: 120, outputTonnes: 150, marksPrinted: 20_000, channels: ['电商平台', '商超'], status: 'accepted', via: 'import', reviewedBy: 'qs-import-returns',
    })]);
    expect(await returnsOf('沁水县无码养蜂户')).toEqual([expect.objectContaining({ markedTonnes: 2, marksPrinted: 500, channels: [] })]);
    const audit = await send(s.url, 'GET', `/api/audit?entity=designation&id=${honeyDesignation}&action=usage_return_enter`, undefined, qinshui);
    expect(audit.body.items).toHaveLength(3);
    const sentences = (audit.body.items as AuditEvent[]).map((e) => describeAuditEvent(e, 'zh', { counties: {} }).summary);
    expect(sentences).toContain(`沁水县报告导入合作社 ${YEAR} 年度用标报告：用标 35.5 吨，产量 40 吨，渠道：批发市场，已接受（批量导入）`);

    expect(((await post(csv(rows), true)).body as ImportReport).summary).toEqual({ created: 0, updated: 0, unchanged: 3, errors: 0 });
    const changed = (await post(csv([rows[0].replace(',120,150,', ',130,150,')]), true)).body as ImportReport;
    expect(changed.rows[0]).toMatchObject({ outcome: 'updated' });
    expect(changed.rows[0].changes.map((c) => c.zh)).toEqual([`沁水县报告导入蜂业公司 ${YEAR} 年度用标数量（吨）：120 → 130`]);
  });

  it('the template, filled in Excel, imports as it is', async () => {
    const template = await fetch(`${s.url}/api/import/usage-returns-template.xlsx`, { headers: { cookie: qinshui } });
    expect(template.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await template.arrayBuffer()) as never);
    const sheet = book.getWorksheet(RETURN_TEMPLATE_SHEET)!;
    const at = (key: (typeof RETURN_TEMPLATE_COLUMNS)[number]) => RETURN_TEMPLATE_COLUMNS.indexOf(key) + 1;
    // The GI type has its drop-down list.
    expect(sheet.getCell(2, at('gi_type')).dataValidation).toMatchObject({ type: 'list' });
    const row = sheet.getRow(2);
    row.getCell(at('product_zh')).value = '导入报告蜂蜜';
    row.getCell(at('gi_type')).value = '农产品地理标志';
    row.getCell(at('user_name')).value = '沁水县报告导入合作社';
    row.getCell(at('credit_code')).value = CODE_B;
    row.getCell(at('year')).value = YEAR - 1;
    row.getCell(at('marked_tonnes')).value = 31;
    row.getCell(at('output_tonnes')).value = 38;
    row.getCell(at('marks_printed')).value = 6000;
    row.getCell(at('channels')).value = '社区团购';
    const data = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const { status, body } = await post({ format: 'xlsx', data });
    expect(status, JSON.stringify(body)).toBe(201);
    expect((await returnsOf('沁水县报告导入合作社')).map((r) => [r.year, r.markedTonnes, r.channels])).toEqual([[YEAR, 35.5, ['批发市场']], [YEAR - 1, 31, ['社区团购']]]);
  });
});

describe('the officials\' export', () => {
  const sheetOf = async (cookie?: string) => {
    const res = await fetch(`${s.url}/api/export/products.xlsx`, { headers: cookie ? { cookie } : {} });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    return { book, cacheControl: res.headers.get('cache-control'), sheet: book.getWorksheet('用标报告 Usage returns') };
  };
  const rowsOf = (sheet: ExcelJS.Worksheet) => {
    const out: ExcelJS.CellValue[][] = [];
    sheet.eachRow((row, n) => { if (n > 1) out.push((row.values as ExcelJS.CellValue[]).slice(1)); });
    return out;
  };

  it('has a usage-return sheet for a signed-in official, one row per return of their county, never cached', async () => {
    const { sheet, cacheControl } = await sheetOf(qinshui);
    expect(cacheControl).toBe('private, no-store');
    expect(sheet).toBeDefined();
    const header = (sheet!.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header.slice(0, 12)).toEqual([
      '地理标志记录编号 designation_id', '产品编号 product_id', '产品名称 product_zh', '地理标志类型 gi_type', '用标企业名称 user_name',
      '统一社会信用代码 credit_code', '报告年度 year', '用标数量（吨） marked_tonnes', '产量（吨） output_tonnes', '印制标志（枚） marks_printed',
      '销售渠道 channels', '说明 note',
    ]);
    const rows = rowsOf(sheet!);
    expect(rows).toHaveLength(4);
    const first = rows.find((r) => r[4] === '沁水县报告导入蜂业公司')!;
    expect(first.slice(2, 14)).toEqual(['导入报告蜂蜜', '农产品地理标志', '沁水县报告导入蜂业公司', CODE_A, YEAR, 120, 150, 20000, '电商平台、商超', undefined, '已接受', '批量导入']);
  });

  it('the public export and another county\'s official never see these returns', async () => {
    expect((await sheetOf()).sheet).toBeUndefined();
    const other = await sheetOf(yangcheng);
    expect(other.sheet).toBeDefined();
    expect(rowsOf(other.sheet!)).toEqual([]);
  });
});
