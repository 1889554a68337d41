/**
 * Writing XLSX as a stream: sheets of plain values (text, numbers, day-precise dates as date cells,
 * never formulas, so text needs no apostrophe), each with a bold, frozen, filtered header, zipped
 * as the rows come, so memory stays flat whatever the size. The XML is written here rather than by
 * exceljs, whose per-cell objects and style look-ups made the national export take 5–7 s (README,
 * "Dependencies and why"); the workbook is the one exceljs wrote, part for part.
 */
import { sheetPath, stylesXml, workbookParts } from './xlsx-parts';
import { sheetXml, type SheetsWritten, type XlsxColumn, type XlsxSheet } from './xlsx-sheet-xml';
import { zipChunks, type ZipEntry } from './zip-stream';

export type { XlsxColumn, XlsxSheet } from './xlsx-sheet-xml';

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

/** Who the workbook says wrote it. */
const AUTHOR = 'Jincheng GI registry';

/**
 * The sheets as an XLSX workbook, written as a stream: the small parts first, then one sheet after
 * the other, each read in one pass as deflate takes its XML, so memory stays flat. Each sheet has a
 * bold, frozen header row with an autofilter. Cells are plain values, never formulas: text is written
 * as it is (no apostrophe), numbers as numbers, day-precise dates in date columns as date cells
 * (`yyyy-mm-dd`), and dates known only to the year or month as their text.
 */
export function xlsxChunks(sheets: Iterable<XlsxSheet>, at = new Date()): AsyncGenerator<Uint8Array> {
  const list = [...sheets];
  const names = list.map((s) => s.name);
  const written: SheetsWritten = { dates: false };
  const entries: ZipEntry[] = [
    ...workbookParts(names, AUTHOR, at).map(([name, text]) => ({ name, text: [text] })),
    ...list.map((sheet, i) => ({ name: sheetPath(i + 1), text: { [Symbol.iterator]: () => sheetXml(sheet, written) } })),
    // After the sheets: what it holds depends on whether they have dates.
    { name: 'xl/styles.xml', text: { * [Symbol.iterator]() { yield stylesXml(written.dates); } } },
  ];
  return zipChunks(entries, at);
}
