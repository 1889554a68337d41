/**
 * GET /api/map-summary, typed once: its query and its answer, what the public map page shows beside its
 * markers (made by db/model/map-summary.ts from the places of map-layers.ts). The server builds it to
 * these types, the OpenAPI document describes it with these schemas, the client reads it.
 */
import { z } from 'zod';
import { CountyCode, Precision, STATUSES } from './vocabulary';
import { perGiType } from './gi-types';
import { ProductFilter, ProductSummary } from './registry';
import { ProductPointProperties } from './map-layers';
import { PLACEMENTS } from './place-tally';

/** Query string of GET /api/map-summary: the filters, the list's language and a page (from `offset`, or the page holding product `at`). */
export const MapSummaryQuery = ProductFilter.extend({
  /** The list's order: `zh` (default) by the pinyin of the Chinese name, `en` alphabetically by the English name (else that pinyin). */
  lang: z.enum(['zh', 'en']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  /** A product's id: the page that lists it (its offset a multiple of `limit`), instead of `offset`. */
  at: z.coerce.number().int().min(1).optional(),
}).strict();
export type MapSummaryQuery = z.infer<typeof MapSummaryQuery>;

/** One product of the map page's list: names, designations, how precisely it is placed where, and the counties the map shows it on. */
export const MapListItem = ProductPointProperties.pick({ nameZh: true, nameEn: true, namePinyin: true, category: true, counties: true, designations: true })
  .extend({
    id: z.number().int(),
    /** Its finest place's precision, or `none`. */
    placement: z.enum(PLACEMENTS),
    /** Its places of that precision (empty for `none`). */
    places: z.array(z.object({ precision: Precision, countyCode: CountyCode.nullable(), divisionName: z.string().nullable(), label: z.string() })),
    /** The counties the map shows it on, when it has no point in view (a badge, or counted apart when several); else empty. */
    shownOn: z.array(CountyCode),
  });
export type MapListItem = z.infer<typeof MapListItem>;

const count = z.number().int().min(0);

/** GET /api/map-summary: the numbers of the map page under its filters, and a page of its list. */
export const MapSummary = z.object({
  /** Products listed. */
  total: count,
  /** Products holding or seeking each GI type (filed, published or granted), and candidates (none of these). */
  byType: z.object({ ...perGiType(() => count), candidate: count }),
  /** Products by how precisely they are placed (their finest place in view); adds up to `total`. */
  byPlacement: z.object({ exact: count, village: count, township: count, county: count, none: count }),
  /** Places drawn as markers (points; in the chosen county when there is one). */
  points: count,
  /** What each county's number and shading count: designations of the listed products of the chosen type in the chosen status (in force when none), per county code (absent: 0). */
  measure: z.object({ kind: z.enum(['in_force', 'in_progress', ...STATUSES.filter((s) => s !== 'granted')]), counts: z.record(CountyCode, count) }),
  /** Per county code, the products with no point in view known in that county alone (absent: 0). */
  badges: z.record(CountyCode, count),
  /** Products with no point in view known in several counties: counted once, apart from any county. */
  multiCounty: z.array(z.object({
    id: z.number().int(), nameZh: z.string(), nameEn: ProductSummary.shape.nameEn, counties: z.array(CountyCode), placement: z.enum(['county', 'none']),
  })),
  /** The position of the first item in the whole list. */
  offset: count,
  /** The page of the list, by name in the language asked. */
  items: z.array(MapListItem),
});
export type MapSummary = z.infer<typeof MapSummary>;
