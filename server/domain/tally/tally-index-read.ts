/**
 * Reading the tally index (tally-index.ts): the interval a date falls in, and the tally of a period in
 * it, as `tallyAnswer` gives it for any day of that interval.
 */
import { GI_TYPES, type GiType, type Period, type RenewalDue, type Tally } from '../../../db/model';
import { periodEndedOn, present, shownPeriod, type Counts } from './tally';
import { COUNTY_INTS, FIELDS, TYPE_INTS, type TallyIndex } from './tally-index';

/** The interval `asOf` falls in: how many event days are not after it (a binary search). */
export function intervalOf(index: TallyIndex, asOf: string): number {
  const { days } = index;
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The county epoch of interval `k`: the last that began by its first day. */
function epochOf(index: TallyIndex, k: number): number {
  if (k === 0) return 0;
  const first = index.days[k - 1];
  for (let e = index.epochs.length - 1; e > 0; e--) if (index.epochs[e].from! <= first) return e;
  return 0;
}

/** The counts kept at `offset` of the rows. */
function countsAt(index: TallyIndex, offset: number): Counts {
  const counts = {} as Counts;
  GI_TYPES.forEach((giType, t) => {
    const at = offset + t * FIELDS.length;
    const c = {} as Counts[GiType];
    FIELDS.forEach((field, x) => { c[field] = index.rows[at + x]; });
    counts[giType] = c;
  });
  return counts;
}

/** What the tally of `period` counts in interval `k`, renewals apart (in the answer's order). */
export type IntervalCounts = Pick<Tally, 'types' | 'counties' | 'productsInForce' | 'households' | 'authorizedUsers' | 'latestHouseholds'>;

/** The counts of `period` (one of the index's periods) in interval `k`. */
export function intervalCounts(index: TallyIndex, period: Period, k: number): IntervalCounts {
  const p = index.periods.findIndex((x) => x.id === period.id);
  if (p < 0) throw new Error(`period ${period.id} is not in the tally index`);
  const e = epochOf(index, k);
  const baselines = index.baselines[p][e];
  const row = k * index.width;
  const targets = new Map(period.targets.map((x) => [x.giType, x]));
  return {
    types: present(countsAt(index, row), (g) => targets.get(g) ?? { baseline: 0, target: 0 }),
    counties: index.epochs[e].codes.map((code, j) => {
      const at = row + TYPE_INTS + j * COUNTY_INTS;
      return {
        code,
        types: present(countsAt(index, at), (g) => ({ baseline: baselines[j * GI_TYPES.length + GI_TYPES.indexOf(g)], target: 0 })),
        authorizedUsers: index.rows[at + TYPE_INTS],
      };
    }),
    productsInForce: index.rows[row + index.width - 2],
    households: index.sums[2 * k],
    authorizedUsers: index.rows[row + index.width - 1],
    latestHouseholds: index.sums[2 * k + 1],
  };
}

/** Whether renewal candidate `c` is granted in interval `k`. */
export function grantedIn(index: TallyIndex, c: number, k: number): boolean {
  for (let r = index.grantedAt[c]; r < index.grantedAt[c + 1]; r += 2) {
    if (index.granted[r] <= k && k < index.granted[r + 1]) return true;
  }
  return false;
}

/** The renewals due in interval `k`: candidates granted with their term's end in the window, soonest first. */
export function renewalsIn(index: TallyIndex, k: number): RenewalDue[] {
  const due: RenewalDue[] = [];
  for (let c = 0; c < index.horizon[k]; c++) {
    if (grantedIn(index, c, k)) due.push({ ...index.candidates[c], lapsed: c < index.lapsed[k] });
  }
  return due;
}

/** The tally answer of `period` on `asOf` from the index: what `tallyAnswer` gives, field for field. */
export function tallyFromIndex(index: TallyIndex, period: Period, asOf: string, today: string): Tally {
  const k = intervalOf(index, asOf);
  return {
    period: shownPeriod(period), asOf, periodEnded: periodEndedOn(period, today),
    ...intervalCounts(index, period, k),
    renewalsDue: renewalsIn(index, k),
  };
}
