/**
 * What an import says it did, over HTTP: new products kept public or draft as the sheet's 公开范围
 * column or the page's choice says, drafts counted and listed (a granted trademark imported as a draft
 * is off the map and the tally until made public through the product write path), the template's
 * example row skipped and reported, and an old .xls refused with advice that fits.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tally } from '../../../db/model';
import { startServer, type TestServer } from '../../support/server';
import { addAccount, dumpTables, send, signIn } from '../fixtures';

let server: TestServer;
let official: string;
beforeAll(async () => {
  server = await startServer();
  await addAccount(server.db, 'qinshui', 'official', '140521');
  official = await signIn(server.url, 'qinshui');
});
afterAll(() => server.close());

const HEADER = '产品名称,类别,县（市、区）,地理标志类型,商标类别,状态,申报日期,获批日期,公开范围';
const csv = (lines: string[], header = HEADER) => ({ format: 'csv', data: Buffer.from([header, ...lines].join('\r\n')).toString('base64') });
const post = (body: unknown, query = '') => send(server.url, 'POST', `/api/import${query}`, body, official);
const publicNames = async () => (await send(server.url, 'GET', '/api/products?limit=200')).body.items.map((p: { nameZh: string }) => p.nameZh);
const trademarksInForce = async () =>
  Tally.parse((await send(server.url, 'GET', '/api/tally')).body).types.find((x) => x.giType === 'trademark')!.inForce;

describe('visibility of new products', () => {
  it('keeps each new product as its 公开范围 cell says, and a blank one as the page chose (a draft by default)', async () => {
    const rows = [
      '沁水可见梨,食用农林产品及食品,沁水县,,,,,,公开',
      '沁水草稿梨,食用农林产品及食品,沁水县,,,,,,草稿',
      '沁水默认梨,食用农林产品及食品,沁水县,,,,,,',
    ];
    const { status, body } = await post(csv(rows));
    expect(status).toBe(201);
    expect(body.rows.map((r: { draft: boolean }) => r.draft)).toEqual([false, true, true]);
    expect(body.drafts).toBe(2);
    expect(body.rows[0].changes[0].zh).toBe('新建产品 沁水可见梨（沁水县，公开）');
    const names = await publicNames();
    expect(names).toContain('沁水可见梨');
    expect(names).not.toContain('沁水草稿梨');
    expect(names).not.toContain('沁水默认梨');

    const chosen = await post(csv(['沁水选公开梨,食用农林产品及食品,沁水县,,,,,,', '沁水仍草稿梨,食用农林产品及食品,沁水县,,,,,,draft']), '?visibility=public');
    expect(chosen.status).toBe(201);
    expect(chosen.body.drafts).toBe(1);
    expect(await publicNames()).toContain('沁水选公开梨');
    expect(await publicNames()).not.toContain('沁水仍草稿梨');
  });

  it('refuses an unknown choice on the page with 400, changing nothing', async () => {
    const before = dumpTables(server.db);
    const { status } = await post(csv(['沁水错选梨,食用农林产品及食品,沁水县,,,,,,']), '?visibility=everyone');
    expect(status).toBe(400);
    expect(dumpTables(server.db)).toEqual(before);
  });

  it('changes an existing product’s visibility when its cell says so, as a change the report names', async () => {
    const { body } = await post(csv(['沁水草稿梨,,,,,,,,公开'], HEADER), '?dryRun=1');
    expect(body.rows[0].outcome).toBe('updated');
    expect(body.rows[0].changes.map((c: { zh: string }) => c.zh)).toEqual(['公开范围：草稿 → 公开']);
    expect(body.drafts).toBe(0);
  });
});

describe('a granted trademark imported as a draft', () => {
  it('is reported as a draft, stays off the list and the tally, and is public and counted once published', async () => {
    const before = await trademarksInForce();
    const check = await post(csv(['沁水获批蜜,食用农林产品及食品,沁水县,地理标志商标,集体商标,已获批,2020,2021-05-06,']), '?dryRun=1');
    expect(check.body).toMatchObject({ dryRun: true, drafts: 1 });
    expect(check.body.rows[0].draft).toBe(true);

    const { status, body } = await post(csv(['沁水获批蜜,食用农林产品及食品,沁水县,地理标志商标,集体商标,已获批,2020,2021-05-06,']));
    expect(status).toBe(201);
    expect(body).toMatchObject({ applied: true, drafts: 1 });
    const id = body.rows[0].productId as number;
    expect(await publicNames()).not.toContain('沁水获批蜜');
    expect(await trademarksInForce()).toBe(before);

    // The report's "make public" is the product write path: permissions, version, audit.
    const published = await send(server.url, 'PATCH', `/api/products/${id}`, { visibility: 'public' }, official);
    expect(published.status).toBe(200);
    expect(await publicNames()).toContain('沁水获批蜜');
    expect(await trademarksInForce()).toBe(before + 1);
    const audit = server.db.$client.prepare("SELECT action FROM audit_events WHERE entity = 'product' AND entity_id = ? ORDER BY id").all(id);
    expect(audit.map((a) => (a as { action: string }).action)).toEqual(['create', 'update']);
  });
});

describe('the template’s example row', () => {
  it('is skipped and reported, never imported, while the rows below it are', async () => {
    const template = await fetch(`${server.url}/api/import/template.xlsx`, { headers: { cookie: official } });
    expect(template.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await template.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(String(sheet.getRow(2).getCell(header.findIndex((h) => h.endsWith('product_zh')) + 1).value)).toMatch(/^示例/);
    const row = sheet.getRow(3);
    const set = (key: string, value: string) => { row.getCell(header.findIndex((h) => h.endsWith(` ${key}`)) + 1).value = value; };
    set('product_zh', '沁水模板核桃');
    set('category', '食用农林产品及食品');
    set('counties_zh', '沁水县');
    row.commit();
    const data = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');

    const { status, body } = await post({ format: 'xlsx', data });
    expect(status).toBe(201);
    expect(body.examples).toEqual([{ line: 2, productZh: '示例:沁水核桃' }]); // as read: full-width punctuation folded
    expect(body.rows.map((r: { line: number; productZh: string }) => [r.line, r.productZh])).toEqual([[3, '沁水模板核桃']]);
    const names = server.db.$client.prepare("SELECT name_zh FROM products WHERE name_zh LIKE '%沁水核桃%'").all();
    expect(names).toEqual([]);
  });

  it('is skipped in English too (a name starting with “Example”)', async () => {
    const { body } = await post(csv(['Example: Qinshui walnut,食用农林产品及食品,沁水县,,,,,,']), '?dryRun=1');
    expect(body.examples).toEqual([{ line: 2, productZh: 'Example: Qinshui walnut' }]);
    expect(body.rows).toEqual([]);
  });
});

describe('an old .xls', () => {
  const xls = new Uint8Array(4096);
  xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  it.each(['xlsx', 'csv'])('sent as %s is a 400 saying to save it as .xlsx, changing nothing', async (format) => {
    const before = dumpTables(server.db);
    const { status, body } = await post({ format, data: Buffer.from(xls).toString('base64') });
    expect(status).toBe(400);
    expect(body.error.code).toBe('not_xlsx');
    expect(body.error.message).toBe('这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中「另存为」.xlsx 后再导入 / '
      + 'This is an old Excel (.xls) file: in Excel or WPS, use “Save As” to save it as .xlsx, then import that');
    expect(dumpTables(server.db)).toEqual(before);
  });
});
