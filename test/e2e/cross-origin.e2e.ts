/**
 * Open data from another site, in a real browser: a page served from a second local origin reads
 * the products, the county GeoJSON and the CSV export of the registry with `fetch()` (and
 * revalidates with If-None-Match through a preflight), with no CORS or CORP error in the console;
 * it cannot read the session of an official signed in to the registry in the same browser, nor
 * embed the registry's pages.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/domain/accounts/accounts';
import { startServer, type TestServer } from '../support/server';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';

const PASSWORD = 'honey-from-the-hills-2026';
let registry: TestServer;
let elsewhere: Server;
let elsewhereUrl: string;
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  registry = await startServer();
  await createUser(registry.db, null, { username: 'qinshui', password: PASSWORD, role: 'official', county: '140521' });
  // The second origin: another port of the same host (same site, so the session cookie, SameSite=Strict, does go along).
  elsewhere = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><meta charset="utf-8"><title>另一个网站 / elsewhere</title><h1>elsewhere</h1>');
  }).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => elsewhere.once('listening', () => resolve()));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  browser = await launchBrowser();
  watched = await openPage(browser, elsewhereUrl);
  // An official is signed in to the registry in this browser.
  const signIn = await watched.context.request.post(`${registry.url}/api/session`, { data: { username: 'qinshui', password: PASSWORD } });
  expect(signIn.status()).toBe(200);
  expect((await watched.context.cookies(registry.url)).map((c) => c.name)).toContain('gi_session');
  await watched.page.goto(`${elsewhereUrl}/`);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => elsewhere?.close(resolve));
  await registry?.close();
});

describe('the open data, fetched by a page on another origin', () => {
  it('reads the products, the county GeoJSON and the CSV export, with no console error', async () => {
    expect(new URL(watched.page.url()).origin).not.toBe(new URL(registry.url).origin);
    const read = await watched.page.evaluate(async (base) => {
      const products = await fetch(`${base}/api/products?limit=5`);
      const counties = await fetch(`${base}/api/counties.geojson`);
      const csv = await fetch(`${base}/api/export/products.csv`);
      // A second read of the same URL is answered by the server's fast path; it must read the same.
      const again = await fetch(`${base}/api/counties.geojson`);
      // Embedding (no-cors) is allowed too: Cross-Origin-Resource-Policy: cross-origin.
      const embedded = await fetch(`${base}/api/products.geojson`, { mode: 'no-cors' });
      return {
        products: { status: products.status, type: products.type, total: (await products.json()).total },
        counties: { status: counties.status, kind: (await counties.json()).type, etag: counties.headers.get('etag') },
        again: { status: again.status, kind: (await again.json()).type },
        csv: { status: csv.status, disposition: csv.headers.get('content-disposition'), firstLine: (await csv.text()).split('\n')[0] },
        embedded: embedded.type,
      };
    }, registry.url);
    expect(read.products).toEqual({ status: 200, type: 'cors', total: expect.any(Number) });
    expect(read.products.total).toBeGreaterThan(0);
    expect(read.counties.status).toBe(200);
    expect(read.counties.kind).toBe('FeatureCollection');
    expect(read.counties.etag).toMatch(/^"[\w-]+"$/);
    expect(read.again).toEqual({ status: 200, kind: 'FeatureCollection' });
    expect(read.csv.status).toBe(200);
    expect(read.csv.disposition).toMatch(/attachment; filename="?jincheng-gi-.*\.csv/);
    expect(read.csv.firstLine.length).toBeGreaterThan(0);
    expect(read.embedded).toBe('opaque');
    expect(watched.consoleErrors).toEqual([]);
  });

  it('revalidates with If-None-Match across origins (a preflight, then 304)', async () => {
    const result = await watched.page.evaluate(async (base) => {
      const first = await fetch(`${base}/api/tally`);
      const etag = first.headers.get('etag')!;
      await first.json();
      const again = await fetch(`${base}/api/tally`, { headers: { 'If-None-Match': etag }, cache: 'no-store' });
      return { etag, status: again.status };
    }, registry.url);
    expect(result.etag).toBeTruthy();
    expect(result.status).toBe(304);
    expect(watched.consoleErrors).toEqual([]);
  });

  it("cannot read the signed-in official's session, nor a public path read with credentials, nor embed a page", async () => {
    const result = await watched.page.evaluate(async (base) => {
      const outcome = async (p: Promise<Response>) => {
        try { const res = await p; return `read ${res.status} ${await res.text()}`; } catch (e) { return `refused: ${String(e)}`; }
      };
      return {
        session: await outcome(fetch(`${base}/api/session`, { credentials: 'include' })),
        privateList: await outcome(fetch(`${base}/api/products?mine=1`, { credentials: 'include' })),
        page: await outcome(fetch(`${base}/`, { mode: 'no-cors' })),
      };
    }, registry.url);
    expect(result.session).toMatch(/^refused: TypeError/);
    expect(result.privateList).toMatch(/^refused: TypeError/);
    expect(result.page).toMatch(/^refused: TypeError/);
    // The browser says why: CORS for the session, CORP for the page.
    expect(watched.consoleErrors.join('\n')).toMatch(/api\/session.*CORS|CORS.*api\/session/s);
  });
});
