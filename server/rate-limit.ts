/**
 * An in-memory limiter of failed attempts per key (a client address, a username): after `max`
 * failures within `windowMs` the key is blocked until the oldest of them leaves the window.
 */

/** Settings of a limiter; `now` is injectable so tests can move time. */
export interface RateLimitOptions { max: number; windowMs: number; now?: () => number; maxKeys?: number }

/** Counts failures per key over a sliding window. */
export class FailureLimiter {
  readonly #failures = new Map<string, number[]>();
  readonly #max: number;
  readonly #windowMs: number;
  readonly #now: () => number;
  readonly #maxKeys: number;

  constructor({ max, windowMs, now = Date.now, maxKeys = 10_000 }: RateLimitOptions) {
    this.#max = max;
    this.#windowMs = windowMs;
    this.#now = now;
    this.#maxKeys = maxKeys;
  }

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const recent = this.#recent(key);
    if (recent.length < this.#max) return 0;
    const freeAt = recent[recent.length - this.#max] + this.#windowMs;
    return Math.max(1, Math.ceil((freeAt - this.#now()) / 1000));
  }

  /** Records a failed attempt of `key`. */
  fail(key: string): void {
    const recent = this.#recent(key);
    recent.push(this.#now());
    this.#failures.set(key, recent);
    if (this.#failures.size > this.#maxKeys) this.#prune();
  }

  /** Takes back the latest failure of `key` (an attempt counted up front that then succeeded). */
  undo(key: string): void {
    const recent = this.#recent(key);
    recent.pop();
    if (recent.length > 0) this.#failures.set(key, recent);
    else this.#failures.delete(key);
  }

  /** Forgets the failures of `key` (after a success). */
  reset(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string): number[] {
    const since = this.#now() - this.#windowMs;
    const recent = (this.#failures.get(key) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.#failures.delete(key);
    return recent;
  }

  /** Bounds memory under a flood of distinct keys: drop expired keys, then the oldest ones. */
  #prune(): void {
    for (const key of [...this.#failures.keys()]) this.#recent(key);
    const excess = this.#failures.size - this.#maxKeys;
    if (excess > 0) for (const key of [...this.#failures.keys()].slice(0, excess)) this.#failures.delete(key);
  }
}

/** Login limits: 5 failures per 15 minutes, per client address and per username. */
export const LOGIN_LIMIT = { max: 5, windowMs: 15 * 60 * 1000 } as const;
