/**
 * A table read from a file, turned into import rows: each cell read the way officials write it
 * (labels or codes, dates in any common form), or a problem naming the row, the column as the sheet
 * labels it, and what to write instead. Pure, so it runs in a task worker beside the file reading.
 */
import {
  CreditCode, Source, sourceKey, type Category, type CountyCode, type GiType, type MarkKind, type PartialDate, type Status,
} from '../../../db/model';
import { readDate } from '../cells/cell-dates';
import {
  fail, isEmptyCell, readCode, readCounties, readNumber, readText, required, shownCell,
  type Cell, type CellProblem, type CellResult, type CountyName,
} from '../cells/cell-values';
import { columnOf, IMPORT_COLUMNS, type ColumnKey } from '../sheets/product-columns';
import type { Table } from '../read/read-table';

/** The statuses an import may set; the others (withdrawn, revoked…) are decisions made in the workspace. */
export const IMPORT_STATUSES = ['cultivating', 'filed', 'published', 'granted'] as const satisfies readonly Status[];
/** A status an import may set. */
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One row's values; null where the cell was empty (an update leaves that field as it is). */
export interface ImportValues {
  productId: number | null;
  nameZh: string;
  nameEn: string | null;
  category: Category | null;
  counties: CountyCode[] | null;
  giType: GiType | null;
  markKind: MarkKind | null;
  status: ImportStatus | null;
  holder: string | null;
  holderCreditCode: string | null;
  number: string | null;
  announcement: string | null;
  filedOn: PartialDate | null;
  grantedOn: PartialDate | null;
  validUntil: string | null;
  sources: Source[];
}

/** A problem in a row: the column as the file labels it (null for the row as a whole) and the text. */
export interface RowProblem extends CellProblem { column: string | null }

/** One data row of the file, read. */
export interface InterpretedRow {
  line: number;
  /** The product's Chinese name as written (for the report, even when the row has problems). */
  productZh: string;
  values: ImportValues | null;
  problems: RowProblem[];
}

/** The whole file, read. */
export interface InterpretedTable {
  rows: InterpretedRow[];
  /** Header cells that name no known column (their cells are left alone). */
  unknownColumns: string[];
  /** Problems with the header itself (no column naming the product). */
  missingRequired: RowProblem[];
}

/** Reads every row of `table`; `counties` are the registry's counties (names in both languages), `today` bounds dates. */
export function interpretTable(table: Table, counties: readonly CountyName[], today: string): InterpretedTable {
  const index = new Map<ColumnKey, number>();
  const unknownColumns: string[] = [];
  table.header.forEach((header, i) => {
    const key = columnOf(header);
    if (key === null) { if (header.trim() !== '') unknownColumns.push(header.trim()); }
    else if (!index.has(key)) index.set(key, i);
  });
  const missingRequired: RowProblem[] = index.has('product_zh') || index.has('product_id') ? [] : [{
    column: null,
    zh: `表头中没有"${IMPORT_COLUMNS.product_zh.zh}"列。请使用导入模板或导出的表格的表头`,
    en: `The header has no "${IMPORT_COLUMNS.product_zh.en}" column. Use the header of the import template or of an export`,
  }];
  const headerOf = (key: ColumnKey) => table.header[index.get(key)!]?.trim() || IMPORT_COLUMNS[key].zh;
  const rows = table.rows.map(({ line, cells }) => {
    const cell = (key: ColumnKey): Cell => (index.has(key) ? cells[index.get(key)!] ?? null : null);
    const problems: RowProblem[] = [];
    const take = <T>(key: ColumnKey, result: CellResult<T>): T | null => {
      if (result.ok) return result.value;
      problems.push({ column: headerOf(key), ...result.problem });
      return null;
    };
    const text = (key: ColumnKey, max: number, nfkc = false) => take(key, readText(cell(key), { max, nfkc }));
    const productZh = isEmptyCell(cell('product_zh')) ? '' : shownCell(cell('product_zh'));
    const productId = take('product_id', readNumber(cell('product_id'), { min: 1, integer: true }));
    const nameZh = productId === null ? take('product_zh', required(readText(cell('product_zh'), { max: 100 }), IMPORT_COLUMNS.product_zh))
      : text('product_zh', 100);
    const countyCell = isEmptyCell(cell('county_adcodes')) ? 'counties_zh' : 'county_adcodes';
    const status = take('status', readCode('status', cell('status')));
    if (status !== null && !(IMPORT_STATUSES as readonly string[]).includes(status)) {
      problems.push({
        column: headerOf('status'),
        zh: '导入只能设为 培育中、已申报、已公示 或 已获批。撤回、驳回、撤销、失效请在工作台中办理',
        en: 'An import can set Cultivating, Filed, Published or Granted only. Record withdrawals, rejections, revocations and expiry in the workspace',
      });
    }
    const creditCode = text('holder_credit_code', 18, true);
    if (creditCode !== null && !CreditCode.safeParse(creditCode).success) {
      problems.push({
        column: headerOf('holder_credit_code'),
        ...fail(`"${creditCode}"不是有效的统一社会信用代码。请填写18位代码（数字或大写字母，不含I、O、S、V、Z），核对最后一位校验位`,
          `"${creditCode}" is not a valid unified social credit code. Write the 18 characters (digits or capitals, no I, O, S, V, Z) and check the last one`).problem,
      });
    }
    // Each source as the export writes it (`标题 <https://…>`), or an address, or a citation (sourceFromText).
    const read = (text('sources', 5000) ?? '').split(/\s*[;；]\s*/).filter(Boolean).map((s) => Source.safeParse(s));
    const sources = read.flatMap((r) => (r.success ? [r.data] : []))
      .filter((s, i, all) => all.findIndex((o) => sourceKey(o) === sourceKey(s)) === i);
    if (read.some((r) => !r.success) || read.length > 50) {
      problems.push({
        column: headerOf('sources'),
        zh: '每条来源写标题、链接或"标题 <链接>"，标题不超过500字，链接以 http:// 或 https:// 开头；最多50条，用分号隔开',
        en: 'Write each source as a title, a link or "title <link>": titles at most 500 characters, links starting with http:// or https://; at most 50, separated by semicolons',
      });
    }
    const values: ImportValues = {
      productId,
      nameZh: nameZh ?? '',
      nameEn: text('product_en', 200),
      category: take('category', readCode('category', cell('category'))),
      counties: take(countyCell, readCounties(cell(countyCell), counties)) as CountyCode[] | null,
      giType: take('gi_type', readCode('giType', cell('gi_type'))),
      markKind: take('mark_kind', readCode('markKind', cell('mark_kind'))),
      status: status as ImportStatus | null,
      holder: text('holder', 200),
      holderCreditCode: creditCode,
      number: text('number', 200, true),
      announcement: text('announcement', 500),
      filedOn: take('filed_on', readDate(cell('filed_on'), { today })),
      grantedOn: take('granted_on', readDate(cell('granted_on'), { today })),
      validUntil: take('valid_until', readDate(cell('valid_until'), { today, allowFuture: true, needDay: true })),
      sources,
    };
    return { line, productZh: productZh || (nameZh ?? ''), values: problems.length === 0 ? values : null, problems };
  });
  return { rows, unknownColumns, missingRequired };
}
