/**
 * The XLSX export opens cleanly: text as text (no apostrophes, even for what looks like a formula),
 * day-precise dates as date cells, dates known to the year or month as text, ids as numbers, a
 * frozen header with a filter, and a sheet per entity (moves, participants) after the products.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCT_COLUMNS, PRODUCT_KEYS } from '../../../server/exchange/sheets/product-columns';
import { startServer, type TestServer } from '../../support/server';
import { addAccount, send, signIn } from '../fixtures';

/** The product sheet's columns as [key, Chinese label], in the export's order. */
const EXPORT_COLUMNS = PRODUCT_KEYS.map((key) => [key, PRODUCT_COLUMNS[key].zh] as const);

let s: TestServer;
let book: ExcelJS.Workbook;
let formulaId: number;
let draftId: number;

/** Creates a public product with a designation moved along `moves`, over the API. */
async function product(cookie: string, nameZh: string, moves: { to: string; on: string; note?: string }[], visibility = 'public') {
  const created = await send(s.url, 'POST', '/api/products', { nameZh, category: 'food', counties: ['140521'], visibility }, cookie);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as number;
  const designation = await send(s.url, 'POST', `/api/products/${id}/designations`,
    { giType: 'agricultural_product', startedOn: '2012', holder: '-协会', number: '+86' }, cookie);
  expect(designation.status, JSON.stringify(designation.body)).toBe(201);
  for (const move of moves) {
    const res = await send(s.url, 'POST', `/api/designations/${designation.body.id}/transitions`, { note: '', ...move }, cookie);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return id;
}

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'admin', 'admin');
  const cookie = await signIn(s.url, 'admin');
  formulaId = await product(cookie, '=1+1', [{ to: 'filed', on: '2013' }, { to: 'granted', on: '2014-03-05', note: '@SUM(A1)' }]);
  await product(cookie, '-测试', [{ to: 'filed', on: '2013-07' }]);
  draftId = await product(cookie, '沁水草稿', [{ to: 'filed', on: '2015' }], 'draft');
  await send(s.url, 'PUT', `/api/products/${draftId}/participants`, [{ role: 'farmers', name: null, households: 7 }], cookie);
  const participants = await send(s.url, 'PUT', `/api/products/${formulaId}/participants`, [
    { role: 'association', name: '=HYPERLINK("x")', households: null },
    { role: 'farmers', name: null, households: 1200, areaMu: 3500.5, outputTonnes: 800, valueWanYuan: 1500 },
  ], cookie);
  expect(participants.status, JSON.stringify(participants.body)).toBe(200);

  const res = await fetch(`${s.url}/api/export/products.xlsx`);
  expect(res.status).toBe(200);
  book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
});
afterAll(() => s.close());

/** The rows of a sheet below its header, as arrays of cell values (index 0 is column A). */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, n) => { if (n > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1)); });
  return rows;
}

const col = (key: string) => EXPORT_COLUMNS.findIndex(([k]) => k === key);

describe('the XLSX export', () => {
  it('has the products, moves, participants and authorised users sheets, each with a bold, frozen, filtered header', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual(['地理标志 GI', '状态变更 moves', '参与主体 participants', '用标企业 Authorised users']);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(10);
    }
  });

  it('keeps the CSV header cells on the first sheet, so an import reads it back', () => {
    const header = (book.worksheets[0].getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header).toEqual(EXPORT_COLUMNS.map(([key, label]) => `${label} ${key}`));
  });

  it('writes no cell starting with an apostrophe; formula-like text comes back literally', () => {
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) => row.eachCell((cell) => {
        expect(typeof cell.value === 'string' && cell.value.startsWith("'"), `${sheet.name}!${cell.address}`).toBe(false);
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      }));
    }
    const rows = rowsOf(book.worksheets[0]);
    const names = rows.map((r) => r[col('product_zh')]);
    expect(names).toContain('=1+1');
    expect(names).toContain('-测试');
    const mine = rows.find((r) => r[col('product_zh')] === '=1+1')!;
    expect(mine[col('holder')]).toBe('-协会');
    expect(mine[col('number')]).toBe('+86');
    const moves = rowsOf(book.worksheets[1]);
    expect(moves.some((r) => r[6] === '@SUM(A1)')).toBe(true);
    const participants = rowsOf(book.worksheets[2]);
    expect(participants.some((r) => r[3] === '=HYPERLINK("x")')).toBe(true);
  });

  it('writes ids as numbers, day-precise dates as date cells and year- or month-only dates as text', () => {
    const sheet = book.worksheets[0];
    const rows = rowsOf(sheet);
    const mine = rows.find((r) => r[col('product_zh')] === '=1+1')!;
    expect(mine[col('product_id')]).toBe(formulaId);
    expect(mine[col('filed_on')]).toBe('2013');
    expect(mine[col('granted_on')]).toEqual(new Date(Date.UTC(2014, 2, 5)));
    const other = rows.find((r) => r[col('product_zh')] === '-测试')!;
    expect(other[col('filed_on')]).toBe('2013-07');
    // Every product id is a number, every date cell is formatted as a date, and seeded grants with a day are dates.
    let dates = 0;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      expect(typeof row.getCell(col('product_id') + 1).value).toBe('number');
      row.eachCell((cell) => {
        if (cell.value instanceof Date) { dates++; expect(cell.numFmt).toBe('yyyy-mm-dd'); }
      });
    });
    expect(dates).toBeGreaterThan(3);
    // People read this sheet: coded columns hold their Chinese labels (the import reads them back as codes).
    const pear = rows.find((r) => r[col('product_zh')] === '高平大黄梨' && r[col('gi_type')] === '地理标志商标')!;
    expect(pear[col('valid_until')]).toEqual(new Date(Date.UTC(2030, 9, 27)));
  });

  it('shows moves with their Chinese labels and dates as known', () => {
    const sheet = book.worksheets[1];
    expect((sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      '产品编号 product_id', '产品名称 product_zh', '地理标志类型 gi_type', '原状态 from_status', '新状态 to_status', '日期 on', '备注 note',
    ]);
    const mine = rowsOf(sheet).filter((r) => r[0] === formulaId);
    expect(mine.map((r) => [r[1], r[2], r[3] ?? null, r[4], r[5]])).toEqual([
      ['=1+1', '农产品地理标志', null, '培育中', '2012'],
      ['=1+1', '农产品地理标志', '培育中', '已申报', '2013'],
      ['=1+1', '农产品地理标志', '已申报', '已获批', new Date(Date.UTC(2014, 2, 5))],
    ]);
  });

  it('shows participants with role labels and numbers as numbers', () => {
    const sheet = book.worksheets[2];
    expect((sheet.getRow(1).getCell(9).value)).toBe('产值（万元） value_wan_yuan');
    const mine = rowsOf(sheet).filter((r) => r[0] === formulaId);
    expect(mine).toEqual([
      [formulaId, '=1+1', '协会', '=HYPERLINK("x")'],
      [formulaId, '=1+1', '农户', undefined, undefined, 1200, 3500.5, 800, 1500],
    ]);
    expect(rowsOf(sheet).every((r) => typeof r[0] === 'number')).toBe(true);
  });

  it('keeps draft products out of every sheet and takes the filters', async () => {
    for (const sheet of book.worksheets) {
      expect(rowsOf(sheet).some((r) => r[0] === draftId || r[1] === '沁水草稿'), sheet.name).toBe(false);
    }
    const res = await fetch(`${s.url}/api/export/products.xlsx?county=140524`);
    const filtered = new ExcelJS.Workbook();
    await filtered.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const names = (sheet: ExcelJS.Worksheet) => new Set(rowsOf(sheet).map((r) => r[1]));
    expect(names(filtered.worksheets[0])).toEqual(new Set(['陵川潞党参', '陵川连翘', '陵川中药材', '晋城药茶']));
    for (const name of names(filtered.worksheets[1])) expect(names(filtered.worksheets[0])).toContain(name);
    expect(names(filtered.worksheets[1]).has('=1+1')).toBe(false);
    expect(rowsOf(filtered.worksheets[2]).some((r) => r[0] === formulaId)).toBe(false);
  });
});
