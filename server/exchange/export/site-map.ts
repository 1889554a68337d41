/**
 * What search engines read: robots.txt (the public pages and open-data files welcome, the workspace
 * and the rest of the API not) and a sitemap of the public pages (the map, the tally, and each public,
 * current product with its last change). Both need the site's absolute origin: the Sitemaps protocol
 * takes full URLs only.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import * as t from '../../../db/schema';
import { readableProducts } from '../../domain/access/permissions';

/** The open-data files under /api/ that crawlers may fetch (the rest of /api/ is not for them). */
export const OPEN_DATA_FILES = [
  '/api/docs', '/api/openapi.json', '/api/feed.atom', '/api/counties.geojson', '/api/products.geojson',
  '/api/export/products.csv', '/api/export/products.xlsx',
] as const;

/** robots.txt for a site at `origin` (no `Sitemap:` line without one: the protocol wants a full URL). */
export function robotsTxt(origin: string | null): string {
  return [
    '# 晋城市地理标志培育登记与公开地图 / Jincheng GI registry',
    'User-agent: *',
    'Allow: /',
    ...OPEN_DATA_FILES.map((path) => `Allow: ${path}`),
    'Disallow: /admin',
    'Disallow: /api/',
    ...(origin ? ['', `Sitemap: ${origin}/sitemap.xml`] : []),
    '',
  ].join('\n');
}

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The public, current products' ids with their last change, by id. */
function publicProducts(db: Db): { id: number; updatedAt: string }[] {
  return db.select({ id: t.products.id, updatedAt: t.products.updatedAt }).from(t.products)
    .where(readableProducts(db, null)).orderBy(asc(t.products.id)).all();
}

/** The sitemap (sitemaps.org 0.9) of the public pages of a site at `origin`. */
export function sitemapXml(db: Db, origin: string): string {
  const products = publicProducts(db);
  const newest = products.reduce<string | null>((max, p) => (max === null || p.updatedAt > max ? p.updatedAt : max), null);
  const url = (path: string, lastmod: string | null) =>
    `  <url><loc>${escapeXml(origin + path)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</url>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url('/', newest),
    url('/tally', null),
    ...products.map((p) => url(`/products/${p.id}`, p.updatedAt)),
    '</urlset>',
    '',
  ].join('\n');
}
