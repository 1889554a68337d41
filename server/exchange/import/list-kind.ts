/**
 * The import frame's own vocabulary: what a kind of list (products, authorised users, and the ones
 * later work adds) tells the frame — how its header is recognised, how its rows are read, how one row
 * is applied — and what the frame hands between the steps. Kinds and the frame both import this
 * module and nothing of each other's, so the frame never depends on a kind's internals.
 */
import type { Bilingual, ImportProblem, Visibility } from '../../../db/model';
import type { Db } from '../../../db/open';
import type { SignedIn } from '../../domain/access/viewer';
import type { Table } from '../read/table';
import type { ReadEnv } from '../sheets/sheet-columns';

/** A row's problem that stops it (the whole import is then not kept). */
export class RowError extends Error {
  constructor(readonly problems: ImportProblem[]) { super(problems[0]?.zh ?? 'row error'); }
}

/** One data row of a list, read: its values, or the problems that stopped it. */
export interface InterpretedRow<V> {
  /** The row number as the sheet shows it. */
  line: number;
  /** How the report names the row (the product's Chinese name as written, or the user and their product). */
  label: string;
  values: V | null;
  problems: ImportProblem[];
}

/** A whole list, read. */
export interface InterpretedList<V> {
  rows: InterpretedRow<V>[];
  /** Header cells that name no known column (their cells are left alone). */
  unknownColumns: string[];
  /** Problems with the header itself (no column naming what a row is about); nothing is kept. */
  missingRequired: ImportProblem[];
  /** Rows set aside as the template's example (never applied), by line and label. */
  examples: { line: number; label: string }[];
}

/** What applying a row did: the product it is about, whether it created a record, and whether that is a draft product. */
export interface RowOutcome { productId: number; created: boolean; draft?: boolean }

/**
 * Applies one row's values through the domain's own functions (scope, validation, audit), pushing a
 * sentence per change onto `changes`; throws (a RowError, or the domain's HttpError) to refuse the row.
 */
export type RowApplier<V> = (values: V, changes: Bilingual[]) => RowOutcome;

/** Who applies an import's rows, on what day, and how a new product is kept when its row does not say. */
export interface ApplyContext { db: Db; viewer: SignedIn; today: string; visibility: Visibility }

/** A kind of list the import takes. */
export interface ListKind<V> {
  /** Whether a header is this kind's list. */
  recognises(header: readonly string[]): boolean;
  /** Reads every row (pure: no database, so it runs beside the file reading). */
  interpret(table: Table, env: ReadEnv): InterpretedList<V>;
  /** Prepares what the rows of one import share (look-ups made once) and returns how one row is applied. */
  applier(ctx: ApplyContext): RowApplier<V>;
}

/**
 * A kind whatever its values are: the frame only ever hands a kind's rows back to the same kind's
 * applier, which a type cannot say without existential types.
 */
export type SomeListKind = ListKind<any>;
