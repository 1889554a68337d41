/**
 * The import frame's core, the same for every kind of list: each row applied in its own savepoint
 * inside one transaction, so a failing row leaves nothing behind while the others go on to be
 * checked, then the report. Checking and applying are two functions: a check's transaction is always
 * rolled back, whatever its rows did, so a dry run cannot write; an import is kept only when every
 * row went through (all or nothing), so the check's report says exactly what the import will do.
 */
import type { Bilingual, ImportReport, ImportRowReport } from '../../../db/model';
import type { Db } from '../../../db/open';
import { problemsOf } from './report-text';
import type { ApplyContext, InterpretedList, InterpretedRow, RowApplier, SomeListKind } from './list-kind';

/** How a run reports on itself: the encoding the file was read in, and rows done (every 200 and at the end). */
export interface RunOptions { encoding: string | null; onProgress?: (done: number) => void }

function applyRow<V>(db: Db, { line, label, values, problems }: InterpretedRow<V>, apply: RowApplier<V>): ImportRowReport {
  if (!values) return { line, productZh: label, productId: null, outcome: 'error', changes: [], problems, draft: false };
  const changes: Bilingual[] = [];
  try {
    // Each row in its own savepoint: a failing row leaves nothing behind, the others go on to be checked.
    const { productId, created, draft = false } = db.transaction(() => apply(values, changes));
    return {
      line, productZh: label, productId, changes, problems: [], draft,
      outcome: created ? 'created' : changes.length > 0 ? 'updated' : 'unchanged',
    };
  } catch (error) {
    return { line, productZh: label, productId: null, outcome: 'error', changes: [], problems: problemsOf(error), draft: false };
  }
}

function applyRows(kind: SomeListKind, list: InterpretedList<unknown>, ctx: ApplyContext, options: RunOptions): ImportRowReport[] {
  const apply = kind.applier(ctx);
  return list.rows.map((row, i) => {
    const report = applyRow(ctx.db, row, apply);
    if (i % 200 === 199) options.onProgress?.(i + 1);
    return report;
  });
}

class Rollback extends Error {}

/** Runs `body` in one transaction, kept only when it answers true. */
function transaction(db: Db, body: () => boolean): void {
  try {
    db.transaction(() => { if (!body()) throw new Rollback(); });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

function reportOf(list: InterpretedList<unknown>, rows: ImportRowReport[], dryRun: boolean, applied: boolean, options: RunOptions): ImportReport {
  options.onProgress?.(list.rows.length);
  const count = (o: ImportRowReport['outcome']) => rows.filter((r) => r.outcome === o).length;
  return {
    dryRun, applied, encoding: options.encoding, rows,
    summary: { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), errors: count('error') },
    drafts: rows.filter((r) => r.draft).length,
    examples: list.examples.map(({ line, label }) => ({ line, productZh: label })),
    unknownColumns: list.unknownColumns, problems: list.missingRequired,
  };
}

/** Says row by row what importing the list would do, and keeps nothing: its transaction is always rolled back. */
export function checkList(kind: SomeListKind, list: InterpretedList<unknown>, ctx: ApplyContext, options: RunOptions): ImportReport {
  let rows: ImportRowReport[] = [];
  transaction(ctx.db, () => {
    rows = applyRows(kind, list, ctx, options);
    return false;
  });
  return reportOf(list, rows, true, false, options);
}

/** Imports the list: every row, or (when the header or any row has a problem) none. */
export function applyList(kind: SomeListKind, list: InterpretedList<unknown>, ctx: ApplyContext, options: RunOptions): ImportReport {
  let rows: ImportRowReport[] = [];
  let applied = false;
  transaction(ctx.db, () => {
    rows = applyRows(kind, list, ctx, options);
    applied = list.missingRequired.length === 0 && rows.every((r) => r.outcome !== 'error');
    return applied;
  });
  return reportOf(list, rows, false, applied, options);
}
