/**
 * The all-or-nothing frame every spreadsheet import runs in (products, authorised users): the rows
 * are applied in one transaction, which is rolled back for a dry run or when any row (or the sheet)
 * has a problem; then the report is summed up.
 */
import type { Db } from '../../../db/open';
import type { ImportReport, ImportRowReport } from '../../../db/model';
import type { ImportOptions } from './import-products';

class Rollback extends Error {}

/** What the frame needs of an interpreted sheet. */
interface SheetProblems { rows: unknown[]; missingRequired: ImportReport['problems']; unknownColumns: ImportReport['unknownColumns'] }

/**
 * Runs `applyRows` (which fills `reports`, one per row) in a transaction kept only when this is no dry
 * run and nothing went wrong, and returns the import's report.
 */
export function runImport(
  db: Db, table: SheetProblems, reports: ImportRowReport[], options: ImportOptions, applyRows: () => void,
): ImportReport {
  let applied = true;
  try {
    db.transaction(() => {
      applyRows();
      if (options.dryRun || table.missingRequired.length > 0 || reports.some((r) => r.outcome === 'error')) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    applied = false;
  }
  options.onProgress?.(table.rows.length);
  const count = (o: ImportRowReport['outcome']) => reports.filter((r) => r.outcome === o).length;
  return {
    dryRun: options.dryRun, applied, encoding: options.encoding ?? null, rows: reports,
    summary: { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), errors: count('error') },
    unknownColumns: table.unknownColumns, problems: table.missingRequired,
  };
}
