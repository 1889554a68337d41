/**
 * Behind a reverse proxy (TRUST_PROXY): only the configured hops are believed, so a client cannot choose
 * the address its limits are counted under by sending its own X-Forwarded-For. The README's nginx appends
 * the address it saw (`$proxy_add_x_forwarded_for`): a request arrives as `<whatever the client sent>, <its
 * real address>`, and the real one is the last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send } from './fixtures';

/** What nginx passes for a client at `real` that sent its own X-Forwarded-For of `spoofed`. */
const throughNginx = (spoofed: string, real: string) => ({ 'x-forwarded-for': `${spoofed}, ${real}` });
const randomAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}, 10.${Math.floor(Math.random() * 250)}.0.1`;

describe.each([['1'], ['loopback']])('TRUST_PROXY=%s', (trust) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startServer({ env: { TRUST_PROXY: trust } });
    await addAccount(s.db, 'city', 'admin');
  });
  afterAll(() => s.close());

  it('counts wrong passwords under the address the proxy saw, whatever X-Forwarded-For the client sent', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await send(s.url, 'POST', '/api/session', { username: 'city', password: `wrong guess ${i}` }, undefined,
        throughNginx(randomAddress(), '203.0.113.7'));
      statuses.push(res.status);
    }
    // The fifth wrong password locks the username at the real address (LOCKOUT_ATTEMPTS), whatever address each named.
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 423]);
    expect(statuses.filter((x) => x === 423 || x === 429).length).toBeGreaterThanOrEqual(30);
    // Another real address is not held up by them.
    expect((await send(s.url, 'POST', '/api/session', { username: 'city', password: 'wrong again' }, undefined,
      throughNginx('203.0.113.7', '203.0.113.99'))).status).toBe(401);
  });

  it('limits verifications per real address, not per address the client names', async () => {
    let answered = 0;
    for (let i = 0; i < 100; i++) {
      const res = await send(s.url, 'GET', `/api/verify?q=${encodeURIComponent('沁水蜂业')}`, undefined, undefined,
        throughNginx(randomAddress(), '203.0.113.8'));
      if (res.status === 200) answered++;
    }
    expect(answered).toBeLessThanOrEqual(60);
  });
});

describe('reading TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['loopback', 'loopback'],
    ['127.0.0.1, 10.0.0.0/8', '127.0.0.1, 10.0.0.0/8'],
    ['loopback,uniquelocal', 'loopback,uniquelocal'],
  ])('%j → %j', (value, expected) => {
    expect(readConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each([['true'], ['yes'], ['-1'], ['1.5'], ['not-an-address'], ['10.0.0.0/99']])('refuses %j at start, saying what it takes', (value) => {
    expect(() => readConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});
