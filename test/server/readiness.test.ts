/**
 * Liveness and readiness: /api/health stays a cheap read; /api/ready writes to the database for real, compares
 * its migrations with the journal, and pings a task worker, and answers 503 naming the check that failed: the
 * database locked by another writer, a migration this release does not know, workers that cannot start or a
 * pool that is stopping.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open';
import { checkDatabaseWritable, checkMigrations, checkPhotos, checkWorkers, readJournal } from '../../server/readiness';
import { createTaskPool } from '../../server/workers/task-pool';
import { WriteGate } from '../../server/write-gate';
import { call, startServer, type TestServer } from '../support/server';

let s: TestServer;
/** A second connection to the server's database file, as another process would hold one. */
let other: Database.Database;
beforeAll(async () => {
  s = await startServer({ seed: false });
  other = new Database(s.dbFile);
});
afterAll(async () => {
  other.close();
  await s.close();
});

/** SQLite's count of commits by other connections, seen from `other`. */
const commits = () => other.pragma('data_version', { simple: true }) as number;

describe('GET /api/health', () => {
  it('answers from a read alone (no write reaches the file)', async () => {
    const before = commits();
    expect(await call(`${s.url}/api/health`)).toMatchObject({ status: 200, body: { ok: true } });
    expect(commits()).toBe(before);
  });
});

describe('GET /api/ready', () => {
  it('is ready: the database took a write, the migrations are the journal\u2019s, a worker answered', async () => {
    const before = commits();
    const res = await call(`${s.url}/api/ready`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { count } = readJournal();
    expect(res.body).toEqual({
      ready: true,
      checks: {
        database: { ok: true, detail: 'written' },
        migrations: { ok: true, detail: `${count} of ${count} migrations applied` },
        workers: { ok: true, detail: expect.stringMatching(/^\d of 2 busy, 0 queued$|^0 of 1 busy, 0 queued$/) },
        photos: { ok: true, detail: expect.stringMatching(/^0 decoding, 0 waiting, 0 of \d+ MP$/) },
      },
    });
    expect(commits()).toBeGreaterThan(before); // a real commit, seen by another connection
  });

  it('is not ready (503) while another connection holds the write lock, and logs why', async () => {
    other.exec('BEGIN IMMEDIATE');
    try {
      const res = await call(`${s.url}/api/ready`);
      expect(res.status).toBe(503);
      expect(res.body.ready).toBe(false);
      expect(res.body.checks.database).toEqual({ ok: false, detail: expect.stringMatching(/^cannot write: database is locked/) });
      expect(res.body.checks.migrations.ok).toBe(true);
      expect(s.logs()).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'not ready', checks: res.body.checks }));
    } finally {
      other.exec('ROLLBACK');
    }
    // The server's own connection keeps its usual wait for the lock.
    expect((await call(`${s.url}/api/ready`)).status).toBe(200);
  });

  it('is not ready when the database has a migration this release does not know', async () => {
    other.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('from-a-newer-release', Date.now() + 1e9);
    try {
      const res = await call(`${s.url}/api/ready`);
      expect(res.status).toBe(503);
      expect(res.body.checks.migrations).toEqual({ ok: false, detail: expect.stringContaining('migrated by a newer release') });
    } finally {
      other.prepare('DELETE FROM __drizzle_migrations WHERE hash = ?').run('from-a-newer-release');
    }
  });
});

describe('the checks on their own', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'gi-ready-')); });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an older database (a migration missing) is not ready', () => {
    const db = openDb(join(dir, 'old.sqlite'));
    try {
      db.$client.exec('DELETE FROM __drizzle_migrations WHERE rowid = (SELECT max(rowid) FROM __drizzle_migrations)');
      expect(checkMigrations(db.$client, readJournal())).toEqual({ ok: false, detail: expect.stringContaining('migrations are pending') });
    } finally {
      db.$client.close();
    }
  });

  it('while an import holds the write gate the write probe waits its turn (ready: writes queue by design)', async () => {
    const db = openDb(join(dir, 'gate.sqlite'));
    const gate = new WriteGate();
    let release!: () => void;
    const held = gate.hold(() => new Promise<void>((resolve) => { release = resolve; }));
    await new Promise((resolve) => setImmediate(resolve)); // the import has started
    try {
      expect(checkDatabaseWritable(db.$client, gate)).toEqual({ ok: true, detail: 'an import is writing; other writes wait for it' });
    } finally {
      release();
      await held;
      db.$client.close();
    }
  });

  it('workers that cannot open the database fail the ping; a stopped pool is not ready', async () => {
    const file = join(dir, 'workers.sqlite');
    const db = openDb(file);
    try {
      const broken = createTaskPool(db, join(dir, 'no-such.sqlite'));
      expect(await checkWorkers(broken)).toEqual({ ok: false, detail: expect.stringContaining('a worker did not answer') });
      await broken.close();
      const pool = createTaskPool(db, file);
      expect(await checkWorkers(pool)).toEqual({ ok: true, detail: expect.stringMatching(/busy, 0 queued$/) });
      await pool.close();
      expect(await checkWorkers(pool)).toEqual({ ok: false, detail: 'stopping' });
    } finally {
      db.$client.close();
    }
  });
});

describe('the photo queue check', () => {
  const state = { running: 1, waiting: 3, megapixels: 140, budgetMegapixels: 150, closed: false, full: false };
  it('reports the queue\u2019s load; a full queue is still ready (photos wait), a closed one is not', () => {
    expect(checkPhotos(state)).toEqual({ ok: true, detail: '1 decoding, 3 waiting, 140 of 150 MP' });
    expect(checkPhotos({ ...state, full: true })).toEqual({ ok: true, detail: '1 decoding, 3 waiting, 140 of 150 MP (full: new photos wait)' });
    expect(checkPhotos({ ...state, closed: true, full: true })).toEqual({ ok: false, detail: 'stopping' });
  });
});
