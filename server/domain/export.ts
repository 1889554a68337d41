/**
 * The public registry as a table (one row per designation, or per product without one), written as
 * CSV (UTF-8 with BOM, so Excel opens it) or XLSX.
 */
import { PassThrough } from 'node:stream';
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import type { ProductFilter } from '../../db/model';
import * as t from '../../db/schema';
import { productWhere } from './products-read';

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
  const list = (json: unknown): string[] => (typeof json === 'string' ? (JSON.parse(json) as string[]) : []);
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
      sources: [...list(r.productSources), ...list(r.designationSources)].join('; '),
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

/** The header cell of a column: the Chinese label and the key, which an import reads. */
const headerOf = ([key, label]: (typeof EXPORT_COLUMNS)[number]) => `${label} ${key}`;

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

/** How much written XLSX may wait unread before the writer pauses. */
const XLSX_BUFFER_LIMIT = 1024 * 1024;

/**
 * The rows as an XLSX workbook with one sheet (frozen header), written as a stream: rows are
 * zipped as they come and the writer pauses while the reader is behind, so memory stays flat.
 * Cells are plain values, never formulas, so text is written as it is.
 */
export async function* xlsxChunks(rows: Iterable<ExportRow>): AsyncGenerator<Uint8Array> {
  const { default: Excel } = await import('exceljs'); // loaded on first use, not at start-up
  const out = new PassThrough();
  let stopped = false;
  const book = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'Jincheng GI registry';
  const write = async () => {
    const sheet = book.addWorksheet('地理标志 GI', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: headerOf(c), key: c[0], width: Math.max(12, c[1].length * 2 + 4) }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    let n = 0;
    for (const row of rows) {
      if (stopped) return;
      sheet.addRow(row).commit();
      if (++n % 200 === 0) {
        await new Promise(setImmediate);
        while (out.readableLength > XLSX_BUFFER_LIMIT && !stopped) await new Promise((r) => setTimeout(r, 2));
      }
    }
    sheet.commit();
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
