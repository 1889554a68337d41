/**
 * What every route needs: the database, the configuration, and who is asking.
 */
import type { Request, Response } from 'express';
import type { Db } from '../db/open';
import { todayInShanghai } from '../db/model';
import type { Config } from './config';
import type { Viewer } from './domain/access/viewer';
import type { ReadyCache } from './snapshot/ready-cache';
import type { TallyIndexCache } from './snapshot/tally-index-cache';
import type { ClusterIndexCache } from './snapshot/cluster-index-cache';
import type { TaskPool } from './workers/task-pool';
import type { WriteGate } from './write-gate';
import type { ImportProgressBoard } from './exchange/import/progress';
import type { Logger } from './request-log';
import type { NameOrders } from './snapshot/name-orders';

/** Shared by the routers built in app.ts. */
export interface AppContext {
  db: Db;
  config: Config;
  /** The clock (injectable for tests of expiry, rate limits and date rules); the real one by default. */
  now?: () => Date;
  /** Ready answers of the current registry version (public reads, and each official's view). */
  ready: ReadyCache;
  /** The tally index of the current registry version: the tally on any date without a replay. */
  tallyIndex: TallyIndexCache;
  /** The map's cluster indexes of the current registry version, per scope and filter. */
  clusters: ClusterIndexCache;
  /** Product lists' orders by name, brought up to date after writes rather than read again. */
  nameOrders: NameOrders;
  /** Worker threads for heavy reads, exports and imports. */
  pool: TaskPool;
  /** Long writes done off the event loop (imports) go one at a time; other writes wait behind them. */
  writeGate: WriteGate;
  /** Each official's import under way, for the page's progress bar. */
  imports: ImportProgressBoard;
  /** The server's logger (JSON lines; a request's own is `req.log`). */
  log: Logger;
}

/** The context's clock. */
export function clockOf(ctx: Pick<AppContext, 'now'>): () => Date {
  return ctx.now ?? (() => new Date());
}

/**
 * Today in Asia/Shanghai by a clock, formatted at most once per second of that clock: the fast path asks
 * it for every tally and report URL it answers, and a date changes only at midnight.
 */
export function todayReader(now: () => Date): () => string {
  let second = Number.NaN;
  let day = '';
  return () => {
    const at = now();
    const s = Math.floor(at.getTime() / 1000);
    if (s !== second) { second = s; day = todayInShanghai(at); }
    return day;
  };
}

/** Today in Asia/Shanghai by the app's clock (the date rules of facts, dossiers and reports). */
export function todayOf(ctx: Pick<AppContext, 'now'>): string {
  return todayInShanghai(clockOf(ctx)());
}

/** The viewer of this request (set by the session middleware; null for the public). */
export function viewerOf(res: Response): Viewer {
  return (res.locals.viewer as Viewer | undefined) ?? null;
}

/** The request's own origin, e.g. `http://localhost:3000`. */
export function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host')}`;
}
