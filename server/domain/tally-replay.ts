/**
 * Replaying designation histories: the status each designation had on a date, from its dated
 * transitions. The tally and its series are both drawn from here, so they agree by construction.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import type { GiType, Status } from '../../db/model';
import * as t from '../../db/schema';
import { readableProducts } from './permissions';

/** A designation of a counted product, with the status replayed up to a date (null: no move yet). */
export interface ReplayedDesignation {
  id: number;
  productId: number;
  giType: GiType;
  validUntil: string | null;
  nameZh: string;
  nameEn: string | null;
  status: Status | null;
}

/**
 * Which products the tally counts: public and unarchived, for every viewer, so the published figure
 * is one number whoever looks (officials' drafts are work in progress, not results).
 */
export function countedProducts(db: Db) {
  return readableProducts(db, null);
}

/**
 * Every designation of a counted product with its status on `asOf`: the `to` of its latest transition
 * on or before that date, ordered by date and then by id (so two moves on one day keep their order).
 */
export function replayOn(db: Db, asOf: string): ReplayedDesignation[] {
  const latest = sql<Status | null>`(select ${t.transitions.toStatus} from ${t.transitions}
    where ${t.transitions.designationId} = ${t.designations.id} and ${t.transitions.on} <= ${asOf}
    order by ${t.transitions.on} desc, ${t.transitions.id} desc limit 1)`;
  return db.select({
    id: t.designations.id, productId: t.designations.productId, giType: t.designations.giType,
    validUntil: t.designations.validUntil, nameZh: t.products.nameZh, nameEn: t.products.nameEn, status: latest,
  }).from(t.designations)
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(countedProducts(db))
    .orderBy(asc(t.designations.id))
    .all();
}

/** One dated move of a counted designation, as the series sweeps them. */
export interface Move { designationId: number; giType: GiType; to: Status; on: string }

/** Every transition of every counted designation up to `until`, in replay order (date, then id). */
export function movesUntil(db: Db, until: string): Move[] {
  return db.select({
    designationId: t.transitions.designationId, giType: t.designations.giType, to: t.transitions.toStatus, on: t.transitions.on,
  }).from(t.transitions)
    .innerJoin(t.designations, eq(t.designations.id, t.transitions.designationId))
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(and(countedProducts(db), sql`${t.transitions.on} <= ${until}`))
    .orderBy(asc(t.transitions.on), asc(t.transitions.id))
    .all();
}

/** The counties of every counted product. */
export function countiesByProduct(db: Db): Map<number, string[]> {
  const rows = db.select({ productId: t.productCounties.productId, code: t.productCounties.countyCode })
    .from(t.productCounties)
    .innerJoin(t.products, eq(t.products.id, t.productCounties.productId))
    .where(countedProducts(db))
    .all();
  const map = new Map<number, string[]>();
  for (const r of rows) map.set(r.productId, [...(map.get(r.productId) ?? []), r.code]);
  return map;
}

/**
 * Farm households per counted product: the sum of its `farmers` rows. Cooperatives' and
 * associations' household figures are their members, the same farmers, so adding them would count
 * those households twice.
 */
export function farmerHouseholds(db: Db): Map<number, number> {
  const rows = db.select({ productId: t.participants.productId, n: sql<number>`coalesce(sum(${t.participants.households}), 0)` })
    .from(t.participants)
    .innerJoin(t.products, eq(t.products.id, t.participants.productId))
    .where(and(countedProducts(db), eq(t.participants.role, 'farmers')))
    .groupBy(t.participants.productId)
    .all();
  return new Map(rows.map((r) => [r.productId, r.n]));
}

/** Adds days to a `YYYY-MM-DD` date (negative to go back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds whole months to a date, keeping the day but never spilling into the next month (01-31 + 1 → 02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}
