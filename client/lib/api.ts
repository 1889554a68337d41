/**
 * Typed access to the registry's HTTP API; the types come from db/model.ts (the shared contract).
 */
import type {
  ClientConfig, ClusterTile, County, CountyCollection, DivisionList, DivisionQuery, Dossier, MapSummary, MapSummaryQuery, Period, PeriodInput, PlaceLookupAnswer, Product,
  ProductFilter, ProductPointFeature, ProductQuery, ProductSummary, SeriesStep, Tally, TallySeries, TileAddress, User,
} from '../../db/model';
import { isStaticCopy } from './static-copy';
import { appHref } from './base-path';
import { maySignedIn, rememberSignedIn } from './signed-in-hint';
import { reportUnauthorized } from './session-events';

/** An error response from the API, with its status, stable code and zod issues. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: { path: (string | number)[]; message: string }[] = [],
    /** On a 412 `stale_version`: the resource as it is now (null when it is gone). */
    readonly current?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal, ifMatch?: string): Promise<T> {
  if (isStaticCopy()) {
    // A static copy (npm run build:static) reads the files it was built with; it has nothing to write to.
    if (method !== 'GET') throw new ApiRequestError(405, 'static_copy', '静态副本只能查看 / A static copy is read-only');
    // Loaded only in a copy: the live site never reads files, nor checks the queries they are searched with.
    const { staticGet } = await import('./static-api');
    const found = await staticGet(path, signal);
    if (!found.ok) throw new ApiRequestError(found.error.status, found.error.code, found.error.message);
    return found.data as T;
  }
  const res = await fetch(appHref(path), {
    method,
    signal,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(ifMatch === undefined ? {} : { 'if-match': ifMatch === '*' ? '*' : `"${ifMatch}"` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = data?.error;
    // A session that timed out is news for the whole workspace, not only for the page that asked.
    reportUnauthorized(res.status, e?.code ?? '');
    throw new ApiRequestError(res.status, e?.code ?? 'http_error', e?.message ?? `HTTP ${res.status}`, e?.issues ?? [], e?.current);
  }
  return data as T;
}

/** GET a JSON resource. */
export const apiGet = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, undefined, signal);
/**
 * POST, PATCH, PUT or DELETE with a JSON body; `version` is the version of the resource the change is
 * based on (sent as If-Match; server/versions.ts), which every PATCH, PUT, DELETE and move needs.
 */
export const apiSend = <T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown, version?: string) =>
  request<T>(method, path, body, undefined, version);

/** Whether an error is a 412: the resource changed since the version the change was based on. */
export const isStale = (error: unknown): error is ApiRequestError =>
  error instanceof ApiRequestError && error.status === 412 && error.code === 'stale_version';

/** Turns a filter object into a query string, leaving out empty values. */
export function toQuery(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** What the map reads (typed once, in db/model/map-layers.ts). */
export type { ClientConfig, CountyCollection, CountyFeatureProperties, ProductPointProperties } from '../../db/model';

/**
 * /api/products.geojson as the client reads it: one feature per place of each product; a county-level
 * place, and a product with no place, have a null geometry (GeoJSON's unlocated feature): listed and
 * shown on their county, never at a spot (db/model/map-layers.ts).
 */
export interface ProductPointCollection {
  type: 'FeatureCollection';
  features: (Omit<ProductPointFeature, 'id' | 'geometry'> & { id?: string | number; geometry: ProductPointFeature['geometry'] | null })[];
}

/** The API calls the pages make. */
export const api = {
  config: (signal?: AbortSignal) => apiGet<ClientConfig>('/api/config', signal),
  counties: (signal?: AbortSignal) => apiGet<County[]>('/api/counties', signal),
  countiesGeoJson: (signal?: AbortSignal) => apiGet<CountyCollection>('/api/counties.geojson', signal),
  products: (query: Partial<ProductQuery>, signal?: AbortSignal) =>
    apiGet<{ items: ProductSummary[]; total: number }>(`/api/products${toQuery(query)}`, signal),
  productPoints: (filter: ProductFilter, signal?: AbortSignal) =>
    apiGet<ProductPointCollection>(`/api/products.geojson${toQuery(filter)}`, signal),
  /** The map page's numbers under its filters and a page of its list (from `offset`, or the page holding product `at`). */
  mapSummary: (filter: ProductFilter, page: Partial<Pick<MapSummaryQuery, 'lang' | 'offset' | 'limit' | 'at'>>, signal?: AbortSignal) =>
    apiGet<MapSummary>(`/api/map-summary${toQuery({ ...filter, ...page, offset: page.offset || undefined })}`, signal),
  /** The map's clusters and single places in one tile, under the map's filters. */
  clusterTile: (tile: TileAddress, filter: ProductFilter, signal?: AbortSignal) =>
    apiGet<ClusterTile>(`/api/clusters.geojson${toQuery({ ...filter, ...tile })}`, signal),
  product: (id: number, signal?: AbortSignal) => apiGet<Product>(`/api/products/${id}`, signal),
  /** A designation's dossier (the public see titles and statuses only). */
  dossier: (designationId: number, signal?: AbortSignal) => apiGet<Dossier>(`/api/designations/${designationId}/dossier`, signal),
  periods: (signal?: AbortSignal) => apiGet<Period[]>('/api/periods', signal),
  /** Township and village codes (the location picker's list): by county, part of a name or a code, level. */
  divisions: (query: DivisionQuery, signal?: AbortSignal) => apiGet<DivisionList>(`/api/divisions${toQuery(query)}`, signal),
  /** Which GIs' protected areas include the villages or townships a name part or code finds. */
  placesLookup: (q: string, signal?: AbortSignal) => apiGet<PlaceLookupAnswer>(`/api/places/lookup${toQuery({ q })}`, signal),
  tally: (params: { period?: number; asOf?: string }, signal?: AbortSignal) =>
    apiGet<Tally>(`/api/tally${toQuery(params)}`, signal),
  tallySeries: (params: { period?: number; step?: SeriesStep }, signal?: AbortSignal) =>
    apiGet<TallySeries>(`/api/tally/series${toQuery(params)}`, signal),
  /** The signed-in user, or null for the public (401); not asked at all where nobody has signed in. */
  signedInUser: async (signal?: AbortSignal): Promise<User | null> => {
    if (!maySignedIn()) return null;
    return apiGet<User>('/api/session', signal).catch((e: unknown) => {
      if (e instanceof ApiRequestError && e.status === 401) {
        rememberSignedIn(false);
        return null;
      }
      throw e;
    });
  },
  createPeriod: (input: PeriodInput) => apiSend<Period>('POST', '/api/periods', input),
  /** Replaces a period (admins); `version` is the period's as shown (server/versions.ts). */
  updatePeriod: (id: number, input: PeriodInput, version: string | undefined) => apiSend<Period>('PUT', `/api/periods/${id}`, input, version),
};
