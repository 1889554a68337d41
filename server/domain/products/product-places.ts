/**
 * The map's GeoJSON of products (GET /api/products.geojson): one feature per place of each matching
 * current product, drawn only as precisely as the place is known. An exact, village or township place is
 * a point; a county-level place has no geometry (it is a county, not a spot); a product with no place
 * keeps one feature without geometry, so a list made from the collection still names every product.
 */
import { and, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  POINT_PRECISIONS, sortByName, type CountyCode, type Location, type ProductFilter, type ProductPointFeature,
  type ProductPointProperties, type ProductPoints, type ProductSummary,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { divisionIndex } from '../../../seeds/divisions/divisions';
import { countyBoundaries } from '../places/location-check';
import { scopeCodesOfProducts } from '../places/scope-read';
import { containsPoint, fitsCounty, type CountyBoundary } from '../places/point-in-county';
import { firstPublicPhotos } from './documents-read';
import { loadSummaries, productWhere } from './products-read';
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

/** Every place of every matching current product as a FeatureCollection (db/model/map-layers.ts). */
export function productPoints(db: Db, filter: ProductFilter, viewer: Viewer): ProductPoints {
  // The map shows current products only, whoever looks; archived ones are listed in the workspace.
  const where = and(productWhere(db, filter, viewer), isNull(t.products.archivedAt));
  const rows = db.select().from(t.products).where(where).all();
  const photos = firstPublicPhotos(db, rows.map((r) => r.id));
  const boundaries = countyBoundaries(db);
  const nameOf = divisionNames();
  const scopes = scopeCodesOfProducts(db, rows.map((r) => r.id));
  // In the order of a Chinese list (pinyin); an English list re-sorts by the same rule (db/model/product-search.ts).
  const features = sortByName(loadSummaries(db, rows), 'zh').flatMap((p) => productFeatures(p, photos.get(p.id) ?? null, scopes.get(p.id) ?? [], boundaries, nameOf));
  return { type: 'FeatureCollection' as const, features };
}
