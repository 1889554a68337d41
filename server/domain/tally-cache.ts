/**
 * A cache for derived read models (the tally and its series) that invalidates itself: every answer
 * is stamped with SQLite's change counters, so no writer has to remember to clear it.
 *
 * - `PRAGMA data_version` changes when another connection (another process, a CLI import) commits.
 * - `total_changes()` grows with every row this connection inserts, updates or deletes.
 *
 * Both are read per request (two tiny prepared statements). A changed stamp empties the cache. A
 * write that changes nothing the tally reads (a session touch) also empties it: wasteful, never wrong.
 */
import type Database from 'better-sqlite3';

/** Options of a change-stamped cache. */
export interface StampedCacheOptions {
  /** Most entries kept (oldest dropped first); any asOf date is a key, so the cache must be bounded. */
  maxEntries?: number;
  /** Off: always compute (for measuring the cold cost). */
  enabled?: boolean;
}

/** A bounded map from keys to values that is emptied whenever the database has changed. */
export class StampedCache<V> {
  private readonly dataVersion: Database.Statement;
  private readonly totalChanges: Database.Statement;
  private readonly entries = new Map<string, V>();
  private stamp = '';
  private readonly maxEntries: number;
  private readonly enabled: boolean;
  /** Hits and misses since creation (for tests and the bench). */
  readonly stats = { hits: 0, misses: 0 };

  constructor(sqlite: Database.Database, { maxEntries = 256, enabled = true }: StampedCacheOptions = {}) {
    this.dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
    this.totalChanges = sqlite.prepare('SELECT total_changes()').pluck();
    this.maxEntries = maxEntries;
    this.enabled = enabled;
  }

  /** The value for `key`, computed by `compute` unless a value computed since the last change is kept. */
  get(key: string, compute: () => V): V {
    if (!this.enabled) return compute();
    const stamp = `${this.dataVersion.get()}:${this.totalChanges.get()}`;
    if (stamp !== this.stamp) {
      this.entries.clear();
      this.stamp = stamp;
    }
    const found = this.entries.get(key);
    if (found !== undefined) {
      this.stats.hits++;
      this.entries.delete(key); // re-insert: Map order is recency order
      this.entries.set(key, found);
      return found;
    }
    this.stats.misses++;
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}
