/**
 * POST /api/designations/:id/scope/check: the announcement's scope text reconciled with the current
 * codes of the designation's product's counties (scope-reconcile.ts), for its officials and admins.
 * Nothing is kept: the official resolves each flag and then PUTs the codes.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { CountyCode, DivisionUnit, ScopeCheckAnswer } from '../../../db/model';
import * as t from '../../../db/schema';
import { notFound } from '../../errors';
import { productForWrite } from '../access/permissions';
import type { SignedIn } from '../access/viewer';
import type { CountyBounds } from '../../../seeds/divisions/county-bounds';
import { divisionIndex } from '../../../seeds/divisions/divisions';
import { presentUnit } from './division-units';
import { countyBoundaries } from './location-check';
import { reconcileScope, type ScopeReport } from './scope-reconcile';
import { scopeTooLarge } from './scope-errors';
import { ScopeInputError } from './scope-text';

/** A designation whose scope a viewer may check or change, with its product's counties (404/403, and 409 when archived unless allowed). */
export function designationForScope(db: Db, viewer: SignedIn, id: number, allowArchived = false) {
  const row = db.select().from(t.designations).where(eq(t.designations.id, id)).get();
  if (!row) throw notFound('designation');
  const { counties } = productForWrite(db, viewer, row.productId, allowArchived);
  return { row, counties: counties as CountyCode[] };
}

/** The names and boxes of the counties that exist today, as scopes are read against them. */
export function currentCountyBounds(db: Db): CountyBounds[] {
  return countyBoundaries(db).map((c) => ({ code: c.code, name: c.zh, box: c.box }));
}

/** Reconciles a text for these counties (of those that exist today), its limits answered as a 413. */
export function reconcileOrRefuse(db: Db, text: string, counties: readonly CountyCode[]): ScopeReport {
  try {
    return reconcileScope(text, counties, { index: divisionIndex(), counties: currentCountyBounds(db) });
  } catch (e) {
    if (e instanceof ScopeInputError) throw scopeTooLarge(e);
    throw e;
  }
}

/** Every code a report names (matches, candidates, namesakes), as units in code order. */
function unitsNamed(report: ScopeReport): DivisionUnit[] {
  const codes = new Set<string>();
  for (const n of report.names) {
    if ('code' in n) codes.add(n.code);
    if ('candidates' in n) n.candidates.forEach((c) => codes.add(c));
    if ('namesakes' in n) n.namesakes.forEach((c) => codes.add(c));
  }
  const index = divisionIndex();
  return [...codes].sort().flatMap((c) => { const d = index.byCode.get(c); return d ? [presentUnit(d)] : []; });
}

/** The report as the API sends it: with the units it names and the codes already certain. */
export function presentReport(report: ScopeReport): ScopeCheckAnswer {
  const certain = report.names.flatMap((n) => (n.kind === 'matched' && n.whole && !n.outsideTownship ? [n.code] : []));
  return {
    ...report,
    names: report.names as ScopeCheckAnswer['names'],
    units: unitsNamed(report),
    certain: [...new Set(certain)],
  };
}

/** Checks a scope text against the designation's product's counties; keeps nothing. */
export function checkScope(db: Db, viewer: SignedIn, designationId: number, text: string): ScopeCheckAnswer {
  const { counties } = designationForScope(db, viewer, designationId, true);
  return presentReport(reconcileOrRefuse(db, text, counties));
}
