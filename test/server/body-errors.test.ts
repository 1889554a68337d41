/**
 * Bodies the parser cannot read answer 4xx with the shaped error, over raw HTTP: unsupported
 * charsets and encodings (415), broken gzip and wrong lengths (400), too large (413), aborted
 * uploads (no answer needed, and nothing logged). No stack trace is logged for any of them.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { PASSWORD, addAccount, signIn } from './fixtures';

let s: TestServer;
let cookie: string;
/** How many lines the server had logged at `warn` or above before the test. */
let logged = 0;
beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  cookie = await signIn(s.url, 'city');
});
afterAll(() => s.close());
beforeEach(() => { logged = s.logs().length; });
afterEach(() => {
  // A client's mistake is answered, not logged as the server's fault.
  expect(s.logs().slice(logged)).toEqual([]);
});

/** A raw request: the headers exactly as given, the body as bytes. */
function raw(path: string, headers: Record<string, string | number>, body: Buffer | string) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = request(`${s.url}${path}`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const login = JSON.stringify({ username: 'city', password: PASSWORD });
const product = JSON.stringify({ nameZh: '测试产品', category: 'food', counties: ['140521'] });

describe.each([
  ['/api/session', () => ({}), login],
  ['/api/products', () => ({ cookie }), product],
])('POST %s', (path, auth, body) => {
  const json = (extra: Record<string, string | number>) => ({ ...auth(), 'content-type': 'application/json', ...extra });

  it.each(['latin1', 'koi8-r', 'x-unknown-charset'])('answers 415 to charset=%s', async (charset) => {
    const res = await raw(path, json({ 'content-type': `application/json; charset=${charset}` }), body);
    expect(res.status).toBe(415);
    expect(res.body).toEqual({ error: { code: 'unsupported_charset', message: expect.any(String) } });
  });

  it.each(['compress', 'x-zstd-ish', 'gzip, identity'])('answers 415 to Content-Encoding: %s', async (encoding) => {
    const res = await raw(path, json({ 'content-encoding': encoding }), body);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_content_encoding');
  });

  it('answers 400 to a broken gzip body, and reads a good one', async () => {
    const res = await raw(path, json({ 'content-encoding': 'gzip' }), Buffer.from('not gzip at all'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_encoding');
    const truncated = gzipSync(body).subarray(0, 12);
    expect((await raw(path, json({ 'content-encoding': 'gzip' }), truncated)).status).toBe(400);
    const good = await raw(path, json({ 'content-encoding': 'gzip' }), gzipSync(body));
    expect(good.status).toBeLessThan(300);
  });

  it('answers 400 to a body shorter than its Content-Length', async () => {
    // Keep the socket open for reading after the short body, so the answer can arrive.
    const answer = await new Promise<string>((resolve, reject) => {
      const { port } = new URL(s.url);
      const sock = connect(Number(port), '127.0.0.1', () => {
        const head = [`POST ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Content-Type: application/json',
          `Content-Length: ${body.length + 10}`, ...('cookie' in auth() ? [`Cookie: ${cookie}`] : []), 'Connection: close', '', ''].join('\r\n');
        sock.end(head + body); // half-close: the body ends early
      });
      let text = '';
      sock.on('data', (c) => { text += c.toString(); });
      sock.on('close', () => resolve(text));
      sock.on('error', reject);
    });
    // Node's HTTP parser answers this one itself (a bare 400 and close); what matters is no 500 and no log.
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('answers 400 with the shaped body to invalid JSON', async () => {
    const res = await raw(path, json({}), '{"username":');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: 'The body is not valid JSON' } });
  });
});

describe('an upload aborted half way', () => {
  it('logs nothing and leaves the server answering', async () => {
    const { port } = new URL(s.url);
    await new Promise<void>((resolve) => {
      const sock = connect(Number(port), '127.0.0.1', () => {
        sock.write(['POST /api/session HTTP/1.1', `Host: 127.0.0.1:${port}`, 'Content-Type: application/json',
          'Content-Length: 1000', '', '{"username":"ci'].join('\r\n'));
        setTimeout(() => { sock.destroy(); resolve(); }, 100);
      });
    });
    await new Promise((r) => setTimeout(r, 200));
    const res = await raw('/api/session', { 'content-type': 'application/json' }, login);
    expect(res.status).toBe(200);
  });

  it('the same for a gzip upload aborted half way', async () => {
    const { port } = new URL(s.url);
    const zipped = gzipSync(login);
    await new Promise<void>((resolve) => {
      const sock = connect(Number(port), '127.0.0.1', () => {
        sock.write(Buffer.concat([Buffer.from(['POST /api/session HTTP/1.1', `Host: 127.0.0.1:${port}`, 'Content-Type: application/json',
          'Content-Encoding: gzip', 'Transfer-Encoding: chunked', '', `${zipped.length.toString(16)}`, ''].join('\r\n')), zipped.subarray(0, 10)]));
        setTimeout(() => { sock.destroy(); resolve(); }, 100);
      });
    });
    await new Promise((r) => setTimeout(r, 200));
    expect((await raw('/api/session', { 'content-type': 'application/json' }, login)).status).toBe(200);
  });
});

describe('sign-in body limit', () => {
  it('refuses more than 4 KB with 413, by Content-Length before reading', async () => {
    const res = await raw('/api/session', { 'content-type': 'application/json' }, JSON.stringify({ username: 'city', password: 'x'.repeat(5000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('refuses a 2 MB nested array at once, and a chunked one while reading', async () => {
    const nested = '['.repeat(1024 * 1024) + ']'.repeat(1024 * 1024);
    const started = performance.now();
    expect((await raw('/api/session', { 'content-type': 'application/json' }, nested)).status).toBe(413);
    expect((await raw('/api/session', { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, nested)).status).toBe(413);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('still takes a sign-in with an ordinary body', async () => {
    expect((await raw('/api/session', { 'content-type': 'application/json' }, login)).status).toBe(200);
  });
});
