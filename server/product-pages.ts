/**
 * Every published product's public page kept ready, before anyone asks: a buyer who opens any product
 * of the registry gets bytes from memory (the fast path), not a build of ten queries on the event loop.
 * A task worker builds the pages that are missing or stale, in slices, whenever the registry version or
 * the day has moved since the last complete pass; a write makes only its own product's page stale
 * (registry-changes.ts), so after a write one page is rebuilt, and after a change of something every
 * page shows (a county's name) all of them are, off the event loop. The pages are the route's own
 * answers (same builder, same key), so they are byte for byte what a request would have built.
 *
 * A pass after writes looks only at the products written since the last pass; it looks at every
 * published product on a new day, after a change of everything, and at least every FULL_PASS_MS (a page
 * the ready cache let go to make room comes back then, or at its next request).
 */
import { and, inArray } from 'drizzle-orm';
import * as t from '../db/schema';
import { readyKey, reviveReadyBody } from './answer';
import { clockOf, todayOf, type AppContext } from './context';
import { publishedProducts } from './domain/access/permissions';
import type { RegistryChanges } from './snapshot/registry-changes';

/** Products per task: a slice keeps the worker free for other builds in between. */
const SLICE = 250;

/** The longest between two passes that look at every published product. */
export const FULL_PASS_MS = 60_000;

/** More products written than this since the last pass: look at every one (one query either way). */
const FEW_CHANGED = 500;

/** The ready cache's key of the public's page of product `id` on `today` (as GET /api/products/:id keys it). */
export function productPageKey(id: number, today: string): string {
  return readyKey('product', null, { id, today });
}

/** Keeps the published products' public pages ready; `warm()` does one pass, `start()` runs passes on a timer. */
export class ProductPages {
  private passing: Promise<number> | null = null;
  private warmAt: { version: number; day: string; fullAt: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Pages built since creation, passes, and the passes that looked at every published product (tests read it). */
  readonly stats = { built: 0, passes: 0, fullPasses: 0 };

  constructor(
    private readonly ctx: Pick<AppContext, 'db' | 'ready' | 'pool' | 'now'>,
    private readonly currentVersion: () => number,
    private readonly changes: RegistryChanges,
  ) {}

  /** Runs a pass now and then every `intervalMs` (the timer does not keep the process alive). */
  start(intervalMs = 1000): void {
    if (this.timer) return;
    const tick = () => { this.warm().catch(() => {}); };
    tick();
    this.timer = setInterval(tick, intervalMs);
    this.timer.unref();
  }

  /** Stops the timer (a pass under way finishes). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Builds every missing or stale page (one pass at a time); resolves to the number built. */
  warm(): Promise<number> {
    this.passing ??= this.pass().finally(() => { this.passing = null; });
    return this.passing;
  }

  private async pass(): Promise<number> {
    const version = this.currentVersion();
    const day = todayOf(this.ctx);
    if (this.warmAt?.version === version && this.warmAt.day === day) return 0;
    const now = clockOf(this.ctx)().getTime();
    const written = this.warmAt && this.warmAt.day === day && now - this.warmAt.fullAt < FULL_PASS_MS
      ? this.changes.changedSince(this.warmAt.version) : 'all';
    const few = written !== 'all' && written.length <= FEW_CHANGED;
    if (few && written.length === 0) {
      this.warmAt = { ...this.warmAt!, version };
      return 0;
    }
    const ids = this.ctx.db.select({ id: t.products.id }).from(t.products)
      .where(few ? and(publishedProducts(), inArray(t.products.id, written)) : publishedProducts()).all().map((r) => r.id);
    const missing = ids.filter((id) => !this.ctx.ready.isCurrent(productPageKey(id, day)));
    let built = 0;
    for (let i = 0; i < missing.length; i += SLICE) {
      const { version: at, pages } = await this.ctx.pool.run('productPages', { ids: missing.slice(i, i + SLICE), today: day, encodings: ['br'] });
      for (const { id, body } of pages) {
        const key = productPageKey(id, day);
        this.ctx.ready.put(key, at, reviveReadyBody(body), { product: id });
        this.ctx.ready.rememberUrl(`/api/products/${id}`, key, day);
      }
      built += pages.length;
    }
    this.stats.built += built;
    this.stats.passes++;
    if (!few) this.stats.fullPasses++;
    this.warmAt = { version, day, fullAt: few ? this.warmAt!.fullAt : now };
    return built;
  }
}
