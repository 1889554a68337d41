/**
 * Reading an import file (CSV or XLSX, laid out like the export) into validated rows. A header cell
 * is recognised by its column key, alone or after a label ("产品名称 product_zh").
 */
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import { Category, CountyCode, CreditCode, GiType, IsoDate, MarkKind, Source } from '../../db/model';
import { parseCsv } from '../../seeds/csv';
import { EXPORT_COLUMNS } from './export';

/** Most data rows one import may hold. */
export const MAX_IMPORT_ROWS = 2000;

const KNOWN_KEYS = new Set<string>(EXPORT_COLUMNS.map(([key]) => key));
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

/** The statuses an import may set (with dates, the history is built from them). */
export const ImportStatus = z.enum(['cultivating', 'filed', 'published', 'granted']);

/** One data row of an import, after validation. */
export const ImportRow = z.object({
  product_zh: z.string().trim().min(1, '缺少产品名称 product_zh').max(100),
  product_en: optional(z.string().max(200)),
  category: Category,
  county_adcodes: z.string().transform((s, ctx) => {
    const codes = s.split(/[;；,，\s]+/).filter(Boolean);
    const parsed = z.array(CountyCode).min(1).safeParse(codes);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `县（市、区）代码须为 ${CountyCode.options.join('、')} 之一` });
      return z.NEVER;
    }
    return [...new Set(parsed.data)];
  }),
  gi_type: optional(GiType),
  mark_kind: optional(MarkKind),
  status: optional(ImportStatus),
  holder: optional(z.string().max(200)),
  holder_credit_code: optional(CreditCode),
  number: optional(z.string().max(200)),
  announcement: optional(z.string().max(500)),
  filed_on: optional(IsoDate),
  granted_on: optional(IsoDate),
  valid_until: optional(IsoDate),
  sources: z.string().optional().transform((s) => (s ?? '').split(/\s*;\s*/).filter(Boolean))
    .pipe(z.array(Source).max(50)),
});
export type ImportRow = z.infer<typeof ImportRow>;

/** A file's rows keyed by column key, with their line numbers (the header is line 1). */
export interface RawRows { rows: { line: number; values: Record<string, string> }[]; unknownColumns: string[] }

function keyOf(header: string): string {
  const last = header.trim().split(/\s+/).at(-1) ?? '';
  return KNOWN_KEYS.has(last) ? last : header.trim();
}

function fromTable(table: string[][]): RawRows {
  const [header = [], ...body] = table;
  const keys = header.map(keyOf);
  const rows = body.map((cells, i) => ({
    line: i + 2,
    values: Object.fromEntries(keys.map((k, j) => [k, (cells[j] ?? '').replace(/^'(?=[=+\-@])/, '')])),
  })).filter((r) => Object.values(r.values).some((v) => v.trim() !== ''));
  return { rows, unknownColumns: keys.filter((k) => k && !KNOWN_KEYS.has(k)) };
}

/** Reads CSV text (a BOM is fine). */
export function readCsvRows(text: string): RawRows {
  return fromTable(parseCsv(text));
}

/** Reads the first sheet of an XLSX workbook. */
export async function readXlsxRows(bytes: Buffer): Promise<RawRows> {
  const { default: Excel } = await import('exceljs'); // loaded on first use: it is large, and start-up should not pay for it
  const book = new Excel.Workbook();
  await book.xlsx.load(bytes as never);
  const sheet = book.worksheets[0];
  if (!sheet) return { rows: [], unknownColumns: [] };
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { cells[col - 1] = cellText(cell.value); });
    table[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return fromTable(Array.from(table, (r) => r ?? []));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  return String(value);
}
