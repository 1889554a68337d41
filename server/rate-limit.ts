/**
 * In-memory limiters: of failed attempts, a sliding window per key (FailureLimiter), growing delays
 * per key (BackoffLimiter), and the two put together for sign-in (LoginLimiter); of work in flight per key
 * (ConcurrencyLimiter).
 */

/** Settings of a limiter; `now` is injectable so tests can move time. */
export interface RateLimitOptions { max: number; windowMs: number; now?: () => number; maxKeys?: number }

/**
 * Counts failures per key over a sliding window: after `max` failures within `windowMs` the key is
 * blocked until the oldest of them leaves the window.
 */
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

/** Settings of a backoff limiter; `now` is injectable so tests can move time. */
export interface BackoffOptions {
  /** Failures allowed before any delay. */
  free: number;
  /** The first delay; each further failure doubles it. */
  baseMs: number;
  /** The longest delay. */
  maxMs: number;
  /** Failures are forgotten this long after the last one. */
  forgetMs: number;
  now?: () => number;
  maxKeys?: number;
}

/**
 * Growing delays per key: after `free` failures, each further attempt must wait `baseMs`, then twice
 * that, and so on up to `maxMs`, counted from the latest failure. A success forgets the key.
 */
export class BackoffLimiter {
  readonly #state = new Map<string, { failures: number; last: number }>();
  readonly #o: Required<BackoffOptions>;

  constructor({ now = Date.now, maxKeys = 50_000, ...rest }: BackoffOptions) {
    this.#o = { ...rest, now, maxKeys };
  }

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const s = this.#get(key);
    if (!s || s.failures < this.#o.free) return 0;
    const delay = Math.min(this.#o.maxMs, this.#o.baseMs * 2 ** Math.min(s.failures - this.#o.free, 40));
    const wait = s.last + delay - this.#o.now();
    return wait > 0 ? Math.ceil(wait / 1000) : 0;
  }

  /** Records a failed attempt of `key`. */
  fail(key: string): void {
    const failures = (this.#get(key)?.failures ?? 0) + 1;
    this.#state.delete(key); // re-insert: the map stays in order of last failure, oldest first
    this.#state.set(key, { failures, last: this.#o.now() });
    if (this.#state.size > this.#o.maxKeys) this.#prune();
  }

  /** Forgets the failures of `key` (after a success). */
  reset(key: string): void {
    this.#state.delete(key);
  }

  #get(key: string) {
    const s = this.#state.get(key);
    if (s && this.#o.now() - s.last > this.#o.forgetMs) { this.#state.delete(key); return undefined; }
    return s;
  }

  /** Bounds memory under a flood of distinct keys: drop the keys whose last failure is oldest. */
  #prune(): void {
    const excess = this.#state.size - this.#o.maxKeys;
    let i = 0;
    for (const key of this.#state.keys()) { if (i++ >= excess) break; this.#state.delete(key); }
  }
}

/** The sign-in limits (see LoginLimiter). */
export interface LoginLimits {
  /** Per (account, address): failures before delays start, the first delay, the cap, when they are forgotten. */
  pair: Omit<BackoffOptions, 'now' | 'maxKeys'>;
  /** Per address, across accounts: a coarse cap of failures in a sliding window (an office behind one NAT stays well under it). */
  address: { max: number; windowMs: number };
  /** Per address: sign-ins waiting or being checked at once (beyond: 429, retry in 1 s). */
  pending: number;
}

/** Login limits: growing delays per account and address; a cap per address only for a flood of failures. */
export const LOGIN_LIMITS: LoginLimits = {
  pair: { free: 5, baseMs: 1000, maxMs: 15 * 60 * 1000, forgetMs: 24 * 60 * 60 * 1000 },
  address: { max: 100, windowMs: 15 * 60 * 1000 },
  pending: 32,
};

/** Thrown when a sign-in must wait: the caller answers 429 with Retry-After `seconds`. */
export class MustWait extends Error {
  constructor(readonly seconds: number) {
    super(`retry in ${seconds} s`);
    this.name = 'MustWait';
  }
}

/**
 * Limits sign-ins. Only completed wrong answers count: attempts for the same account from the same
 * address run one after another, so an attempt in flight is never a failure and parallel guesses
 * cannot slip past the delay (each waits for the previous result, then is checked). An account is
 * never locked for everyone: another address signs in to it as usual. Usernames are keys as sent.
 */
export class LoginLimiter {
  readonly #pairs: BackoffLimiter;
  readonly #addresses: FailureLimiter;
  readonly #tails = new Map<string, Promise<unknown>>();
  readonly #pending = new Map<string, number>();
  readonly #limits: LoginLimits;

  constructor(limits: LoginLimits = LOGIN_LIMITS, now: () => number = Date.now) {
    this.#limits = limits;
    this.#pairs = new BackoffLimiter({ ...limits.pair, now });
    this.#addresses = new FailureLimiter({ ...limits.address, now });
  }

  /** Seconds the address must wait before any sign-in (checked before the body is read), or 0. */
  addressRetryAfter(address: string): number {
    return this.#addresses.retryAfter(address);
  }

  /** Forgets the growing delays of `account` at `address` (a lock has taken over from them). */
  forgetPair(address: string, account: string): void {
    this.#pairs.reset(JSON.stringify([account, address]));
  }

  /**
   * Runs `check` (the password check: a result, or null for a wrong answer) for `account` from
   * `address` once the limits allow it; throws MustWait when they do not.
   */
  async attempt<T>(address: string, account: string, check: () => Promise<T | null>): Promise<T | null> {
    const pending = this.#pending.get(address) ?? 0;
    if (pending >= this.#limits.pending) throw new MustWait(1);
    this.#pending.set(address, pending + 1);
    const key = JSON.stringify([account, address]);
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const run = previous.then(async () => {
      const wait = Math.max(this.#addresses.retryAfter(address), this.#pairs.retryAfter(key));
      if (wait > 0) throw new MustWait(wait);
      const result = await check();
      if (result === null) {
        this.#pairs.fail(key);
        this.#addresses.fail(address);
      } else {
        this.#pairs.reset(key);
      }
      return result;
    });
    const tail = run.catch(() => {});
    this.#tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
      const left = (this.#pending.get(address) ?? 1) - 1;
      if (left > 0) this.#pending.set(address, left);
      else this.#pending.delete(address);
    }
  }
}

/**
 * Counts what each key has in flight (downloads per address): `enter` gives a place, or null when the key
 * already has `max`; the function it returns gives the place back (once, however often it is called).
 */
export class ConcurrencyLimiter {
  readonly #inFlight = new Map<string, number>();

  constructor(readonly max: number) {}

  /** Takes a place for `key`: a function that gives it back, or null when `key` has `max` already. */
  enter(key: string): (() => void) | null {
    const now = this.#inFlight.get(key) ?? 0;
    if (now >= this.max) return null;
    this.#inFlight.set(key, now + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const after = (this.#inFlight.get(key) ?? 1) - 1;
      if (after > 0) this.#inFlight.set(key, after);
      else this.#inFlight.delete(key);
    };
  }
}

/** The key of a limiter per client address: Express's `req.ip` (proxy-aware when configured), else the socket's. */
export const addressOf = (req: { ip?: string; socket: { remoteAddress?: string } }): string => req.ip ?? req.socket.remoteAddress ?? '?';
