/**
 * A small pool of worker threads for work that would stall the event loop: building snapshots,
 * replaying the tally for new dates, writing exports. Each worker has its own read-only SQLite
 * connection (WAL lets it read while the server writes) and runs one task at a time; tasks wait
 * in a queue when every worker is busy. Workers start on first use.
 *
 * A database with no file (`:memory:`) cannot be opened twice, so there the tasks run inline on
 * the server's own connection: same code, same answers, just on the event loop.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../db/open';
import { HttpError } from '../errors';
import { mallocTrim, type TrimMemory } from '../malloc-trim';
import type { FromWorker, TaskFailure, ToWorker, WorkerSetup } from './protocol';
import { TASK_KEEPS, runTask, streamTask, taskContext, type KeptState, type StreamName, type StreamInput, type TaskContext, type TaskName, type TaskInput, type TaskOutput } from './tasks';

/** How many chunks a streaming task may send ahead of what the client has taken. */
const STREAM_WINDOW = 4;

/**
 * Starts a worker on its entry: the bundled `.js` beside this module in production, else the `.ts`
 * source, loaded through tsx's loader (registered inside the worker, where `--import` is not honoured).
 */
function startWorker(workerData: WorkerSetup): Worker {
  // A bound on each worker's heap: the largest build (the national GeoJSON) needs about a third of it.
  const resourceLimits = { maxOldGenerationSizeMb: 384 };
  const js = new URL('./task-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return new Worker(js, { workerData, resourceLimits });
  const ts = new URL('./task-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(ts)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}

/** 503: the pool is closing, as the server shuts down. */
function shuttingDown(): HttpError {
  return new HttpError(503, 'shutting_down', '服务器正在停止，请稍后再试 / The server is shutting down; try again shortly');
}

/** Turns a worker's failure back into the error the route would have thrown. */
function failureToError(f: TaskFailure): Error {
  return f.status ? new HttpError(f.status, f.code ?? 'error', f.message) : new Error(f.message);
}

interface Job {
  id: number;
  message: ToWorker & { kind: 'run' | 'stream' };
  onMessage(message: FromWorker): void;
  onExit(error: Error): void;
  /** Called when a worker takes the job (streams start granting credit then). */
  onStart?(slot: Slot): void;
}

/** Options of one task run. */
export interface RunOptions { onProgress?: (value: unknown) => void }

interface Slot { worker: Worker; job: Job | null; idleTimer?: NodeJS.Timeout }

/**
 * A worker idle this long is stopped, handing its memory (isolate, replay index, point fragments, SQLite
 * cache: about 90 MB each at national scale) back. A new one starts in about 50 ms, but its first builds
 * load and compile its modules and read the whole registry again: about 2 s of CPU each for the first
 * map and the first tally index at national scale, against 0.3–0.4 s once warm. A minute covers an
 * official's pace between saves, so a working session keeps its workers warm.
 */
export const WORKER_IDLE_MS = 60_000;

/** What the pool is doing now (for readiness). */
export interface PoolState {
  /** The most workers it runs (0: tasks run inline, on an in-memory database). */
  size: number;
  /** Workers started (they stop when idle, and start again on the next task). */
  workers: number;
  /** Workers running a task. */
  busy: number;
  /** Tasks waiting for a worker. */
  queued: number;
  /** Whether `close()` was called (the server is stopping). */
  closed: boolean;
}

/** The pool's interface: one result, or a stream of chunks. */
export interface TaskPool {
  /** Runs a task and resolves with its result; `onProgress` hears what the task reports as it goes. */
  run<N extends TaskName>(name: N, input: TaskInput<N>, options?: RunOptions): Promise<TaskOutput<N>>;
  /** Runs a streaming task; the Readable pulls chunks from the worker as it is read. */
  stream<N extends StreamName>(name: N, input: StreamInput<N>): Readable;
  /** Stops the workers. */
  close(): Promise<void>;
  /** What it is doing now. */
  state(): PoolState;
}

/** Creates the pool for a database file (`size` workers at most; 2 by default, fewer on one core). */
export function createTaskPool(db: Db, databasePath: string, size = Math.max(1, Math.min(2, availableParallelism()))): TaskPool {
  if (databasePath === ':memory:') return inlinePool(taskContext(db, () => db));
  return new WorkerPool({ databasePath }, size, mallocTrim());
}

/** A worker place as the pool sees it when it places a job: no worker, a free one, a busy one. */
export type PlaceState = 'none' | 'free' | 'busy';

/** The place of the worker that keeps each kind of state (on one core, both are the one worker). */
const HOME: Record<KeptState, number> = { replay: 0, points: 1 };

/**
 * Where a job starts now: the index of a place (a worker is started there when it has none), or undefined
 * to wait in the queue. A task that reads a kept state (`keeps`) runs in that state's home only, waiting
 * for it when busy; any other task takes a free worker, the last first, else starts one in the first
 * empty place.
 */
export function placeFor(keeps: KeptState | undefined, places: readonly PlaceState[]): number | undefined {
  if (keeps) {
    const home = Math.min(HOME[keeps], places.length - 1);
    return places[home] === 'busy' ? undefined : home;
  }
  const free = places.lastIndexOf('free');
  if (free >= 0) return free;
  const empty = places.indexOf('none');
  return empty >= 0 ? empty : undefined;
}

class WorkerPool implements TaskPool {
  /** The workers by place (placeFor): a place is empty until a job needs it, and again once its worker stops. */
  private readonly slots: (Slot | undefined)[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly setup: WorkerSetup, private readonly size: number, private readonly afterStop: TrimMemory | null) {
    this.slots = new Array<Slot | undefined>(size).fill(undefined);
  }

  /** The workers started. */
  private started(): Slot[] {
    return this.slots.filter((s): s is Slot => s !== undefined);
  }

  run<N extends TaskName>(name: N, input: TaskInput<N>, { onProgress }: RunOptions = {}): Promise<TaskOutput<N>> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.submit({
        id,
        message: { id, kind: 'run', name, input },
        onMessage: (m) => {
          if (m.kind === 'progress') onProgress?.(m.value);
          else if (m.kind === 'result') resolve(m.result as TaskOutput<N>);
          else if (m.kind === 'error') reject(failureToError(m.error));
        },
        onExit: reject,
      });
    });
  }

  stream<N extends StreamName>(name: N, input: StreamInput<N>): Readable {
    const id = this.nextId++;
    let slot: Slot | undefined;
    let started = false;
    const credit = (n: number) => slot?.worker.postMessage({ id, kind: 'credit', n } satisfies ToWorker);
    const readable = new Readable({
      read: () => { if (started) credit(1); },
      destroy: (error, callback) => {
        if (slot?.job?.id === id) slot.worker.postMessage({ id, kind: 'cancel' } satisfies ToWorker);
        const queued = this.queue.findIndex((j) => j.id === id);
        if (queued >= 0) this.queue.splice(queued, 1);
        callback(error);
      },
    });
    this.submit({
      id,
      message: { id, kind: 'stream', name, input },
      onMessage: (m) => {
        if (m.kind === 'chunk') readable.push(Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength));
        else if (m.kind === 'end') readable.push(null);
        else if (m.kind === 'error') readable.destroy(failureToError(m.error));
      },
      onExit: (error) => readable.destroy(error),
      onStart: (s) => { slot = s; started = true; credit(STREAM_WINDOW); },
    });
    return readable;
  }

  state(): PoolState {
    return {
      size: this.size, workers: this.started().length, busy: this.started().filter((s) => s.job !== null).length, queued: this.queue.length, closed: this.closed,
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.onExit(shuttingDown());
    await Promise.all(this.started().map((s) => s.worker.terminate()));
    this.slots.fill(undefined);
  }

  private submit(job: Job): void {
    if (this.closed) { job.onExit(shuttingDown()); return; }
    this.queue.push(job);
    this.dispatch();
  }

  /** Starts queued jobs, in order, on the workers they may run on (placeFor). */
  private dispatch(): void {
    for (let i = 0; i < this.queue.length;) {
      const job = this.queue[i];
      const slot = this.slotFor(job);
      if (!slot) { i++; continue; }
      this.queue.splice(i, 1);
      clearTimeout(slot.idleTimer);
      slot.job = job;
      slot.worker.postMessage(job.message);
      job.onStart?.(slot);
    }
  }

  /** The worker a job starts on now (started for it when its place is empty), if any. */
  private slotFor(job: Job): Slot | undefined {
    const keeps = job.message.kind === 'run' ? TASK_KEEPS[job.message.name as TaskName] : undefined;
    const place = placeFor(keeps, this.slots.map((s) => (s === undefined ? 'none' : s.job === null ? 'free' : 'busy')));
    if (place === undefined) return undefined;
    return this.slots[place] ?? this.spawn(place);
  }

  /** Stops an idle worker (a busy one keeps running). */
  private retire(slot: Slot): void {
    if (slot.job !== null) return;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots[i] = undefined;
    // A stopped worker's native memory (its SQLite cache, compiler zones) is freed into the C allocator's
    // arenas, where it would stay as holes: hand it back to the system (malloc-trim.ts).
    void slot.worker.terminate().then(() => this.afterStop?.());
  }

  private spawn(place: number): Slot {
    const worker = startWorker(this.setup);
    const slot: Slot = { worker, job: null };
    worker.on('message', (m: FromWorker) => {
      const job = slot.job;
      if (!job || job.id !== m.id) return; // a cancelled job's late chunks
      if (m.kind !== 'chunk' && m.kind !== 'progress') {
        slot.job = null;
        slot.idleTimer = setTimeout(() => this.retire(slot), WORKER_IDLE_MS).unref();
        setImmediate(() => this.dispatch());
      }
      job.onMessage(m);
    });
    const fail = (error: Error) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots[i] = undefined;
      slot.job?.onExit(error);
      slot.job = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    // Stopped by close(): the request in flight is told the server is going away (503), not a server fault.
    worker.on('exit', (code) => fail(this.closed ? shuttingDown() : new Error(`A task worker stopped (exit code ${code})`)));
    worker.unref();
    this.slots[place] = slot;
    return slot;
  }
}

/** The pool for an in-memory database: the same tasks, run on the event loop. */
function inlinePool(ctx: TaskContext): TaskPool {
  return {
    run: async <N extends TaskName>(name: N, input: TaskInput<N>, { onProgress }: RunOptions = {}) =>
      (await runTask({ ...ctx, progress: onProgress ?? (() => {}) }, name, input)) as TaskOutput<N>,
    stream: (name, input) => Readable.from((async function* () {
      for await (const chunk of streamTask(ctx, name, input)) yield Buffer.from(chunk);
    })()),
    close: async () => {},
    state: () => ({ size: 0, workers: 0, busy: 0, queued: 0, closed: false }),
  };
}
