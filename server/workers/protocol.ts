/**
 * The messages between the server's event loop and its task workers. A task either returns one
 * result (`run`) or streams chunks (`stream`) paced by credits the main thread grants as the client
 * reads, so a slow download never piles the file up in memory.
 */

/** A failure inside a worker, carried back with the HTTP status it should become. */
export interface TaskFailure { message: string; status?: number; code?: string }

/** Main thread → worker. */
export type ToWorker =
  | { id: number; kind: 'run' | 'stream'; name: string; input: unknown }
  | { id: number; kind: 'credit'; n: number }
  | { id: number; kind: 'cancel' };

/** Worker → main thread. */
export type FromWorker =
  | { id: number; kind: 'result'; result: unknown }
  | { id: number; kind: 'progress'; value: unknown }
  | { id: number; kind: 'chunk'; chunk: Uint8Array }
  | { id: number; kind: 'end' }
  | { id: number; kind: 'error'; error: TaskFailure };

/** The settings a worker starts with. */
export interface WorkerSetup { databasePath: string }
