/**
 * One long writer at a time off the event loop. An import writes from a task worker, on its own
 * SQLite connection, for up to a few seconds; a write on the server's connection meanwhile would
 * wait for SQLite's lock synchronously and stall every request. So while the import holds the gate,
 * other write requests wait here (asynchronously, the event loop stays free), session touches are
 * skipped, and reads go on as usual (WAL).
 */
import type { RequestHandler } from 'express';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The gate: `hold` runs long writes one after another; `waitForIt` queues other writes behind them. */
export class WriteGate {
  private tail: Promise<unknown> = Promise.resolve();
  private holders = 0;

  /** Whether a long write holds the gate now. */
  get busy(): boolean {
    return this.holders > 0;
  }

  /** Runs `work` holding the gate, after every earlier holder has finished. */
  hold<T>(work: () => Promise<T>): Promise<T> {
    this.holders++;
    const run = this.tail.then(work).finally(() => { this.holders--; });
    this.tail = run.catch(() => {});
    return run;
  }

  /** Resolves once no long write holds the gate. */
  async idle(): Promise<void> {
    while (this.busy) await this.tail;
  }

  /** Middleware: a write request waits while a long write holds the gate. */
  readonly waitForIt: RequestHandler = (req, _res, next) => {
    if (SAFE_METHODS.has(req.method) || !this.busy) { next(); return; }
    this.idle().then(() => next(), next);
  };
}
