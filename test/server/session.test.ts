/** Signing in and out over HTTP: cookie attributes, who-am-I, expiry and sign-out. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionPolicyOf, tokenHash, TOUCH_INTERVAL_MS } from '../../server/domain/accounts/sessions';
import { readSecurityPolicy } from '../../server/config';
import { startServer, type TestServer } from '../support/server';
import { PASSWORD, addAccount, send, signIn } from './fixtures';

/** The default policy's idle time (SESSION_IDLE_MINUTES=15). */
const IDLE_TIMEOUT_MS = sessionPolicyOf(readSecurityPolicy({})).idleMs;

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qinshui', 'official', '140521');
  await addAccount(s.db, 'city', 'admin');
});
afterAll(() => s.close());

describe('POST /api/session', () => {
  it('signs in with a strict, HttpOnly cookie and answers with the account, never its hash', async () => {
    const res = await fetch(`${s.url}/api/session`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'qinshui', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('gi_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
    const body = await res.json();
    expect(body).toEqual({
      id: expect.any(Number), username: 'qinshui', role: 'official', county: '140521', active: true, createdAt: expect.any(String),
      passwordChangedAt: expect.any(String), lockedUntil: null, version: expect.any(String),
      session: { idleTimeoutSeconds: 900, idleExpiresAt: expect.any(String), expiresAt: expect.any(String), passwordExpired: false, warnBeforeSeconds: 120, separateDuties: false },
    });
    expect(Date.parse(body.session.expiresAt) - Date.parse(body.session.idleExpiresAt)).toBe((8 * 60 - 15) * 60_000);
    expect(cookie).toMatch(/Max-Age=28800/);
    const token = cookie.split(';')[0].split('=')[1];
    const stored = s.db.$client.prepare('SELECT id_hash FROM sessions').all() as { id_hash: string }[];
    expect(stored.map((r) => r.id_hash)).toContain(tokenHash(token));
    expect(stored.map((r) => r.id_hash)).not.toContain(token);
  });

  it.each([
    ['a wrong password', { username: 'qinshui', password: 'wrong password!' }],
    ['an unknown user', { username: 'nobody', password: PASSWORD }],
  ])('answers 401 with one generic message for %s', async (_what, body) => {
    const res = await send(s.url, 'POST', '/api/session', body);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('bad_credentials');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('refuses an inactive account with the same 401', async () => {
    await addAccount(s.db, 'retired', 'official', '140522');
    s.db.$client.prepare("UPDATE users SET active = 0 WHERE username = 'retired'").run();
    const res = await send(s.url, 'POST', '/api/session', { username: 'retired', password: PASSWORD });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('bad_credentials');
  });

  it.each([
    ['unknown keys', { username: 'city', password: PASSWORD, remember: true }, 400],
    ['wrong types', { username: 1, password: PASSWORD }, 400],
    ['a form body', 'username=city', 415],
  ])('refuses %s', async (_what, body, status) => {
    const headers: Record<string, string> = typeof body === 'string' ? { 'content-type': 'application/x-www-form-urlencoded' } : {};
    const res = await send(s.url, 'POST', '/api/session', body, undefined, headers);
    expect(res.status).toBe(status);
  });

  it('compares the username exactly as sent: "CITY " and " city" are unknown', async () => {
    for (const username of ['CITY ', ' city', 'City']) {
      const res = await send(s.url, 'POST', '/api/session', { username, password: PASSWORD });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('bad_credentials');
    }
  });

  it('takes at most 4 KB of body (413), however it is sent', async () => {
    const big = { username: 'city', password: PASSWORD, pad: 'x'.repeat(4096) };
    const res = await send(s.url, 'POST', '/api/session', big);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await send(s.url, 'POST', '/api/session', { username: 'city', password: PASSWORD }, undefined, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });
});

describe('GET and DELETE /api/session', () => {
  it('tells who is signed in, and 401 for the public', async () => {
    const cookie = await signIn(s.url, 'city');
    expect((await send(s.url, 'GET', '/api/session', undefined, cookie)).body.username).toBe('city');
    expect((await send(s.url, 'GET', '/api/session')).status).toBe(401);
  });

  it('signs out: 204, the cookie cleared, the session gone', async () => {
    const cookie = await signIn(s.url, 'city');
    const out = await send(s.url, 'DELETE', '/api/session', undefined, cookie);
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/gi_session=;/);
    expect((await send(s.url, 'GET', '/api/session', undefined, cookie)).status).toBe(401);
  });

  it('issues a fresh token on sign-in and ends the one sent along (no session fixation)', async () => {
    const first = await signIn(s.url, 'city');
    const res = await send(s.url, 'POST', '/api/session', { username: 'city', password: PASSWORD }, first);
    const second = res.headers.getSetCookie().find((c) => c.startsWith('gi_session='))!.split(';')[0];
    expect(second).not.toBe(first);
    expect((await send(s.url, 'GET', '/api/session', undefined, first)).status).toBe(401);
    expect((await send(s.url, 'GET', '/api/session', undefined, second)).status).toBe(200);
  });

  it('ends a session idle for longer than the timeout', async () => {
    const cookie = await signIn(s.url, 'qinshui');
    const hash = tokenHash(cookie.split('=')[1]);
    const stale = new Date(Date.now() - IDLE_TIMEOUT_MS - 1000).toISOString();
    s.db.$client.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(stale, hash);
    const res = await send(s.url, 'GET', '/api/session', undefined, cookie);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_timeout');
    expect(s.db.$client.prepare('SELECT count(*) AS n FROM sessions WHERE id_hash = ?').get(hash)).toEqual({ n: 0 });
    // Told once: the session is forgotten, so the next request is simply not signed in.
    expect((await send(s.url, 'GET', '/api/session', undefined, cookie)).body.error.code).toBe('unauthorized');
  });

  it('keeps a session alive while it is used, touching lastSeenAt at most every 15 seconds', async () => {
    const cookie = await signIn(s.url, 'qinshui');
    const hash = tokenHash(cookie.split('=')[1]);
    const recent = new Date(Date.now() - TOUCH_INTERVAL_MS / 2).toISOString();
    const older = new Date(Date.now() - IDLE_TIMEOUT_MS + 60_000).toISOString();
    const seen = () => (s.db.$client.prepare('SELECT last_seen_at AS at FROM sessions WHERE id_hash = ?').get(hash) as { at: string }).at;
    s.db.$client.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(recent, hash);
    await send(s.url, 'GET', '/api/session', undefined, cookie);
    expect(seen()).toBe(recent);
    s.db.$client.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').run(older, hash);
    expect((await send(s.url, 'GET', '/api/session', undefined, cookie)).status).toBe(200);
    expect(seen() > older).toBe(true);
  });

  it('ends the sessions of an account that is deactivated', async () => {
    const cookie = await signIn(s.url, 'qinshui');
    s.db.$client.prepare("UPDATE users SET active = 0 WHERE username = 'qinshui'").run();
    expect((await send(s.url, 'GET', '/api/session', undefined, cookie)).status).toBe(401);
    s.db.$client.prepare("UPDATE users SET active = 1 WHERE username = 'qinshui'").run();
  });
});

describe('behind a TLS proxy (TRUST_PROXY=1)', () => {
  it('marks the cookie Secure and takes the https origin as its own', async () => {
    const p = await startServer({ env: { TRUST_PROXY: '1' } });
    try {
      await addAccount(p.db, 'city', 'admin');
      const host = new URL(p.url).host;
      const res = await send(p.url, 'POST', '/api/session', { username: 'city', password: PASSWORD }, undefined,
        { 'x-forwarded-proto': 'https', origin: `https://${host}` });
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await p.close();
    }
  });
});
