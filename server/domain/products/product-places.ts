/**
 * The map's GeoJSON of products (GET /api/products.geojson): one feature per place of each matching
 * current product, drawn only as precisely as the place is known. An exact, village or township place is
 * a point; a county-level place has no geometry (it is a county, not a spot); a product with no place
 * keeps one feature without geometry, so a list made from the collection still names every product.
 */
import { and, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  POINT_PRECISIONS, sortByName, todayInShanghai, type CountyCode, type Location, type ProductFilter, type ProductPointFeature,
  type ProductPointProperties, type ProductPoints, type ProductSummary,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { divisionIndex } from '../../../seeds/divisions/divisions';
import { countyBoundaries } from '../places/location-check';
import { scopeCodesOfProducts } from '../places/scope-read';
import { containsPoint, fitsCounty, type CountyBoundary } from '../places/point-in-county';
import { firstPublicPhotos } from './documents-read';
import { loadSummaries, productWhere } from './products-read';
import { namePinyin } from './name-pinyin';
import type { Viewer } from '../access/viewer';

const isPoint = (precision: Location['precision']) => (POINT_PRECISIONS as readonly string[]).includes(precision);

/**
 * The county a place lies in, or stands for when it is county-level: the one its division code is in
 * (when that county exists today); else the product's county that holds its point (within the border
 * slack); else any county that holds it; else the product's only county. Null when none of these
 * decides (a multi-county product's stray point). `boundaries` are the counties that exist today.
 */
export function countyOfPlace(
  place: Pick<Location, 'lat' | 'lng'> & { divisionCode?: string | null },
  productCounties: readonly CountyCode[],
  boundaries: readonly CountyBoundary[],
): CountyCode | null {
  const fromCode = place.divisionCode?.slice(0, 6);
  if (fromCode && boundaries.some((b) => b.code === fromCode)) return fromCode;
  const own = boundaries.filter((b) => (productCounties as readonly string[]).includes(b.code));
  const found = own.find((b) => containsPoint(b, place.lat, place.lng))
    ?? own.find((b) => fitsCounty(b, place.lat, place.lng))
    ?? boundaries.find((b) => containsPoint(b, place.lat, place.lng));
  if (found) return found.code;
  return productCounties.length === 1 ? productCounties[0] : null;
}

/** The name of a village or township by its code, looked up only when some place names one. */
function divisionNames(): (code: string | null | undefined) => string | null {
  let index: ReturnType<typeof divisionIndex> | undefined;
  return (code) => {
    if (!code) return null;
    index ??= divisionIndex();
    return index.byCode.get(code)?.name ?? null;
  };
}

/** The features of one product: one per place, or one without geometry when it has none. */
function productFeatures(
  p: ProductSummary, thumbnailUrl: string | null, scopeCodes: string[], boundaries: readonly CountyBoundary[], nameOf: (code: string | null | undefined) => string | null,
): ProductPointFeature[] {
  const common = {
    productId: p.id, nameZh: p.nameZh, nameEn: p.nameEn, namePinyin: p.namePinyin, category: p.category, counties: p.counties, designations: p.designations, scopeCodes,
  };
  if (p.locations.length === 0) {
    const properties: ProductPointProperties = {
      ...common, label: '', precision: null, countyCode: null, divisionCode: null, divisionName: null, thumbnailUrl,
    };
    return [{ type: 'Feature', id: `${p.id}-none`, geometry: null, properties }];
  }
  return p.locations.map((l, position) => {
    const divisionCode = l.divisionCode ?? null;
    const properties: ProductPointProperties = {
      ...common, label: l.label, precision: l.precision,
      countyCode: countyOfPlace({ lat: l.lat, lng: l.lng, divisionCode }, p.counties, boundaries),
      divisionCode, divisionName: nameOf(divisionCode), thumbnailUrl,
    };
    return {
      type: 'Feature' as const,
      id: `${p.id}-${position}`,
      // A county-level place's stored point is only where a marker used to go: it is no fact about the product.
      geometry: isPoint(l.precision) ? { type: 'Point' as const, coordinates: [l.lng, l.lat] as [number, number] } : null,
      properties,
    };
  });
}

/** The rows of the current products matching a filter that a viewer may see (the map shows no archived product, whoever looks). */
function mapRows(db: Db, filter: ProductFilter, viewer: Viewer) {
  return db.select().from(t.products).where(mapWhere(db, filter, viewer)).all();
}

function mapWhere(db: Db, filter: ProductFilter, viewer: Viewer) {
  return and(productWhere(db, filter, viewer), isNull(t.products.archivedAt));
}

/** `mapRows`' ids and names alone: what orders the map (a fifth of the time of whole rows at national scale). */
function mapNames(db: Db, filter: ProductFilter, viewer: Viewer) {
  return db.select({ id: t.products.id, nameZh: t.products.nameZh, nameEn: t.products.nameEn }).from(t.products).where(mapWhere(db, filter, viewer)).all();
}

/** Fewer products than this to read again: read them by id, not the whole filter. */
const FEW_ROWS = 500;

/** The whole rows of `ids` (products `mapRows` gives), read by id when they are few. */
function rowsOf(db: Db, ids: number[], filter: ProductFilter, viewer: Viewer) {
  if (ids.length === 0) return [];
  if (ids.length <= FEW_ROWS) return db.select().from(t.products).where(inArray(t.products.id, ids)).all();
  const wanted = new Set(ids);
  return mapRows(db, filter, viewer).filter((r) => wanted.has(r.id));
}

/** The features of each of `rows`' products, by product id. The features are the same whoever looks. */
function featuresOf(db: Db, rows: (typeof t.products.$inferSelect)[]): Map<number, ProductPointFeature[]> {
  const ids = rows.map((r) => r.id);
  const photos = firstPublicPhotos(db, ids);
  const boundaries = countyBoundaries(db);
  const nameOf = divisionNames();
  const scopes = scopeCodesOfProducts(db, ids);
  return new Map(loadSummaries(db, rows).map((p) => [p.id, productFeatures(p, photos.get(p.id) ?? null, scopes.get(p.id) ?? [], boundaries, nameOf)]));
}

/** `rows` in the order of a Chinese list (pinyin); an English list re-sorts by the same rule (db/model/product-search.ts). */
function inMapOrder<R extends { id: number; nameZh: string; nameEn: string | null }>(rows: R[]): R[] {
  return sortByName(rows.map((r) => ({ ...r, namePinyin: namePinyin(r.nameZh) })), 'zh');
}

/** Every place of every matching current product as a FeatureCollection (db/model/map-layers.ts). */
export function productPoints(db: Db, filter: ProductFilter, viewer: Viewer): ProductPoints {
  const rows = inMapOrder(mapRows(db, filter, viewer));
  const features = featuresOf(db, rows);
  return { type: 'FeatureCollection' as const, features: rows.flatMap((r) => features.get(r.id)!) };
}

/** Whether a product's kept features are still right: what changed since `builtAt` (snapshot/registry-changes.ts). */
export interface ChangesSince { unchangedSince(dependency: { product: number }, builtAt: number): boolean }

/** The bytes around and between the features. */
const HEAD = Buffer.from('{"type":"FeatureCollection","features":[');
const COMMA = Buffer.from(',');
const TAIL = Buffer.from(']}');

/** `text` as UTF-8 in memory of its own (not a slice of Node's shared 8 KB slabs, which a kept slice would hold whole). */
function ownBytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

/**
 * `productPoints` as JSON bytes, the same bytes as `JSON.stringify(productPoints(…))` in UTF-8, put
 * together from each product's features kept as bytes (a fragment) since they were last made: after a
 * write, only the products it touched are read again (and every product when the day moves, as counties
 * begin and end on dates), and the whole is one copy of the fragments (a join of 10,000 strings and its
 * encoding took 150 ms of a 370 ms rebuild at national scale). Keep one per connection; `version` is the
 * registry version the connection reads now.
 */
export class PointFragments {
  private readonly kept = new Map<number, { at: number; day: string; bytes: Buffer }>();

  constructor(private readonly changes: ChangesSince, private readonly version: () => number) {}

  /** The FeatureCollection's bytes (call inside one read transaction). */
  bytes(db: Db, filter: ProductFilter, viewer: Viewer): Buffer {
    const at = this.version();
    const day = todayInShanghai();
    const rows = inMapOrder(mapNames(db, filter, viewer));
    const stale = rows.filter((r) => {
      const fragment = this.kept.get(r.id);
      return !fragment || fragment.day !== day || !this.changes.unchangedSince({ product: r.id }, fragment.at);
    });
    for (const [id, features] of featuresOf(db, rowsOf(db, stale.map((r) => r.id), filter, viewer))) {
      this.kept.set(id, { at, day, bytes: ownBytes(features.map((f) => JSON.stringify(f)).join(',')) });
    }
    const parts: Buffer[] = [HEAD];
    for (let i = 0; i < rows.length; i++) {
      if (i > 0) parts.push(COMMA);
      parts.push(this.kept.get(rows[i].id)!.bytes);
    }
    parts.push(TAIL);
    return Buffer.concat(parts);
  }
}
