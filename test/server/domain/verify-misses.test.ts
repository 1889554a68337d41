/**
 * The miss counter never writes inside the answer: counts wait for the next turn of the event loop,
 * are added in one batch, and wait while a long write (an import) holds the gate.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/open';
import * as t from '../../../db/schema';
import { MAX_MISSES_KEPT } from '../../../db/model';
import { pruneVerifyMisses, VerifyMissCounter } from '../../../server/domain/marks/verify-misses';

let db: Db;
beforeEach(() => { db = openDb(':memory:'); });

const turn = () => new Promise((resolve) => setImmediate(resolve));
const counts = () => Object.fromEntries(db.select().from(t.verifyMisses).all().map((r) => [r.key, r.count]));

describe('VerifyMissCounter', () => {
  it('adds the misses of one turn in one batch, after the caller has returned', async () => {
    const counter = new VerifyMissCounter(db, { now: () => new Date('2026-03-10T04:00:00Z'), mayWrite: () => true, writable: async () => {} });
    counter.record('name', '某某蜂业');
    counter.record('name', '某某蜂业');
    counter.record('credit_code', '91140521MA0KDATA1X');
    expect(counts()).toEqual({}); // nothing written while the answer is being sent
    await turn();
    expect(counts()).toEqual({ 某某蜂业: 2, '91140521MA0KDATA1X': 1 });
    counter.record('name', '某某蜂业');
    counter.flush();
    expect(counts()).toEqual({ 某某蜂业: 3, '91140521MA0KDATA1X': 1 });
    expect(db.select().from(t.verifyMisses).all()[0]).toMatchObject({ firstAt: '2026-03-10T04:00:00.000Z', lastAt: '2026-03-10T04:00:00.000Z' });
  });

  it('waits while the write gate is held, then writes', async () => {
    let busy = true;
    let release!: () => void;
    const free = new Promise<void>((resolve) => { release = resolve; });
    const counter = new VerifyMissCounter(db, { now: () => new Date(), mayWrite: () => !busy, writable: () => free });
    counter.record('name', '导入时的查询');
    await turn();
    await turn();
    expect(counts()).toEqual({});
    busy = false;
    release();
    await free;
    await turn();
    expect(counts()).toEqual({ 导入时的查询: 1 });
  });
});

describe('the table does not grow with every look-up', () => {
  const insert = (key: string, count: number, lastAt: string) =>
    db.insert(t.verifyMisses).values({ key, kind: 'name', count, firstAt: lastAt, lastAt }).run();

  it('a write forgets keys asked fewer than three times and not for 90 days; frequent or recent keys stay', async () => {
    insert('一次的错字', 1, '2026-01-01T00:00:00.000Z');
    insert('两次的旧查询', 2, '2026-05-01T00:00:00.000Z');
    insert('常被问到的旧名', 7, '2025-01-01T00:00:00.000Z');
    insert('最近的一次', 1, '2026-09-01T00:00:00.000Z');
    const counter = new VerifyMissCounter(db, { now: () => new Date('2026-10-01T00:00:00Z'), mayWrite: () => true, writable: async () => {} });
    counter.record('name', '今天的查询');
    await turn();
    expect(counts()).toEqual({ 常被问到的旧名: 7, 最近的一次: 1, 今天的查询: 1 });
  });

  it('keeps at most MAX_MISSES_KEPT keys, dropping the least asked first', () => {
    const rows = Array.from({ length: MAX_MISSES_KEPT + 5 }, (_, i) => ({
      key: `k${i}`, kind: 'name' as const, count: i < 5 ? 1 : 10, firstAt: '2026-09-30T00:00:00.000Z', lastAt: '2026-09-30T00:00:00.000Z',
    }));
    db.transaction((tx) => { for (const r of rows) tx.insert(t.verifyMisses).values(r).run(); });
    pruneVerifyMisses(db, new Date('2026-10-01T00:00:00Z'));
    const left = counts();
    expect(Object.keys(left)).toHaveLength(MAX_MISSES_KEPT);
    expect(['k0', 'k1', 'k2', 'k3', 'k4'].filter((k) => k in left)).toEqual([]);
  });
});
