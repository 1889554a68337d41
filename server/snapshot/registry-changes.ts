/**
 * What changed since a kept answer was built: the registry's writes, as the triggers recorded them in
 * `registry_changes` (migration 0015: a product, or none for everything; whether the tally can have
 * moved), read once each time the registry version moves and folded into "the version at which this
 * last changed" per product, for the tally and for everything. A ready answer built at version b that
 * depends only on product p is still right at version v when p (and everything) last changed at or
 * before b. Writes by another process (a CLI, a second server) are recorded by the same triggers, so
 * they are seen too.
 *
 * The version a change is filed under is the registry version read together with it (one read
 * transaction), which is at or after the write: a kept answer may be rebuilt once more than needed,
 * never kept past a write that touched it.
 */
import type Database from 'better-sqlite3';

/** What a kept answer shows: one product's parts, the tally (and what it counts), or anything. */
export type Dependency = { product: number } | 'tally' | 'all';

/** Rows of `registry_changes` kept for other readers (a second server) after they are read; older ones are pruned. */
const KEPT_ROWS = 20_000;

interface ChangeRow { seq: number; productId: number | null; tally: number }

/** The registry's changes as this process has read them. */
export class RegistryChanges {
  private readonly readVersion: Database.Statement;
  private readonly readRows: Database.Statement;
  private readonly lastSeq: Database.Statement;
  private readonly prune: Database.Statement;
  private readonly read: () => { version: number; rows: ChangeRow[] };
  /** The registry version last read, and the last change row folded in. */
  private version = -1;
  private seq = 0;
  /** The version at which anything (every answer) last changed; the tally; each product. */
  private everything = 0;
  private tally = 0;
  private readonly products = new Map<number, number>();
  private rowsSincePrune = 0;

  /**
   * `currentVersion` is the (remembered) registry version; the changes are read only when it moves. A
   * reader on a read-only connection (a task worker) passes `prune: false`: the server's own tracker prunes.
   */
  constructor(sqlite: Database.Database, private readonly currentVersion: () => number, private readonly options: { prune?: boolean } = {}) {
    this.readVersion = sqlite.prepare('SELECT version FROM registry_meta WHERE id = 1').pluck();
    this.readRows = sqlite.prepare('SELECT seq, product_id AS productId, tally FROM registry_changes WHERE seq > ? ORDER BY seq');
    this.lastSeq = sqlite.prepare('SELECT coalesce(max(seq), 0) FROM registry_changes').pluck();
    this.prune = sqlite.prepare('DELETE FROM registry_changes WHERE seq <= ?');
    // One read transaction: the version and the rows are of the same state.
    this.read = sqlite.transaction(() => ({ version: this.readVersion.get() as number, rows: this.readRows.all(this.seq) as ChangeRow[] }));
    this.restart(this.readVersion.get() as number);
  }

  /** The registry version at which what `dependency` shows last changed (at most the current version). */
  lastChanged(dependency: Dependency): number {
    this.catchUp();
    if (dependency === 'all') return this.version;
    if (dependency === 'tally') return Math.max(this.everything, this.tally);
    return Math.max(this.everything, this.products.get(dependency.product) ?? 0);
  }

  /**
   * The products changed after `builtAt` (whatever changed in them), or `'all'` when anything may have
   * (a change of everything, or rows this process could not read).
   */
  changedSince(builtAt: number): number[] | 'all' {
    this.catchUp();
    if (this.everything > builtAt) return 'all';
    const ids: number[] = [];
    for (const [id, at] of this.products) if (at > builtAt) ids.push(id);
    return ids;
  }

  /** Whether an answer built at `builtAt` that shows `dependency` is still right now. */
  unchangedSince(dependency: Dependency, builtAt: number): boolean {
    return this.lastChanged(dependency) <= builtAt;
  }

  /** Folds in the rows written since the last read, when the version has moved. */
  private catchUp(): void {
    const now = this.currentVersion();
    if (now === this.version) return;
    const { version, rows } = this.read();
    // A restored (older) database, or rows pruned before this process read them: everything may have changed.
    if (version < this.version || (rows.length > 0 && rows[0].seq !== this.seq + 1)) {
      this.restart(version);
      return;
    }
    for (const row of rows) {
      if (row.productId === null) this.everything = version;
      else this.products.set(row.productId, version);
      if (row.tally) this.tally = version;
    }
    if (rows.length > 0) this.seq = rows.at(-1)!.seq;
    // The version moved and nothing says what: count it as a change of everything.
    if (rows.length === 0 && version > this.version) this.everything = version;
    this.version = version;
    this.rowsSincePrune += rows.length;
    if (this.rowsSincePrune >= KEPT_ROWS && this.options.prune !== false) {
      this.rowsSincePrune = 0;
      this.prune.run(this.seq - KEPT_ROWS);
    }
  }

  /** Forgets what was read: everything counts as changed at `version`. */
  private restart(version: number): void {
    this.version = version;
    this.seq = this.lastSeq.get() as number;
    this.everything = version;
    this.tally = version;
    this.products.clear();
  }
}
