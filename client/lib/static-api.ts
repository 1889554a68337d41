/**
 * The static copy of the public side (`npm run build:static -- DIR`; static-copy.ts tells a copy's
 * pages): there the API's GETs read the files the build wrote instead
 * (`/api/products/12` → `/api/products/12.json`, `/api/designations/3/dossier` → `…/3/dossier.json`). Filters of the list and the map are applied here
 * to the whole public list, as the server would apply them, and `/api/verify?q=` searches the
 * verification index (`api/verify.json`) with the server's own rule, `/api/map-summary` is made from
 * `api/products.geojson` with the server's rule (db/model/map-summary.ts), as `/api/places/lookup?q=` searches every
 * unit with its protected areas (`api/places.json`, db/model/place-match.ts); what a static copy cannot answer (a
 * tally on a picked date, signing in, writes) is a 404 or a refusal saying so, never a made-up answer.
 * Which files it holds for which API paths is the table's (db/model/public-surface.ts).
 */
import {
  blockSpan, isCluster, lookupInPlacesIndex, mapLists, mapSummaryPage, MapSummaryQuery, matchesSearch, tileOf, PlaceLookupQuery, sortByName, staticDataOf, staticDocumentFile, statusesOf, todayInShanghai, verifyInIndex, VerifyQuery,
  type ClusterTile, type Document, type MapLists, type PlaceCollection, type PlacedPointFeature, type PlacesIndex, type ProductFilter, type ProductSummary, type StaticDataKey, type VerifyIndex, type VerifyResult,
} from '../../db/model';
import { appHref } from './base-path';

/** A year's report file, as the static copy names it (server/cli/static-reports.ts). */
const reportFile = (q: URLSearchParams, format: 'json' | 'docx' | 'xlsx') => {
  const year = q.get('year') ?? '';
  if (!/^\d{4}$/.test(year)) return null;
  return format === 'json' ? `/api/reports/annual/${year}.json` : `/api/reports/annual/${year}.${q.get('lang') === 'en' ? 'en' : 'zh'}.${format}`;
};

/**
 * The files of the paths whose file depends on the query, or on what only another answer knows, by
 * their key in the table (db/model/public-surface.ts); every other path's file is the table's, its id filled in.
 */
const QUERY_FILES: Partial<Record<StaticDataKey, (q: URLSearchParams) => string | null>> = {
  tally: (q) => {
    if (q.get('asOf')) return null; // any day: only the server can replay it
    const period = q.get('period');
    return period && /^\d+$/.test(period) ? `/api/tally/period/${period}.json` : '/api/tally.json';
  },
  tallySeries: (q) => {
    const period = q.get('period');
    const step = q.get('step') ?? 'month';
    if (!/^(month|quarter|year)$/.test(step)) return null;
    if (period && /^\d+$/.test(period)) return `/api/tally/series/${period}-${step}.json`;
    return step === 'month' ? '/api/tally/series.json' : `/api/tally/series/current-${step}.json`;
  },
  annualReport: (q) => reportFile(q, 'json'),
  annualReportDocx: (q) => reportFile(q, 'docx'),
  annualReportXlsx: (q) => reportFile(q, 'xlsx'),
  // Named by its type, which the product's answer knows: it points at the file (withStaticDocuments).
  document: () => null,
  // The copy holds the unfiltered tiles that have something (staticClusterTile answers the rest).
  // Only the blocks the map asks for (span blockSpan(z)); any other span is not in the copy.
  productClusters: (q) => {
    const [z, x, y] = ['z', 'x', 'y'].map((k) => q.get(k) ?? '');
    const span = q.get('span') ?? '0';
    return [z, x, y].every((n) => /^\d{1,6}$/.test(n)) && span === String(blockSpan(Number(z))) ? `/api/clusters/${z}/${x}/${y}.geojson` : null;
  },
};

/** The file a static copy keeps for an API path, or null when it keeps none (the table's `static`). */
export function staticFileOf(path: string): string | null {
  const url = new URL(path, 'http://static.invalid');
  const found = staticDataOf(url.pathname);
  if (!found) return null;
  const rule = QUERY_FILES[found.entry.key];
  return rule ? rule(url.searchParams) : found.entry.static.replace('{id}', found.id ?? '');
}

/** Why a path needs the live server, when the static copy could only answer it by making something up. */
function liveOnly(url: URL): StaticMiss | null {
  if (url.pathname === '/api/tally' && url.searchParams.get('asOf')) {
    // Not a 404: the tally page reads a 404 as "no plan period", which would be false.
    return { status: 501, code: 'needs_live_server', message: '静态副本只含生成当日的统计，所选日期的统计需连接在线系统 / A static copy holds the tally as of the day it was made; a picked date needs the live server' };
  }
  return null;
}

/** The filters of a query string, as the server reads them (unknown or empty values are left out). */
function filterOf(q: URLSearchParams): ProductFilter {
  const filter: Record<string, string> = {};
  for (const key of ['type', 'status', 'county', 'category', 'q'] as const) {
    const value = q.get(key)?.trim();
    if (value) filter[key] = value;
  }
  return filter as ProductFilter;
}

type Matchable = Pick<ProductSummary, 'nameZh' | 'nameEn' | 'namePinyin' | 'category' | 'counties' | 'designations'>;

/** Whether a product matches the filters, as the server's WHERE clause decides (one designation must match type and status). */
export function matchesFilter(p: Matchable, filter: ProductFilter): boolean {
  if (filter.type || filter.status) {
    const statuses = filter.status ? statusesOf(filter.status) : null;
    const hit = p.designations.some((d) => (!filter.type || d.giType === filter.type) && (!statuses || statuses.includes(d.status)));
    if (!hit) return false;
  }
  if (filter.county && !p.counties.includes(filter.county)) return false;
  if (filter.category && p.category !== filter.category) return false;
  // The server's search rule, over the pinyin the build wrote with each product (db/model/product-search.ts).
  return !filter.q || matchesSearch(p, filter.q);
}

/** An error shaped like the API's, for the caller to turn into its ApiRequestError. */
export interface StaticMiss { status: number; code: string; message: string }

/** GETs an API path from the static copy's files; a path it keeps no file for is a 404. */
export async function staticGet(path: string, signal?: AbortSignal): Promise<{ ok: true; data: unknown } | { ok: false; error: StaticMiss }> {
  const file = staticFileOf(path);
  const url = new URL(path, 'http://static.invalid');
  if (file && url.pathname === '/api/clusters.geojson') return { ok: true, data: await staticClusterTile(url.searchParams, file, signal) };
  if (!file) {
    const signIn = url.pathname === '/api/session';
    return { ok: false, error: signIn
      ? { status: 401, code: 'unauthorized', message: '静态副本不能登录 / A static copy has no sign-in' }
      : liveOnly(url) ?? { status: 404, code: 'not_in_static_copy', message: '静态副本不含此项 / Not in the static copy of the registry' } };
  }
  const verifyQuery = url.pathname === '/api/verify' ? VerifyQuery.safeParse({ q: url.searchParams.get('q') ?? '' }) : null;
  if (verifyQuery && !verifyQuery.success) return { ok: false, error: { status: 400, code: 'bad_request', message: verifyQuery.error.issues[0].message } };
  const summaryQuery = url.pathname === '/api/map-summary' ? MapSummaryQuery.safeParse(Object.fromEntries(url.searchParams)) : null;
  if (summaryQuery && !summaryQuery.success) return { ok: false, error: { status: 400, code: 'bad_request', message: summaryQuery.error.issues[0].message } };
  const placeQuery = url.pathname === '/api/places/lookup' ? PlaceLookupQuery.safeParse({ q: url.searchParams.get('q') ?? '' }) : null;
  if (placeQuery && !placeQuery.success) return { ok: false, error: { status: 400, code: 'bad_request', message: placeQuery.error.issues[0].message } };
  const res = await fetch(appHref(file), { signal, headers: { accept: 'application/json' } });
  if (!res.ok) return { ok: false, error: { status: res.status, code: 'not_found', message: `HTTP ${res.status}` } };
  const data = await res.json();
  if (verifyQuery?.success) return { ok: true, data: withStaticLabels(verifyInIndex(data as VerifyIndex, verifyQuery.data.q, todayInShanghai())) };
  if (placeQuery?.success) return { ok: true, data: lookupInPlacesIndex(data as PlacesIndex, placeQuery.data.q) };
  if (summaryQuery?.success) {
    const { lang, offset, limit, at, ...filter } = summaryQuery.data;
    const summary = mapSummaryPage(summedUp(data as PlaceCollection & { features: { properties: Matchable }[] }, filter), { lang, offset, limit, at });
    return summary ? { ok: true, data: summary }
      : { ok: false, error: { status: 404, code: 'not_listed', message: '该产品不在此筛选条件下的列表中 / The product is not in the list under these filters' } };
  }
  if (url.pathname === '/api/products.geojson') {
    const filter = filterOf(url.searchParams);
    const all = data as { features: { properties: Matchable & { thumbnailUrl?: string | null } }[] };
    const features = all.features.filter((f) => matchesFilter(f.properties, filter)).map(withStaticThumbnail);
    return { ok: true, data: { ...all, features } };
  }
  if (url.pathname === '/api/products') {
    const filter = filterOf(url.searchParams);
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 100) || 100, 1), 1000);
    const offset = Math.max(Number(url.searchParams.get('offset') ?? 0) || 0, 0);
    // The file is in the Chinese order; an English list is ordered as the server would order it.
    const matching = (data as { items: ProductSummary[] }).items.filter((p) => matchesFilter(p, filter));
    const items = url.searchParams.get('lang') === 'en' ? sortByName(matching, 'en') : matching;
    return { ok: true, data: { items: items.slice(offset, offset + limit), total: items.length } };
  }
  if (/^\/api\/products\/\d+$/.test(url.pathname)) return { ok: true, data: withStaticDocuments(data as { documents?: Document[] }) };
  return { ok: true, data };
}

/** The last filter's places summed up (the map page asks for several pages of one filter). */
let lastSum: { key: string; sum: MapLists } | null = null;

/** The places of `all` that `filter` selects, summed up for the map page as the server does (kept for the last filter). */
function summedUp(all: PlaceCollection & { features: { properties: Matchable }[] }, filter: ProductFilter): MapLists {
  const key = JSON.stringify(Object.entries(filter).sort());
  if (lastSum?.key !== key) {
    const features = all.features.filter((f) => matchesFilter(f.properties, filter));
    lastSum = { key, sum: mapLists({ features }, filter) };
  }
  return lastSum.sum;
}

/** Each zoom's list of the tiles the copy holds (`x/y`), fetched once. */
const occupiedTiles = new Map<string, Promise<Set<string>>>();

/** A file of the copy as JSON. */
async function staticJson(file: string, signal?: AbortSignal): Promise<unknown> {
  const res = await fetch(appHref(file), { signal, headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

/**
 * A tile of the map's clusters from the copy: unfiltered, the tile's file when the zoom's list names it
 * (the copy writes only tiles that hold something: any other is empty, and is not asked for); filtered,
 * the matching places of the tile from api/products.geojson, each on its own (the copy holds no clusters
 * per filter, and a made-up cluster would be a wrong count).
 */
async function staticClusterTile(q: URLSearchParams, file: string, signal?: AbortSignal): Promise<ClusterTile> {
  const [z, x, y] = ['z', 'x', 'y'].map((k) => Number(q.get(k)));
  const blockZoom = z - blockSpan(z);
  const filter = filterOf(q);
  if (Object.keys(filter).length > 0) {
    const points = await staticJson('/api/products.geojson', signal) as { features: ClusterTile['features'] };
    const features = points.features.filter((f): f is PlacedPointFeature => {
      if (!f.geometry || isCluster(f) || !matchesFilter(f.properties, filter)) return false;
      if (filter.county && (f.properties.countyCode ?? filter.county) !== filter.county) return false;
      const at = tileOf(f.geometry.coordinates[0], f.geometry.coordinates[1], blockZoom);
      return at.x === x && at.y === y;
    });
    return { type: 'FeatureCollection', features: features.map(withStaticThumbnail) };
  }
  let listed = occupiedTiles.get(String(z));
  if (!listed) {
    occupiedTiles.set(String(z), listed = (staticJson(`/api/clusters/${z}.json`, signal) as Promise<string[]>).then((l) => new Set(l)));
    listed.catch(() => occupiedTiles.delete(String(z)));
  }
  if (!(await listed).has(`${x}/${y}`)) return { type: 'FeatureCollection', features: [] };
  const tile = await staticJson(file, signal) as ClusterTile;
  return { ...tile, features: tile.features.map((f) => (isCluster(f) ? f : withStaticThumbnail(f))) };
}

/** A map feature whose popup photo points at the file a static copy keeps (a cluster has none). */
function withStaticThumbnail<F extends { properties: { thumbnailUrl?: string | null } }>(f: F): F {
  return f.properties.thumbnailUrl
    ? { ...f, properties: { ...f.properties, thumbnailUrl: staticDocumentFile(f.properties.thumbnailUrl, 'image/webp') } } : f;
}

/** A verification answer whose label photos point at the files a static copy keeps (named by type). */
function withStaticLabels(answer: VerifyResult): VerifyResult {
  return {
    ...answer,
    matches: answer.matches.map((m) => ({
      ...m,
      grants: m.grants.map((g) => ({
        ...g, labels: g.labels.map((p) => ({ ...p, url: staticDocumentFile(p.url, p.mime), thumbnailUrl: p.thumbnailUrl && staticDocumentFile(p.thumbnailUrl, 'image/webp') })),
      })),
    })),
  };
}

/** A product whose documents point at the files a static copy keeps (named by type: `/api/documents/12.pdf`). */
function withStaticDocuments<T extends { documents?: Document[] }>(product: T): T {
  if (!product.documents) return product;
  return {
    ...product,
    documents: product.documents.map((d) => ({
      ...d, url: staticDocumentFile(d.url, d.mime), thumbnailUrl: d.thumbnailUrl && staticDocumentFile(d.thumbnailUrl, 'image/webp'),
    })),
  };
}
