/**
 * An authorised-user list read into rows: each cell read the way officials write it (用标依据 and 用标状态
 * as Chinese labels or codes, dates in any common form, the credit code with the GB 32100 check), or
 * a problem naming the row, the column as the sheet labels it, and what to write instead. Pure, so it
 * runs in the task worker beside the file reading, like interpret.ts for products.
 */
import { CreditCode, type AuthorizationBasis, type AuthorizationStatus, type GiType } from '../../../db/model';
import { readDate } from '../cells/cell-dates';
import {
  fail, isEmptyCell, readCode, readNumber, readText, required, shownCell, type Cell, type CellResult,
} from '../cells/cell-values';
import type { RowProblem } from './interpret-products';
import type { Table } from '../read/table';
import { USER_COLUMNS, userColumnOf, type UserColumnKey } from '../sheets/user-columns';

/** One row's values; null where the cell was empty (an update leaves that field as it is). */
export interface UserImportValues {
  designationId: number | null;
  productId: number | null;
  productZh: string | null;
  giType: GiType | null;
  name: string;
  creditCode: string | null;
  basis: AuthorizationBasis | null;
  reference: string | null;
  from: string | null;
  until: string | null;
  status: AuthorizationStatus | null;
}

/** One data row of a user list, read. */
export interface InterpretedUserRow {
  line: number;
  /** How the report names the row: the user's name, and the GI's product as written. */
  label: string;
  values: UserImportValues | null;
  problems: RowProblem[];
}

/** A whole user list, read. */
export interface InterpretedUserTable {
  rows: InterpretedUserRow[];
  unknownColumns: string[];
  /** Problems with the header itself (no column naming the GI). */
  missingRequired: RowProblem[];
}

/** Reads every row of a user list; `today` bounds the dates. */
export function interpretUserTable(table: Table, today: string): InterpretedUserTable {
  const index = new Map<UserColumnKey, number>();
  const unknownColumns: string[] = [];
  table.header.forEach((header, i) => {
    const key = userColumnOf(header);
    if (key === null) { if (header.trim() !== '') unknownColumns.push(header.trim()); }
    else if (!index.has(key)) index.set(key, i);
  });
  const namesGi = index.has('designation_id') || index.has('product_id') || index.has('product_zh');
  const missingRequired: RowProblem[] = namesGi ? [] : [{
    column: null,
    zh: `表头中没有指明地理标志的列。请填写"${USER_COLUMNS.product_zh.zh}"和"${USER_COLUMNS.gi_type.zh}"，或"${USER_COLUMNS.designation_id.zh}"`,
    en: `The header names no GI. Add the "${USER_COLUMNS.product_zh.en}" and "${USER_COLUMNS.gi_type.en}" columns, or the "${USER_COLUMNS.designation_id.en}"`,
  }];
  const headerOf = (key: UserColumnKey) => table.header[index.get(key)!]?.trim() || USER_COLUMNS[key].zh;
  const rows = table.rows.map(({ line, cells }): InterpretedUserRow => {
    const cell = (key: UserColumnKey): Cell => (index.has(key) ? cells[index.get(key)!] ?? null : null);
    const problems: RowProblem[] = [];
    const take = <T>(key: UserColumnKey, result: CellResult<T>): T | null => {
      if (result.ok) return result.value;
      problems.push({ column: headerOf(key), ...result.problem });
      return null;
    };
    const text = (key: UserColumnKey, max: number, nfkc = false) => take(key, readText(cell(key), { max, nfkc }));
    const name = take('user_name', required(readText(cell('user_name'), { max: 200 }), USER_COLUMNS.user_name));
    const creditCode = text('credit_code', 18, true)?.toUpperCase() ?? null;
    if (creditCode !== null && !CreditCode.safeParse(creditCode).success) {
      problems.push({
        column: headerOf('credit_code'),
        ...fail(`"${creditCode}"不是有效的统一社会信用代码。请填写18位代码（数字或大写字母，不含I、O、S、V、Z），核对最后一位校验位`,
          `"${creditCode}" is not a valid unified social credit code. Write the 18 characters (digits or capitals, no I, O, S, V, Z) and check the last one`).problem,
      });
    }
    const values: UserImportValues = {
      designationId: take('designation_id', readNumber(cell('designation_id'), { min: 1, integer: true })),
      productId: take('product_id', readNumber(cell('product_id'), { min: 1, integer: true })),
      productZh: text('product_zh', 100),
      giType: take('gi_type', readCode('giType', cell('gi_type'))),
      name: name ?? '',
      creditCode,
      basis: take('basis', readCode('basis', cell('basis'))),
      reference: text('reference', 200, true),
      from: take('from', readDate(cell('from'), { today, allowFuture: true, needDay: true })),
      until: take('until', readDate(cell('until'), { today, allowFuture: true, needDay: true })),
      status: take('status', readCode('authorizationStatus', cell('status'))),
    };
    if (values.designationId === null && values.productId === null && values.productZh === null && namesGi) {
      problems.push({
        column: headerOf(index.has('product_zh') ? 'product_zh' : index.has('product_id') ? 'product_id' : 'designation_id'),
        zh: `请指明用标的地理标志：填写${USER_COLUMNS.product_zh.zh}和${USER_COLUMNS.gi_type.zh}，或${USER_COLUMNS.designation_id.zh}`,
        en: `Say which GI the user may use: fill in the ${USER_COLUMNS.product_zh.en} and the ${USER_COLUMNS.gi_type.en}, or the ${USER_COLUMNS.designation_id.en}`,
      });
    }
    const productShown = isEmptyCell(cell('product_zh')) ? '' : shownCell(cell('product_zh'));
    const userShown = isEmptyCell(cell('user_name')) ? '' : shownCell(cell('user_name'));
    return {
      line,
      label: productShown ? `${userShown || '—'}（${productShown}）` : userShown,
      values: problems.length === 0 ? values : null,
      problems,
    };
  });
  return { rows, unknownColumns, missingRequired };
}
