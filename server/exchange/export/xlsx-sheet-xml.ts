/**
 * A worksheet's XML written straight from its rows, in pieces: a frozen header row (bold on grey),
 * then each row's cells (text as text, numbers as numbers, day-precise dates in date columns as date
 * cells) and an autofilter over them. The markup is what exceljs's streaming writer produced for the
 * same rows, without its per-cell objects and style look-ups, which took most of the export's time.
 */
import { partialDateParts } from '../../../db/model/partial-date';
import type { SheetValue } from '../sheets/sheet-columns';
import { STYLE, xmlText } from './xlsx-parts';

/** A column of an XLSX sheet: its header cell, its width in characters, and whether it holds dates. */
export interface XlsxColumn { header: string; width: number; date?: boolean }

/** One sheet of an XLSX export: its name, columns, and rows (read as they are written, in column order). */
export interface XlsxSheet { name: string; columns: readonly XlsxColumn[]; rows: Iterable<readonly SheetValue[]> }

/** About how many characters of XML a piece holds. */
const PIECE_CHARS = 64 * 1024;

/** A column's letters from its number (1 → A, 27 → AA). */
function columnLetters(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** Excel's serial day of 1970-01-01 (the 1900 date system). */
const EPOCH_SERIAL = 25569;
const DAY_MS = 24 * 3600 * 1000;

/** A day-precise date (`2024-05-01`) as Excel's serial day number (UTC midnight); null for anything else. */
function daySerial(value: SheetValue): number | null {
  if (typeof value !== 'string' || value.length !== 10) return null;
  const parts = partialDateParts(value);
  return parts?.day === undefined ? null : EPOCH_SERIAL + Date.UTC(parts.year, parts.month! - 1, parts.day) / DAY_MS;
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
  + ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
  + ' mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">'
  + '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
  + '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
  + '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>';

const TAIL = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
  + '<pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/></worksheet>';

/** The columns' widths, neighbours of the same width as one range. */
function colsXml(columns: readonly XlsxColumn[]): string {
  let xml = '';
  for (let i = 0; i < columns.length;) {
    let last = i;
    while (last + 1 < columns.length && columns[last + 1].width === columns[i].width) last++;
    xml += `<col min="${i + 1}" max="${last + 1}" width="${columns[i].width}" customWidth="1"/>`;
    i = last + 1;
  }
  return xml ? `<cols>${xml}</cols>` : '';
}

function headerRowXml(columns: readonly XlsxColumn[], letters: readonly string[]): string {
  const cells = columns.map((c, i) => `<c r="${letters[i]}1" s="${STYLE.header}" t="str"><v>${xmlText(c.header)}</v></c>`).join('');
  return `<row r="1" spans="1:${columns.length}" s="${STYLE.header}" customFormat="1" x14ac:dyDescent="0.25">${cells}</row>`;
}

/** What the sheets written so far used, which the styles part must define. */
export interface SheetsWritten { dates: boolean }

/**
 * The sheet's XML in pieces of about 64 KB, its rows read one at a time as the pieces are taken.
 * An empty text is an empty cell; a row's `spans` covers the cells it was given (empty ones too),
 * and a row of empty cells is left out.
 * A date cell sets `written.dates`.
 */
export function* sheetXml({ columns, rows }: XlsxSheet, written: SheetsWritten): Generator<string> {
  const letters = columns.map((_, i) => columnLetters(i + 1));
  const dates = columns.map((c) => c.date === true);
  let xml = `${HEAD}${colsXml(columns)}<sheetData>${headerRowXml(columns, letters)}`;
  let n = 1;
  for (const values of rows) {
    n++;
    let cells = '';
    let min = 0;
    let max = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value === undefined) continue;
      if (min === 0) min = i + 1;
      max = i + 1;
      if (value === null || value === '') continue;
      const ref = `${letters[i] ?? columnLetters(i + 1)}${n}`;
      const serial = dates[i] ? daySerial(value) : null;
      if (typeof value === 'number') cells += `<c r="${ref}"><v>${value}</v></c>`;
      else if (serial !== null) {
        cells += `<c r="${ref}" s="${STYLE.date}"><v>${serial}</v></c>`;
        written.dates = true;
      }
      else cells += `<c r="${ref}" t="str"><v>${xmlText(String(value))}</v></c>`;
    }
    if (cells === '') continue; // a row of empty cells is not written (its number is still taken)
    xml += `<row r="${n}" spans="${min}:${max}" x14ac:dyDescent="0.25">${cells}</row>`;
    if (xml.length >= PIECE_CHARS) {
      yield xml;
      xml = '';
    }
  }
  yield `${xml}</sheetData><autoFilter ref="A1:${columnLetters(columns.length)}${n}"/>${TAIL}`;
}
