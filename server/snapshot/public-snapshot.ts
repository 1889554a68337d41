/**
 * What the public side reads, as the exact bytes to send: the counties and products as GeoJSON,
 * the tally on a date, the tally over a period, list pages, the map page's summary and product pages. The live server keeps
 * these as ready bodies per registry version; a static-site build writes the same bytes to files.
 * Each builder is plain: a database (and a replay index for the tally) in, a media type and text out.
 */
import type { Db } from '../../db/open';
import type { ClientConfig, MapSummaryQuery, ProductFilter, ProductQuery, SeriesStep, TileAddress } from '../../db/model';
import type { Config } from '../config';
import { countiesGeoJson, listCounties } from '../domain/places/counties';
import { csvChunks, iterateExportRows } from '../exchange/export/export';
import { atomFeed, ATOM_TYPE, type FeedOptions } from '../exchange/export/feed';
import { listPeriods } from '../domain/tally/periods';
import { getReportSettings } from '../domain/tally/report-settings';
import { versionedPeriod } from '../domain/access/resource-versions';
import { getProduct, listProducts, type NameOrderKeeper } from '../domain/products/products-read';
import { productPoints } from '../domain/products/product-places';
import type { ClusterIndex } from '../domain/products/product-clusters';
import { packedSummaryText, type PackedLists } from './packed-lists';
import { robotsTxt, sitemapXml } from '../exchange/export/site-map';
import { defaultAsOf, resolvePeriod, tallyAnswer } from '../domain/tally/tally';
import { computeSeries } from '../domain/tally/tally-series';
import type { ReplayIndex } from '../domain/tally/tally-replay';
import type { Viewer } from '../domain/access/viewer';
import { HttpError, notFound } from '../errors';

/** A built answer before compression: its media type and text. */
export interface SnapshotText { type: string; text: string }

const JSON_TYPE = 'application/json; charset=utf-8';
/** The media type of the GeoJSON answers. */
export const GEOJSON_TYPE = 'application/geo+json; charset=utf-8';

/** Every county ever loaded, with the days division changes began and ended them (GET /api/counties). */
export function countyListSnapshot(db: Db): SnapshotText {
  return { type: JSON_TYPE, text: JSON.stringify(listCounties(db)) };
}

/** The tally periods (GET /api/periods); `versioned` for admins, who may change them (server/versions.ts). */
export function periodsSnapshot(db: Db, versioned = false): SnapshotText {
  const periods = listPeriods(db);
  return { type: JSON_TYPE, text: JSON.stringify(versioned ? periods.map(versionedPeriod) : periods) };
}

/** The settings the client needs (GET /api/config): the map's, and the footer's (the issuer from the report settings). */
export function configSnapshot(db: Db, config: Pick<Config, 'tiles' | 'approvalNo' | 'boundarySource' | 'site'>): SnapshotText {
  const { issuerZh, issuerEn } = getReportSettings(db);
  const body: ClientConfig = {
    tiles: config.tiles, approvalNo: config.approvalNo, boundarySource: config.boundarySource,
    site: { issuer: { zh: issuerZh, en: issuerEn }, ...config.site },
  };
  return { type: JSON_TYPE, text: JSON.stringify(body) };
}

/** The public changes as Atom (GET /api/feed.atom): the same for every viewer. */
export function feedSnapshot(db: Db, options: FeedOptions = {}): SnapshotText {
  return { type: ATOM_TYPE, text: atomFeed(db, options) };
}

/** robots.txt of a site at `origin` (GET /robots.txt). */
export function robotsSnapshot(origin: string | null): SnapshotText {
  return { type: 'text/plain; charset=utf-8', text: robotsTxt(origin) };
}

/** The sitemap of the public pages of a site at `origin` (GET /sitemap.xml). */
export function sitemapSnapshot(db: Db, origin: string): SnapshotText {
  return { type: 'application/xml; charset=utf-8', text: sitemapXml(db, origin) };
}

/** The public registry as CSV (GET /api/export/products.csv), whole: for a static copy (the server streams it). */
export function productsCsvSnapshot(db: Db, filter: ProductFilter = {}): SnapshotText {
  return { type: 'text/csv; charset=utf-8', text: [...csvChunks(iterateExportRows(db, filter))].join('') };
}

/** The counties with the viewer's counts, as GeoJSON. */
export function countiesSnapshot(db: Db, viewer: Viewer): SnapshotText {
  return { type: GEOJSON_TYPE, text: JSON.stringify(countiesGeoJson(db, viewer)) };
}

/** Every location of every matching current product, as GeoJSON points. */
export function productPointsSnapshot(db: Db, filter: ProductFilter, viewer: Viewer): SnapshotText {
  return { type: GEOJSON_TYPE, text: JSON.stringify(productPoints(db, filter, viewer)) };
}

/** A tile of the map's clusters (the index already made for the viewer's scope and filters). */
export function clusterTileSnapshot(index: ClusterIndex, tile: TileAddress): SnapshotText {
  return { type: GEOJSON_TYPE, text: JSON.stringify(index.tile(tile)) };
}

/**
 * The map page's numbers and a page of its list (GET /api/map-summary), from its view's lists (summed up
 * once per scope and filter); 404 when the product `at` names is not in the list.
 */
export function mapSummarySnapshot(lists: PackedLists, page: Pick<MapSummaryQuery, 'lang' | 'offset' | 'limit' | 'at'>): SnapshotText {
  const text = packedSummaryText(lists, page);
  if (text === null) throw new HttpError(404, 'not_listed', '该产品不在此筛选条件下的列表中 / The product is not in the list under these filters');
  return { type: JSON_TYPE, text };
}

/** A page of the product list (`orders`: lists' name orders kept between reads, name-orders.ts). */
export function productListSnapshot(db: Db, query: ProductQuery, viewer: Viewer, orders?: NameOrderKeeper): SnapshotText {
  return { type: JSON_TYPE, text: JSON.stringify(listProducts(db, query, viewer, orders)) };
}

/** One product in full (404 when the viewer may not see it), its authorised users as the public sees them on `today`. */
export function productSnapshot(db: Db, id: number, viewer: Viewer, today: string): SnapshotText {
  const product = getProduct(db, id, viewer, today);
  if (!product) throw notFound('product');
  return { type: JSON_TYPE, text: JSON.stringify(product) };
}

/** Which tally: a period (default: the current one) and a date (default: today, capped at the period's end). */
export interface TallyRequest { period?: number; asOf?: string; today: string }

/** The tally of a period on a date (404 when there is no such period). */
export function tallySnapshot(db: Db, index: ReplayIndex, { period: id, asOf, today }: TallyRequest): SnapshotText {
  const period = resolvePeriod(db, id, today);
  if (!period) throw notFound('period');
  return { type: JSON_TYPE, text: JSON.stringify(tallyAnswer(db, period, asOf ?? defaultAsOf(period, today), today, index)) };
}

/** Which series: a period (default: the current one), a step, and today (the series stops there). */
export interface SeriesRequest { period?: number; step: SeriesStep; today: string }

/** The tally over a period, sampled at each step's end (404 when there is no such period). */
export function seriesSnapshot(db: Db, index: ReplayIndex, { period: id, step, today }: SeriesRequest): SnapshotText {
  const period = resolvePeriod(db, id, today);
  if (!period) throw notFound('period');
  return { type: JSON_TYPE, text: JSON.stringify(computeSeries(db, period, step, today, index)) };
}
