/**
 * The renewals list of a tally index (server/domain/tally/tally-index.ts) cut into runs of candidates,
 * and when each run's part of the list can change: when one of its candidates is granted or stops
 * being granted within the window, when the window's end or the lapsed ones' end moves through it. A
 * run's entries are the same between two of its change points, so a run is known by its number and
 * version (tally-bodies.ts keeps its bytes by them) and no interval has to look at every candidate.
 */
import type { TallyIndex } from '../domain/tally/tally-index';

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

/** The intervals version `v` of run `r` holds in: from its change point (0 for the first) to the next (`end` after the last). */
export function spanOf(runs: Runs, r: number, v: number, end: number): [number, number] {
  const at = runs.at[r];
  return [v === 0 ? 0 : runs.changes[at + v - 1], at + v < runs.at[r + 1] ? runs.changes[at + v] : end];
}
