/**
 * Replaying designation histories: the status each designation had on a date, from its dated
 * transitions. The tally and its series are both drawn from here, so they agree by construction.
 */
import type { AuthorizationStatus, GiType, Status } from '../../../db/model';
import type { CountyHistory } from '../places/county-history';

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
 * One move of a counted designation, as the series sweeps them: `day` is the last possible day of
 * its date (a fact counts from the first day on which it is certainly true: a grant known as `2020`
 * is in force from 2020-12-31, not on 2020-06-30), `id` the order in which moves were recorded (a
 * later move supersedes an earlier one).
 */
export interface Move { id: number; designationId: number; giType: GiType; to: Status; day: string }

/**
 * Everything the tally and its series read, loaded in a few queries and kept in memory, so a tally
 * for any date is a short scan per designation instead of a subquery per row. Build one per call
 * (`loadReplayIndex` in replay-store.ts) or keep a `ReplayStore` and patch it per product (the task workers do).
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

/** Adds days to a `YYYY-MM-DD` date (negative to go back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year`, in the proleptic Gregorian calendar, as `Date` counts them. */
function daysIn(year: number, month: number): number {
  return month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : MONTH_DAYS[month - 1];
}

/**
 * Adds whole months to a date, keeping the day but never spilling into the next month (01-31 + 1 → 02-28).
 * Worked out on the numbers for four-digit years (the tally index asks it for every event day, and a `Date`
 * each took a sixth of the build); other years as `Date` writes them (`+010000-…` past 9999).
 */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const total = y * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  if (date.length === 10 && Number.isInteger(total) && year >= 1000 && year <= 9999) {
    const month = total - year * 12 + 1;
    const day = Math.min(Number(date.slice(8, 10)), daysIn(year, month));
    return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
  }
  const [yy, m, d] = date.split('-').map(Number);
  const first = new Date(Date.UTC(yy, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}
