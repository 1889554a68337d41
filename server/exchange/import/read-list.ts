/**
 * Reading a table's rows against a sheet's column table, for every kind of list: the header cells
 * matched to columns (unknown ones reported and left alone), then each row's cells read by their
 * columns' own readers, each problem named by the column as the file labels it. A kind says only what
 * is particular to it: which columns must be there, and the rules across columns of a row.
 */
import type { ImportProblem } from '../../../db/model';
import { isEmptyCell, ok, required, shownCell, type Cell } from '../cells/cell-values';
import type { Table } from '../read/table';
import type { ReadEnv, SheetColumns } from '../sheets/sheet-columns';
import type { InterpretedList, InterpretedRow } from './list-kind';

/** One row being read: its cells' values (read once each, on first use) and the problems found so far. */
export interface RowReader<K extends string, C extends Record<K, unknown>> {
  /** The value of a column's cell (null when it is empty, absent, or could not be read: a problem then says why). */
  get<Key extends K>(key: Key): C[Key] | null;
  /** Like get, but an empty cell is a problem too ("产品名称不能为空"). */
  require<Key extends K>(key: Key): C[Key] | null;
  /** The cell as the official sees it (shortened when long), '' when empty. */
  shown(key: K): string;
  /** Whether the cell holds nothing. */
  isEmpty(key: K): boolean;
  /** Whether the header has the column. */
  has(key: K): boolean;
  /** The column's header as the file labels it. */
  header(key: K): string;
  /** Records a problem of the row, beside a column or (null) about the row as a whole. */
  problem(key: K | null, zh: string, en: string): void;
}

/** What a kind says about its lists: what the header must name, and how a row's values are made. */
export interface ListRules<K extends string, C extends Record<K, unknown>, V> {
  /** The problem of a header that lacks what every row needs, or null. */
  headerProblem(has: (key: K) => boolean): ImportProblem | null;
  /** A row's values and how the report names it (the values are kept only if no problem was recorded). */
  row(reader: RowReader<K, C>): { label: string; values: V };
}

/** Reads every row of `table` against `columns`; `columnOf` names the column of a header cell. */
export function readList<K extends string, C extends Record<K, unknown>, V>(
  table: Table, columns: SheetColumns<K, never>, columnOf: (header: string) => K | null, env: ReadEnv, rules: ListRules<K, C, V>,
): InterpretedList<V> {
  const index = new Map<K, number>();
  const unknownColumns: string[] = [];
  table.header.forEach((header, i) => {
    const key = columnOf(header);
    if (key === null) { if (header.trim() !== '') unknownColumns.push(header.trim()); }
    else if (!index.has(key)) index.set(key, i);
  });
  const has = (key: K) => index.has(key);
  const header = (key: K) => table.header[index.get(key)!]?.trim() || columns[key].zh;
  const headerProblem = rules.headerProblem(has);
  const rows = table.rows.map(({ line, cells }): InterpretedRow<V> => {
    const problems: ImportProblem[] = [];
    const values = new Map<K, unknown>();
    const failed = new Set<K>();
    const cell = (key: K): Cell => (index.has(key) ? cells[index.get(key)!] ?? null : null);
    const problem = (key: K | null, zh: string, en: string) => { problems.push({ column: key && header(key), zh, en }); };
    const get = <Key extends K>(key: Key): C[Key] | null => {
      if (!values.has(key)) {
        const result = columns[key].read?.(cell(key), env) ?? ok(null);
        if (!result.ok) {
          failed.add(key);
          problem(key, result.problem.zh, result.problem.en);
        }
        values.set(key, result.ok ? result.value : null);
      }
      return values.get(key) as C[Key] | null;
    };
    const reader: RowReader<K, C> = {
      get,
      require: (key) => {
        const value = get(key);
        if (value === null && !failed.has(key)) {
          const missing = required(ok(null), columns[key]);
          if (!missing.ok) problem(key, missing.problem.zh, missing.problem.en);
        }
        return value;
      },
      shown: (key) => (isEmptyCell(cell(key)) ? '' : shownCell(cell(key))),
      isEmpty: (key) => isEmptyCell(cell(key)),
      has,
      header,
      problem,
    };
    const { label, values: read } = rules.row(reader);
    return { line, label, values: problems.length === 0 ? read : null, problems };
  });
  return { rows, unknownColumns, missingRequired: headerProblem ? [headerProblem] : [], examples: [] };
}
