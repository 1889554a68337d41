/**
 * What a column of one of the registry's sheets is, once for the export, the import and the template:
 * its key and labels, the other names offices give it, how its cells are read, how a value is written,
 * and how the template presents it (width, cell format, drop-down list, help). A sheet is a table of
 * these (product-columns.ts, user-columns.ts); this module reads headers against such a table.
 */
import { LABELS, type Label, type Vocabulary } from '../../../db/model/labels';
import type { CountyName } from '../cells/cell-counties';
import { normalise, type Cell, type CellResult } from '../cells/cell-values';

/** A written cell: text, a number, or nothing. Day-precise dates in a date column become date cells in XLSX. */
export type SheetValue = string | number | null;

/** What reading a cell may depend on: today (dates may not lie after it) and the registry's counties. */
export interface ReadEnv { today: string; counties: readonly CountyName[] }

/** The template's drop-down list for a column: a vocabulary's labels (some codes only), or the counties. */
export type ColumnList = { vocabulary: Vocabulary; codes?: readonly string[] } | 'counties' | 'county_codes';

/** One column of a sheet whose rows are written from records `R`. */
export interface SheetColumn<R> {
  /** The Chinese label (the header cell is "label key") and the English one. */
  zh: string;
  en: string;
  /** Other names offices give the column in their own lists. */
  also?: readonly string[];
  /** About how many characters wide its values are. */
  width: number;
  /** Cells of the column hold dates (date cells in XLSX, date-formatted in the template) or text that looks like a number. */
  format?: 'date' | 'text';
  /** The template's drop-down list. */
  list?: ColumnList;
  /** Required for a new record (shaded in the template's header). */
  required?: boolean;
  /** What the column holds, for the template's instructions. */
  help: Label;
  /** How a cell is read; absent for a column the import recognises and leaves alone. */
  read?: (cell: Cell, env: ReadEnv) => CellResult<unknown>;
  /** The column's value for a record. */
  write: (record: R) => SheetValue;
}

/** A sheet: its columns by key, in the order the export writes them. */
export type SheetColumns<K extends string, R> = Record<K, SheetColumn<R>>;

/** What a column reads from a cell (null for an empty cell). */
export type ReadValue<C> = C extends { read: (cell: Cell, env: ReadEnv) => CellResult<infer T> } ? T : never;

/** A column's header cell as the export and the template write it: the Chinese label and the key ("产品名称 product_zh"). */
export const headerCell = (key: string, column: Label): string => `${column.zh} ${key}`;

/** The Chinese label of a code, as sheets people read write it (the code itself when it has none; nothing for no code). */
export function labelZh(vocabulary: Vocabulary, code: unknown): string | null {
  if (code === null || code === undefined || code === '') return null;
  return (LABELS[vocabulary] as Record<string, { zh: string } | undefined>)[String(code)]?.zh ?? String(code);
}

/** A sheet's keys in the order its columns are declared. */
export const keysOf = <K extends string>(columns: Record<K, unknown>): K[] => Object.keys(columns) as K[];

function comparable(name: string): string {
  return normalise(name).toLowerCase().replace(/\s+/g, '');
}

/**
 * How a header cell names a column of `columns`: by its key, its Chinese or English label, another
 * name offices use, or an export's header (`产品名称 product_zh`, whose last word is the key). Null
 * for no known column.
 */
export function headerReader<K extends string>(columns: Record<K, Label & { also?: readonly string[] }>): (header: string) => K | null {
  const byName = new Map<string, K>();
  for (const key of keysOf(columns)) {
    for (const name of [key, columns[key].zh, columns[key].en]) byName.set(comparable(name), key);
  }
  for (const key of keysOf(columns)) {
    for (const name of columns[key].also ?? []) byName.set(comparable(name), key);
  }
  return (header) => {
    const text = normalise(header);
    if (text === '') return null;
    const last = text.split(' ').at(-1)!; // the export writes "产品名称 product_zh"
    return byName.get(comparable(last)) ?? byName.get(comparable(text)) ?? null;
  };
}
