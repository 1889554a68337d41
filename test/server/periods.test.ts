/** POST /api/periods and PUT /api/periods/:id: admins only, validated, unique names in both languages, no overlap, audited. */
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
  name: '十五五', nameEn: '15th Five-Year Plan', startsOn: '2026-01-01', endsOn: '2030-12-31',
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
    ['a missing English name', { name: p15.name, startsOn: p15.startsOn, endsOn: p15.endsOn, targets: [] }, 'nameEn'],
    ['an empty English name', { ...p15, nameEn: ' \u200b ' }, 'nameEn'],
    ['an English name too long', { ...p15, nameEn: 'x'.repeat(101) }, 'nameEn'],
    ['a missing end', { name: p15.name, nameEn: p15.nameEn, startsOn: p15.startsOn, targets: [] }, 'endsOn'],
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
    expect(created).toEqual({ id: expect.any(Number), ...p15, version: expect.any(String) });
    expect((await call(`${s.url}/api/periods`)).body.map((p: Period) => p.name)).toEqual(['十四五', '十五五']);
    const tally = await call(`${s.url}/api/tally?period=${created.id}&asOf=2026-06-30`);
    expect(tally.body.types.map((x: { target: number }) => x.target)).toEqual([14, 6, 5]);
    const audit = s.db.$client.prepare("SELECT username, action, entity_id, before, after FROM audit_events WHERE entity = 'period'").all() as any[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'city', action: 'create', entity_id: created.id, before: null });
    const { version: _v, ...audited } = created;
    expect(JSON.parse(audit[0].after)).toEqual(audited);
  });

  it.each([
    ['the Chinese name', { name: '十五五', nameEn: '16th Five-Year Plan' }, 'name'],
    ['the English name, in other capitals', { name: '十六五', nameEn: '15TH FIVE-YEAR PLAN' }, 'nameEn'],
    ['both names', { name: '十五五', nameEn: '15th Five-Year Plan' }, 'name'],
  ])('refuses %s already taken with a 409 naming both names, and writes nothing', async (_what, names, field) => {
    const before = dumpTables(s.db);
    const res = await send(s.url, 'POST', '/api/periods', { ...p15, ...names, startsOn: '2031-01-01', endsOn: '2035-12-31' }, admin);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('period_name_taken');
    expect(res.body.error.message).toContain('已有名为「十五五」（15th Five-Year Plan）的规划期');
    expect(res.body.error.message).toContain('A period named 15th Five-Year Plan (十五五) already exists');
    expect(res.body.error.issues.map((i: { path: string[] }) => i.path)).toEqual([[field]]);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it.each([
    ['sharing its first day with the end of 十五五', '2030-12-31', '2035-12-30', 'startsOn', '十五五」（2026-01-01 至 2030-12-31）', '15th Five-Year Plan (2026-01-01 to 2030-12-31)'],
    ['inside 十四五', '2022-01-01', '2023-12-31', 'startsOn', '十四五」（2021-01-01 至 2025-12-31）', '14th Five-Year Plan (2021-01-01 to 2025-12-31)'],
    ['ending on the first day of 十四五', '2016-01-01', '2021-01-01', 'endsOn', '十四五', '14th Five-Year Plan'],
    ['around both', '2019-01-01', '2032-12-31', 'endsOn', '十四五', '14th Five-Year Plan'],
  ])('refuses dates %s with a 409 in both languages, and writes nothing', async (_what, startsOn, endsOn, field, zh, en) => {
    const before = dumpTables(s.db);
    const res = await send(s.url, 'POST', '/api/periods', { ...p15, name: '重叠期', nameEn: 'Overlapping', startsOn, endsOn }, admin);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('period_overlap');
    const [zhHalf, enHalf] = res.body.error.message.split(' / ');
    expect(zhHalf).toContain(`规划期 ${startsOn} 至 ${endsOn} 与「${zh}`);
    expect(zhHalf).toContain('重叠');
    expect(enHalf).toContain(`${startsOn} to ${endsOn} overlaps ${en}`);
    expect(res.body.error.issues.map((i: { path: string[] }) => i.path)).toEqual([[field]]);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('takes a period that starts the day after another ends', async () => {
    const res = await send(s.url, 'POST', '/api/periods', { ...p15, name: '十六五', nameEn: '16th Five-Year Plan', startsOn: '2031-01-01', endsOn: '2035-12-31' }, admin);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '十六五', nameEn: '16th Five-Year Plan', startsOn: '2031-01-01' });
  });
});

describe('PUT /api/periods/:id', () => {
  it('replaces name, dates and targets, auditing before and after', async () => {
    const body = { ...p15, name: '十四五', nameEn: '14th Five-Year Plan', startsOn: '2021-01-01', endsOn: '2025-12-31', targets: [{ giType: 'trademark', baseline: 4, target: 11 }] };
    const before = (await call(`${s.url}/api/periods`)).body.find((p: Period) => p.id === 1);
    const res = await send(s.url, 'PUT', '/api/periods/1', body, admin);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: 1, ...body, version: expect.any(String) });
    const row = s.db.$client.prepare("SELECT action, before, after FROM audit_events WHERE entity = 'period' AND entity_id = 1").get() as any;
    expect(row.action).toBe('update');
    expect(JSON.parse(row.before)).toEqual(before);
    const { version: _v, ...after } = res.body;
    expect(JSON.parse(row.after)).toEqual(after);
  });

  it.each([
    ['an unknown period', '/api/periods/999', p15, 404],
    ['a bad id', '/api/periods/x', p15, 400],
    ["another period's name", '/api/periods/1', p15, 409],
    ["another period's English name", '/api/periods/1', { ...p15, name: '十四五', startsOn: '2021-01-01', endsOn: '2025-12-31' }, 409],
    ["dates reaching into another period's", '/api/periods/1', { ...p15, name: '十四五', nameEn: '14th Five-Year Plan', startsOn: '2021-01-01', endsOn: '2026-06-30' }, 409],
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
