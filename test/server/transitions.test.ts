/** Status moves over HTTP: the table of allowed moves, the date rules, validUntil on grant, who moved it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_MOVES, STATUSES, todayInShanghai, type Status } from '../../db/model';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

let s: TestServer;
let cookie: string;
let productId: number;

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qinshui', 'official', '140521');
  cookie = await signIn(s.url, 'qinshui');
  productId = (await send(s.url, 'POST', '/api/products', { nameZh: '沁水测试', category: 'food', counties: ['140521'] }, cookie)).body.id;
});
afterAll(() => s.close());

/** A designation started on 2020-01-01 and moved along `path` (one move a month). */
async function designationAt(path: Status[], giType = 'protected_product') {
  const body = giType === 'trademark' ? { giType, markKind: 'collective', startedOn: '2020-01-01' } : { giType, startedOn: '2020-01-01' };
  const created = await send(s.url, 'POST', `/api/products/${productId}/designations`, body, cookie);
  expect(created.status).toBe(201);
  for (const [i, to] of path.entries()) {
    const res = await send(s.url, 'POST', `/api/designations/${created.body.id}/transitions`, { to, on: `2020-${String(i + 2).padStart(2, '0')}-01`, note: '', confirmIncomplete: to === 'filed' }, cookie);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  return created.body.id as number;
}

/** A path from cultivating to each status, along allowed moves (`converted` is reached only by recording a conversion: conversion.test.ts). */
const PATHS: Record<Exclude<Status, 'converted'>, Status[]> = {
  cultivating: [], filed: ['filed'], published: ['filed', 'published'], granted: ['filed', 'granted'],
  rejected: ['filed', 'rejected'], withdrawn: ['withdrawn'], revoked: ['filed', 'granted', 'revoked'],
  expired: ['filed', 'granted', 'expired'],
};

const table = STATUSES.filter((from) => from !== 'converted')
  .flatMap((from) => STATUSES.map((to) => ({ from, to, allowed: ALLOWED_MOVES[from].includes(to) })));

describe('the move table', () => {
  it.each(table)('$from → $to allowed: $allowed', async ({ from, to, allowed }) => {
    const id = await designationAt(PATHS[from]);
    const res = await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to, on: '2021-01-01', note: 'n', confirmIncomplete: to === 'filed' }, cookie);
    if (to === 'converted') {
      // Not a move of its own: it is recorded with the designation it became (POST …/conversion).
      expect([res.status, res.body.error.issues[0].path]).toEqual([400, ['to']]);
    } else if (allowed) {
      expect(res.status).toBe(201);
      expect(res.body.status).toBe(to);
    } else {
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('illegal_transition');
      for (const next of ALLOWED_MOVES[from]) expect(res.body.error.message).toContain(next);
    }
  });
});

describe('dates and effects', () => {
  it('defaults the start to today in Asia/Shanghai and records who moved it', async () => {
    const res = await send(s.url, 'POST', `/api/products/${productId}/designations`, { giType: 'agricultural_product' }, cookie);
    expect(res.body.status).toBe('cultivating');
    expect(res.body.transitions).toEqual([{ to: 'cultivating', on: todayInShanghai(), note: '', by: 'qinshui' }]);
  });

  it('allows a move on the same day as the previous one, not before it', async () => {
    const id = await designationAt(['filed']);
    const early = await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'published', on: '2020-01-31' }, cookie);
    expect(early.status).toBe(400);
    // Chinese, then " / ", then English: the pages show the half in their language.
    expect(early.body.error.issues[0].message.split(' / ')).toEqual(['日期不能早于上一次变更（2020-02-01）', 'The date may not be before the previous move (2020-02-01)']);
    const ok = await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'published', on: '2020-02-01' }, cookie);
    expect(ok.status).toBe(201);
    expect(ok.body.transitions.map((m: { to: string }) => m.to)).toEqual(['cultivating', 'filed', 'published']);
    expect(ok.body.filedOn).toBe('2020-02-01');
  });

  it('refuses a move dated tomorrow, accepts one dated today', async () => {
    const id = await designationAt([]);
    const tomorrow = todayInShanghai(new Date(Date.now() + 86_400_000));
    expect((await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'filed', on: tomorrow, confirmIncomplete: true }, cookie)).status).toBe(400);
    expect((await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'filed', on: todayInShanghai(), confirmIncomplete: true }, cookie)).status).toBe(201);
  });

  it('gives a granted trademark a 10-year validUntil', async () => {
    const id = await designationAt(['filed', 'published'], 'trademark');
    const res = await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'granted', on: '2020-06-14' }, cookie);
    expect(res.body).toMatchObject({ status: 'granted', grantedOn: '2020-06-14', validUntil: '2030-06-13' });
  });

  it('keeps a validUntil already recorded, and gives other types none', async () => {
    const id = await designationAt(['filed'], 'trademark');
    await send(s.url, 'PATCH', `/api/designations/${id}`, { validUntil: '2031-01-01' }, cookie);
    const res = await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'granted', on: '2020-06-14' }, cookie);
    expect(res.body.validUntil).toBe('2031-01-01');
    const other = await designationAt(['filed', 'granted']);
    expect((await send(s.url, 'GET', `/api/products/${productId}`, undefined, cookie)).body.designations
      .find((d: { id: number }) => d.id === other).validUntil).toBeNull();
  });

  it('refuses dates before 1949: a grant on 0050-01-03 never becomes a 1960 validUntil', async () => {
    const id = await designationAt(['filed'], 'trademark');
    const res = await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'granted', on: '0050-01-03' }, cookie);
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].message).toMatch(/1949.* \/ .*1949/);
    for (const on of ['1948', '1948-12', '1948-12-31', '0000']) {
      expect((await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'granted', on }, cookie)).status).toBe(400);
    }
    const start = await send(s.url, 'POST', `/api/products/${productId}/designations`, { giType: 'protected_product', startedOn: '1948-06' }, cookie);
    expect(start.status).toBe(400);
    expect((await send(s.url, 'GET', `/api/products/${productId}`, undefined, cookie)).body.designations
      .find((d: { id: number }) => d.id === id).status).toBe('filed');
  });

  it('accepts 1949 and a year or month not yet over, refuses next year', async () => {
    const today = todayInShanghai();
    const year = Number(today.slice(0, 4));
    const old = await send(s.url, 'POST', `/api/products/${productId}/designations`, { giType: 'protected_product', startedOn: '1949' }, cookie);
    expect(old.status).toBe(201);
    const id = old.body.id;
    expect((await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'filed', on: String(year + 1), confirmIncomplete: true }, cookie)).status).toBe(400);
    expect((await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'filed', on: String(year), confirmIncomplete: true }, cookie)).status).toBe(201);
  });

  it('refuses a validUntil before the grant, or more than 50 years ahead', async () => {
    const id = await designationAt(['filed', 'granted'], 'trademark'); // granted 2020-03-01 → validUntil 2030-02-28
    const patch = (validUntil: string) => send(s.url, 'PATCH', `/api/designations/${id}`, { validUntil }, cookie);
    const before = await patch('2020-02-29');
    expect(before.status).toBe(400);
    expect(before.body.error.issues[0]).toMatchObject({ path: ['validUntil'], message: expect.stringContaining('2020-03-01') });
    expect((await patch('0050-01-03')).status).toBe(400);
    expect((await patch('2120-01-01')).status).toBe(400);
    expect((await patch('2020-03-01')).status).toBe(200);
    expect((await patch('2040-03-01')).body.validUntil).toBe('2040-03-01');
  });

  it('refuses a grant dated after a validUntil already recorded', async () => {
    const id = await designationAt(['filed'], 'trademark');
    expect((await send(s.url, 'PATCH', `/api/designations/${id}`, { validUntil: '2020-05-31' }, cookie)).status).toBe(200);
    const res = await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'granted', on: '2020-06-14' }, cookie);
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].message).toContain('2020-05-31');
    // a grant known only to the year may still have come before it
    expect((await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'granted', on: '2020' }, cookie)).status).toBe(201);
  });

  it('bumps the product updatedAt on every move', async () => {
    const id = await designationAt([]);
    const before = (await send(s.url, 'GET', `/api/products/${productId}`, undefined, cookie)).body.updatedAt;
    await new Promise((r) => setTimeout(r, 5));
    await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'filed', on: '2020-03-01', confirmIncomplete: true }, cookie);
    const after = (await send(s.url, 'GET', `/api/products/${productId}`, undefined, cookie)).body.updatedAt;
    expect(after > before).toBe(true);
  });
});
