/**
 * Open data across origins: public reads carry `Access-Control-Allow-Origin: *` and
 * `Cross-Origin-Resource-Policy: cross-origin` (through Express and through the ready fast path alike),
 * answer CORS preflights, and never open a signed-in or write route. Unsupported methods on a known
 * API path get 405 with `Allow`, and OPTIONS lists every method a path has.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express, { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/open';
import { loadSeeds } from '../../seeds/loader';
import { closeApp, createApp, serve } from '../../server/app';
import { readConfig } from '../../server/config';
import { allowedMethods } from '../../server/method-not-allowed';
import { isPublicReadPath } from '../../server/cors';
import { addAccount, send, signIn } from './fixtures';

/** The real app, with a count of the requests that reached Express (the rest took the fast path). */
let url: string;
let db: Db;
let expressSeen = 0;
let close: () => Promise<void>;
let official: string;
let admin: string;
const ELSEWHERE = 'https://elsewhere.example';

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gi-cors-'));
  const dbFile = join(dir, 'registry.sqlite');
  db = openDb(dbFile);
  loadSeeds(db);
  const app = createApp(db, readConfig({ DATABASE_PATH: dbFile, PORT: '0', CLIENT_DIR: join(dir, 'no-client') }));
  // The fast path hands what it does not answer to `app`, which calls `app.handle`: count those.
  const seam = app as unknown as { handle: (...args: unknown[]) => unknown };
  const handle = seam.handle.bind(app);
  seam.handle = (...args: unknown[]) => { expressSeen++; return handle(...args); };
  const server = serve(app).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(async () => {
      await closeApp(app);
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
      resolve();
    });
  });
  await addAccount(db, 'qinshui', 'official', '140521');
  await addAccount(db, 'boss', 'admin');
  official = await signIn(url, 'qinshui');
  admin = await signIn(url, 'boss');
});
afterAll(() => close());

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(url + path, { method, headers: { origin: ELSEWHERE, ...headers } });

/** Asserts a response is open to every origin (and nothing more). */
function expectOpen(res: Response, what: string) {
  expect(res.headers.get('access-control-allow-origin'), what).toBe('*');
  expect(res.headers.get('cross-origin-resource-policy'), what).toBe('cross-origin');
  expect(res.headers.get('access-control-allow-credentials'), what).toBeNull();
  expect(res.headers.get('access-control-expose-headers'), what).toMatch(/\bETag\b/);
  // Nothing depends on the Origin, so nothing varies by it; compression still varies by Accept-Encoding.
  expect(res.headers.get('vary') ?? '', what).not.toMatch(/origin/i);
  // The rest of the security headers stay.
  expect(res.headers.get('content-security-policy'), what).toContain("default-src 'self'");
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
}

/** Asserts a response is for our own pages only. */
function expectClosed(res: Response, what: string) {
  expect(res.headers.get('access-control-allow-origin'), what).toBeNull();
  expect(res.headers.get('access-control-allow-credentials'), what).toBeNull();
  expect(res.headers.get('cross-origin-resource-policy'), what).toBe('same-origin');
}

const PUBLIC_READS = [
  '/api/health', '/api/config', '/api/counties', '/api/counties.geojson', '/api/products?limit=5',
  '/api/products.geojson', '/api/tally', '/api/tally/series', '/api/periods', '/api/export/products.csv',
  '/api/export/products.xlsx', '/api/openapi.json',
];

describe('public reads are open to every origin', () => {
  it('(first, before the others build these URLs) the fast path (ahead of Express) sends the same CORS and CORP headers as Express', async () => {
    for (const path of ['/api/products?limit=7&county=140521', '/api/counties.geojson', '/api/tally']) {
      const before = expressSeen;
      const first = await get(path, { 'accept-encoding': 'br' });
      await first.arrayBuffer();
      const afterFirst = expressSeen;
      const again = await get(path, { 'accept-encoding': 'br' });
      await again.arrayBuffer();
      expect(afterFirst - before, `${path}: the first goes through Express`).toBe(1);
      expect(expressSeen, `${path}: the repeat does not`).toBe(afterFirst);
      expectOpen(first, `${path} via Express`);
      expectOpen(again, `${path} via the fast path`);
      for (const name of ['access-control-allow-origin', 'access-control-expose-headers', 'cross-origin-resource-policy', 'vary', 'etag']) {
        expect(again.headers.get(name), `${path} ${name}`).toBe(first.headers.get(name));
      }
      // And a 304 from the fast path keeps them as well.
      const revalidated = await get(path, { 'accept-encoding': 'br', 'if-none-match': first.headers.get('etag')! });
      expect(revalidated.status).toBe(304);
      expect(expressSeen).toBe(afterFirst);
      expectOpen(revalidated, `${path} 304 via the fast path`);
    }
  });

  it.each(PUBLIC_READS)('%s: ACAO *, CORP cross-origin, on the first answer and the repeated one', async (path) => {
    for (let i = 0; i < 2; i++) {
      const res = await get(path, { 'accept-encoding': 'br, gzip' });
      expect(res.status, path).toBe(200);
      expectOpen(res, `${path} #${i}`);
      await res.arrayBuffer();
    }
  });

  it('a product page is open too, and so is its 404', async () => {
    const id = db.$client.prepare("SELECT min(id) FROM products WHERE visibility = 'public' AND archived_at IS NULL").pluck().get() as number;
    expectOpen(await get(`/api/products/${id}`), 'product');
    const missing = await get('/api/products/999999');
    expect(missing.status).toBe(404);
    expectOpen(missing, 'missing product');
  });

  it('HEAD is open as GET is', async () => {
    const res = await get('/api/products.geojson', {}, 'HEAD');
    expect(res.status).toBe(200);
    expectOpen(res, 'HEAD');
  });

  it('exports expose Content-Disposition so another site can name the file', async () => {
    for (const path of ['/api/export/products.csv', '/api/export/products.xlsx']) {
      const res = await get(path);
      expect(res.headers.get('content-disposition')).toMatch(/attachment/);
      expect(res.headers.get('access-control-expose-headers')).toMatch(/Content-Disposition/);
      await res.arrayBuffer();
    }
  });

  it('answers a preflight for a public read: 204, the read methods, the headers a reader sends, a max age', async () => {
    const res = await fetch(`${url}/api/products`, {
      method: 'OPTIONS',
      headers: { origin: ELSEWHERE, 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/);
    expect(res.headers.get('access-control-allow-headers')).toMatch(/Accept-Encoding/);
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    // The path's own methods are listed in Allow, but only reads are allowed across origins.
    expect(res.headers.get('allow')).toMatch(/POST/);
    expect(res.headers.get('access-control-allow-methods')).not.toMatch(/POST|PATCH|DELETE/);
  });
});

describe('signed-in and write routes stay our own', () => {
  it.each([
    ['GET', '/api/session'], ['GET', '/api/users'], ['GET', '/api/audit'], ['GET', '/api/audit/export.xlsx'],
    ['GET', '/api/import/progress'], ['GET', '/api/import/template.xlsx'], ['GET', '/api/nowhere'], ['GET', '/'],
  ])('%s %s: no ACAO, CORP same-origin', async (method, path) => {
    expectClosed(await get(path, {}, method), path);
  });

  it.each([
    ['POST', '/api/products'], ['PATCH', '/api/products/1'], ['DELETE', '/api/products/1'], ['POST', '/api/session'],
    ['POST', '/api/periods'], ['POST', '/api/import'], ['DELETE', '/api/session'],
  ])('%s %s (a write, even to a public path): no ACAO', async (method, path) => {
    const res = await send(url, method, path, {}, undefined, { origin: ELSEWHERE });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('a public path read with the session cookie is private: no ACAO, no credentials, CORP same-origin', async () => {
    for (const cookie of [official, admin]) {
      for (const path of ['/api/products?limit=5', '/api/products.geojson', '/api/tally', '/api/export/products.csv']) {
        for (let i = 0; i < 2; i++) {
          const res = await get(path, { cookie });
          expect(res.status).toBe(200);
          expectClosed(res, `${path} signed in`);
          await res.arrayBuffer();
        }
      }
      const session = await get('/api/session', { cookie });
      expect(session.status).toBe(200);
      expectClosed(session, 'session signed in');
    }
  });

  it('refuses a preflight for a write or a signed-in route', async () => {
    for (const [path, method] of [['/api/session', 'POST'], ['/api/users', 'GET'], ['/api/audit', 'GET'], ['/api/import', 'POST']]) {
      const res = await fetch(url + path, {
        method: 'OPTIONS', headers: { origin: ELSEWHERE, 'access-control-request-method': method, 'access-control-request-headers': 'content-type' },
      });
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
      expect(res.headers.get('access-control-allow-methods'), path).toBeNull();
      expect(res.headers.get('access-control-allow-credentials'), path).toBeNull();
    }
  });

  it('says which paths are public reads', () => {
    for (const path of ['/api/health', '/api/products', '/api/products/12', '/api/products.geojson', '/api/feed.atom', '/api/tally/series', '/api/export/products.xlsx'])
      expect(isPublicReadPath(path), path).toBe(true);
    for (const path of ['/api/session', '/api/products/12/restore', '/api/users', '/api/audit', '/api/import/progress', '/', '/api/productsx', '/api/products/1/participants'])
      expect(isPublicReadPath(path), path).toBe(false);
  });
});

describe('methods', () => {
  it.each([
    ['PUT', '/api/products', 'GET, HEAD, OPTIONS, POST'],
    ['DELETE', '/api/tally', 'GET, HEAD, OPTIONS'],
    ['POST', '/api/products/1', 'DELETE, GET, HEAD, OPTIONS, PATCH'],
    ['PUT', '/api/session', 'DELETE, GET, HEAD, OPTIONS, POST'],
    ['GET', '/api/import', 'OPTIONS, POST'],
    ['PATCH', '/api/export/products.csv', 'GET, HEAD, OPTIONS'],
  ])('%s %s is 405 with Allow: %s', async (method, path, allow) => {
    const res = await send(url, method, path, undefined, admin);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(res.body.error.code).toBe('method_not_allowed');
    expect(res.body.error.message).toEqual(expect.any(String));
  });

  it.each([
    ['/api/products', 'GET, HEAD, OPTIONS, POST'],
    ['/api/products/3', 'DELETE, GET, HEAD, OPTIONS, PATCH'],
    ['/api/session', 'DELETE, GET, HEAD, OPTIONS, POST'],
    ['/api/periods/4', 'OPTIONS, PUT'],
    ['/api/users', 'GET, HEAD, OPTIONS, POST'],
  ])('OPTIONS %s lists %s', async (path, allow) => {
    const res = await fetch(url + path, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('allow')).toBe(allow);
  });

  it('unknown API paths stay 404, whatever the method', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'OPTIONS']) {
      const res = await send(url, method, '/api/nowhere');
      expect(res.status, method).toBe(404);
      expect(res.headers.get('allow'), method).toBeNull();
    }
    expect((await send(url, 'POST', '/api')).status).toBe(404);
  });

  it('reads the method table from the router, so a new route is covered', async () => {
    const app = express();
    app.use(Router().get('/api/things', () => {}).post('/api/things', () => {}));
    app.use('/api/nested', Router().put('/inner/:id', () => {}));
    app.use(Router().patch('/api/things/:id', () => {}));
    expect(allowedMethods(app, '/api/things')).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);
    expect(allowedMethods(app, '/api/things/9')).toEqual(['OPTIONS', 'PATCH']);
    expect(allowedMethods(app, '/api/nested/inner/9')).toEqual(['OPTIONS', 'PUT']);
    expect(allowedMethods(app, '/api/nothing')).toEqual([]);
  });
});
