/**
 * Importing a CSV/XLSX table (laid out like the export): new products as drafts, their designations
 * with histories built from the dates given. All or nothing; a dry run does everything and rolls back,
 * so its report says exactly what an import would do.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/open';
import type { DesignationCreate, ImportReport, ImportRowReport, Status } from '../../db/model';
import * as t from '../../db/schema';
import { HttpError } from '../errors';
import { createDesignation, moveDesignation } from './designations';
import { ImportRow, MAX_IMPORT_ROWS, type RawRows } from './import-parse';
import { readableProducts } from './permissions';
import { createProduct } from './products-write';
import type { SignedIn } from './viewer';

class DryRunRollback extends Error {}

/** The dated moves that bring a new designation to the row's status. */
function historyOf(row: ImportRow, today: string): { startedOn: string; moves: { to: Status; on: string }[] } {
  const status = row.status ?? (row.gi_type ? 'cultivating' : undefined);
  const filedOn = row.filed_on ?? row.granted_on;
  const needs = (field: string): never => { throw new Error(`状态 ${status} 须填写 ${field} / status ${status} needs ${field}`); };
  const startedOn = [row.filed_on, row.granted_on].filter(Boolean).sort()[0] ?? today;
  if (status === 'cultivating' || !status) return { startedOn, moves: [] };
  const filed = { to: 'filed' as const, on: filedOn ?? needs('filed_on') };
  if (status === 'filed') return { startedOn, moves: [filed] };
  if (status === 'published') return { startedOn, moves: [filed, { to: 'published', on: row.filed_on ?? needs('filed_on') }] };
  return { startedOn, moves: [filed, { to: 'granted', on: row.granted_on ?? needs('granted_on') }] };
}

function messageOf(error: unknown): string[] {
  if (error instanceof HttpError) return error.issues?.length ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) : [error.message];
  return [error instanceof Error ? error.message : String(error)];
}

function importRow(db: Db, viewer: SignedIn, row: ImportRow, today: string): Omit<ImportRowReport, 'line'> {
  const productZh = row.product_zh;
  // Only products this viewer may read are matched, so an import never reveals another county's drafts.
  const existing = db.select({ id: t.products.id }).from(t.products)
    .where(and(eq(t.products.nameZh, productZh), isNull(t.products.archivedAt), readableProducts(db, viewer))).all();
  if (existing.length > 1) return { productZh, outcome: 'error', designationAdded: false, messages: ['有多个同名产品，请在工作台中手工处理'] };
  let productId = existing[0]?.id;
  let outcome: ImportRowReport['outcome'] = 'exists';
  if (productId === undefined) {
    productId = createProduct(db, viewer, {
      nameZh: productZh, nameEn: row.product_en ?? null, category: row.category, counties: row.county_adcodes, sources: row.sources,
    }).id;
    outcome = 'new_product';
  }
  if (!row.gi_type) return { productZh, outcome, designationAdded: false, messages: [] };
  const held = db.select({ id: t.designations.id }).from(t.designations)
    .where(and(eq(t.designations.productId, productId), eq(t.designations.giType, row.gi_type))).get();
  if (held) return { productZh, outcome, designationAdded: false, messages: [`已有 ${row.gi_type}，未改动 / already held, left alone`] };
  const { startedOn, moves } = historyOf(row, today);
  const input: DesignationCreate = {
    giType: row.gi_type, markKind: row.mark_kind ?? null, holder: row.holder ?? null,
    holderCreditCode: row.holder_credit_code ?? null, number: row.number ?? null, announcement: row.announcement ?? null,
    validUntil: row.valid_until ?? null, sources: row.sources, startedOn,
  };
  const { id } = createDesignation(db, viewer, productId, input, today);
  for (const move of moves) moveDesignation(db, viewer, id, { ...move, note: '导入' }, today);
  return { productZh, outcome: outcome === 'new_product' ? 'new_product' : 'new_designation', designationAdded: true, messages: [] };
}

/** Imports the rows as `viewer`; with `dryRun` nothing is kept. Without it, any error keeps nothing. */
export function importRows(db: Db, viewer: SignedIn, raw: RawRows, { dryRun, today }: { dryRun: boolean; today: string }): ImportReport {
  if (raw.rows.length > MAX_IMPORT_ROWS) throw new HttpError(413, 'payload_too_large', `At most ${MAX_IMPORT_ROWS} rows per import`);
  const reports: ImportRowReport[] = [];
  const run = () => {
    for (const { line, values } of raw.rows) {
      const parsed = ImportRow.safeParse(values);
      if (!parsed.success) {
        reports.push({ line, productZh: values.product_zh ?? '', outcome: 'error', designationAdded: false, messages: parsed.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`) });
        continue;
      }
      try {
        // Each row in its own savepoint: a failing row leaves nothing behind, the others go on.
        reports.push({ line, ...db.transaction(() => importRow(db, viewer, parsed.data, today)) });
      } catch (error) {
        reports.push({ line, productZh: parsed.data.product_zh, outcome: 'error', designationAdded: false, messages: messageOf(error) });
      }
    }
    if (dryRun || reports.some((r) => r.outcome === 'error')) throw new DryRunRollback();
  };
  let applied = true;
  try {
    db.transaction(run);
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
    applied = false;
  }
  const count = (o: ImportRowReport['outcome']) => reports.filter((r) => r.outcome === o).length;
  return {
    dryRun, applied, rows: reports, unknownColumns: raw.unknownColumns,
    summary: {
      products: count('new_product'),
      designations: reports.filter((r) => r.designationAdded).length,
      existing: count('exists'), errors: count('error'),
    },
  };
}
