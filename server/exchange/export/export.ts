/**
 * The public registry as a table (one row per designation, or per product without one), written as
 * CSV (UTF-8 with BOM, so Excel opens it) or XLSX. The XLSX adds a sheet of status moves and one of
 * participants; its cells are plain text, numbers or real dates (never formulas, so no apostrophes).
 * Dates are written as known (`2013`, `2013-07`, `2013-07-03`; only the last becomes an XLSX date
 * cell). Sources are one cell, `标题 <https://…>; https://…; 标题`: what the import reads back.
 */
import { PassThrough } from 'node:stream';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { sourceText, type ProductFilter, type SourceValue } from '../../../db/model';
import * as t from '../../../db/schema';
import { LABELS, type Vocabulary } from '../../../db/model/labels';
import { partialDateParts } from '../../../db/model/partial-date';
import { USER_COLUMNS, type UserColumnKey } from '../sheets/user-columns';
import { productWhere } from '../../domain/products/products-read';

/** The columns of the export: a stable key (also what an import reads) and a Chinese label. */
export const EXPORT_COLUMNS = [
  ['product_id', '产品编号'], ['product_zh', '产品名称'], ['product_en', '英文名称'], ['category', '类别'],
  ['county_adcodes', '县（市、区）代码'], ['counties_zh', '县（市、区）'], ['gi_type', '地理标志类型'],
  ['mark_kind', '商标类别'], ['status', '状态'], ['holder', '持有人'], ['holder_credit_code', '统一社会信用代码'],
  ['number', '注册/登记/公告号'], ['announcement', '公告'], ['filed_on', '申报日期'], ['granted_on', '获批日期'],
  ['valid_until', '有效期至'], ['sources', '来源'],
] as const;

/** One row of the export, keyed by column key. */
export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number][0], string | number>;

/**
 * The rows the public may download (the public's view, whoever asks), filtered like /api/products,
 * product by product in name order. One query, read as it goes: memory stays flat and time grows with the rows
 * (each designation's filing and grant dates are index look-ups), however large the registry.
 */
export function* iterateExportRows(db: Db, filter: ProductFilter): Generator<ExportRow> {
  const lastOn = (status: 'filed' | 'granted') => sql<string | null>`(select ${t.transitions.on} from ${t.transitions}
    where ${t.transitions.designationId} = ${t.designations.id} and ${t.transitions.toStatus} = ${status}
    order by ${t.transitions.id} desc limit 1)`;
  const countyCodes = sql<string | null>`(select group_concat(code, ';') from (select ${t.productCounties.countyCode} as code
    from ${t.productCounties} where ${t.productCounties.productId} = ${t.products.id} order by 1))`;
  const fields = {
    productId: t.products.id, nameZh: t.products.nameZh, nameEn: t.products.nameEn, category: t.products.category,
    productSources: t.products.sources, countyCodes, giType: t.designations.giType, markKind: t.designations.markKind,
    status: t.designations.status, holder: t.designations.holder, holderCreditCode: t.designations.holderCreditCode,
    number: t.designations.number, announcement: t.designations.announcement, validUntil: t.designations.validUntil,
    designationSources: t.designations.sources, filedOn: lastOn('filed'), grantedOn: lastOn('granted'),
  };
  const query = db.select(fields).from(t.products)
    .leftJoin(t.designations, eq(t.designations.productId, t.products.id))
    .where(productWhere(db, filter, null))
    // The order of the list and the map, which the name index gives as it is read: no sort before the first row.
    .orderBy(asc(t.products.nameZh), asc(t.products.id), asc(t.designations.id))
    .toSQL();
  const countyNames = new Map<string, string>(db.select().from(t.counties).all().map((c) => [c.code, c.nameZh]));
  // Read positionally (drizzle's SQL does not alias its columns), as the statement steps.
  const names = Object.keys(fields);
  const rows = db.$client.prepare(query.sql).raw().iterate(...query.params) as IterableIterator<unknown[]>;
  const list = (json: unknown): SourceValue[] => (typeof json === 'string' ? (JSON.parse(json) as SourceValue[]) : []);
  for (const values of rows) {
    const r = Object.fromEntries(names.map((name, i) => [name, values[i]])) as Record<keyof typeof fields, unknown>;
    const codes = r.countyCodes ? String(r.countyCodes).split(';') : [];
    const base = {
      product_id: r.productId as number, product_zh: r.nameZh as string, product_en: (r.nameEn as string | null) ?? '',
      category: r.category as string, county_adcodes: codes.join(';'),
      counties_zh: codes.map((c) => countyNames.get(c) ?? c).join('、'),
    };
    const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    yield {
      ...base, gi_type: text(r.giType), mark_kind: text(r.markKind), status: text(r.status), holder: text(r.holder),
      holder_credit_code: text(r.holderCreditCode), number: text(r.number), announcement: text(r.announcement),
      filed_on: text(r.filedOn), granted_on: text(r.grantedOn), valid_until: text(r.validUntil),
      sources: [...list(r.productSources), ...list(r.designationSources)].map(sourceText).join('; '),
    };
  }
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
export function defuseFormula(value: string | number): string | number {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string | number): string {
  const s = String(defuseFormula(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header cell of a column: the Chinese label and the key, which an import reads ("产品名称 product_zh"). */
export const headerOf = ([key, label]: readonly [string, string]) => `${label} ${key}`;

/** About how many bytes of text a streamed export sends at a time. */
const CHUNK_CHARS = 64 * 1024;

/** The rows as CSV text in pieces of about 64 KB: BOM and header first, CRLF line ends. */
export function* csvChunks(rows: Iterable<ExportRow>): Generator<string> {
  let chunk = `\uFEFF${EXPORT_COLUMNS.map(headerOf).map(csvField).join(',')}\r\n`;
  for (const row of rows) {
    chunk += `${EXPORT_COLUMNS.map(([key]) => csvField(row[key])).join(',')}\r\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

/** The rows as CSV text: BOM, header, CRLF line ends. */
export function toCsv(rows: ExportRow[]): string {
  return [...csvChunks(rows)].join('');
}

// ---------------------------------------------------------------- XLSX

/** A cell of an XLSX sheet: text, a number, or nothing. Day-precise dates in a date column become date cells. */
export type XlsxValue = string | number | null;

/** A column of an XLSX sheet: its header cell, its width in characters, and whether it holds dates. */
export interface XlsxColumn { header: string; width: number; date?: boolean }

/** One sheet of an XLSX export: its name, columns, and rows (read as they are written, in column order). */
export interface XlsxSheet { name: string; columns: readonly XlsxColumn[]; rows: Iterable<readonly XlsxValue[]> }

/** How wide a text shows in Excel's character units: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? 2 : 1;
  return width;
}

/** A column whose width fits its header (plus the filter button) and about `content` characters of data. */
const column = (header: string, content: number, date = false): XlsxColumn =>
  ({ header, width: Math.min(48, Math.max(10, content, displayWidth(header) + 3)), ...(date ? { date } : {}) });

/** About how wide each export column's values are. */
const CONTENT_WIDTHS: Record<(typeof EXPORT_COLUMNS)[number][0], number> = {
  product_id: 8, product_zh: 20, product_en: 26, category: 12, county_adcodes: 14, counties_zh: 16, gi_type: 20,
  mark_kind: 14, status: 12, holder: 32, holder_credit_code: 22, number: 22, announcement: 30, filed_on: 12,
  granted_on: 12, valid_until: 12, sources: 48,
};
const DATE_KEYS = new Set<string>(['filed_on', 'granted_on', 'valid_until']);

/** The first sheet's columns: the CSV's, header cells and all (an import reads them back). */
export const PRODUCT_XLSX_COLUMNS: readonly XlsxColumn[] = EXPORT_COLUMNS.map((c) => column(headerOf(c), CONTENT_WIDTHS[c[0]], DATE_KEYS.has(c[0])));

/** The columns of the moves sheet. */
export const MOVE_COLUMNS = [
  ['product_id', '产品编号', 8], ['product_zh', '产品名称', 20], ['gi_type', '地理标志类型', 18], ['from_status', '原状态', 8],
  ['to_status', '新状态', 8], ['on', '日期', 12], ['note', '备注', 40],
] as const;

/** The columns of the participants sheet. */
export const PARTICIPANT_COLUMNS = [
  ['product_id', '产品编号', 8], ['product_zh', '产品名称', 20], ['role', '角色', 14], ['name', '名称', 30],
  ['credit_code', '统一社会信用代码', 22], ['households', '带动农户（户）', 10], ['area_mu', '面积（亩）', 10],
  ['output_tonnes', '产量（吨）', 10], ['value_wan_yuan', '产值（万元）', 10],
] as const;

const columnsOf = (spec: readonly (readonly [string, string, number])[], dates: string[] = []) =>
  spec.map(([key, label, content]) => column(headerOf([key, label]), content, dates.includes(key)));

/** The Chinese label of a code (the code itself when it has none; nothing for no code). */
function labelZh(vocabulary: Vocabulary, code: unknown): string | null {
  if (code === null || code === undefined || code === '') return null;
  return (LABELS[vocabulary] as Record<string, { zh: string } | undefined>)[String(code)]?.zh ?? String(code);
}

/** Runs a drizzle query as it steps, each row as an array in the order of the selected fields. */
function stepRows(db: Db, query: { sql: string; params: unknown[] }): IterableIterator<unknown[]> {
  return db.$client.prepare(query.sql).raw().iterate(...query.params) as IterableIterator<unknown[]>;
}

/**
 * Every status move of the designations of the products the public may download (filtered like the
 * first sheet), product by product in name order, each designation's moves in the order recorded.
 */
export function* iterateMoveRows(db: Db, filter: ProductFilter): Generator<XlsxValue[]> {
  const query = db.select({
    productId: t.products.id, nameZh: t.products.nameZh, giType: t.designations.giType,
    from: t.transitions.fromStatus, to: t.transitions.toStatus, on: t.transitions.on, note: t.transitions.note,
  }).from(t.products)
    .innerJoin(t.designations, eq(t.designations.productId, t.products.id))
    .innerJoin(t.transitions, eq(t.transitions.designationId, t.designations.id))
    .where(productWhere(db, filter, null))
    .orderBy(asc(t.products.nameZh), asc(t.products.id), asc(t.designations.id), asc(t.transitions.id))
    .toSQL();
  for (const [productId, nameZh, giType, from, to, on, note] of stepRows(db, query)) {
    yield [productId as number, nameZh as string, labelZh('giType', giType), labelZh('status', from), labelZh('status', to),
      on as string, (note as string) || null];
  }
}

/** The participants of the products the public may download (filtered like the first sheet), in name order. */
export function* iterateParticipantRows(db: Db, filter: ProductFilter): Generator<XlsxValue[]> {
  const p = t.participants;
  const query = db.select({
    productId: t.products.id, nameZh: t.products.nameZh, role: p.role, name: p.name, creditCode: p.creditCode,
    households: p.households, areaMu: p.areaMu, outputTonnes: p.outputTonnes, value: p.valueWanYuan,
  }).from(t.products)
    .innerJoin(p, eq(p.productId, t.products.id))
    .where(productWhere(db, filter, null))
    .orderBy(asc(t.products.nameZh), asc(t.products.id), asc(p.position), asc(p.id))
    .toSQL();
  for (const [productId, nameZh, role, ...rest] of stepRows(db, query)) {
    yield [productId as number, nameZh as string, labelZh('role', role), ...(rest as XlsxValue[])];
  }
}

/** The columns of the authorised users sheet: an authorised-user list's own, so the sheet imports back (user-columns.ts). */
export const AUTHORIZED_USER_EXPORT_COLUMNS: readonly (readonly [UserColumnKey, number])[] = [
  ['designation_id', 8], ['product_id', 8], ['product_zh', 20], ['gi_type', 18], ['mark_kind', 10], ['number', 18],
  ['user_name', 32], ['credit_code', 22], ['basis', 20], ['reference', 22], ['from', 12], ['until', 12], ['status', 10],
];

/** The authorised users of the products the public may download (filtered like the first sheet), product by product, then by name. */
export function* iterateAuthorizedUserRows(db: Db, filter: ProductFilter): Generator<XlsxValue[]> {
  const u = t.authorizedUsers;
  const query = db.select({
    designationId: t.designations.id, productId: t.products.id, nameZh: t.products.nameZh, giType: t.designations.giType,
    markKind: t.designations.markKind, number: t.designations.number, name: u.name, creditCode: u.creditCode, basis: u.basis,
    reference: u.reference, from: u.from, until: u.until, status: u.status,
  }).from(t.products)
    .innerJoin(t.designations, eq(t.designations.productId, t.products.id))
    .innerJoin(u, eq(u.designationId, t.designations.id))
    .where(productWhere(db, filter, null))
    .orderBy(asc(t.products.nameZh), asc(t.products.id), asc(t.designations.id), asc(u.name), asc(u.id))
    .toSQL();
  for (const [designationId, productId, nameZh, giType, markKind, number, name, creditCode, basis, reference, from, until, status] of stepRows(db, query)) {
    yield [designationId as number, productId as number, nameZh as string, labelZh('giType', giType), labelZh('markKind', markKind),
      number as string | null, name as string, creditCode as string | null, labelZh('basis', basis), reference as string | null,
      from as string, until as string | null, labelZh('authorizationStatus', status)];
  }
}

/** The sheets of the XLSX export, each read from the registry only when its turn comes. */
export function exportSheets(db: Db, filter: ProductFilter): XlsxSheet[] {
  const productRows = function* () {
    for (const row of iterateExportRows(db, filter)) yield EXPORT_COLUMNS.map(([key]) => row[key]);
  };
  return [
    { name: '地理标志 GI', columns: PRODUCT_XLSX_COLUMNS, rows: productRows() },
    { name: '状态变更 moves', columns: columnsOf(MOVE_COLUMNS, ['on']), rows: iterateMoveRows(db, filter) },
    { name: '参与主体 participants', columns: columnsOf(PARTICIPANT_COLUMNS), rows: iterateParticipantRows(db, filter) },
    {
      name: '用标企业 Authorised users',
      columns: AUTHORIZED_USER_EXPORT_COLUMNS.map(([key, content]) => column(headerOf([key, USER_COLUMNS[key].zh]), content, key === 'from' || key === 'until')),
      rows: iterateAuthorizedUserRows(db, filter),
    },
  ];
}

/** Excel's format of a date cell. */
export const DATE_FORMAT = 'yyyy-mm-dd';

/** A day-precise date (`2024-05-01`) as a date cell's value (UTC midnight); anything else as it is. */
export function dateCell(value: XlsxValue): XlsxValue | Date {
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
