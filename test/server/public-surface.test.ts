/**
 * What third-party clients found on the public surface, each reproduced through HTTP or the static
 * build: the sitemap lists every public page; with PUBLIC_BASE_URL set, the feed links absolutely and
 * the crawler files name that address whatever Host was asked; the public reads that have a ready
 * builder are answered from the ready cache (a repeat never reaches Express); a freshly seeded
 * registry's feed is not empty; every open-data link a public page shows exists in the static copy.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../db/open';
import { projectRoot } from '../../db/project-root';
import { loadSeeds } from '../../seeds/loader';
import { closeApp, createApp, serve } from '../../server/app';
import { buildStaticSite } from '../../server/cli/build-static';
import { readConfig } from '../../server/config';
import { startServer, type TestServer } from '../support/server';

const BASE = 'https://gi.example.cn';
let plain: TestServer;
let based: TestServer;
beforeAll(async () => {
  [plain, based] = await Promise.all([startServer(), startServer({ env: { PUBLIC_BASE_URL: BASE } })]);
});
afterAll(async () => {
  await Promise.all([plain?.close(), based?.close()]);
});

/** A GET with a Host header of our choosing (fetch does not let a caller set Host). */
function getWithHost(server: TestServer, path: string, host: string): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve(body));
    }).on('error', reject).end();
  });
}

const locs = (xml: string) =>
  (new XMLParser({ isArray: (name) => name === 'url' }).parse(xml).urlset.url as { loc: string }[]).map((u) => u.loc);
const publicIds = async (server: TestServer) =>
  ((await (await fetch(`${server.url}/api/products?limit=1000`)).json()) as { items: { id: number }[] }).items.map((p) => p.id);

describe('the sitemap', () => {
  it('lists every public page: the map, the tally, the annual report, verification and each public product', async () => {
    const urls = locs(await (await fetch(`${plain.url}/sitemap.xml`)).text());
    for (const path of ['/', '/tally', '/reports/annual', '/verify']) expect(urls, path).toContain(`${plain.url}${path}`);
    for (const id of await publicIds(plain)) expect(urls).toContain(`${plain.url}/products/${id}`);
  });
});

describe('with PUBLIC_BASE_URL set', () => {
  it('the feed links absolutely under it, as every feed reader needs', async () => {
    const xml = await (await fetch(`${based.url}/api/feed.atom`)).text();
    const parsed = parseFeed(xml);
    expect(parsed.self).toBe(`${BASE}/api/feed.atom`);
    expect(parsed.items.length).toBeGreaterThan(0);
    for (const item of parsed.items) expect(item.url).toMatch(new RegExp(`^${BASE}/products/\\d+$`));
  });

  it('the sitemap and robots.txt name it, not the Host a request names', async () => {
    const urls = locs(await getWithHost(based, '/sitemap.xml', 'other.example'));
    expect(urls.length).toBeGreaterThan(4);
    for (const url of urls) expect(url.startsWith(`${BASE}/`), url).toBe(true);
    expect(await getWithHost(based, '/robots.txt', 'other.example')).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });
});

describe('a freshly seeded registry', () => {
  it('has a feed entry for each public product (made public when the registry was seeded)', async () => {
    const parsed = parseFeed(await (await fetch(`${plain.url}/api/feed.atom`)).text());
    const ids = await publicIds(plain);
    expect(ids).toHaveLength(16);
    const linked = parsed.items.map((i) => Number(i.url?.replace('/products/', '')));
    expect([...linked].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect(parsed.items.every((i) => i.title?.startsWith('新公开：'))).toBe(true);
  });
});

describe('public reads with a ready builder', () => {
  let url: string;
  let db: Db;
  let dir: string;
  let seen = 0;
  let close: () => Promise<void>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gi-surface-'));
    const dbFile = join(dir, 'registry.sqlite');
    db = openDb(dbFile);
    loadSeeds(db);
    const app = createApp(db, readConfig({ DATABASE_PATH: dbFile, PORT: '0', CLIENT_DIR: join(dir, 'no-client') }));
    // The fast path hands what it does not answer to `app.handle`: count those.
    const seam = app as unknown as { handle: (...args: unknown[]) => unknown };
    const handle = seam.handle.bind(app);
    seam.handle = (...args: unknown[]) => { seen++; return handle(...args); };
    const server = serve(app).listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(async () => { await closeApp(app); db.$client.close(); rmSync(dir, { recursive: true, force: true }); resolve(); });
    });
  });
  afterAll(() => close());

  it.each(['/api/periods', '/api/config', '/api/counties'])('%s is a ready body: an ETag, and the repeat never reaches Express', async (path) => {
    const first = await fetch(url + path);
    expect(first.status).toBe(200);
    const body = await first.text();
    expect(first.headers.get('etag'), path).toBeTruthy();
    const before = seen;
    const again = await fetch(url + path);
    expect(await again.text()).toBe(body);
    expect(seen - before, `${path}: the repeat takes the fast path`).toBe(0);
  });
});

describe('the static copy', () => {
  let work: string;
  beforeAll(() => { work = mkdtempSync(join(tmpdir(), 'gi-surface-static-')); });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('holds every open-data file a public page links to (the OpenAPI document among them)', async () => {
    const client = join(work, 'client');
    mkdirSync(client, { recursive: true });
    writeFileSync(join(client, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>t</title></head><body></body></html>');
    const out = join(work, 'site');
    await buildStaticSite(plain.db, out, { clientDir: client, config: plain.config });
    const links = publicPageLinks();
    expect(links).toContain('/api/openapi.json');
    for (const link of links) expect(existsSync(join(out, link)), link).toBe(true);
  });
});

/** The `/api/…` addresses the public pages link to (their hrefs, without a query), read from their sources. */
function publicPageLinks(): string[] {
  const dir = join(projectRoot(), 'client', 'pages');
  const found = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const source = readFileSync(join(dir, name), 'utf8');
    // Written `href="/api/…"`, or made an address under the base path: `href=${appHref('/api/…')}`.
    for (const m of source.matchAll(/href=(?:"|\$\{`|\$\{appHref\(['`])(\/api\/[^"'`?$]+)/g)) found.add(m[1]);
  }
  return [...found].sort();
}
