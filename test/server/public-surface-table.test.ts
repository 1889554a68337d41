/**
 * The table of the public surface (db/model/public-surface.ts) is read everywhere: for each page, the
 * client router, the server's page answer, the sitemap, robots.txt and the static copy agree with its
 * line; for each open-data path, CORS, robots.txt, the ready cache's documentation (ETag), the static
 * copy's files and the OpenAPI operations agree with its line, both ways.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_FOUND_PAGE, OPEN_DATA, PAGES, pagePath, type SitePage } from '../../db/model';
import { routeOf } from '../../client/lib/router';
import { staticFileOf } from '../../client/lib/static-api';
import { buildStaticSite } from '../../server/cli/build-static';
import { isPublicReadPath } from '../../server/cors';
import { robotsTxt, sitemapXml } from '../../server/exchange/export/site-map';
import { OPERATIONS } from '../../server/openapi';
import { pageAnswer } from '../../server/static';
import { startServer, type TestServer } from '../support/server';

const ORIGIN = 'https://gi.example.cn';
let server: TestServer;
let work: string;
let out: string;
let productId: number;
/** The names of that product (the static copy titles its pages with them). */
let seeded: { nameZh: string; nameEn: string | null };
let sitemap: string[];
const names = { nameZh: '测试产品', nameEn: 'Test product' };

beforeAll(async () => {
  server = await startServer();
  const first = ((await (await fetch(`${server.url}/api/products?limit=1`)).json()) as { items: { id: number; nameZh: string; nameEn: string | null }[] }).items[0];
  productId = first.id;
  seeded = { nameZh: first.nameZh, nameEn: first.nameEn };
  work = mkdtempSync(join(tmpdir(), 'gi-surface-table-'));
  mkdirSync(join(work, 'client'));
  writeFileSync(join(work, 'client', 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>t</title></head></html>');
  out = join(work, 'site');
  await buildStaticSite(server.db, out, { clientDir: join(work, 'client'), config: server.config, baseUrl: ORIGIN });
  sitemap = (new XMLParser({ isArray: (n) => n === 'url' }).parse(sitemapXml(server.db, ORIGIN)).urlset.url as { loc: string }[]).map((u) => u.loc);
}, 60_000);
afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A path of a page: a product's for an `:id` page, something below a `/*` page. */
const sampleOf = (page: SitePage) => (page.path.endsWith('/*') ? page.path.replace('/*', '/anything/below') : pagePath(page, productId));
const expectedTitle = (page: SitePage, product: { nameZh: string } = names) => (typeof page.title === 'string'
  ? `${product.nameZh} · ${page.title === 'productCard' ? '产品卡片 · ' : ''}晋城地理标志` : page.title.zh);

describe.each(PAGES.map((p) => [p.key, p] as const))('the page %s', (key, page: SitePage) => {
  it('is the client router\'s page and the server\'s answer, titled as the table says', () => {
    const path = sampleOf(page);
    expect(routeOf(path).page).toBe(key);
    if (path !== '/') expect(routeOf(`${path}/`).page).toBe(key);
    expect(pageAnswer(path, 'zh', () => names)).toEqual({ status: 200, title: expectedTitle(page) });
    if (page.path.includes(':id')) expect(pageAnswer(path, 'zh', () => null).status).toBe(404);
  });

  it('is in the sitemap, robots.txt and the static copy as the table says', () => {
    const path = sampleOf(page);
    expect(sitemap.includes(`${ORIGIN}${path}`)).toBe(page.sitemap);
    const prefix = page.path.replace(/\/\*$/, '');
    expect(robotsTxt(null).split('\n').includes(`Disallow: ${prefix}`)).toBe(!page.crawl);
    const file = join(out, path, 'index.html');
    expect(existsSync(file)).toBe(page.inStatic);
    if (page.inStatic) expect(readFileSync(file, 'utf8')).toContain(`<title>${expectedTitle(page, seeded)}</title>`);
  });
});

describe('the pages', () => {
  it('have distinct keys and paths; a page for every path below it is neither in the sitemap nor written as one file', () => {
    expect(new Set(PAGES.map((p) => p.key)).size).toBe(PAGES.length);
    expect(new Set(PAGES.map((p) => p.path)).size).toBe(PAGES.length);
    for (const page of PAGES.filter((p) => p.path.endsWith('/*'))) expect([page.key, page.sitemap, page.inStatic]).toEqual([page.key, false, false]);
  });
});

describe('the not-found page', () => {
  it('answers every other path, and is the static copy\'s 404.html', () => {
    for (const path of ['/nope', '/products', '/products/x', '/tally/2020']) {
      expect(routeOf(path).page).toBe('notFound');
      expect(pageAnswer(path, 'zh', () => names)).toEqual({ status: 404, title: NOT_FOUND_PAGE.title.zh });
    }
    expect(readFileSync(join(out, '404.html'), 'utf8')).toContain(`<title>${NOT_FOUND_PAGE.title.zh}</title>`);
  });
});

describe('the open-data paths', () => {
  const publicGets = OPERATIONS.filter((op) => op.method === 'get' && op.who === 'all');
  const sample = (path: string) => path.replace('{id}', String(productId));

  it('are the public GETs of the OpenAPI document, both ways, and each ready one documents its ETag', () => {
    expect(publicGets.map((op) => op.path).sort()).toEqual(OPEN_DATA.map((p) => p.path).sort());
    for (const entry of OPEN_DATA.filter((p) => p.ready)) {
      expect(publicGets.find((op) => op.path === entry.path)?.etag, entry.path).toBe(true);
    }
  });

  it.each(OPEN_DATA.map((p) => [p.path, p] as const))('%s: CORS and robots.txt as the table says', (path, entry) => {
    expect(isPublicReadPath(sample(path))).toBe(entry.cors);
    expect(robotsTxt(null).split('\n').includes(`Allow: ${path}`)).toBe(entry.crawl);
  });

  it.each(OPEN_DATA.filter((p) => p.static !== null).map((p) => [p.path, p] as const))(
    '%s: the static copy reads the file the build wrote for it', (path, entry) => {
      const year = String(new Date().getFullYear() - 1);
      const file = staticFileOf(`${sample(path)}?year=${year}&z=0&x=0&y=0`);
      // A document's file is named by its type, known from its product's answer (none are seeded).
      if (entry.key === 'document') return expect(file).toBeNull();
      expect(file, path).not.toBeNull();
      expect(file).not.toMatch(/[{}]/);
      // The seeds hold no documents and no open dossier under a product's id: those are checked by their own tests.
      // Nor any place that is a point (every seeded place is known by its county): no cluster tile either.
      if (['documentThumbnail', 'dossier', 'productClusters'].includes(entry.key)) return;
      expect(existsSync(join(out, file!)), file!).toBe(true);
    });

  it('paths the table does not name are neither open nor in the static copy', () => {
    for (const path of ['/api/session', '/api/users', '/api/audit', '/api/products/1/restore', '/api/cultivation']) {
      expect(isPublicReadPath(path), path).toBe(false);
      expect(staticFileOf(path), path).toBeNull();
    }
  });
});
