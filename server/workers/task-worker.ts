/**
 * The entry of a task worker: opens the database read-only and runs what the pool sends, one task
 * at a time. A streaming task sends a chunk only while it has credit, and stops when cancelled.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyDb, openWritableDb } from '../../db/open';
import { HttpError } from '../errors';
import type { FromWorker, TaskFailure, ToWorker, WorkerSetup } from './protocol';
import { lowerThisThread } from './thread-priority';
import { runTask, streamTask, taskContext, type StreamName, type TaskName } from './tasks';

lowerThisThread();

const port = parentPort!;
const setup = workerData as WorkerSetup;
const ctx = taskContext(openReadOnlyDb(setup.databasePath), () => openWritableDb(setup.databasePath));

let credit = 0;
let cancelled = false;
let wake: (() => void) | null = null;

const send = (message: FromWorker) => port.postMessage(message);

function failure(error: unknown): TaskFailure {
  if (error instanceof HttpError) return { message: error.message, status: error.status, code: error.code };
  return { message: error instanceof Error ? error.message : String(error) };
}

/** Waits until the main thread grants credit for another chunk (or cancels). */
async function waitForCredit(): Promise<void> {
  while (credit <= 0 && !cancelled) await new Promise<void>((resolve) => { wake = resolve; });
}

async function stream(id: number, name: StreamName, input: unknown): Promise<void> {
  const encoder = new TextEncoder();
  const chunks = streamTask(ctx, name, input as never)[Symbol.asyncIterator]();
  try {
    for (;;) {
      await waitForCredit();
      if (cancelled) break;
      const next = await chunks.next();
      if (next.done) break;
      credit--;
      const chunk = typeof next.value === 'string' ? encoder.encode(next.value) : next.value;
      send({ id, kind: 'chunk', chunk });
    }
    send({ id, kind: 'end' });
  } finally {
    await chunks.return?.(undefined);
  }
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'credit') { credit += message.n; wake?.(); return; }
  if (message.kind === 'cancel') { cancelled = true; wake?.(); return; }
  const { id, name, input } = message;
  credit = 0;
  cancelled = false;
  const progress = (value: unknown) => send({ id, kind: 'progress', value });
  const done = message.kind === 'run'
    ? Promise.resolve().then(() => runTask({ ...ctx, progress }, name as TaskName, input as never)).then((result) => send({ id, kind: 'result', result }))
    : stream(id, name as StreamName, input);
  done.catch((error: unknown) => send({ id, kind: 'error', error: failure(error) }));
});
