/**
 * The shipped nginx site (deploy/nginx/jincheng-gi.conf) run by Debian's nginx in front of the real app on
 * loopback, as a city portal would: the app under /gi/ (BASE_PATH=/gi/, TRUST_PROXY=1) and a static copy under
 * /gi-static/, over HTTP/2 and TLS. Checked through nginx: the app's security headers arrive; the client
 * address the app sees is nginx's peer whatever X-Forwarded-For a client forges (by the verification rate
 * limit, and by the app's log); the request id is nginx's, echoed and logged; uploads over the limit get a 413
 * in the API's shape; ready brotli and gzip bodies arrive byte for byte; hashed assets are immutable; the
 * static copy's pages, data and .gz files are served as files. No part of it is skipped: without nginx it fails.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaticSite } from '../../server/cli/build-static';
import { VERIFY_PER_MINUTE } from '../../server/routes/marks';
import { addAccount, PASSWORD } from '../server/fixtures';
import { h2, type H2Client } from '../support/h2';
import { startNginx, type RunningNginx } from '../support/nginx';
import { startServer, type TestServer } from '../support/server';

/** A hashed asset as vite names them. */
const ASSET = 'assets/index-Ab12Cd34.js';
let dir: string;
let app: TestServer;
let nginx: RunningNginx;
let client: H2Client;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gi-deploy-'));
  chmodSync(dir, 0o755);
  // A client shell like vite's (its <base> set per page by the server), and one hashed asset.
  const clientDir = join(dir, 'client');
  mkdirSync(join(clientDir, 'assets'), { recursive: true });
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" />\n<base href="/" />'
    + `<title>shell</title><script type="module" src="./${ASSET}"></script></head><body><gi-app></gi-app></body></html>`);
  writeFileSync(join(clientDir, ASSET), `console.log(${JSON.stringify('x'.repeat(4000))});\n`);
  app = await startServer({ env: { CLIENT_DIR: clientDir, BASE_PATH: '/gi/', TRUST_PROXY: '1' }, logLevel: 'info' });
  await addAccount(app.db, 'qinshui', 'official', '140521');
  await buildStaticSite(app.db, join(dir, 'static'), { clientDir, baseUrl: 'https://www.jcgov.example/gi-static' });
  nginx = await startNginx({ appPort: Number(new URL(app.url).port), staticDir: join(dir, 'static') });
  client = await h2(nginx.https, nginx.certificate);
}, 60_000);

afterAll(async () => {
  await client?.close();
  await nginx?.stop();
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A GET straight to the app (HTTP/1.1, no proxy), its body as sent. */
function direct(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(`${app.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

/** The app's log lines of requests, newest last. */
const requestLines = () => app.logs().filter((l) => l.req && l.res);

describe('the live app under /gi/ through nginx', () => {
  it('speaks HTTP/2 and passes the app\u2019s security headers through, and names no nginx version', async () => {
    const page = await client.request('/gi/products/1');
    expect(page.status).toBe(200);
    expect(page.text()).toContain('<base href="/gi/" />');
    const straight = await direct('/gi/products/1');
    for (const name of ['content-security-policy', 'strict-transport-security', 'x-content-type-options', 'referrer-policy',
      'cross-origin-opener-policy', 'cross-origin-resource-policy', 'x-frame-options']) {
      expect(page.headers[name], name).toBeDefined();
      expect(page.headers[name], name).toBe(straight.headers[name]);
    }
    expect(page.headers.server).toBe('nginx');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('sends plain HTTP to HTTPS, and /gi to /gi/', async () => {
    const res = await fetch(`${nginx.http}/gi/tally`, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('https://127.0.0.1/gi/tally');
    const bare = await client.request('/gi');
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toMatch(/\/gi\/$/);
  });

  it('the app sees nginx\u2019s peer as the client whatever X-Forwarded-For says, and logs nginx\u2019s request id', async () => {
    const before = requestLines().length;
    const asked = await client.request('/gi/api/counties', { headers: { 'x-forwarded-for': '203.0.113.9', 'x-request-id': 'forged-by-client' } });
    expect(asked.status).toBe(200);
    const id = asked.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f]{32}$/); // nginx's $request_id, not the client's
    const line = requestLines().slice(before).find((l) => l.reqId === id);
    expect(line).toMatchObject({ level: 'info', req: { method: 'GET', url: '/gi/api/counties', client: '127.0.0.1' }, res: { status: 200 } });
    expect(nginx.accessLog()).toContain(`id=${id}`);
  });

  it('counts every forged X-Forwarded-For as the one client nginx saw (the verification limit answers 429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= VERIFY_PER_MINUTE; i++) {
      const res = await client.request(`/gi/api/verify?q=${encodeURIComponent(`查无此人${i}`)}`, { headers: { 'x-forwarded-for': `198.51.100.${i % 250}` } });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, VERIFY_PER_MINUTE).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('answers an upload over the app\u2019s limit with the app\u2019s 413, and a larger one with nginx\u2019s 413 in the same shape', async () => {
    const signIn = await client.request('/gi/api/session', {
      method: 'POST', headers: { 'content-type': 'application/json', origin: nginx.https }, body: JSON.stringify({ username: 'qinshui', password: PASSWORD }),
    });
    expect(signIn.status, signIn.text()).toBe(200);
    const cookie = String(signIn.headers['set-cookie']);
    expect(cookie).toMatch(/Path=\/gi(;|$)/);
    expect(cookie).toMatch(/; Secure/); // X-Forwarded-Proto: https, trusted
    const session = cookie.split(';')[0];
    /** A multipart upload of a file of `bytes`; `declared` larger than the body: a client that has sent only the start. */
    const upload = (bytes: number, declared?: number) => {
      const boundary = 'x-boundary';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nphoto\r\n--${boundary}\r\n`
        + 'Content-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n';
      const body = Buffer.concat([Buffer.from(head), Buffer.alloc(bytes, 0xff), Buffer.from(`\r\n--${boundary}--\r\n`)]);
      return client.request('/gi/api/products/1/documents', {
        method: 'POST', body, unfinished: declared !== undefined,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(declared ?? body.length), cookie: session, origin: nginx.https },
      });
    };
    const app413 = await upload(20 * 1024 * 1024 + 100 * 1024);
    expect(app413.status).toBe(413);
    expect(JSON.parse(app413.text())).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
    expect(app413.headers['x-request-id']).toBeDefined(); // the app answered it
    // nginx decides on the declared length, before the body: the client has sent its first megabyte.
    const nginx413 = await upload(1024 * 1024, 22 * 1024 * 1024);
    expect(nginx413.status).toBe(413);
    expect(nginx413.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(nginx413.text())).toEqual({ error: { code: 'payload_too_large', message: expect.any(String) } });
  });

  it.each(['br', 'gzip'])('passes a ready %s body through byte for byte, with its ETag', async (encoding) => {
    const path = '/gi/api/products.geojson';
    await client.request(path, { headers: { 'accept-encoding': encoding } }); // built once, then kept
    const proxied = await client.request(path, { headers: { 'accept-encoding': encoding } });
    const straight = await direct(path, { 'accept-encoding': encoding });
    expect(proxied.status).toBe(200);
    expect(proxied.headers['content-encoding']).toBe(encoding);
    expect(proxied.headers.etag).toBe(straight.headers.etag);
    expect(proxied.body.equals(straight.body)).toBe(true);
  });

  it('keeps hashed assets for a year, immutable', async () => {
    const asset = await client.request(`/gi/${ASSET}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});

describe('the static copy under /gi-static/, as files', () => {
  it('serves its pages (a product page without its trailing slash too), marked and based at /gi-static/', async () => {
    for (const path of ['/gi-static/', '/gi-static/products/1', '/gi-static/tally']) {
      const res = await client.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      expect(res.text(), path).toContain('<base href="/gi-static/" />');
      expect(res.text(), path).toContain('name="gi-static"');
      expect(res.headers['content-security-policy'], path).toContain("default-src 'self'");
      expect(res.headers['cache-control'], path).toBe('no-cache');
    }
    const missing = await client.request('/gi-static/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.text()).toContain('name="gi-static"');
  });

  it('sends the .gz the build wrote to a client that takes gzip, with the data\u2019s own type', async () => {
    const file = join(dir, 'static', 'api', 'products.geojson');
    const zipped = await client.request('/gi-static/api/products.geojson', { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.equals(readFileSync(`${file}.gz`))).toBe(true);
    const plain = await client.request('/gi-static/api/products.geojson');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(readFileSync(file))).toBe(true);
  });

  it('keeps its hashed assets for a year, immutable', async () => {
    const asset = await client.request(`/gi-static/${ASSET}`);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });
});
