/**
 * The days on which the tally can change (tally-index.ts): every threshold a date is compared with in
 * `computeTally`, turned into the first day on which the comparison comes out the other way. A day too
 * many only splits an interval in two with the same counts; a day missed would be a wrong answer, so
 * every date read here must be a whole `YYYY-MM-DD` day, and the index is not built when one is not.
 */
import { daysInMonth, EARLIEST_DAY, formatDay, partialDateParts, type AuthorizationStatus } from '../../../db/model';
import { renewalHorizon } from './tally';
import { addDays, type Move, type ReplayIndex } from './tally-replay';

/** The last day a tally can be asked for. */
export const LAST_DAY = '9999-12-31';
/** From this day the renewal window ends past year 9999 and lists nothing (see `renewalHorizon`). */
export const WINDOW_PAST_9999 = '9999-01-01';

/** An authorised user as the replay index keeps it. */
type User = { designationId: number; from: string; until: string | null; status: AuthorizationStatus };

/** The event days, and what happens on them besides moves. */
export interface EventDays {
  /** Every day on which something counted may change, sorted. */
  days: string[];
  /** Authorised users whose dates begin (+1) or end (−1, the day after `until`) on a day, by designation. */
  windows: Map<string, { designationId: number; change: 1 | -1 }[]>;
  /** Days of county division changes. */
  changeDays: Set<string>;
  /** The first of January of each year with industry figures (a product's latest households may change then). */
  figureDays: Set<string>;
}

/** Thrown when a date the index turns on is not a whole day: the tally is then replayed as before. */
export class NotADay extends Error {}

/** Whether `s` is a whole calendar day `YYYY-MM-DD`. */
function isDay(s: string): boolean {
  return s.length === 10 && partialDateParts(s)?.day !== undefined;
}

function day(s: string, what: string): string {
  if (!isDay(s)) throw new NotADay(`tally index: ${what} ${JSON.stringify(s)} is not a day`);
  return s;
}

/** The day after `d`, or null after 9999-12-31. */
export function nextDay(d: string): string | null {
  const { year, month, day: dd } = partialDateParts(d)!;
  if (dd! < daysInMonth(year, month!)) return formatDay(year, month!, dd! + 1);
  if (month! < 12) return formatDay(year, month! + 1, 1);
  return year < 9999 ? formatDay(year + 1, 1, 1) : null;
}

/**
 * The first day from 1949 on whose renewal window reaches `end` (the window's end never goes back from
 * 1949 to 9998, and is at most 366 days ahead, so the day is found walking forward from a year before).
 */
export function windowReaches(end: string): string {
  if (renewalHorizon(EARLIEST_DAY) >= end) return EARLIEST_DAY;
  let d = addDays(end, -367);
  if (d < EARLIEST_DAY) d = EARLIEST_DAY;
  for (let steps = 0; renewalHorizon(d) < end; steps++) {
    if (steps > 400) throw new NotADay(`tally index: no day's renewal window reaches ${end}`);
    d = addDays(d, 1);
  }
  return d;
}

/** The event days of a registry: its moves, authorised users, renewal candidates' term ends, county changes and figure years. */
export function eventDays(replay: ReplayIndex, moves: readonly Move[], users: readonly User[], termEnds: readonly string[]): EventDays {
  const days = new Set<string>([EARLIEST_DAY, WINDOW_PAST_9999]);
  for (const m of moves) days.add(m.day);
  for (const end of termEnds) {
    days.add(windowReaches(day(end, 'a term end')));
    const lapses = nextDay(end);
    if (lapses !== null) days.add(lapses);
  }
  const windows = new Map<string, { designationId: number; change: 1 | -1 }[]>();
  const on = (d: string, designationId: number, change: 1 | -1) => {
    days.add(d);
    const list = windows.get(d);
    if (list) list.push({ designationId, change });
    else windows.set(d, [{ designationId, change }]);
  };
  for (const u of users) {
    const from = day(u.from, "an authorised user's first day");
    const after = u.until === null ? null : nextDay(day(u.until, "an authorised user's last day"));
    if (after !== null && after <= from) continue; // never in force
    on(from, u.designationId, 1);
    if (after !== null) on(after, u.designationId, -1);
  }
  const changeDays = new Set(replay.countyHistory.changes.map((c) => day(c.on, 'a county change')));
  for (const d of changeDays) days.add(d);
  const figureDays = new Set<string>();
  for (const figures of replay.figureHouseholds.values()) {
    for (const { year } of figures) if (Number.isInteger(year) && year >= 1 && year <= 9999) figureDays.add(formatDay(year, 1, 1));
  }
  for (const d of figureDays) days.add(d);
  return { days: [...days].sort(), windows, changeDays, figureDays };
}
