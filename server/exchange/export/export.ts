/**
 * The public registry as a file: the product sheet (product-columns.ts: one row per designation, or
 * per product without one) written as CSV (UTF-8 with BOM, so Excel opens it) or as the first sheet of
 * an XLSX, which adds a sheet of status moves, one of participants and the authorised-user sheet
 * (user-columns.ts). Every cell is written by its column's own writer, and the header cells are the
 * ones the import reads, so an unmodified export imports back as "no change". A signed-in official's XLSX
 * adds the yearly usage returns they manage (return-columns.ts), which the public never gets.
 */
import type { ProductFilter } from '../../../db/model';
import type { Db } from '../../../db/open';
import type { Viewer } from '../../domain/access/viewer';
import { defuseFormula } from '../cells/formula-guard';
import { PRODUCT_COLUMNS, PRODUCT_KEYS, type ProductRecord } from '../sheets/product-columns';
import { headerCell, labelZh, type SheetColumn, type SheetColumns, type SheetValue } from '../sheets/sheet-columns';
import { USER_COLUMNS, USER_KEYS } from '../sheets/user-columns';
import { RETURN_COLUMNS, RETURN_KEYS } from '../sheets/return-columns';
import type { SignedIn } from '../../domain/access/viewer';
import { iterateMoveRows, iterateParticipantRows, iterateProductRecords, iterateUserRecords } from './registry-rows';
import { iterateReturnRecords } from './return-rows';
import { xlsxColumn, type XlsxColumn, type XlsxSheet } from './xlsx-stream';

export { xlsxChunks } from './xlsx-stream';

/** One row of the product sheet: its cells in the columns' order. */
export type ExportRow = readonly SheetValue[];

const PRODUCT_WRITERS = PRODUCT_KEYS.map((key) => PRODUCT_COLUMNS[key].write);

/**
 * A column's writer for a sheet people read: a coded column (one with a vocabulary's drop-down list)
 * writes the code's Chinese label, which the import reads back as it reads the code.
 */
function labelledWriter<R>(column: SheetColumn<R>): (record: R) => SheetValue {
  const list = column.list;
  if (typeof list !== 'object') return column.write;
  return (record) => labelZh(list.vocabulary, column.write(record));
}

const PRODUCT_LABEL_WRITERS = PRODUCT_KEYS.map((key) => labelledWriter<ProductRecord>(PRODUCT_COLUMNS[key]));

/**
 * The product sheet's rows the viewer may download (the public: public products only), filtered like
 * /api/products, product by product in name order; codes as codes (the CSV, for machines) or, with
 * `labels`, as their Chinese labels (the XLSX, for people).
 */
export function* iterateExportRows(db: Db, filter: ProductFilter, viewer: Viewer = null, labels = false): Generator<ExportRow> {
  const writers = labels ? PRODUCT_LABEL_WRITERS : PRODUCT_WRITERS;
  for (const record of iterateProductRecords(db, filter, viewer)) yield writers.map((write) => write(record));
}

// ---------------------------------------------------------------- CSV

function csvField(value: SheetValue): string {
  const s = value === null ? '' : String(defuseFormula(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** About how many bytes of text a streamed export sends at a time. */
const CHUNK_CHARS = 64 * 1024;

/** The rows as CSV text in pieces of about 64 KB: BOM and header first, CRLF line ends. */
export function* csvChunks(rows: Iterable<ExportRow>): Generator<string> {
  let chunk = `\uFEFF${PRODUCT_KEYS.map((key) => csvField(headerCell(key, PRODUCT_COLUMNS[key]))).join(',')}\r\n`;
  for (const row of rows) {
    chunk += `${row.map(csvField).join(',')}\r\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

/** The rows as CSV text: BOM, header, CRLF line ends. */
export function toCsv(rows: Iterable<ExportRow>): string {
  return [...csvChunks(rows)].join('');
}

// ---------------------------------------------------------------- XLSX

/** The XLSX columns of a sheet's column table: header cells the import reads, widths, date columns. */
function xlsxColumnsOf<K extends string>(columns: SheetColumns<K, never>, keys: readonly K[]): XlsxColumn[] {
  return keys.map((key) => xlsxColumn(headerCell(key, columns[key]), columns[key].width, columns[key].format === 'date'));
}

/** The columns of a sheet only the export writes: key, Chinese label, about how wide its values are. */
type ExportOnlyColumns = readonly (readonly [string, string, number])[];

/** The columns of the moves sheet. */
const MOVE_COLUMNS: ExportOnlyColumns = [
  ['product_id', '产品编号', 8], ['product_zh', '产品名称', 20], ['gi_type', '地理标志类型', 18], ['from_status', '原状态', 8],
  ['to_status', '新状态', 8], ['on', '日期', 12], ['note', '备注', 40],
];

/** The columns of the participants sheet. */
const PARTICIPANT_COLUMNS: ExportOnlyColumns = [
  ['product_id', '产品编号', 8], ['product_zh', '产品名称', 20], ['role', '角色', 14], ['name', '名称', 30],
  ['credit_code', '统一社会信用代码', 22], ['households', '带动农户（户）', 10], ['area_mu', '面积（亩）', 10],
  ['output_tonnes', '产量（吨）', 10], ['value_wan_yuan', '产值（万元）', 10],
];

const exportOnly = (spec: ExportOnlyColumns, dates: string[] = []) =>
  spec.map(([key, zh, content]) => xlsxColumn(headerCell(key, { zh, en: '' }), content, dates.includes(key)));

const USER_WRITERS = USER_KEYS.map((key) => USER_COLUMNS[key].write);

/** The sheets of the XLSX export for the viewer (the public by default), each read from the registry only when its turn comes. */
export function exportSheets(db: Db, filter: ProductFilter, viewer: Viewer = null): XlsxSheet[] {
  const userRows = function* () {
    for (const record of iterateUserRecords(db, filter, viewer)) yield USER_WRITERS.map((write) => write(record));
  };
  return [
    { name: '地理标志 GI', columns: xlsxColumnsOf(PRODUCT_COLUMNS, PRODUCT_KEYS), rows: iterateExportRows(db, filter, viewer, true) },
    { name: '状态变更 moves', columns: exportOnly(MOVE_COLUMNS, ['on']), rows: iterateMoveRows(db, filter, viewer) },
    { name: '参与主体 participants', columns: exportOnly(PARTICIPANT_COLUMNS), rows: iterateParticipantRows(db, filter, viewer) },
    { name: '用标企业 Authorised users', columns: xlsxColumnsOf(USER_COLUMNS, USER_KEYS), rows: userRows() },
  ];
}

const RETURN_WRITERS = RETURN_KEYS.map((key) => RETURN_COLUMNS[key].write);

/**
 * The sheets of the XLSX export a signed-in official downloads: the public ones, then the yearly usage
 * returns of the users of the products they manage ("用标报告 Usage returns", one row per return).
 */
export function officialExportSheets(db: Db, filter: ProductFilter, viewer: SignedIn): XlsxSheet[] {
  const returnRows = function* () {
    for (const record of iterateReturnRecords(db, filter, viewer)) yield RETURN_WRITERS.map((write) => write(record));
  };
  return [...exportSheets(db, filter, viewer), { name: '用标报告 Usage returns', columns: xlsxColumnsOf(RETURN_COLUMNS, RETURN_KEYS), rows: returnRows() }];
}
