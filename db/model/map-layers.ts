/**
 * What the map reads, typed once: the client settings (GET /api/config), the counties with their counts
 * (GET /api/counties.geojson) and the products' points (GET /api/products.geojson). The server builds
 * them to these types, the OpenAPI document describes them with these schemas, the client reads them.
 */
import { z } from 'zod';
import { CountyCode, Precision } from './vocabulary';
import { perGiType } from './gi-types';
import { County } from './geography';
import { ProductSummary } from './registry';
import { SiteInfo } from './site-info';

/**
 * GET /api/config: what the map needs to draw its tiles (none unless configured), its approval number (审图号),
 * and whom the county boundaries come from (credited on every map that draws them; null: not stated);
 * and the footer's lines about the site (site-info.ts).
 */
export const ClientConfig = z.object({
  tiles: z.object({ urls: z.array(z.string()), attribution: z.string(), subdomains: z.array(z.string()) }).nullable(),
  approvalNo: z.string().nullable(),
  boundarySource: z.string().nullable(),
  site: SiteInfo,
});
export type ClientConfig = z.infer<typeof ClientConfig>;

const Ring = z.array(z.array(z.number()).min(2)).min(4);
/** A county's boundary (the stored one: a Polygon or a MultiPolygon, WGS84). */
export const CountyGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring)) }),
]);
export type CountyGeometry = z.infer<typeof CountyGeometry>;

/** The counts a county feature carries: public products, and designations in force by type. */
export const CountyCounts = z.object({
  products: z.number().int(),
  inForce: z.object({ ...perGiType(() => z.number().int()), total: z.number().int() }),
});
export type CountyCounts = z.infer<typeof CountyCounts>;

/** The properties of a county feature: the County fields and its counts. */
export const CountyFeatureProperties = County.extend(CountyCounts.shape);
export type CountyFeatureProperties = z.infer<typeof CountyFeatureProperties>;

/** GET /api/counties.geojson: one feature per county. */
export const CountyCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({
    type: z.literal('Feature'),
    id: CountyCode,
    properties: CountyFeatureProperties,
    geometry: CountyGeometry,
  })),
}).meta({ description: 'An RFC 7946 FeatureCollection of the counties that exist today (WGS84).' });
export type CountyCollection = z.infer<typeof CountyCollection>;

/**
 * The properties of a product's place: the product is `productId` (no property is called `id`). `precision`
 * says how exactly the place is known (null: the product has no place recorded at all); `countyCode` is the
 * county the place lies in or, for a county-level place, the county it stands for (null: not determinable);
 * a village or township place names its unit (`divisionCode`, 12 digits, and its name as the 2023 codes write it).
 */
export const ProductPointProperties = ProductSummary.pick({ nameZh: true, nameEn: true, namePinyin: true, category: true, counties: true, designations: true })
  .extend({
    productId: z.number().int(),
    label: z.string(),
    precision: Precision.nullable(),
    countyCode: CountyCode.nullable(),
    divisionCode: z.string().nullable(),
    divisionName: z.string().nullable(),
    /** The 12-digit 2023 codes of the townships and villages the product's GIs' protected areas list (a township's: all of it). */
    scopeCodes: z.array(z.string()),
    /** The thumbnail of the product's first public photo, for the popup (null: no photo). */
    thumbnailUrl: z.string().nullable(),
  });
export type ProductPointProperties = z.infer<typeof ProductPointProperties>;

/** The precisions whose places are drawn as points: a spot, or a point an official put inside a village or township. */
export const POINT_PRECISIONS = ['exact', 'village', 'township'] as const satisfies readonly Precision[];

/**
 * One place of a product. An exact, village or township place is a GeoJSON point ([lng, lat], WGS84); a
 * county-level place has `geometry: null` (RFC 7946's unlocated feature: it is known as a county, not as a
 * spot, so no tool should draw it as one), and so has the one feature of a product with no place at all.
 * Its `id` (`<productId>-<position>`, or `<productId>-none` for a product without places) is unique in the
 * collection and the same in every build of the same data, so GIS tools that take an `id` as the feature id
 * (GDAL → GeoPackage) get one per feature, never a repeat.
 */
export const ProductPointFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }).nullable(),
  properties: ProductPointProperties,
});
export type ProductPointFeature = z.infer<typeof ProductPointFeature>;

/** GET /api/products.geojson: one feature per place of each matching product (and one for a product with none). */
export const ProductPoints = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(ProductPointFeature),
}).meta({ description: 'An RFC 7946 FeatureCollection (WGS84), one feature per place of each product: exact, village and township places are points ([lng, lat]); county-level places, and a product with no place, have a null geometry (`properties.precision` and `countyCode` say what is known).' });
export type ProductPoints = z.infer<typeof ProductPoints>;

