/**
 * POST /api/import over HTTP with files as offices save them: GBK CSVs, Chinese labels and the date
 * forms people type, an exported sheet edited and sent back (updates as dated moves), all or nothing,
 * county scope, the downloadable report, and files that must not hurt the server.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCT_COLUMNS, PRODUCT_KEYS } from '../../../server/exchange/sheets/product-columns';
import { startServer, type TestServer } from '../../support/server';
import { addAccount, creditCode, dumpTables, send, signIn } from '../fixtures';

/** The product sheet's columns as [key, Chinese label], in the export's order. */
const EXPORT_COLUMNS = PRODUCT_KEYS.map((key) => [key, PRODUCT_COLUMNS[key].zh] as const);

let server: TestServer;
let official: string;
let admin: string;
beforeAll(async () => {
  server = await startServer();
  await addAccount(server.db, 'qinshui', 'official', '140521');
  await addAccount(server.db, 'city', 'admin');
  official = await signIn(server.url, 'qinshui');
  admin = await signIn(server.url, 'city');
});
afterAll(() => server.close());

/** The header officials type: Chinese labels only. */
const HEADER = '产品名称,类别,所在县,地理标志类型,商标类别,状态,持有人,统一社会信用代码,申报日期,获批日期,有效期至,来源';
const csvBytes = (lines: string[], encoding: 'utf8' | 'gbk' = 'utf8') => iconv.encode([HEADER, ...lines].join('\r\n'), encoding);
const csv = (lines: string[], encoding: 'utf8' | 'gbk' = 'utf8') => ({ format: 'csv', data: csvBytes(lines, encoding).toString('base64') });
const post = (body: unknown, cookie = official, dryRun = false) => send(server.url, 'POST', `/api/import${dryRun ? '?dryRun=1' : ''}`, body, cookie);
const productNamed = async (name: string, cookie = official) => {
  const list = await send(server.url, 'GET', `/api/products?q=${encodeURIComponent(name)}&mine=1&limit=200`, undefined, cookie);
  const item = list.body.items.find((p: { nameZh: string }) => p.nameZh === name);
  return item ? (await send(server.url, 'GET', `/api/products/${item.id}`, undefined, cookie)).body : null;
};

describe('files as offices save them', () => {
  const rows = [
    '沁水山楂,食用农林产品及食品,沁水县,农产品地理标志,,培育中,,,,,,县农业农村局调查',
    `沁水山楂,食用农林产品及食品,沁水,地理标志商标,集体商标,已获批,沁水县山楂协会,${creditCode()},2023/3/1,2024年5月6日,,`,
    '沁水槐花蜜,食用农林产品及食品,140521,农产品地理标志,,已申报,,,2025年6月,,,',
    '沁水黄芩,中药材,沁水县,地理标志保护产品,,已获批,,,2013,2013,,',
  ];

  it('a GBK CSV with Chinese labels and typed dates checks clean and says it was GBK, writing nothing', async () => {
    const before = dumpTables(server.db);
    const { status, body } = await post(csv(rows, 'gbk'), official, true);
    expect(status).toBe(200);
    expect(body).toMatchObject({ dryRun: true, applied: false, encoding: 'gb18030', summary: { created: 3, updated: 1, errors: 0 } });
    expect(body.rows[0].changes[0].zh).toMatch(/^新建产品 沁水山楂/);
    expect(body.rows[1].changes.map((c: { zh: string }) => c.zh)).toContain('地理标志商标状态：已申报 → 已获批（2024-05-06）');
    expect(dumpTables(server.db)).toEqual(before);
  });

  it('imports it: real Chinese names, dates kept at their precision, dated histories', async () => {
    const { status, body } = await post(csv(rows, 'gbk'));
    expect(status).toBe(201);
    expect(body.applied).toBe(true);
    const hawthorn = await productNamed('沁水山楂');
    expect(hawthorn.visibility).toBe('draft');
    const mark = hawthorn.designations.find((d: { giType: string }) => d.giType === 'trademark');
    expect(mark).toMatchObject({ status: 'granted', filedOn: '2023-03-01', grantedOn: '2024-05-06', validUntil: '2034-05-05', holder: '沁水县山楂协会' });
    expect(mark.transitions.map((m: { to: string; on: string }) => [m.to, m.on])).toEqual([['cultivating', '2023-03-01'], ['filed', '2023-03-01'], ['granted', '2024-05-06']]);
    const honey = await productNamed('沁水槐花蜜');
    expect(honey.designations[0]).toMatchObject({ status: 'filed', filedOn: '2025-06' });
    const skullcap = await productNamed('沁水黄芩');
    expect(skullcap.designations[0]).toMatchObject({ status: 'granted', grantedOn: '2013', validUntil: null });
  });

  it('gives a new GI the row’s sources when the sheet has no column for a GI’s own', async () => {
    const hawthorn = await productNamed('沁水山楂');
    expect(hawthorn.sources).toEqual([{ title: '县农业农村局调查', url: null }]);
    const gi = hawthorn.designations.find((d: { giType: string }) => d.giType === 'agricultural_product');
    expect(gi.sources).toEqual([{ title: '县农业农村局调查', url: null }]);
  });

  it('changes nothing when the same file comes again', async () => {
    const { body } = await post(csv(rows, 'gbk'), official, true);
    expect(body.summary).toMatchObject({ created: 0, updated: 0, unchanged: 4, errors: 0 });
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, storing nothing', async () => {
    const before = dumpTables(server.db);
    const res = await post({ format: 'csv', data: Buffer.from([0x81, 0x20, 0xff, 0xfe, 0x00, 0x41]).toString('base64') }, official, true);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('undecodable');
    expect(dumpTables(server.db)).toEqual(before);
  });
});

describe('an exported sheet, edited and sent back', () => {
  it('updates status and holder as dated moves, showing the diff first', async () => {
    const id = (await post(csv(['沁水核桃,食用农林产品及食品,沁水县,农产品地理标志,,已申报,,,2024-03-01,,,'])) ).body.rows[0].productId;
    // The official downloads the registry as XLSX (their drafts are not in the public export, so build the sheet as the export lays it out).
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('地理标志 GI');
    sheet.addRow(EXPORT_COLUMNS.map(([key, label]) => `${label} ${key}`));
    const values: Record<string, unknown> = {
      product_id: id, product_zh: '沁水核桃', category: 'food', county_adcodes: '140521', counties_zh: '沁水县',
      gi_type: 'agricultural_product', status: '已获批', holder: '沁水县核桃协会', filed_on: new Date(Date.UTC(2024, 2, 1)),
      granted_on: new Date(Date.UTC(2025, 4, 20)),
    };
    sheet.addRow(EXPORT_COLUMNS.map(([key]) => values[key] ?? null));
    const file = { format: 'xlsx', data: Buffer.from(await book.xlsx.writeBuffer()).toString('base64') };
    const check = await post(file, official, true);
    expect(check.body.rows[0]).toMatchObject({ outcome: 'updated', productId: id });
    expect(check.body.rows[0].changes.map((c: { zh: string }) => c.zh)).toEqual([
      '农产品地理标志持有人：— → 沁水县核桃协会',
      '农产品地理标志状态：已申报 → 已获批（2025-05-20）',
    ]);
    expect(check.body.rows[0].changes[1].en).toBe('Agricultural-product GI status: Filed → Granted (2025-05-20)');
    expect((await post(file)).status).toBe(201);
    const walnut = (await send(server.url, 'GET', `/api/products/${id}`, undefined, official)).body;
    expect(walnut.designations[0]).toMatchObject({ status: 'granted', grantedOn: '2025-05-20', holder: '沁水县核桃协会' });
    const history = await send(server.url, 'GET', `/api/audit?entity=designation&id=${walnut.designations[0].id}`, undefined, official);
    expect(history.body.items.map((e: { action: string }) => e.action)).toContain('transition');
  });

  it('refuses to move a status back, naming the column and what to do instead', async () => {
    const { body } = await post(csv(['沁水核桃,,,农产品地理标志,,已申报,,,2024-03-01,,,']), official, true);
    expect(body.rows[0].outcome).toBe('error');
    expect(body.rows[0].problems[0]).toMatchObject({ column: '状态' });
    expect(body.rows[0].problems[0].zh).toMatch(/工作台/);
    expect(body.rows[0].problems[0].en).toMatch(/workspace/);
  });
});

describe('all or nothing, in the viewer\'s scope', () => {
  it('one bad row keeps every row out; each problem names its row, column and what to write', async () => {
    const before = dumpTables(server.db);
    const { status, body } = await post(csv([
      '沁水花椒,食用农林产品及食品,沁水县,,,,,,,,,',
      '阳城某产品,食用农林产品及食品,阳城县,,,,,,,,,',
      '沁水小米,粮食,沁水县,,,,,,,,,',
      '沁水花生,食用农林产品及食品,沁水县,地理标志商标,集体商标,已获批,,,2024-01-01,,,',
      '沁水连翘,中药材,沁水县,地理标志保护产品,,已申报,,,2999-01-01,,,',
    ]));
    expect(status).toBe(400);
    expect(body.error.code).toBe('import_failed');
    const outcome = Object.fromEntries(body.report.rows.map((r: { line: number; outcome: string }) => [r.line, r.outcome]));
    expect(outcome).toEqual({ 2: 'created', 3: 'error', 4: 'error', 5: 'error', 6: 'error' });
    const [, county, category, granted, future] = body.report.rows;
    expect(county.problems[0].zh).toMatch(/本县/);
    expect(category.problems[0]).toMatchObject({ column: '类别' });
    expect(category.problems[0].zh).toMatch(/请填写/);
    expect(granted.problems[0]).toMatchObject({ column: '获批日期' });
    expect(future.problems[0]).toMatchObject({ column: '申报日期' });
    expect(dumpTables(server.db)).toEqual(before);
  });

  it("never reveals another county's drafts: a name taken there is a new product here", async () => {
    await addAccount(server.db, 'yangcheng', 'official', '140522');
    const yangcheng = await signIn(server.url, 'yangcheng');
    expect((await send(server.url, 'POST', '/api/products', { nameZh: '阳城秘密草稿', category: 'food', counties: ['140522'] }, yangcheng)).status).toBe(201);
    const { body } = await post(csv(['阳城秘密草稿,食用农林产品及食品,沁水县,,,,,,,,,']), official, true);
    expect(body.rows[0]).toMatchObject({ outcome: 'created', problems: [] });
  });

  it.each([
    ['anonymous', '', csv([]), 401],
    ['an unknown format', 'official', { format: 'ods', data: '' }, 400],
    ['not base64', 'official', { format: 'csv', data: '###' }, 400],
    ['an unknown key', 'official', { ...csv([]), extra: 1 }, 400],
    ['a broken workbook', 'official', { format: 'xlsx', data: Buffer.from('not a zip').toString('base64') }, 400],
    ['an old .xls', 'official', { format: 'xlsx', data: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]).toString('base64') }, 400],
  ])('refuses %s', async (_, who, body, expected) => {
    const before = dumpTables(server.db);
    expect((await post(body, who ? official : '')).status).toBe(expected);
    expect(dumpTables(server.db)).toEqual(before);
  });
});

describe('the report to download', () => {
  it('is the file with a result column, in the asked language', async () => {
    const res = await fetch(`${server.url}/api/import/report.xlsx?lang=en`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: official },
      body: JSON.stringify(csv(['沁水柿饼,食用农林产品及食品,沁水县,,,,,,,,,', '沁水枣,干果,沁水县,,,,,,,,,'])),
    });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(13).value).toBe('Result');
    expect(sheet.getRow(2).getCell(1).value).toBe('沁水柿饼');
    expect(String(sheet.getRow(2).getCell(13).value)).toMatch(/^Will be created/);
    expect(String(sheet.getRow(3).getCell(13).value)).toMatch(/^Fix this row\n类别：.*Write/s);
  });
});

describe('files that must not hurt the server', () => {
  it('a 2,000-row sheet with a cell in column XFD is refused at once, and /api/health answers meanwhile', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('x');
    sheet.addRow(['产品名称', '类别']);
    for (let r = 2; r <= 2001; r++) sheet.getRow(r).getCell(16_384).value = 'x';
    const data = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const refused = post({ format: 'xlsx', data }, official, true);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    const res = await refused;
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too_many_columns');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('10,000 rows import in one go', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `沁水批量产品${i},食用农林产品及食品,沁水县,农产品地理标志,,已申报,,,2024-0${1 + (i % 9)}-01,,,`);
    const res = await post(csv(lines));
    expect(res.status).toBe(201);
    expect(res.body.summary).toMatchObject({ created: 10_000, errors: 0 });
    const progress = await send(server.url, 'GET', '/api/import/progress', undefined, official);
    expect(progress.body).toEqual({ phase: 'done', done: 10_000, total: 10_000 });
    const count = server.db.$client.prepare("SELECT count(*) FROM products WHERE name_zh LIKE '沁水批量产品%'").pluck().get();
    expect(count).toBe(10_000);
  }, 120_000);
});
