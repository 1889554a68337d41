/**
 * How soon shared answers are rebuilt for the public after writes made them stale: a budget of CPU. Every
 * costly build (CHEAP_MS or more: the national list, the map's GeoJSON, the tally index, the series) is
 * spent from it, and it refills at `percent` of a core. While it has something left (a burst may spend up
 * to ALLOWANCE_MS at once), a stale answer is rebuilt at the next request, as always; once it is spent, the
 * public gets a costly answer as it was (never older than MAX_GAP_MS) until it has refilled. So an official's
 * occasional write is seen by the next reader, and a burst of writes costs the public's rebuilds at most
 * `percent` of a core, not every core. Cheap answers, and signed-in readers (who may just have written),
 * always get the current one.
 */

/** Answers built faster than this cost nothing from the budget and are never served stale. */
export const CHEAP_MS = 20;

/** What a burst may spend at once before the pace holds rebuilds back. */
export const ALLOWANCE_MS = 1000;

/** The oldest a costly answer is given to the public, whatever the budget. */
export const MAX_GAP_MS = 5000;

/** The public's rebuild budget: `percent` of a core (100: no budget, rebuild at every write). */
export class RebuildPace {
  private debt = 0;
  private settledAt: number;

  constructor(private readonly percent: number, readonly now: () => number = () => performance.now()) {
    this.settledAt = now();
  }

  /** Spends a build that took `ms` (a cheap one is free). */
  spent(ms: number): void {
    if (ms < CHEAP_MS) return;
    this.settle();
    this.debt += ms;
  }

  /**
   * Whether a stale answer built in `buildMs` and kept at `builtAt` (by `now`) may still be given to the
   * public: it is costly, younger than MAX_GAP_MS, and the budget is spent.
   */
  mayServeStale(builtAt: number, buildMs: number): boolean {
    if (this.percent >= 100 || buildMs < CHEAP_MS || this.now() - builtAt >= MAX_GAP_MS) return false;
    this.settle();
    return this.debt > ALLOWANCE_MS;
  }

  /** Refills the budget for the time since it was last settled. */
  private settle(): void {
    const at = this.now();
    this.debt = Math.max(0, this.debt - (at - this.settledAt) * (this.percent / 100));
    this.settledAt = at;
  }
}
