/**
 * The miss counter never writes inside the answer: counts wait for the next turn of the event loop,
 * are added in one batch, and wait while a long write (an import) holds the gate.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../../db/open';
import * as t from '../../../db/schema';
import { VerifyMissCounter } from '../../../server/domain/marks/verify-misses';

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
