/**
 * Counting the look-ups on /verify that found nobody (table verify_misses: a key, its kind, a count, the
 * first and the last time; never who asked), without slowing or failing the public answer: the route
 * records a miss in memory after its answer is written, and the counts are added in one transaction on
 * the next turn of the event loop (or, while an import holds the write gate, once it lets go). A write
 * that fails is logged and its counts dropped: they are hints for officials, never a reason to refuse.
 */
import { and, desc, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { MAX_MISSES_KEPT, MAX_MISSES_LISTED, MIN_MISSES_SHOWN, MISS_FORGET_DAYS, type VerifyMissKind, type VerifyMisses } from '../../../db/model';
import * as t from '../../../db/schema';

/** What the counter needs from the app: its clock, and whether the server's connection may write now. */
export interface MissCounterOptions {
  now: () => Date;
  /** False while a long write (an import in a worker) holds SQLite's lock. */
  mayWrite: () => boolean;
  /** Resolves once writing is possible again. */
  writable: () => Promise<void>;
  /** Where a failed write is reported (console.error by default). */
  log?: (message: string, error: unknown) => void;
}

/** Misses waiting to be written, and the one write scheduled for them. */
export class VerifyMissCounter {
  private pending = new Map<string, { kind: VerifyMissKind; count: number }>();
  private scheduled = false;
  /** When the next write also prunes (the first write does). */
  private nextPrune = '';

  constructor(private readonly db: Db, private readonly options: MissCounterOptions) {}

  /** Counts one miss of `key` (written soon, never now: the caller's answer goes first). */
  record(kind: VerifyMissKind, key: string): void {
    const seen = this.pending.get(key);
    this.pending.set(key, { kind, count: (seen?.count ?? 0) + 1 });
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.writeWhenFree());
  }

  /** Writes every pending count now (officials' list reads after it); a failure is logged, never thrown. */
  flush(): void {
    this.scheduled = false;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const at = this.options.now().toISOString();
    try {
      this.db.transaction((tx) => {
        for (const [key, { kind, count }] of batch) {
          tx.insert(t.verifyMisses).values({ key, kind, count, firstAt: at, lastAt: at })
            .onConflictDoUpdate({ target: t.verifyMisses.key, set: { count: sql`${t.verifyMisses.count} + excluded.count`, lastAt: at } }).run();
        }
        if (at >= this.nextPrune) {
          pruneVerifyMisses(tx, this.options.now());
          this.nextPrune = new Date(this.options.now().getTime() + PRUNE_EVERY_MS).toISOString();
        }
      });
    } catch (error) {
      (this.options.log ?? ((m, e) => console.error(m, e)))(`verify misses: ${batch.size} count(s) not written`, error);
    }
  }

  private writeWhenFree(): void {
    if (this.options.mayWrite()) { this.flush(); return; }
    this.options.writable().then(() => this.flush(), () => this.flush());
  }
}

/** How often the counter prunes the table (on a write, at most this often). */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Forgets what is not worth keeping: keys asked fewer than MIN_MISSES_SHOWN times and not since
 * MISS_FORGET_DAYS before `now`, then, beyond MAX_MISSES_KEPT keys, the least asked and longest unasked.
 */
export function pruneVerifyMisses(db: Pick<Db, 'delete' | 'run'>, now: Date): void {
  const before = new Date(now.getTime() - MISS_FORGET_DAYS * 86_400_000).toISOString();
  db.delete(t.verifyMisses).where(and(lt(t.verifyMisses.count, MIN_MISSES_SHOWN), lt(t.verifyMisses.lastAt, before))).run();
  db.run(sql`delete from verify_misses where key in (
    select key from verify_misses order by count desc, last_at desc limit -1 offset ${MAX_MISSES_KEPT})`);
}

/** GET /api/verify-misses: the keys asked at least MIN_MISSES_SHOWN times, most asked first (then the latest). */
export function listVerifyMisses(db: Db): VerifyMisses {
  const items = db.select().from(t.verifyMisses)
    .where(gte(t.verifyMisses.count, MIN_MISSES_SHOWN))
    .orderBy(desc(t.verifyMisses.count), desc(t.verifyMisses.lastAt)).limit(MAX_MISSES_LISTED).all();
  return { minCount: MIN_MISSES_SHOWN, items };
}
