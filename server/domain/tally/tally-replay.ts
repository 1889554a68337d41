/**
 * Replaying designation histories: the status each designation had on a date, from its dated
 * transitions. The tally and its series are both drawn from here, so they agree by construction.
 */
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { lastPossibleDay, type AuthorizationStatus, type GiType, type Status } from '../../../db/model';
import * as t from '../../../db/schema';
import { readyToFile } from '../designations/dossiers';
import { readableProducts } from '../access/permissions';
import { loadCountyHistory, type CountyHistory } from '../places/county-history';

/** A designation of a counted product, as the tally needs it. */
export interface CountedDesignation {
  id: number;
  productId: number;
  giType: GiType;
  validUntil: string | null;
  nameZh: string;
  nameEn: string | null;
  /** The designation this one converts (统一认定), if any: counted as `fromConversion` while in force. */
  convertedFromId: number | null;
}

/**
 * Which products the tally counts: public and unarchived, for every viewer, so the published figure
 * is one number whoever looks (officials' drafts are work in progress, not results).
 */
export function countedProducts(db: Db) {
  return readableProducts(db, null);
}

/**
 * One move of a counted designation, as the series sweeps them: `day` is the last possible day of
 * its date (a fact counts from the first day on which it is certainly true: a grant known as `2020`
 * is in force from 2020-12-31, not on 2020-06-30), `id` the order in which moves were recorded (a
 * later move supersedes an earlier one).
 */
export interface Move { id: number; designationId: number; giType: GiType; to: Status; day: string }

/**
 * Everything the tally and its series read, loaded in four queries and kept in memory, so a tally
 * for any date is a short scan per designation instead of a subquery per row. Build one per
 * registry version (the task workers do) or per call (`computeTally(db, …)` without one).
 */
export interface ReplayIndex {
  /** Every designation of a counted product, by id. */
  designations: CountedDesignation[];
  /**
   * The status of each designation on `asOf` (null: no move counts yet), in the order of
   * `designations`: the `to` of the latest recorded move whose date is certainly past by `asOf`.
   * The array is shared (the last few dates are kept): do not change it.
   */
  statusesOn(asOf: string): (Status | null)[];
  /** Every move of a counted designation that counts by `until`, by day and then as recorded. */
  movesUntil(until: string): Move[];
  /** The counties of every counted product. */
  countiesOf: Map<number, string[]>;
  /** The counties of each designation's product, in the order of `designations`. */
  countiesOfDesignation: readonly (readonly string[])[];
  /**
   * Farm households per counted product: the sum of its `farmers` rows. Cooperatives' and
   * associations' household figures are their members, the same farmers, so adding them would count
   * those households twice.
   */
  households: Map<number, number>;
  /** Designations `cultivating` now whose dossier has every needed item ready (ready to file). */
  readyToFile: Set<number>;
  /** Authorised users of counted designations (their status as it is now; from/until as recorded). */
  authorizedUsers: { designationId: number; from: string; until: string | null; status: AuthorizationStatus }[];
  /** Households of each counted product's industry figures, by year (oldest first; years without a household figure left out). */
  figureHouseholds: Map<number, { year: number; households: number }[]>;
  /** The counties and their division changes: which exist on a date, and where a product of today stood then. */
  countyHistory: CountyHistory;
}

/** Loads the replay index of the counted products (one consistent read). */
export function loadReplayIndex(db: Db): ReplayIndex {
  // Moves share a few thousand dates: each date's last possible day is worked out once.
  const days = new Map<string, string>();
  const dayOf = (on: string) => {
    let day = days.get(on);
    if (day === undefined) days.set(on, day = lastPossibleDay(on));
    return day;
  };
  return db.transaction(() => {
    const designations: CountedDesignation[] = db.select({
      id: t.designations.id, productId: t.designations.productId, giType: t.designations.giType,
      validUntil: t.designations.validUntil, nameZh: t.products.nameZh, nameEn: t.products.nameEn,
      convertedFromId: t.designations.convertedFromId,
    }).from(t.designations)
      .innerJoin(t.products, eq(t.products.id, t.designations.productId))
      .where(countedProducts(db))
      .orderBy(asc(t.designations.id))
      .all();
    const moves: Move[] = db.select({
      id: t.transitions.id, designationId: t.transitions.designationId, giType: t.designations.giType,
      to: t.transitions.toStatus, on: t.transitions.on,
    }).from(t.transitions)
      .innerJoin(t.designations, eq(t.designations.id, t.transitions.designationId))
      .innerJoin(t.products, eq(t.products.id, t.designations.productId))
      .where(countedProducts(db))
      .orderBy(asc(t.transitions.id))
      .all()
      .map(({ id, designationId, giType, to, on }) => ({ id, designationId, giType, to, day: dayOf(on) }));
    // Per designation (aligned with `designations`), its moves as recorded: the days they count from, and their statuses.
    const byDesignation = new Map<number, { day: string[]; to: Status[] }>();
    for (const m of moves) {
      let h = byDesignation.get(m.designationId);
      if (!h) byDesignation.set(m.designationId, h = { day: [], to: [] });
      h.day.push(m.day);
      h.to.push(m.to);
    }
    const histories = designations.map((d) => byDesignation.get(d.id));
    const replay = (asOf: string): (Status | null)[] => histories.map((h) => {
      if (!h) return null;
      for (let i = h.day.length - 1; i >= 0; i--) if (h.day[i] <= asOf) return h.to[i];
      return null;
    });
    // The eve of a period is asked for by every tally of it: keep the last few dates replayed.
    const replayed = new Map<string, (Status | null)[]>();
    const statusesOn = (asOf: string) => {
      let found = replayed.get(asOf);
      if (!found) {
        if (replayed.size >= 4) replayed.delete(replayed.keys().next().value!);
        replayed.set(asOf, found = replay(asOf));
      }
      return found;
    };
    const sweep = byDayThenRecorded(moves);
    const countiesOf = new Map<number, string[]>();
    for (const r of db.select({ productId: t.productCounties.productId, code: t.productCounties.countyCode })
      .from(t.productCounties).innerJoin(t.products, eq(t.products.id, t.productCounties.productId))
      .where(countedProducts(db)).orderBy(asc(t.productCounties.productId), asc(t.productCounties.countyCode)).all()) {
      const list = countiesOf.get(r.productId);
      if (list) list.push(r.code);
      else countiesOf.set(r.productId, [r.code]);
    }
    const households = new Map(db.select({ productId: t.participants.productId, n: sql<number>`coalesce(sum(${t.participants.households}), 0)` })
      .from(t.participants)
      .innerJoin(t.products, eq(t.products.id, t.participants.productId))
      .where(and(countedProducts(db), eq(t.participants.role, 'farmers')))
      .groupBy(t.participants.productId)
      .all().map((r) => [r.productId, r.n]));
    const cultivating = db.select({
      id: t.designations.id, giType: t.designations.giType, convertedFromId: t.designations.convertedFromId, status: t.designations.status,
    })
      .from(t.designations).innerJoin(t.products, eq(t.products.id, t.designations.productId))
      .where(and(countedProducts(db), eq(t.designations.status, 'cultivating'))).all();
    const authorizedUsers = db.select({
      designationId: t.authorizedUsers.designationId, from: t.authorizedUsers.from, until: t.authorizedUsers.until, status: t.authorizedUsers.status,
    }).from(t.authorizedUsers)
      .innerJoin(t.designations, eq(t.designations.id, t.authorizedUsers.designationId))
      .innerJoin(t.products, eq(t.products.id, t.designations.productId))
      .where(countedProducts(db)).all();
    const figureHouseholds = new Map<number, { year: number; households: number }[]>();
    for (const f of db.select({ productId: t.productFigures.productId, year: t.productFigures.year, households: t.productFigures.households })
      .from(t.productFigures).innerJoin(t.products, eq(t.products.id, t.productFigures.productId))
      .where(and(countedProducts(db), isNotNull(t.productFigures.households)))
      .orderBy(asc(t.productFigures.productId), asc(t.productFigures.year)).all()) {
      figureHouseholds.set(f.productId, [...(figureHouseholds.get(f.productId) ?? []), { year: f.year, households: f.households! }]);
    }
    return {
      designations,
      statusesOn,
      readyToFile: readyToFile(db, cultivating),
      authorizedUsers,
      figureHouseholds,
      countiesOfDesignation: designations.map((d) => countiesOf.get(d.productId) ?? []),
      movesUntil: (until) => {
        let end = sweep.length;
        while (end > 0 && sweep[end - 1].day > until) end--;
        return sweep.slice(0, end);
      },
      countiesOf,
      households,
      countyHistory: loadCountyHistory(db),
    };
  });
}

/**
 * Moves in recorded order (`id` ascending) sorted by day, those of a day staying as recorded: grouped by
 * day and the few thousand days sorted, rather than every move compared (a fifth of the time at national scale).
 */
function byDayThenRecorded(moves: readonly Move[]): Move[] {
  const byDay = new Map<string, Move[]>();
  for (const m of moves) {
    const group = byDay.get(m.day);
    if (group) group.push(m);
    else byDay.set(m.day, [m]);
  }
  const sorted: Move[] = [];
  for (const day of [...byDay.keys()].sort()) for (const m of byDay.get(day)!) sorted.push(m);
  return sorted;
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
