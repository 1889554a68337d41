/**
 * The tally at any date from an index instead of a replay. Its counts change only on the days of
 * dated events: a move counting from its last possible day, an authorised user's first day and the day
 * after its last, a county division change, the first of January of a year with industry figures, and
 * for the renewals the day a term end enters the renewal window and the day after it (lapsed). Built
 * once per registry version from the replay index by one sweep over those days, it keeps them sorted
 * with the answer's counts between each two, so the tally on any date is a binary search to its
 * interval and a read of that interval's row (tally-index-read.ts). `computeTally` stays the reference:
 * on every day of an interval the row is what it counts on the interval's first day.
 */
import { GI_TYPES, hasTerm, type Period, type RenewalDue, type Status } from '../../../db/model';
import { add, countiesOn, emptyCounts, latestHouseholds, renewalHorizon, towardTargetOf, type TypeCounts } from './tally';
import { addDays, type ReplayIndex } from './tally-replay';
import { eventDays, LAST_DAY } from './tally-index-days';

/** The fields of a type's counts, in the order a row keeps them. */
export const FIELDS = ['inForce', 'converted', 'fromConversion', 'cultivating', 'filed', 'published', 'readyToFile'] as const satisfies
  readonly (keyof TypeCounts)[];
/** Ints of a row per place (the city, a county): each type's counts. */
export const TYPE_INTS = GI_TYPES.length * FIELDS.length;
/** Ints of a row per county: its counts, then its authorised users in force. */
export const COUNTY_INTS = TYPE_INTS + 1;

/** A grant with a term, as the renewals list shows it (without `lapsed`, which depends on the date). */
export type RenewalCandidate = Omit<RenewalDue, 'lapsed'>;

/** The tally of every date of one registry version: plain data, so it can cross from a worker. */
export interface TallyIndex {
  /** The days on which anything counted changes, sorted; interval k ≥ 1 runs from days[k-1] to the day before days[k]. */
  days: string[];
  /** Ints per row. */
  width: number;
  /**
   * One row per interval (interval 0, before days[0], is before 1949 and never asked): the city's counts per
   * type, then each county of the interval's epoch (its counts per type, its authorised users), then
   * products in force and authorised users in force. Half the size when every count fits in 16 bits
   * (25,000 designations do).
   */
  rows: Int32Array | Uint16Array;
  /** Households and latest households of each interval, two per interval (sums may pass 2³¹). */
  sums: Float64Array;
  /** County epochs between division changes: from which day (null: the first) and the counties that exist then. */
  epochs: { from: string | null; codes: string[] }[];
  /** Every period of this version, oldest first (as `listPeriods` gives them). */
  periods: Period[];
  /** Per period and epoch, per county then type: what counted toward the target on the eve of the period (the county baselines). */
  baselines: Int32Array[][];
  /** Every grant with a term, soonest term end first, then by id: the renewals list is those granted within the window. */
  candidates: RenewalCandidate[];
  /** Per candidate c, the intervals in which it is granted: pairs [from, to) in granted[grantedAt[c]] … granted[grantedAt[c + 1]]. */
  grantedAt: Int32Array;
  granted: Int32Array;
  /** Per interval: how many candidates' terms end within the renewal window, and how many have ended (both prefixes of `candidates`). */
  horizon: Int32Array;
  lapsed: Int32Array;
  /**
   * Per interval, the first interval of the run it belongs to whose counts (renewals apart) are the same,
   * and likewise for the renewals list: many event days change only one of the two.
   */
  countsFrom: Int32Array;
  renewalsFrom: Int32Array;
}

/** The day before any other: the counties of the first epoch are those that exist on it. */
const BEFORE_ALL = '0000-01-01';

/** Builds the tally index of the registry that `replay` was loaded from, for its `periods` (oldest first). */
export function buildTallyIndex(replay: ReplayIndex, periods: Period[]): TallyIndex {
  const { designations } = replay;
  const n = designations.length;
  const position = new Map(designations.map((d, i) => [d.id, i]));
  const moves = replay.movesUntil(LAST_DAY);
  const users = replay.authorizedUsers.filter((u) => u.status === 'active' && position.has(u.designationId));
  const order = designations.map((_, i) => i).filter((i) => hasTerm(designations[i].giType) && designations[i].validUntil !== null)
    .sort((a, b) => designations[a].validUntil!.localeCompare(designations[b].validUntil!) || designations[a].id - designations[b].id);
  const candidates: RenewalCandidate[] = order.map((i) => {
    const { id, productId, nameZh, nameEn, validUntil } = designations[i];
    return { designationId: id, productId, nameZh, nameEn, validUntil: validUntil! };
  });
  const ends = candidates.map((c) => c.validUntil);
  const { days, windows, changeDays, figureDays } = eventDays(replay, moves, users, ends);

  // County epochs: the counties that exist, and each designation's counties among them (positions, repeats kept as the replay counts them).
  const epochDays = [null, ...[...changeDays].sort()];
  const epochs = epochDays.map((from) => {
    const day = from ?? BEFORE_ALL;
    const codes = replay.countyHistory.existingOn(day);
    const at = new Map(codes.map((c, j) => [c, j]));
    const counties = countiesOn(replay, day).map((list) => Int32Array.from(list.filter((c) => at.has(c)).map((c) => at.get(c)!)));
    return { from, codes, counties };
  });
  const width = TYPE_INTS + Math.max(...epochs.map((e) => e.codes.length)) * COUNTY_INTS + 2;
  const PRODUCTS = width - 2;
  const USERS = width - 1;

  const typeOf = designations.map((d) => GI_TYPES.indexOf(d.giType));
  const converting = designations.map((d) => d.convertedFromId !== null);
  const ready = designations.map((d) => replay.readyToFile.has(d.id));
  const fieldsOf = fieldsOfStatus();
  const candidateOf = new Int32Array(n).fill(-1);
  order.forEach((i, c) => { candidateOf[i] = c; });
  const grantedFrom = new Int32Array(candidates.length).fill(-1);
  const grantedRanges: number[][] = candidates.map(() => []);

  const rows = new Int32Array((days.length + 1) * width);
  const sums = new Float64Array((days.length + 1) * 2);
  const state = new Int32Array(width);
  const status: (Status | null)[] = designations.map(() => null);
  const appliedMove = new Float64Array(n).fill(-1);
  const usersIn = new Int32Array(n);
  const inForceOfProduct = new Map<number, number>();
  const countsFrom = new Int32Array(days.length + 1);
  const renewalsFrom = new Int32Array(days.length + 1);
  let renewalsMoved = false;
  let households = 0;
  let latest = 0;
  let epoch = epochs[0];

  const count = (i: number, s: Status | null, sign: number, city: boolean) => {
    if (s === null) return;
    const fields = fieldsOf(s, converting[i], ready[i]);
    const base = typeOf[i] * FIELDS.length;
    for (const f of fields) {
      if (city) state[base + f] += sign;
      for (const j of epoch.counties[i]) state[TYPE_INTS + j * COUNTY_INTS + base + f] += sign;
    }
  };
  const countUsers = (i: number, sign: number, city: boolean) => {
    const u = usersIn[i] * sign;
    if (u === 0) return;
    if (city) state[USERS] += u;
    for (const j of epoch.counties[i]) state[TYPE_INTS + j * COUNTY_INTS + TYPE_INTS] += u;
  };
  const inForce = (i: number, sign: 1 | -1, day: string, k: number) => {
    countUsers(i, sign, true);
    const p = designations[i].productId;
    const before = inForceOfProduct.get(p) ?? 0;
    inForceOfProduct.set(p, before + sign);
    if ((sign === 1 && before === 0) || (sign === -1 && before === 1)) {
      state[PRODUCTS] += sign;
      households += sign * (replay.households.get(p) ?? 0);
      latest += sign * latestHouseholds(replay, p, day);
    }
    const c = candidateOf[i];
    if (c < 0) return;
    renewalsMoved = true;
    if (sign === 1) grantedFrom[c] = k;
    else grantedRanges[c].push(grantedFrom[c], k);
  };

  const horizon = Int32Array.from([0, ...days.map((d) => countUntil(ends, renewalHorizon(d), true))]);
  const lapsed = Int32Array.from([0, ...days.map((d) => countUntil(ends, d, false))]);
  let m = 0;
  for (let k = 1; k <= days.length; k++) {
    const day = days[k - 1];
    renewalsMoved = horizon[k] !== horizon[k - 1] || lapsed[k] !== lapsed[k - 1];
    if (changeDays.has(day)) {
      epoch = epochs[epochDays.indexOf(day)];
      state.fill(0, TYPE_INTS, PRODUCTS);
      for (let i = 0; i < n; i++) {
        count(i, status[i], 1, false);
        if (status[i] === 'granted') countUsers(i, 1, false);
      }
    }
    // A move counts from its day unless a move recorded later already counts (the latest recorded wins).
    for (; m < moves.length && moves[m].day === day; m++) {
      const { id, designationId, to } = moves[m];
      const i = position.get(designationId)!;
      if (id < appliedMove[i]) continue;
      appliedMove[i] = id;
      const from = status[i];
      if (from === to) continue;
      count(i, from, -1, true);
      if (from === 'granted') inForce(i, -1, day, k);
      status[i] = to;
      count(i, to, 1, true);
      if (to === 'granted') inForce(i, 1, day, k);
    }
    for (const { designationId, change } of windows.get(day) ?? []) {
      const i = position.get(designationId)!;
      const granted = status[i] === 'granted';
      if (granted) countUsers(i, -1, true);
      usersIn[i] += change;
      if (granted) countUsers(i, 1, true);
    }
    if (figureDays.has(day)) {
      latest = 0;
      for (const [p, designationsInForce] of inForceOfProduct) if (designationsInForce > 0) latest += latestHouseholds(replay, p, day);
    }
    rows.set(state, k * width);
    sums[2 * k] = households;
    sums[2 * k + 1] = latest;
    countsFrom[k] = !changeDays.has(day) && sameRow(rows, sums, width, k) ? countsFrom[k - 1] : k;
    renewalsFrom[k] = renewalsMoved ? k : renewalsFrom[k - 1];
  }
  for (let c = 0; c < candidates.length; c++) if (status[order[c]] === 'granted') grantedRanges[c].push(grantedFrom[c], days.length + 1);

  const grantedAt = new Int32Array(candidates.length + 1);
  grantedRanges.forEach((r, c) => { grantedAt[c + 1] = grantedAt[c] + r.length; });
  return {
    days, width, rows: fitsIn16Bits(rows) ? Uint16Array.from(rows) : rows,
    sums, periods, candidates, grantedAt, granted: Int32Array.from(grantedRanges.flat()),
    epochs: epochs.map(({ from, codes }) => ({ from, codes })),
    baselines: periods.map((p) => eveBaselines(replay, p, epochs)),
    horizon, lapsed, countsFrom, renewalsFrom,
  };
}

/** Whether every count fits in 16 bits (a plain loop: `every` with a callback was a twentieth of the build). */
function fitsIn16Bits(rows: Int32Array): boolean {
  for (let j = 0; j < rows.length; j++) if (rows[j] < 0 || rows[j] > 0xffff) return false;
  return true;
}

/** Whether row `k` holds the same counts as row `k - 1`. */
function sameRow(rows: Int32Array, sums: Float64Array, width: number, k: number): boolean {
  if (sums[2 * k] !== sums[2 * k - 2] || sums[2 * k + 1] !== sums[2 * k - 1]) return false;
  for (let j = k * width, end = j + width; j < end; j++) if (rows[j] !== rows[j - width]) return false;
  return true;
}

/**
 * The fields a designation in a status adds one to, with or without a conversion and a ready dossier:
 * read from `add` itself, so the index counts by the replay's own rule.
 */
function fieldsOfStatus(): (s: Status, converting: boolean, ready: boolean) => number[] {
  // By status, then by the two flags as a number: no key is built per call (twice per move of 25,000 designations).
  const known = new Map<Status, number[][]>();
  return (s, converting, ready) => {
    let byFlags = known.get(s);
    if (!byFlags) known.set(s, byFlags = []);
    const flags = (converting ? 2 : 0) + (ready ? 1 : 0);
    let fields = byFlags[flags];
    if (!fields) {
      const counts = emptyCounts();
      add(counts, GI_TYPES[0], s, ready, converting);
      const c = counts[GI_TYPES[0]];
      byFlags[flags] = fields = FIELDS.flatMap((f, x) => Array.from({ length: c[f] }, () => x));
    }
    return fields;
  };
}

/** Per epoch, per county then type: what counted toward the target on the eve of `period` (replayed, as `computeTally` does). */
function eveBaselines(replay: ReplayIndex, period: Period, epochs: { codes: string[]; counties: Int32Array[] }[]): Int32Array[] {
  const eve = replay.statusesOn(addDays(period.startsOn, -1));
  return epochs.map(({ codes, counties }) => {
    const byCounty = codes.map(() => emptyCounts());
    replay.designations.forEach((d, i) => {
      for (const j of counties[i]) add(byCounty[j], d.giType, eve[i], false, d.convertedFromId !== null);
    });
    return Int32Array.from(byCounty.flatMap((c) => GI_TYPES.map((g) => towardTargetOf(c[g]))));
  });
}

/** How many of the sorted `ends` are before `day` (or not after it, with `inclusive`). */
function countUntil(ends: readonly string[], day: string, inclusive: boolean): number {
  let lo = 0;
  let hi = ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (inclusive ? ends[mid] <= day : ends[mid] < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
