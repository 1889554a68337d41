/**
 * The 等保 2.0 level-2 pack over HTTP: the security events (each kind found by the auditor, refused to an
 * official and, with SEPARATE_DUTIES, to the admin), the four roles, lockout per (username, address),
 * password expiry and history, the archive of events past the retention, and the policy's ranges.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open';
import { readConfig } from '../../server/config';
import { OPERATIONS } from '../../server/openapi/operations';
import { updateUser } from '../../server/domain/accounts/accounts';
import { recordPolicyIfChanged } from '../../server/domain/security/policy-log';
import { archiveSecurityEvents } from '../../server/domain/security/retention';
import { policyValues } from '../../server/security-log';
import { startServer, type TestServer } from '../support/server';
import { PASSWORD, addAccount, send, signIn } from './fixtures';

const DAY = 86_400_000;

/** A test server on a clock the test moves. */
async function serverWithClock(env: NodeJS.ProcessEnv = {}) {
  const clock = { t: Date.now(), advance(ms: number) { this.t += ms; } };
  const server = await startServer({ env, now: () => new Date(clock.t) });
  return { server, clock };
}

/** The security events a reader sees (first page of 200), newest first. */
async function events(s: TestServer, cookie: string, query = '') {
  const res = await send(s.url, 'GET', `/api/security-events?pageSize=200${query}`, undefined, cookie);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as { id: number; at: string; kind: string; userId: number | null; username: string | null; address: string | null; detail: any }[];
}

/** Waits for an event recorded after the answer (an export is recorded when its download ends). */
async function eventually<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const found = await read();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('never happened');
}

/** POST /api/session from a chosen local address (every 127.x.y.z is this machine). */
function signInFrom(url: string, from: string, username: string, password: string) {
  const body = JSON.stringify({ username, password });
  return new Promise<{ status: number; retryAfter: string | undefined; body: any }>((resolve, reject) => {
    const req = request(`${url}/api/session`, {
      method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined, body: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('security events (SEPARATE_DUTIES off: one office)', () => {
  let s: TestServer;
  let clock: { t: number; advance(ms: number): void };
  let admin: string;
  let auditor: string;
  let official: string;
  beforeAll(async () => {
    ({ server: s, clock } = await serverWithClock());
    await addAccount(s.db, 'city', 'admin');
    await addAccount(s.db, 'qinshui', 'official', '140521');
    await addAccount(s.db, 'audit', 'auditor');
    admin = await signIn(s.url, 'city');
    auditor = await signIn(s.url, 'audit');
    official = await signIn(s.url, 'qinshui');
  });
  afterAll(() => s.close());

  it('records sign-ins, failures, sign-outs, time-outs, role changes, resets and exports, for the auditor to read', async () => {
    const target = await addAccount(s.db, 'lingchuan', 'official', '140524');
    // a failed sign-in, with the username as typed (cut to 64) and the address
    expect((await send(s.url, 'POST', '/api/session', { username: 'qinshui', password: 'not the password' })).status).toBe(401);
    expect((await send(s.url, 'POST', '/api/session', { username: `x${'y'.repeat(80)}`, password: 'not the password' })).status).toBe(401);
    // a sign-in and a sign-out
    const spare = await signIn(s.url, 'qinshui');
    expect((await send(s.url, 'DELETE', '/api/session', undefined, spare)).status).toBe(204);
    // an idle time-out, told once as session_timeout
    const idle = await signIn(s.url, 'lingchuan');
    clock.advance(15 * 60_000 + 1000);
    const timedOut = await send(s.url, 'GET', '/api/session', undefined, idle);
    expect(timedOut.status).toBe(401);
    expect(timedOut.body.error.code).toBe('session_timeout');
    expect((await send(s.url, 'GET', '/api/session', undefined, idle)).body.error.code).toBe('unauthorized');
    // the others were idle as long: sign in again
    admin = await signIn(s.url, 'city');
    auditor = await signIn(s.url, 'audit');
    official = await signIn(s.url, 'qinshui');
    // a role change and a password reset by the admin
    expect((await send(s.url, 'PATCH', `/api/users/${target.id}`, { role: 'auditor', county: null }, admin)).status).toBe(200);
    expect((await send(s.url, 'PATCH', `/api/users/${target.id}`, { password: 'a brand new password' }, admin)).status).toBe(200);
    expect((await send(s.url, 'PATCH', `/api/users/${target.id}`, { active: false }, admin)).status).toBe(200);
    // an export by a signed-in account (drafts included), and a public one (not an event)
    expect((await send(s.url, 'GET', '/api/export/products.csv?county=140521', undefined, admin)).status).toBe(200);
    expect((await send(s.url, 'GET', '/api/export/products.csv')).status).toBe(200);

    const log = await eventually(async () => {
      const all = await events(s, auditor);
      return all.some((e) => e.kind === 'export') ? all : undefined;
    });
    const find = (kind: string, username: string | null) => log.find((e) => e.kind === kind && e.username === username);
    expect(find('sign_in_failed', 'qinshui')).toMatchObject({ address: expect.stringMatching(/127\.0\.0\.1/), userId: expect.any(Number) });
    expect(find('sign_in_failed', `x${'y'.repeat(63)}`)).toMatchObject({ userId: null });
    expect(find('sign_in', 'qinshui')).toBeDefined();
    expect(find('sign_out', 'qinshui')).toBeDefined();
    expect(find('timeout', 'lingchuan')).toMatchObject({ detail: { reason: 'idle' } });
    expect(find('role_changed', 'city')).toMatchObject({ detail: { target: { id: target.id, username: 'lingchuan' }, from: 'official', to: 'auditor' } });
    expect(find('password_reset', 'city')).toMatchObject({ detail: { target: { username: 'lingchuan' } } });
    expect(find('account_changed', 'city')).toMatchObject({ detail: { active: { from: true, to: false } } });
    expect(find('account_created', null)).toMatchObject({ detail: { via: 'command line' } });
    expect(find('config_changed', null)).toMatchObject({ detail: { setting: 'security_policy', after: { SESSION_IDLE_MINUTES: 15, AUDIT_RETENTION_DAYS: 180 } } });
    const exports = log.filter((e) => e.kind === 'export');
    expect(exports).toEqual([expect.objectContaining({ username: 'city', detail: expect.objectContaining({ path: '/api/export/products.csv', query: { county: '140521' } }) })]);
    // never a password
    const text = JSON.stringify(log);
    for (const secret of [PASSWORD, 'not the password', 'a brand new password']) expect(text).not.toContain(secret);
    // the filters: an account's own events and those about it
    const about = await events(s, auditor, '&username=lingchuan');
    expect(new Set(about.map((e) => e.kind))).toEqual(new Set(['account_created', 'sign_in', 'timeout', 'role_changed', 'password_reset', 'account_changed']));
    const page = await send(s.url, 'GET', '/api/security-events?kind=sign_in&page=1&pageSize=2', undefined, auditor);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThan(2);
    expect(page.body.items[0].id).toBeGreaterThan(page.body.items[1].id);
  });

  it('records a change of the report\u2019s or the readiness\u2019s settings as config_changed', async () => {
    const { version: _r, ...report } = (await send(s.url, 'GET', '/api/report-settings', undefined, admin)).body;
    expect((await send(s.url, 'PUT', '/api/report-settings', report, admin)).status).toBe(200);
    const { version: _s, ...readiness } = (await send(s.url, 'GET', '/api/readiness-settings', undefined, admin)).body;
    expect((await send(s.url, 'PUT', '/api/readiness-settings', { ...readiness, minYears: 21 }, admin)).status).toBe(400);
    expect((await send(s.url, 'PUT', '/api/readiness-settings', readiness, admin)).status).toBe(200);
    const changed = await eventually(async () => {
      const found = await events(s, auditor, '&kind=config_changed&username=city');
      return found.length >= 2 ? found : undefined;
    });
    expect(changed.map((e) => e.detail.setting).sort()).toEqual(['readiness_settings', 'report_settings']);
  });

  it('lets the auditor and (duties not separated) the admin read and export them; refuses an official (403) and the public (401)', async () => {
    expect((await send(s.url, 'GET', '/api/security-events', undefined, admin)).status).toBe(200);
    expect((await send(s.url, 'GET', '/api/security-events', undefined, official)).status).toBe(403);
    expect((await send(s.url, 'GET', '/api/security-events')).status).toBe(401);
    expect((await send(s.url, 'GET', '/api/security-events?kind=nonsense', undefined, auditor)).status).toBe(400);
    const sheet = await fetch(`${s.url}/api/security-events/export.xlsx?lang=en&kind=sign_in`, { headers: { cookie: auditor } });
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-disposition')).toMatch(/jincheng-gi-security-events-.*\.xlsx/);
    const { default: Excel } = await import('exceljs');
    const book = new Excel.Workbook();
    await book.xlsx.load(Buffer.from(await sheet.arrayBuffer()) as never);
    const rows = book.getWorksheet('Security events')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1, 3)).toEqual(['Time (Beijing)', 'Event']);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.slice(1).every((r) => r[2] === 'Signed in')).toBe(true);
    expect((await fetch(`${s.url}/api/security-events/export.xlsx`, { headers: { cookie: official } })).status).toBe(403);
    // The auditor's own export is an event, and so is an export of the history.
    expect((await fetch(`${s.url}/api/audit/export.xlsx`, { headers: { cookie: auditor } })).status).toBe(200);
    const mine = await eventually(async () => {
      const found = (await events(s, auditor, '&kind=export&username=audit'));
      return found.length >= 2 ? found : undefined;
    });
    expect(mine.map((e) => e.detail.path).sort()).toEqual(['/api/audit/export.xlsx', '/api/security-events/export.xlsx']);
  });

  it('gives the auditor every county\u2019s history and nothing else signed-in-only: 403 on users, the to-do list, drafts and every write', async () => {
    expect((await send(s.url, 'GET', '/api/audit?county=140522', undefined, auditor)).status).toBe(200);
    expect((await send(s.url, 'GET', '/api/audit?county=140522', undefined, official)).status).toBe(403);
    for (const path of ['/api/users', '/api/todo', '/api/products?mine=1', '/api/cultivation', '/api/signals', '/api/import/progress']) {
      const res = await send(s.url, 'GET', path, undefined, auditor);
      expect(res.status, path).toBe(403);
      if (path !== '/api/users') expect(res.body.error.message, path).toMatch(/审计管理员.* \/ Auditors/);
    }
    // To the public pages it is the public: a public read answers as to anyone.
    expect((await send(s.url, 'GET', '/api/products', undefined, auditor)).status).toBe(200);
    // Every write of registry content, settings or accounts.
    const writes = OPERATIONS.filter((op) => op.method !== 'get' && op.who !== 'all' && op.tag !== 'session');
    expect(writes.length).toBeGreaterThan(30);
    for (const op of writes) {
      const path = op.path.replace(/\{[^}]+\}/g, (p) => (p === '{year}' ? '2024' : p === '{giType}' ? 'trademark' : p === '{key}' ? 'application' : '1'));
      const res = await send(s.url, op.method.toUpperCase(), path, {}, auditor);
      expect(res.status, `${op.method} ${path}`).toBe(403);
    }
  });
});

describe('separation of duties (SEPARATE_DUTIES=true)', () => {
  let s: TestServer;
  let admin: string;
  let security: string;
  let auditor: string;
  beforeAll(async () => {
    s = await startServer({ env: { SEPARATE_DUTIES: 'true' } });
    await addAccount(s.db, 'city', 'admin');
    await addAccount(s.db, 'sec', 'security_admin');
    await addAccount(s.db, 'audit', 'auditor');
    admin = await signIn(s.url, 'city');
    security = await signIn(s.url, 'sec');
    auditor = await signIn(s.url, 'audit');
  });
  afterAll(() => s.close());

  it('keeps the security events to the auditor and the accounts to the security admin', async () => {
    expect((await send(s.url, 'GET', '/api/security-events', undefined, admin)).status).toBe(403);
    expect((await send(s.url, 'GET', '/api/security-events', undefined, security)).status).toBe(403);
    expect((await send(s.url, 'GET', '/api/security-events', undefined, auditor)).status).toBe(200);
    expect((await send(s.url, 'GET', '/api/users', undefined, admin)).status).toBe(403);
    expect((await send(s.url, 'POST', '/api/users', { username: 'newbie', password: 'a fine long password', role: 'official', county: '140521' }, admin)).status).toBe(403);
    const created = await send(s.url, 'POST', '/api/users', { username: 'newbie', password: 'a fine long password', role: 'official', county: '140521' }, security);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ role: 'official', county: '140521', lockedUntil: null, version: expect.any(String) });
    // The security admin touches no content and reads no history.
    expect((await send(s.url, 'POST', '/api/products', { nameZh: '安全员的产品', category: 'food', counties: ['140521'] }, security)).status).toBe(403);
    expect((await send(s.url, 'GET', '/api/audit', undefined, security)).status).toBe(403);
    expect((await send(s.url, 'GET', '/api/todo', undefined, security)).status).toBe(403);
    // The admin keeps the content and the history.
    expect((await send(s.url, 'POST', '/api/products', { nameZh: '管理员的产品', category: 'food', counties: ['140521'] }, admin)).status).toBe(201);
    expect((await send(s.url, 'GET', '/api/audit', undefined, admin)).status).toBe(200);
    // The auditor sees the security admin's work.
    const log = await events(s, auditor, '&kind=account_created&username=sec');
    expect(log[0]).toMatchObject({ username: 'sec', detail: { target: { username: 'newbie' }, role: 'official' } });
  });

  it('lets nobody deactivate themself or change their own role; the security admin and auditor have no county', async () => {
    const me = (await send(s.url, 'GET', '/api/session', undefined, security)).body;
    expect(me).toMatchObject({ role: 'security_admin', county: null, session: { separateDuties: true } });
    expect((await send(s.url, 'PATCH', `/api/users/${me.id}`, { active: false }, security)).status).toBe(403);
    expect((await send(s.url, 'PATCH', `/api/users/${me.id}`, { role: 'auditor' }, security)).status).toBe(403);
    const auditorId = (await send(s.url, 'GET', '/api/session', undefined, auditor)).body.id;
    const withCounty = await send(s.url, 'PATCH', `/api/users/${auditorId}`, { county: '140521' }, security);
    expect(withCounty.status).toBe(400);
    expect(withCounty.body.error.issues[0].path).toEqual(['county']);
  });

  it('keeps one active account able to manage accounts (409 otherwise)', async () => {
    const sec = s.db.$client.prepare("SELECT id FROM users WHERE username = 'sec'").get() as { id: number };
    const policy = { separateDuties: true, passwordHistory: 0 };
    // Over HTTP only a manager changes accounts, and never themself: the rule is there for anything else that might.
    const by = s.db.$client.prepare("SELECT id, username, role, county FROM users WHERE username = 'audit'").get() as { id: number; username: string; role: 'auditor'; county: null };
    await expect(updateUser(s.db, by, sec.id, { active: false }, policy, { now: new Date(), address: null })).rejects.toMatchObject({ status: 409, code: 'last_account_manager' });
    await expect(updateUser(s.db, by, sec.id, { role: 'admin' }, policy, { now: new Date(), address: null })).rejects.toMatchObject({ status: 409 });
    const other = await addAccount(s.db, 'sec2', 'security_admin');
    expect((await updateUser(s.db, by, sec.id, { role: 'auditor' }, policy, { now: new Date(), address: null })).role).toBe('auditor');
    expect(other.role).toBe('security_admin');
  });
});

describe('lockout per username and address', () => {
  let s: TestServer;
  let clock: { t: number; advance(ms: number): void };
  let admin: string;
  beforeAll(async () => {
    ({ server: s, clock } = await serverWithClock());
    await addAccount(s.db, 'city', 'admin');
    await addAccount(s.db, 'qinshui', 'official', '140521');
    admin = await signIn(s.url, 'city');
  });
  afterAll(() => s.close());

  it('locks a username at one address after 5 wrong passwords (423, Retry-After, an administrator can unlock), not at another', async () => {
    for (let i = 0; i < 4; i++) expect((await signInFrom(s.url, '127.0.0.1', 'qinshui', 'wrong password')).status).toBe(401);
    const fifth = await signInFrom(s.url, '127.0.0.1', 'qinshui', 'wrong password');
    expect(fifth.status).toBe(423);
    const locked = await signInFrom(s.url, '127.0.0.1', 'qinshui', PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.body.error.code).toBe('account_locked');
    expect(locked.body.error.message).toMatch(/管理员解锁.* \/ .*ask an administrator to unlock it/);
    expect(Number(locked.retryAfter)).toBeGreaterThan(29 * 60);
    expect(Number(locked.retryAfter)).toBeLessThanOrEqual(30 * 60);
    // The owner from another address is not locked.
    expect((await signInFrom(s.url, '127.0.0.2', 'qinshui', PASSWORD)).status).toBe(200);
    // Account managers see the lock, and lift it.
    const listed = (await send(s.url, 'GET', '/api/users', undefined, admin)).body.find((u: { username: string }) => u.username === 'qinshui');
    expect(Date.parse(listed.lockedUntil) - clock.t).toBe(30 * 60_000);
    const unlocked = await send(s.url, 'POST', `/api/users/${listed.id}/unlock`, undefined, admin, { 'if-match': `"${listed.version}"` });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ username: 'qinshui', lockedUntil: null });
    expect(unlocked.body.version).not.toBe(listed.version);
    expect((await signInFrom(s.url, '127.0.0.1', 'qinshui', PASSWORD)).status).toBe(200);
    const log = await events(s, admin, '&username=qinshui');
    expect(log.find((e) => e.kind === 'locked')).toMatchObject({ address: '127.0.0.1', detail: { attempts: 5, minutes: 30 } });
    expect(log.find((e) => e.kind === 'unlocked')).toMatchObject({ username: 'city', detail: { target: { username: 'qinshui' }, locks: 1 } });
    expect(log.filter((e) => e.kind === 'sign_in_failed')).toHaveLength(5);
  });

  it('treats an unknown username exactly like a known one', async () => {
    const unknown = [];
    const known = [];
    for (let i = 0; i < 6; i++) unknown.push(await signInFrom(s.url, '127.0.0.3', 'nobody-here', 'wrong password'));
    for (let i = 0; i < 6; i++) known.push(await signInFrom(s.url, '127.0.0.6', 'qinshui', 'wrong password'));
    expect(unknown.map((a) => a.status)).toEqual([401, 401, 401, 401, 423, 423]);
    expect(unknown.map((a) => a.body)).toEqual(known.map((a) => a.body));
    expect(unknown.map((a) => a.retryAfter === undefined)).toEqual(known.map((a) => a.retryAfter === undefined));
  });

  it('lifts a lock after LOCKOUT_MINUTES, and a right password resets the count', async () => {
    for (let i = 0; i < 5; i++) await signInFrom(s.url, '127.0.0.5', 'qinshui', 'wrong password');
    expect((await signInFrom(s.url, '127.0.0.5', 'qinshui', PASSWORD)).status).toBe(423);
    clock.advance(30 * 60_000 + 1000);
    for (let i = 0; i < 4; i++) expect((await signInFrom(s.url, '127.0.0.5', 'qinshui', 'wrong password')).status).toBe(401);
    expect((await signInFrom(s.url, '127.0.0.5', 'qinshui', PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signInFrom(s.url, '127.0.0.5', 'qinshui', 'wrong password')).status).toBe(401);
    expect((await signInFrom(s.url, '127.0.0.5', 'qinshui', PASSWORD)).status).toBe(200);
  });

  it('keeps locks in the database (they outlive a restart)', () => {
    const rows = s.db.$client.prepare("SELECT username, address, locked_until FROM sign_in_failures WHERE username = 'nobody-here'").all();
    expect(rows).toEqual([{ username: 'nobody-here', address: '127.0.0.3', locked_until: expect.any(String) }]);
  });
});

describe('password expiry and history (PASSWORD_MAX_AGE_DAYS=90, PASSWORD_HISTORY=3)', () => {
  let s: TestServer;
  let clock: { t: number; advance(ms: number): void };
  beforeAll(async () => {
    ({ server: s, clock } = await serverWithClock({ PASSWORD_MAX_AGE_DAYS: '90', PASSWORD_HISTORY: '3' }));
    await addAccount(s.db, 'city', 'admin');
    await addAccount(s.db, 'qinshui', 'official', '140521');
  });
  afterAll(() => s.close());

  const product = { nameZh: '过期测试产品', category: 'food', counties: ['140521'] };

  it('signs in with an expired password, refuses every write but a new password and signing out, then lets it write again', async () => {
    const fresh = await send(s.url, 'POST', '/api/session', { username: 'qinshui', password: PASSWORD });
    expect(fresh.body.session.passwordExpired).toBe(false);
    clock.advance(91 * DAY);
    const res = await send(s.url, 'POST', '/api/session', { username: 'qinshui', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.session.passwordExpired).toBe(true);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gi_session='))!.split(';')[0];
    const other = await signIn(s.url, 'qinshui');
    const refused = await send(s.url, 'POST', '/api/products', product, cookie);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('password_expired');
    expect((await send(s.url, 'GET', '/api/products?mine=1', undefined, cookie)).status).toBe(200);
    expect((await send(s.url, 'POST', '/api/session/keep-alive', undefined, cookie)).status).toBe(200);
    const wrong = await send(s.url, 'POST', '/api/session/password', { currentPassword: 'not it at all', newPassword: 'a fresh long password' }, cookie);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('wrong_password');
    const same = await send(s.url, 'POST', '/api/session/password', { currentPassword: PASSWORD, newPassword: PASSWORD }, cookie);
    expect(same.body.error.code).toBe('password_reused');
    const weak = await send(s.url, 'POST', '/api/session/password', { currentPassword: PASSWORD, newPassword: '1234567890' }, cookie);
    expect(weak.status).toBe(400);
    expect(weak.body.error.issues[0].path).toEqual(['newPassword']);
    const changed = await send(s.url, 'POST', '/api/session/password', { currentPassword: PASSWORD, newPassword: 'a fresh long password' }, cookie);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ username: 'qinshui', session: { passwordExpired: false } });
    expect((await send(s.url, 'POST', '/api/products', product, cookie)).status).toBe(201);
    // The account's other sessions ended; this one went on.
    expect((await send(s.url, 'GET', '/api/session', undefined, other)).status).toBe(401);
    const log = s.db.$client.prepare("SELECT kind, detail FROM security_events WHERE username = 'qinshui' AND kind IN ('password_changed', 'sign_in') ORDER BY id").all() as { kind: string; detail: string | null }[];
    expect(log.map((e) => e.kind)).toEqual(['sign_in', 'sign_in', 'sign_in', 'password_changed']);
    expect(JSON.parse(log[1].detail!)).toEqual({ passwordExpired: true });
  });

  it('refuses the last 3 passwords, the owner\u2019s and an admin\u2019s reset alike, and keeps only hashes', async () => {
    const cookie = await signIn(s.url, 'qinshui', 'a fresh long password');
    const change = (currentPassword: string, newPassword: string) => send(s.url, 'POST', '/api/session/password', { currentPassword, newPassword }, cookie);
    expect((await change('a fresh long password', 'second long password')).status).toBe(200);
    expect((await change('second long password', 'third long password')).status).toBe(200);
    // now: third (current), second, a fresh (the last 3); the first (PASSWORD) is 4 back
    const reused = await change('third long password', 'a fresh long password');
    expect(reused.status).toBe(400);
    expect(reused.body.error).toMatchObject({ code: 'password_reused', message: expect.stringMatching(/最近 3 次.* \/ .*last 3 passwords/) });
    // The admin's own password was set 91 days ago by this clock: it has just changed it.
    s.db.$client.prepare("UPDATE users SET password_changed_at = ? WHERE username = 'city'").run(new Date(clock.t).toISOString());
    const admin = await signIn(s.url, 'city');
    const id = (await send(s.url, 'GET', '/api/session', undefined, cookie)).body.id;
    const reset = await send(s.url, 'PATCH', `/api/users/${id}`, { password: 'second long password' }, admin);
    expect(reset.status).toBe(400);
    expect(reset.body.error.code).toBe('password_reused');
    expect((await send(s.url, 'PATCH', `/api/users/${id}`, { password: PASSWORD }, admin)).status).toBe(200);
    const kept = s.db.$client.prepare('SELECT password_hash AS hash FROM password_history WHERE user_id = ?').all(id) as { hash: string }[];
    expect(kept).toHaveLength(2);
    expect(kept.every((k) => k.hash.startsWith('scrypt$'))).toBe(true);
    expect(JSON.stringify(s.db.$client.prepare('SELECT * FROM security_events').all())).not.toMatch(/long password|scrypt/);
  });
});

describe('retention: security events are archived, never simply deleted', () => {
  let s: TestServer;
  let clock: { t: number; advance(ms: number): void };
  beforeAll(async () => { ({ server: s, clock } = await serverWithClock()); });
  afterAll(() => s.close());

  it('archives a 200-day-old event into the month\u2019s gz file at most daily, keeps a 170-day-old one, and records it', async () => {
    const insert = s.db.$client.prepare("INSERT INTO security_events (at, kind, username, address, detail) VALUES (?, 'sign_in', ?, '10.0.0.9', NULL) RETURNING id");
    const old = new Date(clock.t - 200 * DAY).toISOString();
    const oldId = (insert.get(old, 'long-ago') as { id: number }).id;
    const keptId = (insert.get(new Date(clock.t - 170 * DAY).toISOString(), 'recently') as { id: number }).id;
    // The server archived at its start; the next run comes a day later, on a request (one the ready cache does not answer).
    await send(s.url, 'GET', '/api/session');
    expect(s.db.$client.prepare('SELECT count(*) AS n FROM security_events WHERE id = ?').get(oldId)).toEqual({ n: 1 });
    clock.advance(DAY + 1000);
    await send(s.url, 'GET', '/api/session');
    const month = new Date(Date.parse(old) + 8 * 3_600_000).toISOString().slice(0, 7);
    const file = join(dirname(s.dbFile), 'audit-archive', `security-events-${month}.jsonl.gz`);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([{ id: oldId, at: old, kind: 'sign_in', userId: null, username: 'long-ago', address: '10.0.0.9', detail: null }]);
    expect(s.db.$client.prepare('SELECT id FROM security_events WHERE id IN (?, ?)').all(oldId, keptId)).toEqual([{ id: keptId }]);
    const archived = s.db.$client.prepare("SELECT detail FROM security_events WHERE kind = 'audit_archived'").all() as { detail: string }[];
    expect(archived.map((a) => JSON.parse(a.detail))).toEqual([{ count: 1, file: `audit-archive/security-events-${month}.jsonl.gz`, before: expect.any(String) }]);
    // The content history is never pruned.
    expect(s.db.$client.prepare('SELECT count(*) AS n FROM audit_events').get()).toMatchObject({ n: expect.any(Number) });
  });

  it('appends a second run as another gzip member of the same file (read as one stream)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gi-archive-'));
    const db = openDb(join(dir, 'r.sqlite'));
    try {
      const now = new Date('2026-12-05T00:00:00Z');
      const insert = db.$client.prepare("INSERT INTO security_events (at, kind) VALUES (?, 'backup')");
      insert.run('2026-05-10T01:00:00.000Z');
      const folder = join(dir, 'audit-archive');
      expect(archiveSecurityEvents(db, { folder, now, retentionDays: 180 })).toEqual({ count: 1, files: [{ file: 'audit-archive/security-events-2026-05.jsonl.gz', count: 1 }] });
      insert.run('2026-05-11T01:00:00.000Z');
      archiveSecurityEvents(db, { folder, now, retentionDays: 180 });
      const text = gunzipSync(readFileSync(join(folder, 'security-events-2026-05.jsonl.gz'))).toString('utf8');
      expect(text.trim().split('\n').map((l) => JSON.parse(l).at)).toEqual(['2026-05-10T01:00:00.000Z', '2026-05-11T01:00:00.000Z']);
      expect(archiveSecurityEvents(db, { folder, now, retentionDays: 180 }).count).toBe(0);
    } finally {
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the security policy', () => {
  it('has defaults an assessor accepts', () => {
    expect(readConfig({}).security).toEqual({
      idleMinutes: 15, maxHours: 8, lockoutAttempts: 5, lockoutMinutes: 30, passwordMaxAgeDays: 0, passwordHistory: 0,
      auditRetentionDays: 180, separateDuties: false,
    });
  });

  it.each([
    ['AUDIT_RETENTION_DAYS', '90', /AUDIT_RETENTION_DAYS must be a whole number from 180.*Cybersecurity Law, art\. 21.*not 90/],
    ['SESSION_IDLE_MINUTES', '4', /SESSION_IDLE_MINUTES must be a whole number from 5 to 480/],
    ['SESSION_IDLE_MINUTES', '15m', /not 15m/],
    ['SESSION_MAX_HOURS', '25', /SESSION_MAX_HOURS must be a whole number from 1 to 24/],
    ['LOCKOUT_ATTEMPTS', '2', /from 3 to 20/],
    ['LOCKOUT_MINUTES', '1441', /from 5 to 1440/],
    ['PASSWORD_MAX_AGE_DAYS', '7', /0 \(off\) or a whole number from 30 to 365/],
    ['PASSWORD_HISTORY', '25', /0 \(off\) or a whole number from 1 to 24/],
    ['SEPARATE_DUTIES', 'maybe', /SEPARATE_DUTIES must be true or false/],
  ])('refuses %s=%s at start, saying what is allowed', (name, value, message) => {
    expect(() => readConfig({ [name]: value })).toThrow(message);
  });

  it('takes values within range', () => {
    const env = { SESSION_IDLE_MINUTES: '30', SESSION_MAX_HOURS: '12', LOCKOUT_ATTEMPTS: '10', LOCKOUT_MINUTES: '60', PASSWORD_MAX_AGE_DAYS: '90', PASSWORD_HISTORY: '5', AUDIT_RETENTION_DAYS: '365', SEPARATE_DUTIES: 'true' };
    expect(readConfig(env).security).toEqual({
      idleMinutes: 30, maxHours: 12, lockoutAttempts: 10, lockoutMinutes: 60, passwordMaxAgeDays: 90, passwordHistory: 5, auditRetentionDays: 365, separateDuties: true,
    });
  });

  it('records config_changed when the policy differs from the last recorded one, and only then', () => {
    const db = openDb(':memory:');
    const now = new Date();
    const defaults = policyValues(readConfig({}).security);
    expect(recordPolicyIfChanged(db, defaults, now)).toBe(true);
    expect(recordPolicyIfChanged(db, defaults, now)).toBe(false);
    expect(recordPolicyIfChanged(db, policyValues(readConfig({ SESSION_IDLE_MINUTES: '10' }).security), now)).toBe(true);
    const last = db.$client.prepare("SELECT detail FROM security_events WHERE kind = 'config_changed' ORDER BY id DESC").get() as { detail: string };
    expect(JSON.parse(last.detail)).toMatchObject({ changed: ['SESSION_IDLE_MINUTES'], before: { SESSION_IDLE_MINUTES: 15 }, after: { SESSION_IDLE_MINUTES: 10 } });
    db.$client.close();
  });
});
