/**
 * The XLSX export writes its workbook itself (issue 24: exceljs's per-cell work took most of the
 * national export's time). Users must get the same file: every part but the document's properties
 * is compared byte for byte with what exceljs's streaming writer made of the same rows (the seeded
 * registry's export, then arbitrary cells), and exceljs reads both back to the same cells and styles.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../bench/generate';
import { openDb, type Db } from '../../../db/open';
import { loadSeeds } from '../../../seeds/loader';
import { exportSheets, xlsxChunks } from '../../../server/exchange/export/export';
import { xlsxColumn, type XlsxSheet } from '../../../server/exchange/export/xlsx-stream';
import type { SheetValue } from '../../../server/exchange/sheets/sheet-columns';
import { exceljsXlsx } from '../../support/exceljs-xlsx';

let dir: string;
let db: Db;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gi-xlsx-'));
  db = openDb(join(dir, 'registry.sqlite'));
  loadSeeds(db);
  generate(db, { products: 120, designations: 300 });
}, 60_000);
afterAll(() => { db.$client.close(); rmSync(dir, { recursive: true, force: true }); });

async function written(sheets: Iterable<XlsxSheet>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of xlsxChunks(sheets)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Every part of a zip by name, its CRC-32 checked. */
async function partsOf(file: Buffer): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(file, { checkCRC32: true });
  const parts = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).sort()) parts.set(name, await zip.files[name].async('nodebuffer'));
  return parts;
}

/** What exceljs reads back: per sheet its name, view, filter, widths, and each cell's value, type and style. */
async function readBack(file: Buffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as never);
  return book.worksheets.map((sheet) => {
    const cells: unknown[] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells.push([r, c, cell.type, cell.value, cell.numFmt, cell.font, cell.fill]);
    }));
    return {
      name: sheet.name, views: sheet.views, autoFilter: sheet.autoFilter, cells,
      widths: sheet.columns.map((column) => column.width),
    };
  });
}

/** Both writers' files for the sheets `make()` gives (called once for each, as rows are read once). */
async function both(make: () => XlsxSheet[]) {
  const [mine, reference] = await Promise.all([written(make()), exceljsXlsx(make())]);
  return { mine, reference };
}

async function expectSameWorkbook(make: () => XlsxSheet[]) {
  const { mine, reference } = await both(make);
  const [a, b] = await Promise.all([partsOf(mine), partsOf(reference)]);
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [name, bytes] of a) {
    if (name === 'docProps/core.xml') continue; // the time written, and who wrote it last (the registry, not ExcelJS)
    expect(bytes.toString('utf8'), name).toBe(b.get(name)!.toString('utf8'));
  }
  expect(await readBack(mine)).toEqual(await readBack(reference));
  return mine;
}

describe('the hand-written XLSX writer', () => {
  it('writes the seeded registry’s export as exceljs did, part for part', async () => {
    const mine = await expectSameWorkbook(() => exportSheets(db, {}));
    const core = (await partsOf(mine)).get('docProps/core.xml')!.toString('utf8');
    expect(core).toContain('<dc:creator>Jincheng GI registry</dc:creator>');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(mine as never);
    expect(book.creator).toBe('Jincheng GI registry');
    expect(book.worksheets[0].rowCount).toBeGreaterThan(120);
  });

  it('writes a county’s export as exceljs did', async () => {
    await expectSameWorkbook(() => exportSheets(db, { county: '140524' }));
  });

  it('writes any cells as exceljs did: XML specials, control characters, numbers, dates of any precision, gaps', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', '中', '<', '>', '&', '"', "'", '\u0000', '\u0008', '\t', '\n', '\r', '\u000B', '\u001F', '\u007F', '=', ' ', '😀'), maxLength: 6 });
    const date = fc.constantFrom('2024-05-01', '1900-01-01', '1899-12-30', '2024-02-30', '2024', '2024-07', '0099-01-01', '9999-12-31', '2024-5-1');
    const value: fc.Arbitrary<SheetValue | undefined> = fc.oneof(
      text, date, fc.constant(null), fc.constant(''), fc.constant(undefined),
      fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }),
    );
    const width = fc.constantFrom(10, 12, 12.5, 48);
    const sheet = fc.record({
      name: fc.constantFrom('表 A & <B>', 'moves', '参与主体 participants'),
      columns: fc.array(fc.record({ header: fc.string({ minLength: 1, maxLength: 5 }), width, date: fc.boolean() }), { minLength: 1, maxLength: 30 }),
      rows: fc.array(fc.array(value, { maxLength: 30 }), { maxLength: 6 }),
    });
    await fc.assert(fc.asyncProperty(fc.uniqueArray(sheet, { minLength: 1, maxLength: 3, selector: (s) => s.name }), async (sheets) => {
      await expectSameWorkbook(() => sheets.map((s) => ({
        name: s.name, rows: s.rows.map((r) => [...r] as SheetValue[]),
        columns: s.columns.map((c) => (c.date ? { header: c.header, width: c.width, date: true } : { header: c.header, width: c.width })),
      })));
    }), { numRuns: 100 });
  }, 60_000);

  it('starts with the zip at once and stops reading rows when the reader goes', async () => {
    let read = 0;
    let closed = false;
    const rows = function* () {
      try {
        for (;;) { read++; yield [read, `行 ${read}`, '2024-05-01']; }
      } finally { closed = true; }
    };
    const chunks = xlsxChunks([{ name: 'endless', columns: [xlsxColumn('n', 8), xlsxColumn('text', 20), xlsxColumn('on', 12, true)], rows: rows() }]);
    const first = await chunks.next();
    expect([...(first.value as Uint8Array).slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    while (read < 1000) await chunks.next(); // the small parts, then the sheet as far as its first 1,000 rows
    await chunks.return(undefined);
    expect(closed).toBe(true);
    const stoppedAt = read;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(read).toBe(stoppedAt);
  });
});
