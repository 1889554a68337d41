/**
 * The export for a signed-in official: their county's drafts and candidates (cultivating GIs) too,
 * never another county's drafts, never cached; the public's export unchanged. The XLSX's main sheet
 * writes Chinese labels where the CSV writes codes, and an official's XLSX export (drafts included)
 * imports back as no change.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCT_KEYS } from '../../../server/exchange/sheets/product-columns';
import { startServer, type TestServer } from '../../support/server';
import { addAccount, dumpTables, send, signIn } from '../fixtures';

let s: TestServer;
let qinshui: string;
let yangcheng: string;

async function draft(cookie: string, nameZh: string, county: string) {
  const created = await send(s.url, 'POST', '/api/products', { nameZh, category: 'food', counties: [county] }, cookie);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const gi = await send(s.url, 'POST', `/api/products/${created.body.id}/designations`, { giType: 'trademark', markKind: 'collective' }, cookie);
  expect(gi.status, JSON.stringify(gi.body)).toBe(201);
}

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qinshui', 'official', '140521');
  await addAccount(s.db, 'yangcheng', 'official', '140522');
  qinshui = await signIn(s.url, 'qinshui');
  yangcheng = await signIn(s.url, 'yangcheng');
  await draft(qinshui, '沁水导出草稿', '140521');
  await draft(yangcheng, '阳城导出草稿', '140522');
});
afterAll(() => s.close());

async function workbook(cookie?: string) {
  const res = await fetch(`${s.url}/api/export/products.xlsx`, { headers: cookie ? { cookie } : {} });
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
  return { res, book };
}
const col = (key: string) => PRODUCT_KEYS.indexOf(key as never);
const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, n) => { if (n > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1)); });
  return rows;
};

describe('an official’s export', () => {
  it('holds their county’s drafts and candidates, labelled, and not another county’s drafts', async () => {
    const { res, book } = await workbook(qinshui);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const rows = rowsOf(book.worksheets[0]);
    const mine = rows.find((r) => r[col('product_zh')] === '沁水导出草稿')!;
    expect(mine).toBeDefined();
    expect([mine[col('category')], mine[col('gi_type')], mine[col('mark_kind')], mine[col('status')], mine[col('visibility')]])
      .toEqual(['食用农林产品及食品', '地理标志商标', '集体商标', '培育中', '草稿']);
    expect(rows.some((r) => r[col('product_zh')] === '阳城导出草稿')).toBe(false);
    // The public products are there too, as for everyone.
    expect(rows.some((r) => r[col('product_zh')] === '高平大黄梨')).toBe(true);
    // The moves sheet has the draft's candidate too.
    expect(rowsOf(book.worksheets[1]).some((r) => r[1] === '沁水导出草稿')).toBe(true);
  });

  it('in CSV holds the same drafts, with codes for machines', async () => {
    const text = await (await fetch(`${s.url}/api/export/products.csv`, { headers: { cookie: qinshui } })).text();
    const line = text.split('\r\n').find((l) => l.includes('沁水导出草稿'))!;
    expect(line.split(',').slice(3, 4)).toEqual(['food']);
    expect(line).toContain(',trademark,collective,cultivating,');
    expect(line.endsWith(',draft')).toBe(true);
    expect(text).not.toContain('阳城导出草稿');
  });

  it('imports back, labels and drafts and all, as no change', async () => {
    const res = await fetch(`${s.url}/api/export/products.xlsx`, { headers: { cookie: qinshui } });
    const data = Buffer.from(await res.arrayBuffer()).toString('base64');
    const before = dumpTables(s.db);
    const { status, body } = await send(s.url, 'POST', '/api/import', { format: 'xlsx', data }, qinshui);
    expect(status, JSON.stringify(body.rows?.filter((r: { outcome: string }) => r.outcome !== 'unchanged').slice(0, 3))).toBe(201);
    expect(body.summary).toMatchObject({ created: 0, updated: 0, errors: 0 });
    expect(body.drafts).toBe(0);
    expect(dumpTables(s.db)).toEqual(before);
  });
});

describe('the public’s export', () => {
  it('is unchanged: public products only, cacheable as before', async () => {
    const { res, book } = await workbook();
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const names = rowsOf(book.worksheets[0]).map((r) => r[col('product_zh')]);
    expect(names).not.toContain('沁水导出草稿');
    expect(names).not.toContain('阳城导出草稿');
    expect(rowsOf(book.worksheets[0]).every((r) => r[col('visibility')] === '公开')).toBe(true);
  });
});
