/**
 * An import from the file to the report, as a task worker runs it — the frame every kind of list goes
 * through: read the table within the limits, recognise its kind by the header, read each row by the
 * kind's columns, then check it (nothing kept) or apply it (all or nothing), reporting progress as it
 * goes. A new kind of list is one more entry in KINDS, with its own column table.
 */
import type { ImportProgress, ImportReport, Visibility } from '../../../db/model';
import type { Db } from '../../../db/open';
import type { SignedIn } from '../../domain/access/viewer';
import { loadCountyHistory } from '../../domain/places/county-history';
import { readCsvTable, readXlsxTable, type Table } from '../read/read-table';
import { applyList, checkList, type RunOptions } from './import-run';
import type { InterpretedList, SomeListKind } from './list-kind';
import { productList } from './product-list';
import { returnList } from './return-list';
import { userList } from './user-list';

/**
 * The kinds of list, in the order they are tried: the first that recognises the header reads the table; products take any other.
 * Returns come before users: a return list names its user too (用标企业名称), but also a year and a figure.
 */
const KINDS: readonly SomeListKind[] = [returnList, userList, productList];

/** What an import task is given: the file, who imports it, and whether to keep anything. */
export interface ImportFileInput {
  format: 'csv' | 'xlsx';
  data: Uint8Array;
  viewer: SignedIn;
  dryRun: boolean;
  today: string;
  /** How new products are kept when their row does not say (a draft when absent). */
  visibility?: Visibility;
}

/** Reads the file's first table, within the limits (a hostile file is refused as it is read). */
export function readImportTable(input: Pick<ImportFileInput, 'format' | 'data'>): Table | Promise<Table> {
  return input.format === 'csv' ? readCsvTable(input.data) : readXlsxTable(input.data);
}

/** A table's kind of list, and its rows read by that kind's columns. */
export function interpretImport(db: Db, table: Table, today: string): { kind: SomeListKind; list: InterpretedList<unknown> } {
  // A sheet names the counties that exist on the day it is imported (a county a division change ended is none).
  const counties = loadCountyHistory(db).spansOn(today);
  const kind = KINDS.find((k) => k.recognises(table.header))!;
  return { kind, list: kind.interpret(table, { today, counties }) };
}

/** Imports (or, with `dryRun`, only checks) a file as `input.viewer`; `progress` hears each phase and every 200 rows. */
export async function importFile(db: Db, input: ImportFileInput, progress: (p: ImportProgress) => void): Promise<ImportReport> {
  progress({ phase: 'reading', done: 0, total: 0 });
  const table = await readImportTable(input);
  const { kind, list } = interpretImport(db, table, input.today);
  const total = list.rows.length;
  progress({ phase: 'checking', done: 0, total });
  const ctx = { db, viewer: input.viewer, today: input.today, visibility: input.visibility ?? 'draft' };
  const options: RunOptions = {
    encoding: table.encoding ?? null,
    onProgress: (done) => progress({ phase: input.dryRun ? 'checking' : 'writing', done, total }),
  };
  const report = input.dryRun ? checkList(kind, list, ctx, options) : applyList(kind, list, ctx, options);
  progress({ phase: 'done', done: report.rows.length, total: report.rows.length });
  return report;
}
