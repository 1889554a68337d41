/** Accounts over HTTP (admins only): list without hashes, create, change; changes end the user's sessions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { PASSWORD, addAccount, send, signIn } from './fixtures';

let s: TestServer;
let admin: string;

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  admin = await signIn(s.url, 'city');
});
afterAll(() => s.close());

describe('accounts', () => {
  it('lists accounts with explicit fields only', async () => {
    await addAccount(s.db, 'lingchuan', 'official', '140524');
    const res = await send(s.url, 'GET', '/api/users', undefined, admin);
    expect(res.status).toBe(200);
    for (const u of res.body) {
      expect(Object.keys(u).sort()).toEqual(['active', 'county', 'createdAt', 'id', 'lockedUntil', 'passwordChangedAt', 'role', 'username', 'version']);
    }
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt/);
  });

  it('creates an account that can sign in', async () => {
    const res = await send(s.url, 'POST', '/api/users', { username: 'gaoping', password: 'terraced tea garden', role: 'official', county: '140581' }, admin);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'gaoping', role: 'official', county: '140581', active: true });
    expect(res.body.password).toBeUndefined();
    expect(await signIn(s.url, 'gaoping', 'terraced tea garden')).toMatch(/^gi_session=/);
  });

  it.each([
    ['ten digits in a row', 'qinshui-a', '1234567890'],
    ['the username itself', 'qinshui-official', 'qinshui-official'],
    ['the username with digits added', 'yangcheng-b', 'yangcheng-b2025'],
    ['a common password', 'qinshui-c', 'password123'],
    ['a word repeated', 'qinshui-d', 'abcabcabcabc'],
  ])('refuses an account whose password is %s, with a 400 in both languages that names the field, creating nothing', async (_what, username, password) => {
    const before = (await send(s.url, 'GET', '/api/users', undefined, admin)).body.length;
    const res = await send(s.url, 'POST', '/api/users', { username, password, role: 'admin' }, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.issues).toEqual([{ path: ['password'], message: expect.stringMatching(/[\u4e00-\u9fff].* \/ [A-Z]/) }]);
    expect(res.body.error.message).toBe(res.body.error.issues[0].message);
    expect((await send(s.url, 'GET', '/api/users', undefined, admin)).body.length).toBe(before);
  });

  it('refuses a weak new password for an existing account (its own name included), changing nothing', async () => {
    const u = await addAccount(s.db, 'lucheng', 'official', '140581');
    for (const password of ['1234567890', 'lucheng123', 'LuCheng-LuCheng', 'qwertyuiop']) {
      const res = await send(s.url, 'PATCH', `/api/users/${u.id}`, { password }, admin);
      expect(res.status, password).toBe(400);
      expect(res.body.error.issues[0].path).toEqual(['password']);
    }
    expect(await signIn(s.url, 'lucheng')).toMatch(/^gi_session=/);
  });

  it('changes a password: the old sessions end, the new password works', async () => {
    const u = await addAccount(s.db, 'zezhou', 'official', '140525');
    const old = await signIn(s.url, 'zezhou');
    expect((await send(s.url, 'PATCH', `/api/users/${u.id}`, { password: 'brand new password' }, admin)).status).toBe(200);
    expect((await send(s.url, 'GET', '/api/session', undefined, old)).status).toBe(401);
    expect((await send(s.url, 'POST', '/api/session', { username: 'zezhou', password: PASSWORD })).status).toBe(401);
    expect(await signIn(s.url, 'zezhou', 'brand new password')).toMatch(/^gi_session=/);
  });

  it('deactivates an account: its sessions end and it cannot sign in', async () => {
    const u = await addAccount(s.db, 'chengqu', 'official', '140502');
    const cookie = await signIn(s.url, 'chengqu');
    const res = await send(s.url, 'PATCH', `/api/users/${u.id}`, { active: false }, admin);
    expect(res.body.active).toBe(false);
    expect((await send(s.url, 'GET', '/api/session', undefined, cookie)).status).toBe(401);
    expect((await send(s.url, 'POST', '/api/session', { username: 'chengqu', password: PASSWORD })).status).toBe(401);
    await send(s.url, 'PATCH', `/api/users/${u.id}`, { active: true }, admin);
    expect(await signIn(s.url, 'chengqu')).toMatch(/^gi_session=/);
  });

  it('turns an admin into an official of a county, and back (county cleared)', async () => {
    const u = await addAccount(s.db, 'deputy', 'admin');
    const down = await send(s.url, 'PATCH', `/api/users/${u.id}`, { role: 'official', county: '140522' }, admin);
    expect(down.body).toMatchObject({ role: 'official', county: '140522' });
    const up = await send(s.url, 'PATCH', `/api/users/${u.id}`, { role: 'admin' }, admin);
    expect(up.body).toMatchObject({ role: 'admin', county: null });
  });

  it('does not let an admin deactivate or demote themself', async () => {
    const me = (await send(s.url, 'GET', '/api/session', undefined, admin)).body.id;
    expect((await send(s.url, 'PATCH', `/api/users/${me}`, { active: false }, admin)).status).toBe(403);
    expect((await send(s.url, 'PATCH', `/api/users/${me}`, { role: 'official', county: '140521' }, admin)).status).toBe(403);
  });

  it('changes an account only on the version the manager saw: 428 without If-Match, 412 with the current account when stale', async () => {
    const u = await addAccount(s.db, 'versioned', 'official', '140524');
    const listed = (await send(s.url, 'GET', '/api/users', undefined, admin)).body.find((x: { id: number }) => x.id === u.id);
    expect(listed.version).toBe(u.version);
    expect((await send(s.url, 'PATCH', `/api/users/${u.id}`, { active: false }, admin, { 'if-match': '' })).status).toBe(428);
    const first = await send(s.url, 'PATCH', `/api/users/${u.id}`, { county: '140525' }, admin, { 'if-match': `"${listed.version}"` });
    expect(first.status).toBe(200);
    expect(first.body.version).not.toBe(listed.version);
    const stale = await send(s.url, 'PATCH', `/api/users/${u.id}`, { active: false }, admin, { 'if-match': `"${listed.version}"` });
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: 'stale_version', current: { id: u.id, county: '140525', active: true, version: first.body.version } });
    // A stale reset hashes the password first, and is still refused before anything is written.
    expect((await send(s.url, 'PATCH', `/api/users/${u.id}`, { password: 'another fine password' }, admin, { 'if-match': `"${listed.version}"` })).status).toBe(412);
    expect(await signIn(s.url, 'versioned')).toMatch(/^gi_session=/);
  });

  it('keeps an admin signed in (with a new session) after changing their own password', async () => {
    const res = await send(s.url, 'PATCH', `/api/users/${(await send(s.url, 'GET', '/api/session', undefined, admin)).body.id}`, { password: 'my new password' }, admin);
    expect(res.status).toBe(200);
    expect((await send(s.url, 'GET', '/api/session', undefined, admin)).status).toBe(401);
    const fresh = res.headers.get('set-cookie')!.split(';')[0];
    expect((await send(s.url, 'GET', '/api/session', undefined, fresh)).body.username).toBe('city');
  });
});
