/** The task pool: tasks run in worker threads on their own connection, idle workers stop, and a closing pool answers 503. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type Db } from '../../db/open';
import { reviveReadyBody } from '../../server/answer';
import { HttpError } from '../../server/errors';
import { identityBytes, type Encoding } from '../../server/snapshot/ready-body';
import { createTaskPool, placeFor } from '../../server/workers/task-pool';
import { WORKER_NICE } from '../../server/workers/thread-priority';
import { loadSeeds } from '../../seeds/loader';

let dir: string;
let db: Db;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gi-pool-'));
  file = join(dir, 'registry.sqlite');
  db = openDb(file);
  loadSeeds(db);
});
afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the task pool', () => {
  it('builds in a worker what the same code builds inline', async () => {
    const pool = createTaskPool(db, file, 1);
    const inline = createTaskPool(db, ':memory:');
    try {
      const input = { period: 1, asOf: '2020-12-31', today: '2026-11-25', encodings: [] as never[] };
      const [fromWorker, fromInline] = await Promise.all([pool.run('tally', input), inline.run('tally', input)]);
      expect(Buffer.from(fromWorker.raw!).toString()).toBe(Buffer.from(fromInline.raw!).toString());
      await expect(pool.run('tally', { ...input, period: 99 })).rejects.toMatchObject({ status: 404 });
    } finally {
      await pool.close();
    }
  });

  it('sends a compressed body without its identity bytes, which are unpacked from it when asked for', async () => {
    const pool = createTaskPool(db, file, 1);
    const inline = createTaskPool(db, ':memory:');
    try {
      const input = { filter: {}, viewer: null, encodings: ['br'] as Encoding[] };
      const [sent, plain] = await Promise.all([pool.run('productsGeoJson', input), inline.run('productsGeoJson', { ...input, encodings: [] })]);
      const body = reviveReadyBody(sent);
      expect(body.raw).toBeNull();
      expect(body.br).not.toBeNull();
      expect(identityBytes(body).toString()).toBe(Buffer.from(plain.raw!).toString());
      expect(body.length).toBe(plain.raw!.length);
    } finally {
      await pool.close();
    }
  });

  it('tells tasks in flight and queued that the server is shutting down (503, not a fault)', async () => {
    const pool = createTaskPool(db, file, 1);
    const input = { filter: {}, viewer: null, encodings: [] as never[] };
    const inFlight = pool.run('productsGeoJson', input);
    const queued = pool.run('productsGeoJson', input);
    const settled = Promise.allSettled([inFlight, queued]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.close();
    const results = await settled;
    // Each either finished before the close or was told 503 — never a bare "worker stopped" fault.
    for (const result of results) {
      if (result.status === 'rejected') {
        expect(result.reason).toBeInstanceOf(HttpError);
        expect(result.reason).toMatchObject({ status: 503, code: 'shutting_down' });
      }
    }
    await expect(pool.run('productsGeoJson', input)).rejects.toMatchObject({ status: 503 });
  });

  it('stops a worker left idle, handing its memory back, and starts a new one for the next task', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pool = createTaskPool(db, file, 1);
    try {
      expect(await pool.run('ping', null)).toBeGreaterThan(0);
      expect(pool.state()).toMatchObject({ workers: 1, busy: 0 });
      vi.runOnlyPendingTimers(); // its idle time is up
      expect(pool.state()).toMatchObject({ workers: 0, busy: 0 });
      expect(await pool.run('ping', null)).toBeGreaterThan(0);
      expect(pool.state()).toMatchObject({ workers: 1, busy: 0 });
    } finally {
      vi.useRealTimers();
      await pool.close();
    }
  });

  it('runs the tasks that read the replay index on one worker, one after another, and other tasks beside them', async () => {
    const pool = createTaskPool(db, file, 2);
    try {
      const today = '2026-11-25';
      const replayTasks = [
        pool.run('tally', { period: 1, asOf: '2020-12-31', today, encodings: [] }),
        pool.run('series', { period: 1, step: 'year', today, encodings: [] }),
      ];
      // The second waits for the first worker rather than starting a second one (which would load the index again).
      expect(pool.state()).toMatchObject({ workers: 1, busy: 1, queued: 1 });
      const other = pool.run('productsGeoJson', { filter: {}, viewer: null, encodings: [] });
      expect(pool.state()).toMatchObject({ workers: 2, busy: 2, queued: 1 });
      const [tally, series] = await Promise.all(replayTasks);
      expect(JSON.parse(Buffer.from(tally.raw!).toString())).toMatchObject({ asOf: '2020-12-31' });
      expect(JSON.parse(Buffer.from(series.raw!).toString())).toMatchObject({ step: 'year' });
      expect(JSON.parse(Buffer.from((await other).raw!).toString())).toMatchObject({ type: 'FeatureCollection' });
      expect(pool.state()).toMatchObject({ workers: 2, busy: 0, queued: 0 });
    } finally {
      await pool.close();
    }
  });

  it('places each kept state on one worker of its own, waiting for it when busy, and other tasks on any free worker', () => {
    // The replay index lives in the first place, the map's point fragments in the second.
    expect(placeFor('replay', ['none', 'none'])).toBe(0);
    expect(placeFor('points', ['none', 'none'])).toBe(1);
    expect(placeFor('points', ['free', 'busy'])).toBeUndefined();
    expect(placeFor('replay', ['busy', 'free'])).toBeUndefined();
    expect(placeFor('points', ['busy', 'free'])).toBe(1);
    // On one core, both live in the one worker.
    expect(placeFor('points', ['free'])).toBe(0);
    expect(placeFor('replay', ['busy'])).toBeUndefined();
    // Other tasks: a free worker, the last first; else a new one in the first empty place; else wait.
    expect(placeFor(undefined, ['free', 'free'])).toBe(1);
    expect(placeFor(undefined, ['free', 'busy'])).toBe(0);
    expect(placeFor(undefined, ['busy', 'none'])).toBe(1);
    expect(placeFor(undefined, ['none', 'busy'])).toBe(0);
    expect(placeFor(undefined, ['busy', 'busy'])).toBeUndefined();
  });

  it('runs its workers below the event loop’s priority (nice 10 on their threads, 0 on the rest)', async () => {
    const niceOf = () => readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]); // field 19, nice
    });
    const before = niceOf();
    expect(before.filter((n) => n === WORKER_NICE)).toEqual([]);
    const pool = createTaskPool(db, file, 2);
    try {
      await Promise.all([pool.run('ping', null), pool.run('productsGeoJson', { filter: {}, viewer: null, encodings: [] })]);
      expect(pool.state().workers).toBe(2);
      const after = niceOf();
      expect(after.filter((n) => n === WORKER_NICE)).toHaveLength(2);
      expect(after.filter((n) => n === WORKER_NICE).length + before.length).toBeLessThanOrEqual(after.length);
      expect(readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')[16]).toBe('0'); // the event loop's thread
    } finally {
      await pool.close();
    }
  });
});
