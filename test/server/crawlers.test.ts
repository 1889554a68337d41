/**
 * GET /robots.txt and GET /sitemap.xml: plain text and a valid sitemap of the public pages with their
 * last change, rebuilt when the registry changes, answered per Host without one Host's answer
 * reaching another's requests.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as schema from '../../db/schema';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

let server: TestServer;
let official: string;
beforeAll(async () => {
  server = await startServer();
  await addAccount(server.db, 'qinshui', 'official', '140521');
  official = await signIn(server.url, 'qinshui');
});
afterAll(() => server.close());

/** A GET with a Host header of our choosing (fetch does not let a caller set Host). */
function getWithHost(path: string, host: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

const sitemapUrls = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ isArray: (name) => name === 'url' }).parse(xml);
  return doc.urlset.url as { loc: string; lastmod?: string }[];
};

describe('robots.txt', () => {
  it('is plain text that welcomes the public pages and open data, not the workspace or the rest of the API', async () => {
    const res = await fetch(`${server.url}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const lines = (await res.text()).split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      'User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api/', 'Allow: /api/export/products.csv',
      'Allow: /api/products.geojson', 'Allow: /api/feed.atom', 'Allow: /api/openapi.json', `Sitemap: ${server.url}/sitemap.xml`,
    ]));
  });
});

describe('sitemap.xml', () => {
  it('lists the public pages (the map, the tally, the annual report, verification) and every public current product with its last change', async () => {
    const res = await fetch(`${server.url}/sitemap.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(res.headers.get('etag')).toBeTruthy();
    const xml = await res.text();
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const urls = sitemapUrls(xml);
    const publicList = (await send(server.url, 'GET', '/api/products?limit=200')).body as { items: { id: number; updatedAt: string }[] };
    expect(urls.map((u) => u.loc)).toEqual([
      `${server.url}/`, `${server.url}/tally`, `${server.url}/reports/annual`, `${server.url}/verify`, `${server.url}/places`, `${server.url}/guide`,
      ...publicList.items.map((p) => p.id).sort((a, b) => a - b).map((id) => `${server.url}/products/${id}`),
    ]);
    const pear = urls.find((u) => u.loc.endsWith('/products/4'))!;
    expect(pear.lastmod).toBe(publicList.items.find((p) => p.id === 4)!.updatedAt);
    expect(pear.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  });

  it('leaves drafts and archived products out, and is rebuilt when a product is published', async () => {
    const draft = (await send(server.url, 'POST', '/api/products', { nameZh: '沁水地图草稿', category: 'food', counties: ['140521'] }, official)).body;
    server.db.update(schema.products).set({ archivedAt: '2026-01-01T00:00:00.000Z' }).where(eq(schema.products.id, 1)).run();
    const before = sitemapUrls(await (await fetch(`${server.url}/sitemap.xml`)).text()).map((u) => u.loc);
    expect(before).not.toContain(`${server.url}/products/${draft.id}`);
    expect(before).not.toContain(`${server.url}/products/1`);
    server.db.update(schema.products).set({ archivedAt: null }).where(eq(schema.products.id, 1)).run();
    await send(server.url, 'PATCH', `/api/products/${draft.id}`, { visibility: 'public' }, official);
    const after = sitemapUrls(await (await fetch(`${server.url}/sitemap.xml`)).text()).map((u) => u.loc);
    expect(after).toContain(`${server.url}/products/${draft.id}`);
  });

  it('answers each Host with its own URLs, and a strange Host never changes what others get', async () => {
    const other = await getWithHost('/sitemap.xml', 'gi.example.cn');
    expect(other.status).toBe(200);
    expect(sitemapUrls(other.body)[0].loc).toBe('http://gi.example.cn/');
    expect((await getWithHost('/robots.txt', 'gi.example.cn')).body).toContain('Sitemap: http://gi.example.cn/sitemap.xml');
    expect((await getWithHost('/sitemap.xml', 'evil.example/"><x')).status).toBe(400);
    const own = await (await fetch(`${server.url}/sitemap.xml`)).text();
    expect(own).not.toContain('example');
  });
});
