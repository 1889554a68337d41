/**
 * The export's XLSX as exceljs's streaming writer made it before issue 24 (server/exchange/export/
 * xlsx-stream.ts at that time, here without its pauses for a slow reader): the reference the
 * hand-written writer is compared with, part for part.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { partialDateParts } from '../../db/model/partial-date';
import type { SheetValue } from '../../server/exchange/sheets/sheet-columns';
import type { XlsxSheet } from '../../server/exchange/export/xlsx-stream';

/** A day-precise date (`2024-05-01`) as a date cell's value (UTC midnight); anything else as it is. */
function dateCell(value: SheetValue): SheetValue | Date {
  if (typeof value !== 'string' || value.length !== 10) return value;
  const parts = partialDateParts(value);
  return parts?.day === undefined ? value : new Date(Date.UTC(parts.year, parts.month! - 1, parts.day));
}

/** The sheets as exceljs wrote them: the whole file. */
export async function exceljsXlsx(sheets: Iterable<XlsxSheet>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => out.on('end', resolve));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Jincheng GI registry';
  for (const { name, columns, rows } of sheets) {
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
    sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    header.commit();
    let n = 1;
    for (const values of rows) {
      const row = sheet.addRow(values.map((v, i) => (v === '' ? null : columns[i]?.date ? dateCell(v) : v)));
      row.eachCell((cell) => { if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd'; });
      row.commit();
      n++;
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: n, column: columns.length } };
    sheet.commit();
  }
  await book.commit();
  await ended; // the zip ends the stream when its last byte is written
  return Buffer.concat(chunks);
}
