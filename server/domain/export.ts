/**
 * The public registry as a table (one row per designation, or per product without one), written as
 * CSV (UTF-8 with BOM, so Excel opens it) or XLSX.
 */
import ExcelJS from 'exceljs';
import { asc, inArray } from 'drizzle-orm';
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

/** The rows the public may download (the public's view, whoever asks), filtered like /api/products. */
export function exportRows(db: Db, filter: ProductFilter): ExportRow[] {
  const products = db.select().from(t.products).where(productWhere(db, filter, null))
    .orderBy(asc(t.products.id)).all();
  const ids = products.map((p) => p.id);
  if (ids.length === 0) return [];
  const countyNames = new Map<string, string>(db.select().from(t.counties).all().map((c) => [c.code, c.nameZh]));
  const countiesOf = new Map<number, string[]>();
  for (const pc of db.select().from(t.productCounties).where(inArray(t.productCounties.productId, ids)).orderBy(asc(t.productCounties.countyCode)).all()) {
    countiesOf.set(pc.productId, [...(countiesOf.get(pc.productId) ?? []), pc.countyCode]);
  }
  const designations = db.select().from(t.designations).where(inArray(t.designations.productId, ids)).orderBy(asc(t.designations.id)).all();
  const moves = db.select().from(t.transitions).where(inArray(t.transitions.designationId, designations.map((d) => d.id)))
    .orderBy(asc(t.transitions.on), asc(t.transitions.id)).all();
  const lastOn = (designationId: number, to: string) =>
    moves.filter((m) => m.designationId === designationId && m.toStatus === to).at(-1)?.on ?? '';
  return products.flatMap((p) => {
    const codes = countiesOf.get(p.id) ?? [];
    const base = {
      product_id: p.id, product_zh: p.nameZh, product_en: p.nameEn ?? '', category: p.category,
      county_adcodes: codes.join(';'), counties_zh: codes.map((c) => countyNames.get(c) ?? c).join('、'),
    };
    const own = designations.filter((d) => d.productId === p.id);
    if (own.length === 0) {
      return [{ ...base, gi_type: '', mark_kind: '', status: '', holder: '', holder_credit_code: '', number: '',
        announcement: '', filed_on: '', granted_on: '', valid_until: '', sources: p.sources.join('; ') }];
    }
    return own.map((d) => ({
      ...base, gi_type: d.giType, mark_kind: d.markKind ?? '', status: d.status, holder: d.holder ?? '',
      holder_credit_code: d.holderCreditCode ?? '', number: d.number ?? '', announcement: d.announcement ?? '',
      filed_on: lastOn(d.id, 'filed'), granted_on: lastOn(d.id, 'granted'), valid_until: d.validUntil ?? '',
      sources: [...p.sources, ...d.sources].join('; '),
    }));
  });
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

/** The rows as CSV text: BOM, header, CRLF line ends. */
export function toCsv(rows: ExportRow[]): string {
  const lines = [EXPORT_COLUMNS.map(headerOf).map(csvField).join(',')];
  for (const row of rows) lines.push(EXPORT_COLUMNS.map(([key]) => csvField(row[key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The rows as an XLSX workbook with one sheet. */
export async function toXlsx(rows: ExportRow[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Jincheng GI registry';
  const sheet = book.addWorksheet('地理标志 GI');
  sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: headerOf(c), key: c[0], width: Math.max(12, c[1].length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of rows) sheet.addRow(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, defuseFormula(v)])));
  return Buffer.from(await book.xlsx.writeBuffer());
}
