/**
 * The cultivation board: every open candidate (a designation `cultivating`, `filed` or `published`
 * of a current product) the viewer may work on — an official's county, every county for an admin —
 * with its dossier's readiness, next due date and overdue items (the spreadsheet of it is
 * server/exchange/export/cultivation-xlsx.ts), and the granted ones still to be converted (conversion-board.ts).
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  DOSSIER_OPEN_STATUSES, readinessOf, type CountyCode, type Cultivation, type CultivationItem, type CultivationQuery,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { conversionCandidates } from './conversion-board';
import { dossierStates, isOverdue } from './dossiers';
import type { SignedIn } from '../access/viewer';

/** GET /api/cultivation: the board's rows, least ready first, then by next due date. */
export function cultivationBoard(db: Db, viewer: SignedIn, query: CultivationQuery, today: string): Cultivation {
  const county = viewer.role === 'admin' ? query.county : viewer.county!;
  if (viewer.role !== 'admin' && query.county && query.county !== viewer.county) return { asOf: today, items: [], conversions: [] };
  const rows = db.select({
    designationId: t.designations.id, productId: t.products.id, productZh: t.products.nameZh, productEn: t.products.nameEn,
    giType: t.designations.giType, markKind: t.designations.markKind, status: t.designations.status,
    convertedFromId: t.designations.convertedFromId,
  }).from(t.designations).innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(and(
      isNull(t.products.archivedAt),
      inArray(t.designations.status, query.status ? [query.status] : [...DOSSIER_OPEN_STATUSES]),
      query.type ? eq(t.designations.giType, query.type) : undefined,
    ))
    .orderBy(asc(t.products.nameZh), asc(t.designations.id)).all();
  const countiesOf = new Map<number, CountyCode[]>();
  for (const c of db.select().from(t.productCounties).orderBy(asc(t.productCounties.countyCode)).all()) {
    countiesOf.set(c.productId, [...(countiesOf.get(c.productId) ?? []), c.countyCode]);
  }
  const mine = rows.filter((r) => !county || (countiesOf.get(r.productId) ?? []).includes(county));
  const states = dossierStates(db, mine.map((r) => ({ id: r.designationId, giType: r.giType, convertedFromId: r.convertedFromId })));
  const items: CultivationItem[] = mine.map((r) => {
    const state = states.get(r.designationId)!;
    const open = state.items.filter((i) => i.status !== 'ready' && i.status !== 'not_needed');
    const due = open.map((i) => i.dueOn).filter((d): d is string => d !== null).sort();
    const overdueItems = state.items.filter((i) => isOverdue(i, today)).length;
    const { convertedFromId: _c, ...ref } = r;
    return {
      ...ref, status: r.status as CultivationItem['status'], counties: countiesOf.get(r.productId) ?? [],
      ...readinessOf(state.items.map((i) => i.status)),
      nextDueOn: due[0] ?? null, overdue: overdueItems > 0, overdueItems, filedIncomplete: state.filedIncomplete,
    };
  }).filter((i) => !query.overdue || i.overdue);
  items.sort((a, b) => (a.readiness ?? 2) - (b.readiness ?? 2)
    || (a.nextDueOn ?? '9999').localeCompare(b.nextDueOn ?? '9999') || a.designationId - b.designationId);
  // Conversions are not open candidates: the status and overdue filters do not apply to them.
  return { asOf: today, items, conversions: conversionCandidates(db, county ?? null, query.type, countiesOf) };
}
