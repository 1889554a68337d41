/**
 * What search engines read, from the table of the public surface (db/model/public-surface.ts):
 * robots.txt (the pages and the open-data files the table welcomes, the rest of the API and any page it
 * keeps from crawlers not) and a sitemap of the pages it lists (each product page once per public,
 * current product, with its last change). Both need the site's absolute address: the Sitemaps protocol
 * takes full URLs only.
 */
import { asc } from 'drizzle-orm';
import { OPEN_DATA, PAGES, pagePath } from '../../../db/model';
import type { Db } from '../../../db/open';
import * as t from '../../../db/schema';
import { readableProducts } from '../../domain/access/permissions';

/** The open-data files under /api/ that crawlers may fetch (the rest of /api/ is not for them). */
export const OPEN_DATA_FILES: readonly string[] = OPEN_DATA.filter((p) => p.crawl).map((p) => p.path);

/** The pages kept from crawlers, as path prefixes (`/admin` for the workspace's `/admin/*`). */
const CLOSED_PAGES = PAGES.filter((p) => !p.crawl).map((p) => p.path.replace(/\/\*$/, ''));

/** robots.txt for a site at `origin` (no `Sitemap:` line without one: the protocol wants a full URL). */
export function robotsTxt(origin: string | null): string {
  // A site under a sub-path (https://host/gi) has its rules under it: the portal's own robots.txt can take them.
  const under = origin ? new URL(origin).pathname.replace(/\/+$/, '') : '';
  return [
    '# 晋城市地理标志培育登记与公开地图 / Jincheng GI registry',
    'User-agent: *',
    `Allow: ${under}/`,
    ...OPEN_DATA_FILES.map((path) => `Allow: ${under}${path}`),
    ...CLOSED_PAGES.map((path) => `Disallow: ${under}${path}`),
    `Disallow: ${under}/api/`,
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

/** The sitemap (sitemaps.org 0.9) of the public pages of a site at `origin`, in the table's order. */
export function sitemapXml(db: Db, origin: string): string {
  const products = publicProducts(db);
  const newest = products.reduce<string | null>((max, p) => (max === null || p.updatedAt > max ? p.updatedAt : max), null);
  const url = (path: string, lastmod: string | null) =>
    `  <url><loc>${escapeXml(origin + path)}</loc>${lastmod ? `<lastmod>${escapeXml(lastmod)}</lastmod>` : ''}</url>`;
  const urls = PAGES.filter((page) => page.sitemap).flatMap((page) => (page.path.includes(':id')
    ? products.map((p) => url(pagePath(page, p.id), p.updatedAt))
    : [url(page.path, 'lastmod' in page && page.lastmod === 'newestProduct' ? newest : null)]));
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', ...urls, '</urlset>', ''].join('\n');
}
