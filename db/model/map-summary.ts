/**
 * What the public map page shows beside its markers, made from the same places (db/model/map-layers.ts):
 * the counts line (products, by GI type, candidates), the legend's placements, each county's number and
 * badge, the products counted apart from any county, and the list, a page at a time in the reader's
 * language. The server answers GET /api/map-summary with it; the static copy makes the same answer in the
 * browser from its products.geojson. One rule each: tallyPlaces, countyMeasure, productsOfPoints.
 */
import type { CountyCode, GiType, Status } from './vocabulary';
import { GI_TYPES } from './vocabulary-lists';
import type { ProductFilter } from './registry';
import { sortByName, type NameOrderLang } from './product-search';
import type { MapListItem, MapSummary, MapSummaryQuery } from './map-summary-schema';
import { countyMeasure } from './county-measure';
import { tallyPlaces, type PlaceCollection } from './place-tally';
import { productsOfPoints } from './point-list';

const IN_PROGRESS: readonly Status[] = ['filed', 'published'];

/**
 * How far a product's designations have come, as one number: per GI type in GI_TYPES order, a base-3 digit
 * (0 none, 1 in progress: filed or published, 2 in force: granted). 0 is a candidate. The map's marker is
 * drawn from it (client/map/marker-icon.ts) and the list's counts by type are made from it.
 */
export function designationLook(designations: readonly { giType: GiType; status: Status }[]): number {
  let look = 0;
  for (let i = 0, weight = 1; i < GI_TYPES.length; i++, weight *= 3) {
    let digit = 0;
    for (const d of designations) {
      if (d.giType !== GI_TYPES[i]) continue;
      if (d.status === 'granted') { digit = 2; break; }
      if (IN_PROGRESS.includes(d.status)) digit = 1;
    }
    look += digit * weight;
  }
  return look;
}

/** The summary without its page of the list. */
export type MapSummaryHead = Omit<MapSummary, 'offset' | 'items'>;

/** A set of places summed up once, its list in both languages' orders, to be paged (mapSummaryPage). */
export interface MapLists {
  head: MapSummaryHead;
  lists: Record<NameOrderLang, MapListItem[]>;
}

/** Sums up `points`, the places of the products that `filter` selects (a county filter: the map of that county alone). */
export function mapLists(points: PlaceCollection, filter: Pick<ProductFilter, 'type' | 'status' | 'county'>): MapLists {
  const tally = tallyPlaces(points, { county: filter.county ?? null });
  const measure = countyMeasure(points, filter);
  const shownOn = new Map<number, CountyCode[]>();
  const badges: Record<string, number> = {};
  for (const [code, shown] of tally.byCounty) {
    badges[code] = shown.length;
    for (const s of shown) shownOn.set(s.product.productId, s.counties);
  }
  for (const s of tally.multiCounty) shownOn.set(s.product.productId, s.counties);
  const zh = productsOfPoints(points, 'zh').map((item): MapListItem => ({ ...item, shownOn: shownOn.get(item.id) ?? [] }));
  const byType: Record<GiType | 'candidate', number> = { candidate: 0, ...Object.fromEntries(GI_TYPES.map((g) => [g, 0])) } as Record<GiType | 'candidate', number>;
  for (const item of zh) {
    let look = designationLook(item.designations);
    if (look === 0) byType.candidate++;
    for (const g of GI_TYPES) {
      if (look % 3) byType[g]++;
      look = Math.floor(look / 3);
    }
  }
  return {
    head: {
      total: tally.products, byType, byPlacement: tally.byPlacement, points: tally.points.length,
      measure: { kind: measure.kind, counts: Object.fromEntries(measure.counts) }, badges,
      multiCounty: tally.multiCounty.map((s) => ({
        id: s.product.productId, nameZh: s.product.nameZh, nameEn: s.product.nameEn, counties: s.counties, placement: s.placement,
      })),
    },
    lists: { zh, en: sortByName(zh, 'en') },
  };
}

/**
 * Where a page of a list starts: at `offset`, or (`at`) at the page holding that product, a multiple of
 * `limit`; null when `at` is not listed. `idAt(n)` is the id of the list's n-th item.
 */
export function pageOffset(length: number, idAt: (n: number) => number, query: Pick<MapSummaryQuery, 'offset' | 'limit' | 'at'>): number | null {
  if (query.at === undefined) return query.offset;
  for (let n = 0; n < length; n++) if (idAt(n) === query.at) return n - (n % query.limit);
  return null;
}

/** A page of the summed-up list in `lang`'s order (from pageOffset); null when `at` is not listed. */
export function mapSummaryPage(sum: MapLists, query: Pick<MapSummaryQuery, 'lang' | 'offset' | 'limit' | 'at'>): MapSummary | null {
  const items = sum.lists[query.lang ?? 'zh'];
  const offset = pageOffset(items.length, (n) => items[n].id, query);
  if (offset === null) return null;
  return { ...sum.head, offset, items: items.slice(offset, offset + query.limit) };
}
