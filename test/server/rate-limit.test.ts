/**
 * Sign-in limits: growing delays per (account, address), the lock after LOCKOUT_ATTEMPTS wrong passwords
 * per (account, address), a coarse cap per address, attempts in flight never counted as failures, usernames
 * as sent; 429 or 423 with Retry-After, then time heals.
 */
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSecurityPolicy } from '../../server/config';
import { sessionPolicyOf } from '../../server/domain/accounts/sessions';
import { BackoffLimiter, FailureLimiter, LOGIN_LIMITS, LoginLimiter, MustWait } from '../../server/rate-limit';
import { PASSWORD, addAccount, send, signIn, startWithClock } from './fixtures';

/** The default session policy: 15 minutes idle, 8 hours at most. */
const { idleMs: IDLE_TIMEOUT_MS, maxMs: ABSOLUTE_TIMEOUT_MS } = sessionPolicyOf(readSecurityPolicy({}));

describe('FailureLimiter', () => {
  it('blocks after max failures in the window and frees the key as they age out', () => {
    let now = 0;
    const limiter = new FailureLimiter({ max: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 3; i++) { expect(limiter.retryAfter('k')).toBe(0); limiter.fail('k'); now += 1000; }
    expect(limiter.retryAfter('k')).toBe(57);
    expect(limiter.retryAfter('other')).toBe(0);
    now = 60_001;
    expect(limiter.retryAfter('k')).toBe(0);
    limiter.fail('k');
    limiter.reset('k');
    expect(limiter.retryAfter('k')).toBe(0);
    for (let i = 0; i < 3; i++) limiter.fail('k');
    limiter.undo('k');
    expect(limiter.retryAfter('k')).toBe(0);
  });

  it('stays bounded under a flood of distinct keys', () => {
    const limiter = new FailureLimiter({ max: 1, windowMs: 60_000, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) limiter.fail(`k${i}`);
    expect(limiter.retryAfter('k999')).toBeGreaterThan(0);
    expect(limiter.retryAfter('k0')).toBe(0);
  });
});

describe('BackoffLimiter', () => {
  it('lets `free` failures pass, then doubles the delay from the latest failure up to the cap', () => {
    let now = 0;
    const b = new BackoffLimiter({ free: 5, baseMs: 1000, maxMs: 8000, forgetMs: 3_600_000, now: () => now });
    for (let i = 0; i < 5; i++) { expect(b.retryAfter('k')).toBe(0); b.fail('k'); }
    const delays: number[] = [];
    for (let i = 0; i < 6; i++) {
      const wait = b.retryAfter('k');
      delays.push(wait);
      now += wait * 1000;
      expect(b.retryAfter('k')).toBe(0);
      b.fail('k');
    }
    expect(delays).toEqual([1, 2, 4, 8, 8, 8]);
    expect(b.retryAfter('other')).toBe(0);
    now += 3_600_001;
    expect(b.retryAfter('k')).toBe(0);
    b.fail('k');
    expect(b.retryAfter('k')).toBe(0);
    for (let i = 0; i < 4; i++) b.fail('k');
    expect(b.retryAfter('k')).toBe(1);
    b.reset('k');
    expect(b.retryAfter('k')).toBe(0);
  });

  it('stays bounded under a flood of distinct keys, dropping the oldest', () => {
    const b = new BackoffLimiter({ free: 0, baseMs: 60_000, maxMs: 60_000, forgetMs: 3_600_000, maxKeys: 100 });
    for (let i = 0; i < 1000; i++) b.fail(`k${i}`);
    expect(b.retryAfter('k999')).toBeGreaterThan(0);
    expect(b.retryAfter('k0')).toBe(0);
  });
});

describe('LoginLimiter', () => {
  const limits = { pair: { free: 2, baseMs: 1000, maxMs: 60_000, forgetMs: 3_600_000 }, address: { max: 4, windowMs: 60_000 }, pending: 3 };
  const wrong = () => Promise.resolve(null);
  const right = () => Promise.resolve('ok');

  it('runs attempts for one account and address one after another, counting only completed failures', async () => {
    const l = new LoginLimiter(limits, () => 0);
    let inFlight = 0;
    let most = 0;
    const slow = (ok: boolean) => async () => {
      inFlight++; most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return ok ? 'ok' : null;
    };
    expect(await Promise.all([1, 2, 3].map(() => l.attempt('a', 'u', slow(true))))).toEqual(['ok', 'ok', 'ok']);
    expect(most).toBe(1);
    const results = await Promise.allSettled([1, 2, 3].map(() => l.attempt('a', 'u', slow(false))));
    expect(results.map((r) => r.status === 'fulfilled' ? r.value : (r.reason as MustWait).seconds)).toEqual([null, null, 1]);
  });

  it('caps the failures of one address across accounts, and the sign-ins it has waiting', async () => {
    const l = new LoginLimiter(limits, () => 0);
    for (let i = 0; i < 4; i++) expect(await l.attempt('a', `u${i}`, wrong)).toBeNull();
    expect(l.addressRetryAfter('a')).toBe(60);
    await expect(l.attempt('a', 'fresh', right)).rejects.toBeInstanceOf(MustWait);
    expect(l.addressRetryAfter('b')).toBe(0);
    expect(await l.attempt('b', 'u0', right)).toBe('ok');

    let release!: () => void;
    const gate = new Promise<string>((r) => { release = () => r('ok'); });
    const held = [0, 1, 2].map((i) => l.attempt('c', `v${i}`, () => gate));
    await expect(l.attempt('c', 'v3', right)).rejects.toMatchObject({ seconds: 1 });
    release();
    expect(await Promise.all(held)).toEqual(['ok', 'ok', 'ok']);
    expect(await l.attempt('c', 'v3', right)).toBe('ok');
  });
});

/** POST /api/session over node:http from a chosen local address (every 127.x.y.z is this machine). */
function postFrom(url: string, from: string, body: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; retryAfter: string | undefined; body: any }>((resolve, reject) => {
    const req = request(`${url}/api/session`, {
      method: 'POST', localAddress: from, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let parsed: unknown = text;
        try { parsed = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('POST /api/session rate limit', () => {
  let s: Awaited<ReturnType<typeof startWithClock>>;
  beforeEach(async () => {
    s = await startWithClock();
    await addAccount(s.db, 'city', 'admin');
    await addAccount(s.db, 'qinshui', 'official', '140521');
  });
  afterEach(() => s.close());

  const attempt = (username: string, password: string, from = '127.0.0.1') =>
    postFrom(s.url, from, JSON.stringify({ username, password }));

  it('delays an account at one address after 5 failures (1 s, 2 s, 4 s…) with Retry-After, even for the right password, until the lock', async () => {
    // With the lock at 20 wrong passwords, the growing delays between the 5th and the 20th show.
    await s.close();
    s = await startWithClock(new Date(), { LOCKOUT_ATTEMPTS: '20' });
    await addAccount(s.db, 'city', 'admin');
    for (let i = 0; i < 5; i++) expect((await attempt('city', 'wrong password')).status).toBe(401);
    const blocked = await attempt('city', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_requests');
    expect(blocked.body.error.message).toMatch(/尝试次数过多.*\/ Too many attempts/);
    expect(blocked.retryAfter).toBe('1');
    s.clock.advance(1000);
    expect((await attempt('city', 'wrong password')).status).toBe(401);
    expect((await attempt('city', PASSWORD)).retryAfter).toBe('2');
    s.clock.advance(2000);
    expect((await attempt('city', 'wrong password')).status).toBe(401);
    expect((await attempt('city', PASSWORD)).retryAfter).toBe('4');
    s.clock.advance(4000);
    expect((await attempt('city', PASSWORD)).status).toBe(200);
    // A success forgets the failures.
    expect((await attempt('city', 'wrong password')).status).toBe(401);
    expect((await attempt('city', PASSWORD)).status).toBe(200);
  });

  it('never locks an account for everyone: 5 wrong passwords in a row lock it at that address only (423), another address signs in to it at once', async () => {
    for (let i = 0; i < 4; i++) {
      s.clock.advance(20 * 60 * 1000);
      expect((await attempt('city', 'wrong password', '127.0.0.2')).status).toBe(401);
    }
    expect((await attempt('city', 'wrong password', '127.0.0.2')).status).toBe(423);
    const locked = await attempt('city', PASSWORD, '127.0.0.2');
    expect(locked.status).toBe(423);
    expect(locked.retryAfter).toBe(String(30 * 60));
    expect((await attempt('city', PASSWORD, '127.0.0.1')).status).toBe(200);
    // Once the lock is over, the count starts again (no delay left over from before it).
    s.clock.advance(30 * 60 * 1000);
    expect((await attempt('city', 'wrong password', '127.0.0.2')).status).toBe(401);
    expect((await attempt('city', PASSWORD, '127.0.0.2')).status).toBe(200);
  });

  it('does not lock the other accounts of an address (an office behind one NAT)', async () => {
    for (let i = 0; i < 5; i++) await attempt('city', 'wrong password');
    expect((await attempt('city', PASSWORD)).status).toBe(423);
    expect((await attempt('qinshui', PASSWORD)).status).toBe(200);
    for (let i = 0; i < 6; i++) await attempt(`guess${i}`, 'wrong password');
    expect((await attempt('qinshui', PASSWORD)).status).toBe(200);
  });

  it('compares usernames exactly: "CITY " is an unknown account with limits of its own', async () => {
    expect((await attempt('CITY ', PASSWORD)).status).toBe(401);
    expect((await attempt(' city', PASSWORD)).status).toBe(401);
    for (let i = 0; i < 5; i++) await attempt('CITY ', 'wrong password');
    expect((await attempt('CITY ', PASSWORD)).status).toBe(423);
    expect((await attempt('city', PASSWORD)).status).toBe(200);
  });

  it('lets 12 simultaneous right sign-ins from one address all in (attempts in flight are not failures)', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => attempt('city', PASSWORD)));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
  });

  it('counts parallel guesses: no more than 5 reach the password check, the 5th locks, the rest are told so', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => attempt('city', 'wrong password')));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 401)).toHaveLength(4);
    expect(statuses.filter((x) => x === 423)).toHaveLength(8);
    expect(s.db.$client.prepare("SELECT count(*) AS n FROM security_events WHERE kind = 'sign_in_failed'").get()).toEqual({ n: 5 });
  });

  it('caps an address that fails for many accounts, before its body is read or parsed', async () => {
    const from = '127.0.0.3';
    const max = LOGIN_LIMITS.address.max;
    for (let done = 0; done < max; done += 25) {
      const batch = await Promise.all(Array.from({ length: Math.min(25, max - done) }, (_, i) => attempt(`nobody${done + i}`, 'wrong password', from)));
      expect(batch.every((r) => r.status === 401)).toBe(true);
    }
    const capped = await attempt('city', PASSWORD, from);
    expect(capped.status).toBe(429);
    expect(Number(capped.retryAfter)).toBe(15 * 60);
    // Refused before parsing: a body that is not JSON, and one far over the limit, get the same 429.
    expect((await postFrom(s.url, from, '{"username": [[[[[[')).status).toBe(429);
    expect((await postFrom(s.url, from, '['.repeat(2 * 1024 * 1024))).status).toBe(429);
    // Other addresses are not affected.
    expect((await attempt('city', PASSWORD)).status).toBe(200);
    s.clock.advance(15 * 60 * 1000 + 1);
    expect((await attempt('city', PASSWORD, from)).status).toBe(200);
  }, 60_000);

  it('does not count malformed bodies or successes', async () => {
    for (let i = 0; i < 6; i++) expect((await send(s.url, 'POST', '/api/session', { username: 'city' })).status).toBe(400);
    for (let i = 0; i < 6; i++) expect((await attempt('city', PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) await attempt('city', 'wrong password');
    expect((await attempt('city', PASSWORD)).status).toBe(200);
  });

  it('ends a session after the idle timeout and after the absolute lifetime', async () => {
    const cookie = await signIn(s.url, 'city');
    s.clock.advance(IDLE_TIMEOUT_MS - 60_000);
    expect((await send(s.url, 'GET', '/api/session', undefined, cookie)).status).toBe(200);
    s.clock.advance(IDLE_TIMEOUT_MS + 1);
    expect((await send(s.url, 'GET', '/api/session', undefined, cookie)).status).toBe(401);

    const busy = await signIn(s.url, 'city');
    for (let t = 0; t < ABSOLUTE_TIMEOUT_MS; t += IDLE_TIMEOUT_MS / 2) {
      expect((await send(s.url, 'GET', '/api/session', undefined, busy)).status).toBe(200);
      s.clock.advance(IDLE_TIMEOUT_MS / 2);
    }
    s.clock.advance(1);
    expect((await send(s.url, 'GET', '/api/session', undefined, busy)).status).toBe(401);
  });
});
