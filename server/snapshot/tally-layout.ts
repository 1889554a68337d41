/**
 * How the answers of a tally index (server/domain/tally/tally-index.ts) are cut into parts kept apart
 * (tally-bodies.ts), worked out once per index where the index is built (a task worker), so the event
 * loop only receives it. The renewals list is cut into runs of candidates, and each run has its change
 * points: when one of its candidates is granted or stops being granted within the window, when the
 * window's end or the lapsed ones' end moves through it. A run's entries are the same between two of its
 * change points, so a run is known by its number and version and no interval looks at every candidate.
 * Parts that hold for a few days only are marked short: they are sent stored and not kept.
 */
import type { TallyIndex } from '../domain/tally/tally-index';

/** Renewal candidates per run, and runs per block (a body is then a dozen buffers, and a changed entry deflates 64 again). */
export const RUN = 64;
export const BLOCK = 8;
/**
 * A part that holds for fewer days than this is sent as it is (stored) rather than deflated, and not
 * kept (made again if asked for again): most are asked for once or twice, 5–9 KB more is cheaper than
 * 50–80 µs of deflate on the event loop, and parts kept only to be forgotten make garbage collection
 * pauses longer.
 */
export const SHORT_DAYS = 3;

/** The layout of an index's answers: its runs and blocks of renewal candidates, and which counts and lists are short-lived. */
export interface TallyLayout {
  runs: Runs;
  blocks: Runs;
  /** Per interval, whether its counts, and its renewals list, hold for fewer than SHORT_DAYS days. */
  countsShort: Uint8Array;
  renewalsShort: Uint8Array;
  /** The first day of each interval as days since 1970 (interval 0 has none). */
  dayNumbers: Float64Array;
}

/** The layout of `index`'s answers. */
export function layoutOf(index: TallyIndex): TallyLayout {
  const dayNumbers = Float64Array.from([Number.NaN, ...index.days.map((d) => Date.parse(d) / 86_400_000)]);
  return {
    runs: runsOf(index, RUN), blocks: runsOf(index, RUN * BLOCK), dayNumbers,
    countsShort: shortRuns(dayNumbers, index.countsFrom), renewalsShort: shortRuns(dayNumbers, index.renewalsFrom),
  };
}

/** Whether intervals `from` to `to` (exclusive) span fewer than SHORT_DAYS days (the first and the last are unbounded). */
function isShort(dayNumbers: Float64Array, from: number, to: number): boolean {
  return from > 0 && to < dayNumbers.length && dayNumbers[to] - dayNumbers[from] < SHORT_DAYS;
}

/** Per interval, whether its run of intervals with the same value in `runFrom` (countsFrom, renewalsFrom) is short. */
function shortRuns(dayNumbers: Float64Array, runFrom: Int32Array): Uint8Array {
  const short = new Uint8Array(runFrom.length);
  for (let from = 0, to = 1; from < runFrom.length; from = to++) {
    while (to < runFrom.length && runFrom[to] === runFrom[from]) to++;
    short.fill(isShort(dayNumbers, from, to) ? 1 : 0, from, to);
  }
  return short;
}

/** Runs of `size` candidates, each with its change points. */
export interface Runs {
  size: number;
  /** Run r changes at intervals changes[at[r]] … changes[at[r + 1] - 1], ascending. */
  at: Int32Array;
  changes: Int32Array;
}

/** The runs of `size` candidates of `index` (a run of a larger size changes whenever one of the smaller runs in it does). */
export function runsOf(index: TallyIndex, size: number): Runs {
  const n = index.days.length;
  const { horizon, lapsed } = index;
  const count = Math.ceil(index.candidates.length / size);
  // Candidates whose being granted changes at each interval.
  const flips: number[][] = Array.from({ length: n + 2 }, () => []);
  for (let c = 0; c < index.candidates.length; c++) {
    for (let r = index.grantedAt[c]; r < index.grantedAt[c + 1]; r += 2) {
      flips[index.granted[r]].push(c);
      flips[index.granted[r + 1]].push(c);
    }
  }
  const lists: number[][] = Array.from({ length: count }, () => []);
  const mark = (from: number, to: number, k: number) => {
    if (to <= from) return;
    for (let r = Math.floor(from / size); r * size < to; r++) if (lists[r].at(-1) !== k) lists[r].push(k);
  };
  for (let k = 1; k <= n; k++) {
    const listed = Math.max(horizon[k - 1], horizon[k]);
    for (const c of flips[k]) if (c < listed) mark(c, c + 1, k);
    if (horizon[k] !== horizon[k - 1]) mark(Math.min(horizon[k - 1], horizon[k]), listed, k);
    if (lapsed[k] !== lapsed[k - 1]) mark(Math.min(lapsed[k - 1], lapsed[k]), Math.min(Math.max(lapsed[k - 1], lapsed[k]), listed), k);
  }
  const at = new Int32Array(count + 1);
  lists.forEach((l, r) => { at[r + 1] = at[r] + l.length; });
  return { size, at, changes: Int32Array.from(lists.flat()) };
}

/** The version of run `r` in interval `k`: how many of its change points are not after `k`. */
export function versionOf(runs: Runs, r: number, k: number): number {
  let lo = runs.at[r];
  let hi = runs.at[r + 1];
  const first = lo;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (runs.changes[mid] <= k) lo = mid + 1;
    else hi = mid;
  }
  return lo - first;
}

/** Whether version `v` of run `r` holds for fewer than SHORT_DAYS days (from its change point to the next). */
export function shortVersion(runs: Runs, dayNumbers: Float64Array, r: number, v: number): boolean {
  const at = runs.at[r];
  if (v === 0 || at + v >= runs.at[r + 1]) return false; // the first and the last run on without end
  return isShort(dayNumbers, runs.changes[at + v - 1], runs.changes[at + v]);
}
