/**
 * How soon a shared answer is rebuilt for the public after writes made it stale. An answer that is cheap
 * to build (under CHEAP_MS) is rebuilt at the next request, always. One that is not (the national list,
 * the map's GeoJSON, the tally index, the series: tens of milliseconds to a second of a core) is rebuilt
 * for the public at most once per `buildMs × (100 / percent − 1)` (capped at MAX_GAP_MS), and the public
 * gets the previous one meanwhile: during a burst of writes, rebuilding one answer takes at most `percent`
 * of a core, instead of all of it. Signed-in readers (who may just have written) always wait for the
 * current one. The public is then at most one gap plus one build behind the registry.
 */

/** Answers built faster than this are never served stale. */
export const CHEAP_MS = 20;

/** The longest the public waits for a rebuild, whatever the build costs. */
export const MAX_GAP_MS = 5000;

/** The pace of the public's rebuilds: `percent` of a core at most per answer (100: rebuild at every write). */
export class RebuildPace {
  constructor(private readonly percent: number, readonly now: () => number = () => performance.now()) {}

  /** Whether a stale answer built in `buildMs` and kept at `builtAt` (by `now`) may still be given to the public. */
  mayServeStale(builtAt: number, buildMs: number): boolean {
    if (this.percent >= 100 || buildMs < CHEAP_MS) return false;
    return this.now() - builtAt < Math.min(MAX_GAP_MS, buildMs * (100 / this.percent - 1));
  }
}
