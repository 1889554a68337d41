import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../seeds/csv';
import { defuseFormula } from '../../../server/exchange/cells/formula-guard';
import { startServer, type TestServer } from '../../support/server';

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

describe('GET /api/export/products.csv', () => {
  it('is UTF-8 with a BOM, one row per designation, as an attachment', async () => {
    const res = await fetch(`${server.url}/api/export/products.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?jincheng-gi-\d{4}-\d{2}-\d{2}\.csv"?/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0][1]).toBe('产品名称 product_zh');
    expect(rows).toHaveLength(1 + 19); // 19 seeded designations, every product has at least one
    const pear = rows.filter((r) => r[1] === '高平大黄梨');
    expect(pear.map((r) => r[6]).sort()).toEqual(['protected_product', 'trademark']);
    const mark = pear.find((r) => r[6] === 'trademark')!;
    expect(mark.slice(13, 16)).toEqual(['2020-10-28', '2020-10-28', '2030-10-27']);
  });

  it('takes the product filters', async () => {
    const text = await (await fetch(`${server.url}/api/export/products.csv?county=140524`)).text();
    const names = new Set(parseCsv(text).slice(1).map((r) => r[1]));
    expect(names).toEqual(new Set(['陵川潞党参', '陵川连翘', '陵川中药材', '晋城药茶']));
    expect((await fetch(`${server.url}/api/export/products.csv?county=1`)).status).toBe(400);
  });
});

describe('GET /api/export/products.xlsx', () => {
  it('is a workbook with the same rows', async () => {
    const res = await fetch(`${server.url}/api/export/products.xlsx?type=agricultural_product`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(1 + 7); // 巴公大葱 and 析城山小米 with the first five
    expect(sheet.getRow(1).getCell(2).value).toBe('产品名称 product_zh');
    const names = [];
    for (let r = 2; r <= sheet.rowCount; r++) names.push(sheet.getRow(r).getCell(2).value);
    expect(names).toContain('泽州黄小米');
  });
});

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+1', `'+1`],
    ['-1', `'-1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['高平大黄梨', '高平大黄梨'],
    [42, 42],
  ])('%j is written as %j', (input, output) => {
    expect(defuseFormula(input)).toEqual(output);
  });
});
