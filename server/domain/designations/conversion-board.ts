/**
 * The cultivation board's conversions: every granted designation of a converting type (an agricultural-
 * product GI) of a current product not converted yet, in the viewer's county (every county for an admin),
 * with the conversion under way when one was started (the linked designation's status and dossier).
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  conversionTargetOf, GI_TYPES, isDossierOpen, readinessOf, type ConversionCandidate, type CountyCode, type GiType,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { dossierStates } from './dossiers';

/**
 * The candidates for conversion of the products in `county` (all when null), of `type` when given (the
 * type converted, or the type it converts into), by product name.
 */
export function conversionCandidates(db: Db, county: CountyCode | null, type: GiType | undefined, countiesOf: Map<number, CountyCode[]>): ConversionCandidate[] {
  const converting = GI_TYPES.filter((g) => conversionTargetOf(g) !== null && (!type || g === type || conversionTargetOf(g) === type));
  if (converting.length === 0) return [];
  const rows = db.select({
    designationId: t.designations.id, productId: t.products.id, productZh: t.products.nameZh, productEn: t.products.nameEn,
    giType: t.designations.giType, markKind: t.designations.markKind,
  }).from(t.designations).innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(and(isNull(t.products.archivedAt), eq(t.designations.status, 'granted'), inArray(t.designations.giType, converting)))
    .orderBy(asc(t.products.nameZh), asc(t.designations.id)).all()
    .filter((r) => !county || (countiesOf.get(r.productId) ?? []).includes(county));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.designationId);
  const linked = db.select({ id: t.designations.id, giType: t.designations.giType, status: t.designations.status, convertedFromId: t.designations.convertedFromId })
    .from(t.designations).where(inArray(t.designations.convertedFromId, ids)).all();
  const open = linked.filter((l) => isDossierOpen(l.status));
  const states = dossierStates(db, open);
  const underWay = new Map(open.map((l) => [l.convertedFromId!, l]));
  const grants = new Map<number, string>();
  for (const g of db.select({ id: t.transitions.designationId, on: t.transitions.on }).from(t.transitions)
    .where(and(inArray(t.transitions.designationId, ids), eq(t.transitions.toStatus, 'granted'))).orderBy(desc(t.transitions.id)).all()) {
    if (!grants.has(g.id)) grants.set(g.id, g.on);
  }
  return rows.map((r) => {
    const next = underWay.get(r.designationId);
    const state = next ? states.get(next.id) : undefined;
    return {
      ...r, counties: countiesOf.get(r.productId) ?? [], grantedOn: grants.get(r.designationId) ?? null,
      convertsTo: conversionTargetOf(r.giType)!,
      underWay: next && state ? {
        designationId: next.id, status: next.status as 'cultivating' | 'filed' | 'published', ...readinessOf(state.items.map((i) => i.status)),
      } : null,
    };
  });
}
