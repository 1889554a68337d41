/** POST /api/periods and PUT /api/periods/:id: admins only, validated, unique names, audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Period } from '../../db/model';
import { call, startServer, type TestServer } from '../support/server';
import { addAccount, dumpTables, send, signIn } from './fixtures';

let s: TestServer;
let admin: string;
let official: string;
beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  await addAccount(s.db, 'qinshui', 'official', '140521');
  admin = await signIn(s.url, 'city');
  official = await signIn(s.url, 'qinshui');
});
afterAll(() => s.close());

const p15 = {
  name: '十五五', startsOn: '2026-01-01', endsOn: '2030-12-31',
  targets: [
    { giType: 'trademark', baseline: 4, target: 14 },
    { giType: 'protected_product', baseline: 2, target: 6 },
    { giType: 'agricultural_product', baseline: 5, target: 5 },
  ],
};

describe('POST /api/periods', () => {
  it.each([
    ['the end not after the start', { ...p15, endsOn: '2026-01-01' }, 'endsOn'],
    ['an impossible date', { ...p15, startsOn: '2026-02-30' }, 'startsOn'],
    ['a negative target', { ...p15, targets: [{ giType: 'trademark', baseline: 0, target: -1 }] }, 'targets'],
    ['a fractional baseline', { ...p15, targets: [{ giType: 'trademark', baseline: 1.5, target: 3 }] }, 'targets'],
    ['a target given as text', { ...p15, targets: [{ giType: 'trademark', baseline: 1, target: '3' }] }, 'targets'],
    ['a type twice', { ...p15, targets: [p15.targets[0], p15.targets[0]] }, 'targets'],
    ['an unknown type', { ...p15, targets: [{ giType: 'patent', baseline: 0, target: 1 }] }, 'targets'],
    ['an empty name', { ...p15, name: ' ' }, 'name'],
    ['a missing end', { name: p15.name, startsOn: p15.startsOn, targets: [] }, 'endsOn'],
    ['an unknown key', { ...p15, budget: 100 }, 'body'],
    ['an id in the body', { ...p15, id: 7 }, 'body'],
  ])('refuses %s with a 400 and writes nothing', async (_what, body, field) => {
    const before = dumpTables(s.db);
    const res = await send(s.url, 'POST', '/api/periods', body, admin);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toContain(field === 'body' ? 'body field' : field);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('refuses the public (401), an official (403) and a form body (415), writing nothing', async () => {
    const before = dumpTables(s.db);
    expect((await send(s.url, 'POST', '/api/periods', p15)).status).toBe(401);
    expect((await send(s.url, 'POST', '/api/periods', p15, official)).status).toBe(403);
    const form = await send(s.url, 'POST', '/api/periods', 'name=x', admin, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
    const foreign = await send(s.url, 'POST', '/api/periods', p15, admin, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('adds 十五五 with its targets, lists it, tallies it and audits it', async () => {
    const res = await send(s.url, 'POST', '/api/periods', p15, admin);
    expect(res.status).toBe(201);
    const created = Period.parse(res.body);
    expect(created).toEqual({ id: expect.any(Number), ...p15 });
    expect((await call(`${s.url}/api/periods`)).body.map((p: Period) => p.name)).toEqual(['十四五', '十五五']);
    const tally = await call(`${s.url}/api/tally?period=${created.id}&asOf=2026-06-30`);
    expect(tally.body.types.map((x: { target: number }) => x.target)).toEqual([14, 6, 5]);
    const audit = s.db.$client.prepare("SELECT username, action, entity_id, before, after FROM audit_events WHERE entity = 'period'").all() as any[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'city', action: 'create', entity_id: created.id, before: null });
    expect(JSON.parse(audit[0].after)).toEqual(created);
  });

  it('refuses a name already taken with a 409 and writes nothing', async () => {
    const before = dumpTables(s.db);
    const res = await send(s.url, 'POST', '/api/periods', { ...p15, startsOn: '2031-01-01', endsOn: '2035-12-31' }, admin);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('period_name_taken');
    expect(dumpTables(s.db)).toEqual(before);
  });
});

describe('PUT /api/periods/:id', () => {
  it('replaces name, dates and targets, auditing before and after', async () => {
    const body = { ...p15, name: '十四五', startsOn: '2021-01-01', endsOn: '2025-12-31', targets: [{ giType: 'trademark', baseline: 4, target: 11 }] };
    const before = (await call(`${s.url}/api/periods`)).body.find((p: Period) => p.id === 1);
    const res = await send(s.url, 'PUT', '/api/periods/1', body, admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 1, ...body });
    const row = s.db.$client.prepare("SELECT action, before, after FROM audit_events WHERE entity = 'period' AND entity_id = 1").get() as any;
    expect(row.action).toBe('update');
    expect(JSON.parse(row.before)).toEqual(before);
    expect(JSON.parse(row.after)).toEqual(res.body);
  });

  it.each([
    ['an unknown period', '/api/periods/999', p15, 404],
    ['a bad id', '/api/periods/x', p15, 400],
    ["another period's name", '/api/periods/1', p15, 409],
    ['a bad body', '/api/periods/1', { ...p15, name: '十四五', endsOn: '2020-01-01' }, 400],
  ])('refuses %s and writes nothing', async (_what, path, body, status) => {
    const before = dumpTables(s.db);
    expect((await send(s.url, 'PUT', path, body, admin)).status).toBe(status);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('is for admins only', async () => {
    expect((await send(s.url, 'PUT', '/api/periods/1', p15, official)).status).toBe(403);
    expect((await send(s.url, 'PUT', '/api/periods/1', p15)).status).toBe(401);
  });
});
