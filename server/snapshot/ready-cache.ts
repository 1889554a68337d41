/**
 * Ready bodies stamped with the registry version they were built at and what they show (a product,
 * the tally, or anything). A body is current while the version stands, and after a registry write (in
 * this process or another) while the write touched nothing it shows (registry-changes.ts); otherwise
 * the next request for its key rebuilds it. Bookkeeping writes (sessions, the audit log) do not move it.
 *
 * One build per key and version: concurrent misses share it. While it runs, a caller that allows
 * it (the public) gets the last body built at once instead of waiting, and no second build of the
 * key starts, so a burst of writes costs one rebuild at a time and makes one reader wait per
 * rebuild, not every reader; the caller that starts a build waits and so sees the new version.
 */
import type Database from 'better-sqlite3';
import { compactReadyBody, readyBodySize, type ReadyBody } from './ready-body';
import type { Dependency } from './registry-changes';
import type { RebuildPace } from './rebuild-pace';
import { RecencyMap } from './recency-map';

/** Reads the registry version (migration 0002 keeps it in `registry_meta`). */
export function registryVersionReader(sqlite: Database.Database): () => number {
  const statement = sqlite.prepare('SELECT version FROM registry_meta WHERE id = 1').pluck();
  return () => statement.get() as number;
}

/** A version reader that asks the database at most once per `ttlMs`, and again at once after `forget()`. */
export interface RememberedVersion {
  (): number;
  /** Drops the remembered version (call around every write this process makes). */
  forget(): void;
}

/**
 * Remembers the registry version for a couple of milliseconds: the read is a sixth of a kept
 * answer's cost at 30,000 answers a second. Writes made through this server forget it before and
 * after they run, so they are seen at once; a write by another process (a CLI) within `ttlMs`.
 */
export function rememberedVersion(read: () => number, ttlMs = 2): RememberedVersion {
  let value = 0;
  let until = 0;
  const current = (() => {
    const now = performance.now();
    if (now >= until) {
      value = read();
      until = now + ttlMs;
    }
    return value;
  }) as RememberedVersion;
  current.forget = () => { until = 0; };
  return current;
}

/** Most request URLs remembered (each spelling of a query is one). */
const MAX_URLS = 20_000;

/** Limits of a ready cache. */
export interface ReadyCacheOptions {
  /** Most bytes kept (identity plus compressed forms); the least recently used go first. */
  maxBytes?: number;
  /** Today (Asia/Shanghai, by the app's clock): a URL remembered for a day's answer is not answered from memory after it. */
  today?: () => string;
  /** What the registry's writes touched (registry-changes.ts); without it every write makes every body stale. */
  changes?: { unchangedSince(dependency: Dependency, builtAt: number): boolean };
  /** The public's rebuild budget (rebuild-pace.ts); without it, a stale body is rebuilt at the next request. */
  pace?: RebuildPace;
}

/** A kept body: the version it was built at, what it shows, and when (by the pace's clock) and in how long it was built. */
interface Entry { version: number; body: ReadyBody; dependsOn: Dependency; builtAt: number; buildMs: number }
interface Build { version: number; promise: Promise<ReadyBody> }

/** A version-stamped, size-bounded map from keys to ready bodies with single-flight builds. */
export class ReadyCache {
  /** Kept bodies, least recently used first. */
  private readonly entries = new RecencyMap<string, Entry>();
  private readonly building = new Map<string, Build>();
  /**
   * Request URLs (path and query as sent) already answered with a key's body, for the fast path, with
   * the day the answer was for when it depends on today (a tally or report with no date asked).
   */
  private readonly urls = new Map<string, { key: string; day: string | null }>();
  private readonly today: (() => string) | undefined;
  private readonly changes: ReadyCacheOptions['changes'];
  private readonly pace: RebuildPace | undefined;
  private bytes = 0;
  private readonly maxBytes: number;
  /** Hits, misses, builds and stale answers since creation (tests and the bench read them). */
  readonly stats = { hits: 0, misses: 0, builds: 0, stale: 0 };

  constructor(private readonly currentVersion: () => number, { maxBytes = 48 * 1024 * 1024, today, changes, pace }: ReadyCacheOptions = {}) {
    this.maxBytes = maxBytes;
    this.today = today;
    this.changes = changes;
    this.pace = pace;
  }

  /** The body kept for `key` at the current version, if any (no build). */
  peek(key: string): ReadyBody | undefined {
    return this.current(key, this.currentVersion());
  }

  /** Whether `key` has a body right at the current version (no build, no count in `stats`). */
  isCurrent(key: string): boolean {
    const entry = this.entries.peek(key);
    return entry !== undefined && this.stillRight(entry, this.currentVersion());
  }

  /**
   * Keeps a body built elsewhere ahead of any request (product-pages.ts), as built at `version` (the
   * version its build read) and showing `dependsOn`.
   */
  put(key: string, version: number, body: ReadyBody, dependsOn: Dependency): void {
    this.keep(key, version, body, dependsOn, 0);
  }

  private clock(): number {
    return this.pace ? this.pace.now() : 0;
  }

  /**
   * Remembers that the request URL `url` is answered by `key`'s body (bounded; the oldest go first);
   * `day` when that answer is today's, so the URL is not answered from memory on another day.
   */
  rememberUrl(url: string, key: string, day: string | null = null): void {
    if (this.urls.size >= MAX_URLS && !this.urls.has(url)) this.urls.delete(this.urls.keys().next().value!);
    this.urls.set(url, { key, day });
  }

  /**
   * The public's body for a request URL seen before, if any (and, for a day's answer, if still that day):
   * the current one; else the previous one while another request rebuilds it (as `get` gives the public),
   * or, for a costly one, while the rebuild budget is spent (rebuild-pace.ts).
   */
  peekUrl(url: string): ReadyBody | undefined {
    const seen = this.urls.get(url);
    if (seen === undefined) return undefined;
    if (seen.day !== null && this.today !== undefined && seen.day !== this.today()) return undefined;
    const current = this.peek(seen.key);
    if (current) return current;
    const previous = this.entries.peek(seen.key);
    if (previous && this.building.has(seen.key)) {
      this.stats.stale++;
      return previous.body;
    }
    return this.paced(previous);
  }

  /** A stale entry's body when the pace lets the public have it (counted as stale). */
  private paced(entry: Entry | undefined): ReadyBody | undefined {
    if (!entry || !this.pace?.mayServeStale(entry.builtAt, entry.buildMs)) return undefined;
    this.stats.stale++;
    return entry.body;
  }

  /**
   * The body for `key`: current, being built by another request, or built now by `build`. With
   * `allowStale`, a caller that finds another's build under way gets the previous version's body.
   * `dependsOn` is what the body shows (default: anything), so a write that touches none of it keeps it.
   */
  get(
    key: string, build: () => Promise<ReadyBody>, { allowStale = false, dependsOn = 'all' }: { allowStale?: boolean; dependsOn?: Dependency } = {},
  ): ReadyBody | Promise<ReadyBody> {
    const version = this.currentVersion();
    const found = this.current(key, version);
    if (found) return found;
    const pending = this.building.get(key);
    const previous = this.entries.peek(key);
    // One build of a key at a time for the public: while one runs (for this version or an older one,
    // under a burst of writes), they get the last body built; the next miss after it builds again.
    if (pending && allowStale && previous) {
      this.stats.stale++;
      return previous.body;
    }
    if (pending?.version === version) return pending.promise;
    const paced = allowStale ? this.paced(previous) : undefined;
    if (paced) return paced;
    this.stats.misses++;
    this.stats.builds++;
    const started = this.clock();
    const done = () => { if (this.building.get(key)?.promise === promise) this.building.delete(key); };
    const promise = build().then((body) => {
      done();
      const buildMs = this.clock() - started;
      this.pace?.spent(buildMs);
      this.keep(key, version, body, dependsOn, buildMs);
      return body;
    }, (error: unknown) => {
      done();
      throw error;
    });
    this.building.set(key, { version, promise });
    return promise;
  }

  private current(key: string, version: number): ReadyBody | undefined {
    const entry = this.entries.peek(key);
    if (!entry || !this.stillRight(entry, version)) return undefined;
    entry.version = version; // still right at this version: the next look is one comparison
    this.stats.hits++;
    this.entries.get(key); // counts as used
    return entry.body;
  }

  /** Whether a kept entry is right at `version`: built at it, or before it with nothing it shows changed since. */
  private stillRight(entry: Entry, version: number): boolean {
    if (entry.version === version) return true;
    return entry.version < version && this.changes?.unchangedSince(entry.dependsOn, entry.version) === true;
  }

  private keep(key: string, version: number, body: ReadyBody, dependsOn: Dependency, buildMs: number): void {
    const old = this.entries.peek(key);
    if (old && old.version > version) return; // a newer build finished first
    compactReadyBody(body);
    const size = readyBodySize(body);
    if (size > this.maxBytes) return;
    if (old) this.bytes -= readyBodySize(old.body);
    this.entries.set(key, { version, body, dependsOn, builtAt: this.clock(), buildMs });
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= readyBodySize(v.body);
    }
  }
}
