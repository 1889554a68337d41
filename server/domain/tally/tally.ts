/**
 * The tally (统计): per GI type, the designations in force on a date against the period's baseline
 * and target, the pipeline behind them, the same by county, products and farm households behind the
 * GIs in force, and trademarks due for renewal. Everything is replayed from dated transitions.
 */
import {
  GI_TYPES, hasTerm, perGiType, todayInShanghai, type GiType, type Period, type RenewalDue, type Tally,
  type Status, type TallyType,
} from '../../../db/model';
import type { Db } from '../../../db/open';
import { getPeriod, listPeriods } from './periods';
import { addDays, addMonths, type CountedDesignation, type ReplayIndex } from './tally-replay';
import { loadReplayIndex } from './replay-store';

/** How far ahead renewal reminders look. */
export const RENEWAL_WINDOW_MONTHS = 12;

/**
 * The period a tally is for: the one asked for (null if unknown); by default the one containing
 * `today`, else the latest that has started (once the last period has ended: that one, as of its end,
 * its tally saying `periodEnded`), else the earliest (null when there are none). Periods written
 * through the API never overlap; in one kept from before they could, the later start wins.
 */
export function resolvePeriod(db: Db, id: number | undefined, today: string): Period | null {
  if (id !== undefined) return getPeriod(db, id);
  return choosePeriod(listPeriods(db), undefined, today);
}

/** `resolvePeriod` over a list of every period, oldest first (as `listPeriods` gives them). */
export function choosePeriod(all: readonly Period[], id: number | undefined, today: string): Period | null {
  if (id !== undefined) return all.find((p) => p.id === id) ?? null;
  const started = all.filter((p) => p.startsOn <= today);
  return started.filter((p) => today <= p.endsOn).at(-1) ?? started.at(-1) ?? all[0] ?? null;
}

/** The default as-of date: today in Asia/Shanghai, capped at the period's end. */
export function defaultAsOf(period: Pick<Period, 'endsOn'>, today: string = todayInShanghai()): string {
  return today < period.endsOn ? today : period.endsOn;
}

/** Whether `period` had ended by `today` (its last day is past): the tally answer's `periodEnded`. */
export function periodEndedOn(period: Pick<Period, 'endsOn'>, today: string): boolean {
  return today > period.endsOn;
}

/** The tally answer (GET /api/tally): the tally of `period` on `asOf`, saying whether the period had ended by `today`. */
export function tallyAnswer(db: Db, period: Period, asOf: string, today: string, index?: ReplayIndex): Tally {
  const { period: shown, asOf: on, ...counts } = computeTally(db, period, asOf, index);
  return { period: shown, asOf: on, periodEnded: periodEndedOn(period, today), ...counts };
}

/** What `computeTally` counts: the tally answer but for `periodEnded`, which depends on today rather than the as-of date. */
export type TallyCounts = Omit<Tally, 'periodEnded'>;

/** What is counted of one GI type (the fields of a TallyType that are counts). */
export interface TypeCounts {
  inForce: number; converted: number; fromConversion: number; cultivating: number; filed: number; published: number; readyToFile: number;
}
/** The counts of every GI type. */
export type Counts = Record<GiType, TypeCounts>;

/** Every count at nought. */
export function emptyCounts(): Counts {
  return perGiType(() => ({ inForce: 0, converted: 0, fromConversion: 0, cultivating: 0, filed: 0, published: 0, readyToFile: 0 }));
}

/** Counts one designation in its status; `fromConversion`: it converts another designation (its in-force count is apart). */
export function add(counts: Counts, giType: GiType, status: Status | null, ready = false, fromConversion = false): void {
  const c = counts[giType];
  if (status === 'granted') c.inForce++;
  else if (status === 'converted') c.converted++;
  else if (status === 'cultivating' || status === 'filed' || status === 'published') c[status]++;
  if (status === 'granted' && fromConversion) c.fromConversion++;
  if (status === 'cultivating' && ready) c.readyToFile++;
}

/**
 * What counts toward a type's target: what is in force, less what came to it by conversion (its target
 * is about new ones), plus what was converted away from it (having obtained those was its target).
 */
export const towardTargetOf = (c: TypeCounts) => c.inForce - c.fromConversion + c.converted;

/** The counts of each type as the answer shows them, against baselines and targets. */
export function present(counts: Counts, targetOf: (g: GiType) => { baseline: number; target: number }): TallyType[] {
  return GI_TYPES.map((giType) => {
    const { inForce, converted, fromConversion, cultivating, filed, published, readyToFile } = counts[giType];
    const towardTarget = towardTargetOf(counts[giType]);
    const { baseline, target } = targetOf(giType);
    return {
      giType, inForce, converted, fromConversion, towardTarget, baseline, target, pipeline: { cultivating, filed, published, readyToFile },
      progress: target > 0 ? Math.round((towardTarget / target) * 1000) / 1000 : null,
      remaining: Math.max(0, target - towardTarget),
    };
  });
}

/**
 * The last day of the renewal window from `asOf` (a term ending on or before it is listed). From 9999-01-01
 * it is past year 9999 and written `+010000-…`, which sorts before every date: nothing is listed then.
 */
export function renewalHorizon(asOf: string): string {
  return addMonths(asOf, RENEWAL_WINDOW_MONTHS);
}

/**
 * Grants with a fixed term (trademarks) in force on `asOf` whose term ends within the next 12 months, plus those whose term has
 * already ended while no `expired` move is recorded (flagged `lapsed`: they need renewing in the
 * grace period or recording as expired). Soonest first.
 */
export function renewalsDue(designations: CountedDesignation[], statuses: (Status | null)[], asOf: string): RenewalDue[] {
  const horizon = renewalHorizon(asOf);
  return designations
    .filter((d, i) => hasTerm(d.giType) && statuses[i] === 'granted' && d.validUntil !== null && d.validUntil <= horizon)
    .sort((a, b) => a.validUntil!.localeCompare(b.validUntil!) || a.id - b.id)
    .map((d) => ({
      designationId: d.id, productId: d.productId, nameZh: d.nameZh, nameEn: d.nameEn,
      // validUntil is the last valid day: the term has lapsed only after it.
      validUntil: d.validUntil!, lapsed: d.validUntil! < asOf,
    }));
}

/** Authorised users in force on `asOf` (active, within from–until, of a designation granted then), in the city and by county. */
function authorizedUsersInForce(index: ReplayIndex, statuses: (Status | null)[], asOf: string, countiesOfDesignation: readonly (readonly string[])[]) {
  const position = new Map(index.designations.map((d, i) => [d.id, i]));
  const byCounty: Record<string, number> = {};
  let city = 0;
  for (const u of index.authorizedUsers) {
    const i = position.get(u.designationId);
    if (i === undefined || statuses[i] !== 'granted' || u.status !== 'active' || u.from > asOf || (u.until !== null && u.until < asOf)) continue;
    city++;
    for (const code of countiesOfDesignation[i]) byCounty[code] = (byCounty[code] ?? 0) + 1;
  }
  return { city, byCounty };
}

/** A product's households from its latest industry figures of asOf's year or before (0 when none). */
export function latestHouseholds(index: ReplayIndex, productId: number, asOf: string): number {
  const year = Number(asOf.slice(0, 4));
  const known = (index.figureHouseholds.get(productId) ?? []).filter((f) => f.year <= year);
  return known.at(-1)?.households ?? 0;
}

/**
 * Each designation's counties as they were on `day`: a product now in a county that a division change
 * created counts, before the change, in the county it came from (county-history.ts).
 */
export function countiesOn(index: ReplayIndex, day: string): readonly (readonly string[])[] {
  // Mostly no change is later than the day: the counties as they are.
  if (index.countyHistory.changes.every((c) => c.on <= day)) return index.countiesOfDesignation;
  return index.countiesOfDesignation.map((codes) => index.countyHistory.codesOn(codes, day));
}

/** The period as a tally shows it (without its targets). */
export function shownPeriod(period: Period): Tally['period'] {
  return { id: period.id, name: period.name, nameEn: period.nameEn, startsOn: period.startsOn, endsOn: period.endsOn };
}

/**
 * The tally of `period` on `asOf`. County rows are the counties that exist on `asOf`, and count a
 * product in each of its counties as they were then (the city totals count it once); they have no
 * targets (0), and their baseline is what was in force on the eve of the period in those same
 * counties, replayed, since the plan sets county figures for neither. `index` is the replay index of
 * the current registry (loaded from `db` when not given).
 */
export function computeTally(db: Db, period: Period, asOf: string, index: ReplayIndex = loadReplayIndex(db)): TallyCounts {
  const { designations, households } = index;
  const countyCodes = index.countyHistory.existingOn(asOf);
  const countiesOfDesignation = countiesOn(index, asOf);
  const statuses = index.statusesOn(asOf);
  const eve = index.statusesOn(addDays(period.startsOn, -1));

  const city = emptyCounts();
  const byCounty: Record<string, Counts> = Object.fromEntries(countyCodes.map((c) => [c, emptyCounts()]));
  const eveByCounty: Record<string, Counts> = Object.fromEntries(countyCodes.map((c) => [c, emptyCounts()]));
  const productsInForce = new Set<number>();
  for (let i = 0; i < designations.length; i++) {
    const { id, productId, giType, convertedFromId } = designations[i];
    const converting = convertedFromId !== null;
    const status = statuses[i];
    const ready = index.readyToFile.has(id);
    add(city, giType, status, ready, converting);
    for (const code of countiesOfDesignation[i]) {
      if (!byCounty[code]) continue; // a county that is none on asOf (no change moved the product on)
      add(byCounty[code], giType, status, ready, converting);
      add(eveByCounty[code], giType, eve[i], false, converting);
    }
    if (status === 'granted') productsInForce.add(productId);
  }

  const targets = new Map(period.targets.map((x) => [x.giType, x]));
  const users = authorizedUsersInForce(index, statuses, asOf, countiesOfDesignation);
  return {
    period: shownPeriod(period),
    asOf,
    types: present(city, (g) => targets.get(g) ?? { baseline: 0, target: 0 }),
    counties: countyCodes.map((code) => ({
      code,
      types: present(byCounty[code], (g) => ({ baseline: towardTargetOf(eveByCounty[code][g]), target: 0 })),
      authorizedUsers: users.byCounty[code] ?? 0,
    })),
    productsInForce: productsInForce.size,
    households: [...productsInForce].reduce((sum, id) => sum + (households.get(id) ?? 0), 0),
    authorizedUsers: users.city,
    latestHouseholds: [...productsInForce].reduce((sum, id) => sum + latestHouseholds(index, id, asOf), 0),
    renewalsDue: renewalsDue(designations, statuses, asOf),
  };
}
