/**
 * The public surface, written down once: every page of the site and every open-data path, with what
 * each one is to the sitemap, robots.txt, the ready cache, CORS and the static copy. Read by the
 * server's page answers (server/static.ts), the client router (client/lib/router.ts), the sitemap and
 * robots.txt (server/exchange/export/site-map.ts), the static build (server/cli/build-static.ts), CORS
 * (server/cors.ts), the OpenAPI operations (server/openapi/operations/*.ts) and the static copy's reader
 * (client/lib/static-api.ts). Plain data (a type import aside), so the browser bundle carries it as it is.
 *
 * A new public page is a line in PAGES (and its element in client/gi-app.ts); a new open-data path is a
 * line in OPEN_DATA (and its route, its operation, and its writer in server/cli/static-open-data.ts
 * when the static copy holds it: the compiler asks for that writer).
 */

import type { Bilingual } from './exchange';

/** The site's name after a page's own in every title (client/i18n/common.ts `title.of` says the same). */
export const SITE_NAME = { zh: '晋城地理标志', en: 'Jincheng GI' } as const satisfies Bilingual;

/** A page's name followed by the site's, as every title but the map's reads. */
const titled = (zh: string, en: string): Bilingual => ({ zh: `${zh} · ${SITE_NAME.zh}`, en: `${en} · ${SITE_NAME.en}` });

/** A page of the site. */
export interface SitePage {
  /** The page's name in the client router (`Route['page']`). */
  key: string;
  /**
   * Its path: literal segments, `:id` for a product's number (the page is there only while the viewer
   * may read that product), or a final `/*` for every path below it. A trailing slash is accepted.
   */
  path: string;
  /** Its `<title>`: fixed, or made from the product's names (`product`, `productCard`). */
  title: Bilingual | 'product' | 'productCard';
  /** Listed in sitemap.xml (an `:id` page once per public product, dated by the product's last change). */
  sitemap: boolean;
  /** Its sitemap date is the newest change of any public product (the page shows them all). */
  lastmod?: 'newestProduct';
  /** Welcome to crawlers; a page that is not gets a `Disallow:` line in robots.txt. */
  crawl: boolean;
  /** Written as a page file by the static copy (an `:id` page once per public product). */
  inStatic: boolean;
  /** Answered with `X-Robots-Tag: noindex` and no referrer: a private page reached by a link, never to be indexed. */
  noindex?: boolean;
}

/** Every page of the site, in the order the sitemap lists them. */
export const PAGES = [
  { key: 'map', path: '/', title: { zh: '地理标志地图 · 晋城', en: 'GI map · Jincheng' }, sitemap: true, lastmod: 'newestProduct', crawl: true, inStatic: true },
  { key: 'tally', path: '/tally', title: titled('规划目标统计', 'Plan tally'), sitemap: true, crawl: true, inStatic: true },
  { key: 'annualReport', path: '/reports/annual', title: titled('地理标志工作年度报告', 'GI annual report'), sitemap: true, crawl: true, inStatic: true },
  { key: 'verify', path: '/verify', title: titled('查询用标企业', 'Check a company’s right to use a GI mark'), sitemap: true, crawl: true, inStatic: true },
  { key: 'places', path: '/places', title: titled('是否在保护范围内', 'Is my village in a protected area?'), sitemap: true, crawl: true, inStatic: true },
  { key: 'guide', path: '/guide', title: titled('地理标志指南', 'Guide to geographical indications'), sitemap: true, crawl: true, inStatic: true },
  { key: 'product', path: '/products/:id', title: 'product', sitemap: true, crawl: true, inStatic: true },
  // The printable card: for stalls and packaging, not a page to find by search.
  { key: 'card', path: '/products/:id/card', title: 'productCard', sitemap: false, crawl: true, inStatic: true },
  // A company's yearly usage return, through the single-use link its county sent (`/return/<token>`: the token is
  // the only key); not for search engines, not in a static copy. Its API: GET and POST /api/return-links/{token}.
  { key: 'returnForm', path: '/return/*', title: titled('年度用标情况填报', 'Yearly return on the use of the mark'), sitemap: false, crawl: false, inStatic: false, noindex: true },
  // The officials' workspace: every path below /admin is its page (sign-in inside); not in a static copy.
  { key: 'admin', path: '/admin/*', title: titled('工作台', 'Workspace'), sitemap: false, crawl: false, inStatic: false },
] as const satisfies readonly SitePage[];

/** The page every other path shows, with status 404 (and the static copy's `404.html`). */
export const NOT_FOUND_PAGE = { key: 'notFound', title: titled('页面不存在', 'Page not found') } as const;

/** A page's key. */
export type PageKey = (typeof PAGES)[number]['key'];

/** A path of the open-data API. */
export interface OpenDataPath {
  /** A name for the path (the static build's writers are keyed by it). */
  key: string;
  /** The path as the OpenAPI document writes it (`{id}`: one path segment). Every GET of it is for everyone. */
  path: string;
  /** Open to every origin: `Access-Control-Allow-Origin: *` and a cross-origin resource policy. */
  cors: boolean;
  /** Answered from the ready cache of the registry version, so a repeat takes the fast path. */
  ready: boolean;
  /**
   * The file a static copy holds for it, or null: `{id}` is the path's, any other `{name}` comes from
   * the query or the file's type (client/lib/static-api.ts resolves those by the path's key).
   */
  static: string | null;
  /** Welcome to crawlers: an `Allow:` line in robots.txt (the rest of /api/ is disallowed). */
  crawl: boolean;
}

/** Every open-data path. */
export const OPEN_DATA = [
  { key: 'health', path: '/api/health', cors: true, ready: false, static: null, crawl: false },
  // Readiness (the database writable, migrations current, task workers up): for the operator's probes, not other sites.
  { key: 'ready', path: '/api/ready', cors: false, ready: false, static: null, crawl: false },
  { key: 'config', path: '/api/config', cors: true, ready: true, static: '/api/config.json', crawl: false },
  { key: 'counties', path: '/api/counties', cors: true, ready: true, static: '/api/counties.json', crawl: false },
  { key: 'countyShapes', path: '/api/counties.geojson', cors: true, ready: true, static: '/api/counties.geojson', crawl: true },
  { key: 'products', path: '/api/products', cors: true, ready: true, static: '/api/products.json', crawl: false },
  { key: 'productPoints', path: '/api/products.geojson', cors: true, ready: true, static: '/api/products.geojson', crawl: true },
  // The map's clusters per tile; the copy holds the unfiltered tiles that have something, per zoom
  // (`/api/clusters/<z>/<x>/<y>.geojson`); a tile it lacks is empty.
  { key: 'productClusters', path: '/api/clusters.geojson', cors: true, ready: true, static: '/api/clusters/{z}/{x}/{y}.geojson', crawl: false },
  // The map page's numbers and list pages; the copy makes them in the browser from its products.geojson (db/model/map-summary.ts).
  { key: 'mapSummary', path: '/api/map-summary', cors: true, ready: true, static: '/api/products.geojson', crawl: false },
  { key: 'product', path: '/api/products/{id}', cors: true, ready: true, static: '/api/products/{id}.json', crawl: false },
  // Written only when the copy knows its address (--base-url): a QR code carries the whole address.
  { key: 'productQr', path: '/api/products/{id}/qr.svg', cors: true, ready: false, static: '/api/products/{id}/qr.svg', crawl: false },
  // A product's yearly usage returns as aggregates only (a year with fewer than three reporters has no total).
  { key: 'markUse', path: '/api/products/{id}/mark-use', cors: true, ready: true, static: '/api/products/{id}/mark-use.json', crawl: false },
  { key: 'dossier', path: '/api/designations/{id}/dossier', cors: true, ready: false, static: '/api/designations/{id}/dossier.json', crawl: false },
  // The copy holds the verification index and searches it in the browser with the server's rule.
  { key: 'verify', path: '/api/verify', cors: true, ready: false, static: '/api/verify.json', crawl: false },
  // The lookup "is my village in a protected area?": the copy holds every unit with its areas and
  // searches it in the browser with the server's rule (db/model/place-match.ts).
  { key: 'placesLookup', path: '/api/places/lookup', cors: true, ready: false, static: '/api/places.json', crawl: false },
  // The township and village codes (the location picker's list); not in the copy, which has no workspace.
  { key: 'divisions', path: '/api/divisions', cors: true, ready: false, static: null, crawl: false },
  // Files named by their type, which a static server cannot tell otherwise; product answers point at them.
  { key: 'document', path: '/api/documents/{id}', cors: true, ready: false, static: '/api/documents/{id}.{type}', crawl: false },
  { key: 'documentThumbnail', path: '/api/documents/{id}/thumbnail', cors: true, ready: false, static: '/api/documents/{id}/thumbnail.webp', crawl: false },
  // Today's tally, also of each period (`/api/tally/period/<id>.json`); a picked date (`asOf`) needs the live server.
  { key: 'tally', path: '/api/tally', cors: true, ready: true, static: '/api/tally.json', crawl: false },
  // Also each period and step: `/api/tally/series/<id|current>-<step>.json`.
  { key: 'tallySeries', path: '/api/tally/series', cors: true, ready: true, static: '/api/tally/series.json', crawl: false },
  { key: 'periods', path: '/api/periods', cors: true, ready: true, static: '/api/periods.json', crawl: false },
  { key: 'annualReport', path: '/api/reports/annual', cors: true, ready: true, static: '/api/reports/annual/{year}.json', crawl: false },
  { key: 'annualReportDocx', path: '/api/reports/annual.docx', cors: true, ready: false, static: '/api/reports/annual/{year}.{lang}.docx', crawl: false },
  { key: 'annualReportXlsx', path: '/api/reports/annual.xlsx', cors: true, ready: false, static: '/api/reports/annual/{year}.{lang}.xlsx', crawl: false },
  // Streamed from a worker (filters applied by the server; a static copy holds the whole registry).
  { key: 'productsCsv', path: '/api/export/products.csv', cors: true, ready: false, static: '/api/export/products.csv', crawl: true },
  { key: 'productsXlsx', path: '/api/export/products.xlsx', cors: true, ready: false, static: '/api/export/products.xlsx', crawl: true },
  { key: 'feed', path: '/api/feed.atom', cors: true, ready: true, static: '/api/feed.atom', crawl: true },
  { key: 'openApi', path: '/api/openapi.json', cors: true, ready: false, static: '/api/openapi.json', crawl: true },
  // The form behind a return link (the page /return/<token>): its user, GI and year; POST submits the return once.
  // For the company that holds the link only: no CORS, not crawled, never cached, rate-limited per address.
  { key: 'returnLink', path: '/api/return-links/{token}', cors: false, ready: false, static: null, crawl: false },
  // The contract as a page, for people: read on this site, not fetched by others.
  { key: 'apiPage', path: '/api/docs', cors: false, ready: false, static: null, crawl: true },
  { key: 'apiPageStyles', path: '/api/docs.css', cors: false, ready: false, static: null, crawl: false },
] as const satisfies readonly OpenDataPath[];

/** An open-data path's key. */
export type OpenDataKey = (typeof OPEN_DATA)[number]['key'];

/** An open-data path, as written in the table. */
export type OpenDataPathName = (typeof OPEN_DATA)[number]['path'];

/** The key of an open-data path a static copy holds a file for. */
export type StaticDataKey = Extract<(typeof OPEN_DATA)[number], { static: string }>['key'];
