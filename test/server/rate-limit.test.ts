/** Login attempts are limited per client address and per username: 429 with Retry-After, then time heals. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../../server/domain/sessions';
import { FailureLimiter } from '../../server/rate-limit';
import { PASSWORD, addAccount, send, signIn, startWithClock } from './fixtures';

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

describe('POST /api/session rate limit', () => {
  let s: Awaited<ReturnType<typeof startWithClock>>;
  beforeEach(async () => {
    s = await startWithClock();
    await addAccount(s.db, 'city', 'admin');
    await addAccount(s.db, 'qinshui', 'official', '140521');
  });
  afterEach(() => s.close());

  const attempt = (username: string, password: string) => send(s.url, 'POST', '/api/session', { username, password });

  it('answers 429 with Retry-After after 5 failures for a username, even for the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await attempt('city', 'wrong password')).status).toBe(401);
    const blocked = await attempt('city', PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too_many_requests');
    expect(Number(blocked.headers.get('retry-after'))).toBe(15 * 60);
    s.clock.advance(10 * 60 * 1000);
    expect(Number((await attempt('city', PASSWORD)).headers.get('retry-after'))).toBe(5 * 60);
    s.clock.advance(5 * 60 * 1000 + 1);
    expect((await attempt('city', PASSWORD)).status).toBe(200);
  });

  it('counts parallel guesses: no more than 5 reach the password check', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, () => attempt('city', 'wrong password')));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 401)).toHaveLength(5);
    expect(statuses.filter((x) => x === 429)).toHaveLength(7);
  });

  it('limits a client address across usernames', async () => {
    for (let i = 0; i < 5; i++) await attempt(`guess${i}`, 'wrong password');
    expect((await attempt('qinshui', PASSWORD)).status).toBe(429);
  });

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
