/**
 * Readiness (GET /api/ready), apart from liveness (GET /api/health, which only asks the database for
 * `select 1`): whether this process can do its whole job now. Each check says what it found; the answer is
 * ready only when every check passes. A load balancer or systemd's watchdog takes a process that is not
 * ready out of rotation; one that is not alive is restarted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { MIGRATIONS_FOLDER } from '../db/open';
import type { PoolState, TaskPool } from './workers/task-pool';
import type { WriteGate } from './write-gate';
import { photoQueueState, type PhotoQueueState } from './documents/photo-queue';

/** What one check found. */
export interface Check { ok: boolean; detail: string }

/** The answer: ready when every check is ok. */
export interface Readiness {
  ready: boolean;
  checks: { database: Check; migrations: Check; workers: Check; photos: Check };
}

/** What the checks look at. */
export interface ReadinessSources {
  sqlite: Database.Database;
  pool: TaskPool;
  writeGate: WriteGate;
  /** The migrations this code knows, from the journal it was built with. */
  journal?: MigrationJournal;
  /** The photo decode queue (server/documents/photo-queue.ts). */
  photos?: PhotoQueueState;
}

/** The migration journal's entries this code knows (db/migrations/meta/_journal.json), in order. */
export interface MigrationJournal { count: number; lastWhen: number }

/** Reads the migration journal once (the code's, not whatever a later release puts on disk). */
export function readJournal(folder = MIGRATIONS_FOLDER): MigrationJournal {
  const { entries } = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return { count: entries.length, lastWhen: entries[entries.length - 1]?.when ?? 0 };
}

/** How long the write probe waits for SQLite's lock (the event loop waits with it). */
const WRITE_PROBE_WAIT_MS = 200;
/** How long a task worker may take to answer a ping (a cold start through tsx is about a second). */
const WORKER_PING_MS = 5_000;

/**
 * The database takes a real write: a write transaction that rewrites the schema version with its own
 * value (a page of the WAL and an fsync, no table touched, the registry version unmoved). While an import
 * holds the write gate the probe is skipped: writes wait behind it, which is the design, not a fault.
 */
export function checkDatabaseWritable(sqlite: Database.Database, gate: WriteGate): Check {
  if (gate.busy) return { ok: true, detail: 'an import is writing; other writes wait for it' };
  if (sqlite.inTransaction) return { ok: true, detail: 'a transaction is open' };
  const wait = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma(`busy_timeout = ${WRITE_PROBE_WAIT_MS}`);
  try {
    const version = sqlite.pragma('user_version', { simple: true }) as number;
    sqlite.exec(`BEGIN IMMEDIATE; PRAGMA user_version = ${version}; COMMIT`);
    return { ok: true, detail: 'written' };
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    return { ok: false, detail: `cannot write: ${(error as Error).message}` };
  } finally {
    sqlite.pragma(`busy_timeout = ${wait}`);
  }
}

/** The database has run exactly the migrations this code knows (drizzle's `__drizzle_migrations` against the journal). */
export function checkMigrations(sqlite: Database.Database, journal: MigrationJournal): Check {
  const row = sqlite.prepare('SELECT count(*) AS n, max(created_at) AS last FROM __drizzle_migrations').get() as { n: number; last: number | null };
  const at = `${row.n} of ${journal.count} migrations`;
  if (row.n === journal.count && Number(row.last) === journal.lastWhen) return { ok: true, detail: `${at} applied` };
  return { ok: false, detail: row.n > journal.count || Number(row.last) > journal.lastWhen
    ? `${at}: the database was migrated by a newer release` : `${at}: migrations are pending (restart to apply them)` };
}

/**
 * The task workers answer: a ping through the pool (a worker starts if none is running, opens the database
 * and reads it). When every worker is busy the pool is working, so it is not pinged (a ping would wait).
 */
export async function checkWorkers(pool: TaskPool): Promise<Check> {
  const state: PoolState = pool.state();
  if (state.closed) return { ok: false, detail: 'stopping' };
  const load = `${state.busy} of ${state.size} busy, ${state.queued} queued`;
  if (state.size > 0 && state.busy === state.size) return { ok: true, detail: load };
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${WORKER_PING_MS / 1000} s`)), WORKER_PING_MS);
  });
  try {
    await Promise.race([pool.run('ping', null), late]);
    return { ok: true, detail: state.size === 0 ? 'inline (in-memory database)' : load };
  } catch (error) {
    return { ok: false, detail: `a worker did not answer: ${(error as Error).message}` };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The photo decode queue: its load against its pixel budget. A full queue is still ready (a new photo
 * waits its turn, and everything else is served); a closed one (shutting down) is not.
 */
export function checkPhotos(state: PhotoQueueState): Check {
  const load = `${state.running} decoding, ${state.waiting} waiting, ${state.megapixels} of ${state.budgetMegapixels} MP`;
  if (state.closed) return { ok: false, detail: 'stopping' };
  return { ok: true, detail: state.full ? `${load} (full: new photos wait)` : load };
}

/** Every check, run now. */
export async function readiness({ sqlite, pool, writeGate, journal = readJournal(), photos = photoQueueState() }: ReadinessSources): Promise<Readiness> {
  const checks = {
    database: checkDatabaseWritable(sqlite, writeGate),
    migrations: checkMigrations(sqlite, journal),
    workers: await checkWorkers(pool),
    photos: checkPhotos(photos),
  };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}
