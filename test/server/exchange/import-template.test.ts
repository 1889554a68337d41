/**
 * GET /api/import/template.xlsx: for signed-in officials and admins; the export's header cells, drop-down
 * lists of Chinese labels on the coded columns, date-formatted date columns, an example row, and
 * instructions in Chinese with English lines.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS } from '../../../db/model/labels';
import { PRODUCT_COLUMNS, PRODUCT_KEYS } from '../../../server/exchange/sheets/product-columns';
import { EXAMPLE_ROW, INSTRUCTIONS_SHEET, TEMPLATE_SHEET } from '../../../server/exchange/templates/product-template';
import { DATE_FORMS } from '../../../server/exchange/cells/cell-dates';
import { startServer, type TestServer } from '../../support/server';
import { addAccount, signIn } from '../fixtures';

/** The product sheet's columns as [key, Chinese label], in the export's order. */
const EXPORT_COLUMNS = PRODUCT_KEYS.map((key) => [key, PRODUCT_COLUMNS[key].zh] as const);

let s: TestServer;
let official: string;
let book: ExcelJS.Workbook;

const PATH = '/api/import/template.xlsx';
const letterOf = (key: string) => String.fromCharCode(65 + EXPORT_COLUMNS.findIndex(([k]) => k === key));

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qinshui', 'official', '140521');
  official = await signIn(s.url, 'qinshui');
  const res = await fetch(`${s.url}${PATH}`, { headers: { cookie: official } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?[\w-]+\.xlsx"?/);
  book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
});
afterAll(() => s.close());

/** All the text of a sheet, cell by cell. */
function textOf(sheet: ExcelJS.Worksheet): string {
  const parts: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => { parts.push(String(cell.value ?? '')); }));
  return parts.join('\n');
}

describe('GET /api/import/template.xlsx', () => {
  it('is for signed-in officials and admins only', async () => {
    const res = await fetch(`${s.url}${PATH}`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBeTruthy();
    await addAccount(s.db, 'admin', 'admin');
    const admin = await signIn(s.url, 'admin');
    expect((await fetch(`${s.url}${PATH}`, { headers: { cookie: admin } })).status).toBe(200);
  });

  it('has the import sheet first, with the export header cells and a frozen header', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([TEMPLATE_SHEET, INSTRUCTIONS_SHEET]);
    const sheet = book.worksheets[0];
    expect((sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1)).toEqual(EXPORT_COLUMNS.map(([key, label]) => `${label} ${key}`));
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  it('offers the Chinese labels in drop-down lists on the coded columns, on every data row', () => {
    const sheet = book.worksheets[0];
    const listAt = (address: string) => {
      const validation = sheet.getCell(address).dataValidation;
      expect(validation?.type, address).toBe('list');
      return String(validation.formulae[0]).replace(/^"|"$/g, '').split(',');
    };
    for (const row of [2, 500, 2001]) {
      expect(listAt(`${letterOf('gi_type')}${row}`)).toEqual(Object.values(LABELS.giType).map((l) => l.zh));
    }
    expect(listAt(`${letterOf('status')}3`)).toEqual(['培育中', '已申报', '已公示', '已获批']);
    expect(listAt(`${letterOf('mark_kind')}3`)).toEqual(['集体商标', '证明商标']);
    expect(listAt(`${letterOf('category')}3`)).toEqual(Object.values(LABELS.category).map((l) => l.zh));
    const counties = s.db.$client.prepare('SELECT name_zh FROM counties ORDER BY code').pluck().all();
    expect(counties).toHaveLength(6);
    expect(listAt(`${letterOf('counties_zh')}3`)).toEqual(counties);
    expect(sheet.getCell(`${letterOf('product_zh')}3`).dataValidation).toBeUndefined();
  });

  it('formats the date columns as dates and the code columns as text', () => {
    const sheet = book.worksheets[0];
    for (const key of ['filed_on', 'granted_on', 'valid_until']) {
      expect(sheet.getColumn(letterOf(key)).numFmt, key).toBe('yyyy-mm-dd');
      expect(sheet.getCell(`${letterOf(key)}100`).numFmt, key).toBe('yyyy-mm-dd');
    }
    expect(sheet.getColumn(letterOf('holder_credit_code')).numFmt).toBe('@');
  });

  it('has one filled example row: a product of 沁水县 with a real date cell', () => {
    const sheet = book.worksheets[0];
    const example = sheet.getRow(2);
    const value = (key: string) => example.getCell(letterOf(key)).value;
    expect(value('product_zh')).toBe(EXAMPLE_ROW.product_zh);
    expect(value('counties_zh')).toBe('沁水县');
    expect(value('category')).toBe('食用农林产品及食品');
    expect(value('gi_type')).toBe('地理标志商标');
    expect(value('mark_kind')).toBe('证明商标');
    expect(value('status')).toBe('已申报');
    expect(value('filed_on')).toEqual(new Date(Date.UTC(2024, 4, 1)));
    expect(sheet.actualRowCount).toBe(2);
  });

  it('explains every column, the date forms, labels or codes, updates and the limits', () => {
    const sheet = book.getWorksheet(INSTRUCTIONS_SHEET)!;
    const text = textOf(sheet);
    for (const [key, label] of EXPORT_COLUMNS) expect(text).toContain(`${label} ${key}`);
    expect(text).toContain('2024年5月1日');
    for (const form of DATE_FORMS) expect(text).toContain(form.example);
    expect(text).toContain('agricultural_product');
    expect(text).toContain('农产品地理标志');
    expect(text).toMatch(/产品编号[\s\S]*更新/);
    expect(text).toContain('10,000');
    expect(text).toMatch(/[A-Za-z]/); // the English lines
  });
});
