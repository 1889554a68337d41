/**
 * The static copy of the public side (`npm run build:static -- DIR`): its pages carry
 * `<meta name="gi-static">`, and there the API's GETs read the files the build wrote instead
 * (`/api/products/12` → `/api/products/12.json`, `/api/designations/3/dossier` → `…/3/dossier.json`). Filters of the list and the map are applied here
 * to the whole public list, as the server would apply them, and `/api/verify?q=` searches the
 * verification index (`api/verify.json`) with the server's own rule; what a static copy cannot answer (a
 * tally on any date, signing in, writes) is a 404 or a refusal, never a made-up answer.
 */
import {
  staticDocumentFile, statusesOf, todayInShanghai, verifyInIndex, VerifyQuery, type Document, type ProductFilter, type ProductSummary, type VerifyIndex,
} from '../../db/model';

/** Whether this page is part of a static copy. */
export function isStaticCopy(): boolean {
  return typeof document !== 'undefined' && document.querySelector('meta[name="gi-static"]') !== null;
}

/** The file a static copy keeps for an API path, or null when it keeps none (see server/cli/build-static.ts). */
export function staticFileOf(path: string): string | null {
  const url = new URL(path, 'http://static.invalid');
  const q = url.searchParams;
  const product = /^\/api\/products\/(\d+)$/.exec(url.pathname);
  if (product) return `/api/products/${product[1]}.json`;
  const dossier = /^\/api\/designations\/(\d+)\/dossier$/.exec(url.pathname);
  if (dossier) return `/api/designations/${dossier[1]}/dossier.json`;
  const report = /^\/api\/reports\/annual(?:\.(docx|xlsx))?$/.exec(url.pathname);
  if (report) {
    // Every year's report is kept as JSON, and as Word and Excel in each language (server/cli/static-reports.ts).
    const year = q.get('year') ?? '';
    if (!/^\d{4}$/.test(year)) return null;
    return report[1] ? `/api/reports/annual/${year}.${q.get('lang') === 'en' ? 'en' : 'zh'}.${report[1]}` : `/api/reports/annual/${year}.json`;
  }
  switch (url.pathname) {
    case '/api/config': return '/api/config.json';
    case '/api/counties': return '/api/counties.json';
    case '/api/counties.geojson': return '/api/counties.geojson';
    case '/api/periods': return '/api/periods.json';
    case '/api/verify': return '/api/verify.json'; // the verification index, searched here as the server searches
    case '/api/products': return '/api/products.json';
    case '/api/products.geojson': return '/api/products.geojson';
    case '/api/tally': {
      if (q.get('asOf')) return null; // any day: only the server can replay it
      const period = q.get('period');
      return period && /^\d+$/.test(period) ? `/api/tally/period/${period}.json` : '/api/tally.json';
    }
    case '/api/tally/series': {
      const period = q.get('period');
      const step = q.get('step') ?? 'month';
      if (!/^(month|quarter|year)$/.test(step)) return null;
      if (period && /^\d+$/.test(period)) return `/api/tally/series/${period}-${step}.json`;
      return step === 'month' ? '/api/tally/series.json' : `/api/tally/series/current-${step}.json`;
    }
    default: return null;
  }
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

type Matchable = Pick<ProductSummary, 'nameZh' | 'nameEn' | 'category' | 'counties' | 'designations'>;

/** Whether a product matches the filters, as the server's WHERE clause decides (one designation must match type and status). */
export function matchesFilter(p: Matchable, filter: ProductFilter): boolean {
  if (filter.type || filter.status) {
    const statuses = filter.status ? statusesOf(filter.status) : null;
    const hit = p.designations.some((d) => (!filter.type || d.giType === filter.type) && (!statuses || statuses.includes(d.status)));
    if (!hit) return false;
  }
  if (filter.county && !p.counties.includes(filter.county)) return false;
  if (filter.category && p.category !== filter.category) return false;
  if (filter.q) {
    // SQLite's LIKE: case-insensitive for ASCII letters only.
    const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const needle = fold(filter.q);
    if (!fold(p.nameZh).includes(needle) && !fold(p.nameEn ?? '').includes(needle)) return false;
  }
  return true;
}

/** An error shaped like the API's, for the caller to turn into its ApiRequestError. */
export interface StaticMiss { status: number; code: string; message: string }

/** GETs an API path from the static copy's files; a path it keeps no file for is a 404. */
export async function staticGet(path: string, signal?: AbortSignal): Promise<{ ok: true; data: unknown } | { ok: false; error: StaticMiss }> {
  const file = staticFileOf(path);
  if (!file) {
    const signIn = new URL(path, 'http://static.invalid').pathname === '/api/session';
    return { ok: false, error: signIn
      ? { status: 401, code: 'unauthorized', message: '静态副本不能登录 / A static copy has no sign-in' }
      : { status: 404, code: 'not_in_static_copy', message: '静态副本不含此项 / Not in the static copy of the registry' } };
  }
  const url = new URL(path, 'http://static.invalid');
  const verifyQuery = url.pathname === '/api/verify' ? VerifyQuery.safeParse({ q: url.searchParams.get('q') ?? '' }) : null;
  if (verifyQuery && !verifyQuery.success) return { ok: false, error: { status: 400, code: 'bad_request', message: verifyQuery.error.issues[0].message } };
  const res = await fetch(file, { signal, headers: { accept: 'application/json' } });
  if (!res.ok) return { ok: false, error: { status: res.status, code: 'not_found', message: `HTTP ${res.status}` } };
  const data = await res.json();
  if (verifyQuery?.success) return { ok: true, data: verifyInIndex(data as VerifyIndex, verifyQuery.data.q, todayInShanghai()) };
  if (url.pathname === '/api/products.geojson') {
    const filter = filterOf(url.searchParams);
    const all = data as { features: { properties: Matchable & { thumbnailUrl?: string | null } }[] };
    const features = all.features.filter((f) => matchesFilter(f.properties, filter)).map((f) => (f.properties.thumbnailUrl
      ? { ...f, properties: { ...f.properties, thumbnailUrl: staticDocumentFile(f.properties.thumbnailUrl, 'image/webp') } } : f));
    return { ok: true, data: { ...all, features } };
  }
  if (url.pathname === '/api/products') {
    const filter = filterOf(url.searchParams);
    const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 100) || 100, 1), 1000);
    const offset = Math.max(Number(url.searchParams.get('offset') ?? 0) || 0, 0);
    const items = (data as { items: ProductSummary[] }).items.filter((p) => matchesFilter(p, filter));
    return { ok: true, data: { items: items.slice(offset, offset + limit), total: items.length } };
  }
  if (/^\/api\/products\/\d+$/.test(url.pathname)) return { ok: true, data: withStaticDocuments(data as { documents?: Document[] }) };
  return { ok: true, data };
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
