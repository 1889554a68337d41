/**
 * Ready bodies kept for the current registry version. When the version moves (a registry write, in
 * this process or another), every entry is dropped; bookkeeping writes (sessions, the audit log) do
 * not move it. Concurrent misses for one key share one build.
 */
import type Database from 'better-sqlite3';
import { readyBodySize, type ReadyBody } from './ready-body';

/** Reads the registry version (migration 0002 keeps it in `registry_meta`). */
export function registryVersionReader(sqlite: Database.Database): () => number {
  const statement = sqlite.prepare('SELECT version FROM registry_meta WHERE id = 1').pluck();
  return () => statement.get() as number;
}

/** Most request URLs remembered per version (each spelling of a query is one). */
const MAX_URLS = 20_000;

/** Limits of a ready cache. */
export interface ReadyCacheOptions {
  /** Most bytes kept (identity plus compressed forms); the least recently used go first. */
  maxBytes?: number;
}

/** A version-stamped, size-bounded map from keys to ready bodies with single-flight builds. */
export class ReadyCache {
  private readonly entries = new Map<string, ReadyBody>();
  private readonly building = new Map<string, Promise<ReadyBody>>();
  /** Request URLs (path and query as sent) already answered with a key's body, for the fast path. */
  private readonly urls = new Map<string, string>();
  private version = -1;
  private bytes = 0;
  private readonly maxBytes: number;
  /** Hits, misses and builds since creation (tests and the bench read them). */
  readonly stats = { hits: 0, misses: 0, builds: 0 };

  constructor(private readonly currentVersion: () => number, { maxBytes = 96 * 1024 * 1024 }: ReadyCacheOptions = {}) {
    this.maxBytes = maxBytes;
  }

  /** The registry version now; empties the cache when it has moved since the last look. */
  private refresh(): number {
    const version = this.currentVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.building.clear();
      this.urls.clear();
      this.bytes = 0;
      this.version = version;
    }
    return version;
  }

  /** The body kept for `key` at the current version, if any (no build). */
  peek(key: string): ReadyBody | undefined {
    this.refresh();
    const found = this.entries.get(key);
    if (found) {
      this.stats.hits++;
      this.entries.delete(key); // Map order is recency order
      this.entries.set(key, found);
    }
    return found;
  }

  /** Remembers that the request URL `url` is answered by `key`'s body (bounded; the oldest go first). */
  rememberUrl(url: string, key: string): void {
    if (this.urls.size >= MAX_URLS) this.urls.delete(this.urls.keys().next().value!);
    this.urls.set(url, key);
  }

  /** The body kept for a request URL seen before at this version, if any. */
  peekUrl(url: string): ReadyBody | undefined {
    this.refresh();
    const key = this.urls.get(url);
    return key === undefined ? undefined : this.peek(key);
  }

  /** The body for `key`: kept, being built by another request, or built now by `build`. */
  get(key: string, build: () => Promise<ReadyBody>): ReadyBody | Promise<ReadyBody> {
    const found = this.peek(key);
    if (found) return found;
    const pending = this.building.get(key);
    if (pending) return pending;
    this.stats.misses++;
    this.stats.builds++;
    const version = this.version;
    const promise = build().then((body) => {
      if (this.building.get(key) === promise) this.building.delete(key);
      if (this.currentVersion() === version && this.version === version) this.keep(key, body);
      return body;
    }, (error: unknown) => {
      if (this.building.get(key) === promise) this.building.delete(key);
      throw error;
    });
    this.building.set(key, promise);
    return promise;
  }

  private keep(key: string, body: ReadyBody): void {
    const size = readyBodySize(body);
    if (size > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= readyBodySize(old);
    this.entries.set(key, body);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= readyBodySize(v);
    }
  }
}
