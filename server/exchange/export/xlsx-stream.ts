/**
 * Writing XLSX as a stream: sheets of plain values (text, numbers, day-precise dates as date cells,
 * never formulas, so text needs no apostrophe), each with a bold, frozen, filtered header, zipped
 * as the rows come, so memory stays flat whatever the size.
 */
import { PassThrough } from 'node:stream';
import { partialDateParts } from '../../../db/model/partial-date';
import type { SheetValue } from '../sheets/sheet-columns';

/** A column of an XLSX sheet: its header cell, its width in characters, and whether it holds dates. */
export interface XlsxColumn { header: string; width: number; date?: boolean }

/** One sheet of an XLSX export: its name, columns, and rows (read as they are written, in column order). */
export interface XlsxSheet { name: string; columns: readonly XlsxColumn[]; rows: Iterable<readonly SheetValue[]> }

/** How wide a text shows in Excel's character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return width;
}

/** A column whose width fits its header (plus the filter button) and about `content` characters of data. */
export const xlsxColumn = (header: string, content: number, date = false): XlsxColumn =>
  ({ header, width: Math.min(48, Math.max(10, content, displayWidth(header) + 3)), ...(date ? { date } : {}) });

/** Excel's format of a date cell. */
export const DATE_FORMAT = 'yyyy-mm-dd';

/** A day-precise date (`2024-05-01`) as a date cell's value (UTC midnight); anything else as it is. */
function dateCell(value: SheetValue): SheetValue | Date {
  if (typeof value !== 'string' || value.length !== 10) return value;
  const parts = partialDateParts(value);
  return parts?.day === undefined ? value : new Date(Date.UTC(parts.year, parts.month! - 1, parts.day));
}

/** How much written XLSX may wait unread before the writer pauses. */
const XLSX_BUFFER_LIMIT = 1024 * 1024;

/**
 * The sheets as an XLSX workbook, written as a stream: one sheet after the other, each read in one
 * pass, rows zipped as they come; the writer pauses while the reader is behind, so memory stays flat.
 * Each sheet has a bold, frozen header row with an autofilter. Cells are plain values, never formulas:
 * text is written as it is (no apostrophe), numbers as numbers, day-precise dates in date columns as
 * date cells (`yyyy-mm-dd`), and dates known only to the year or month as their text.
 */
export async function* xlsxChunks(sheets: Iterable<XlsxSheet>): AsyncGenerator<Uint8Array> {
  const { default: Excel } = await import('exceljs'); // loaded on first use, not at start-up
  const out = new PassThrough();
  let stopped = false;
  const book = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Jincheng GI registry';
  const writeSheet = async ({ name, columns, rows }: XlsxSheet) => {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
    sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    header.commit();
    let n = 1;
    for (const values of rows) {
      if (stopped) return;
      const row = sheet.addRow(values.map((v, i) => (v === '' ? null : columns[i]?.date ? dateCell(v) : v)));
      row.eachCell((cell) => { if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT; });
      row.commit();
      if (++n % 200 === 0) {
        await new Promise(setImmediate);
        while (out.readableLength > XLSX_BUFFER_LIMIT && !stopped) await new Promise((r) => setTimeout(r, 2));
      }
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: n, column: columns.length } };
    sheet.commit();
  };
  const write = async () => {
    for (const sheet of sheets) {
      if (stopped) return;
      await writeSheet(sheet);
    }
    await book.commit();
  };
  const writing = write().catch((error: unknown) => out.destroy(error as Error));
  try {
    for await (const chunk of out) yield chunk as Buffer;
  } finally {
    stopped = true;
    out.resume(); // let a half-written book drain away when the reader has gone
    await writing;
  }
}
