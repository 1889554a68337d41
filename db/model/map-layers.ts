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

/** GET /api/config: what the map needs to draw its tiles (none unless configured) and its approval number. */
export const ClientConfig = z.object({
  tiles: z.object({ urls: z.array(z.string()), attribution: z.string(), subdomains: z.array(z.string()) }).nullable(),
  approvalNo: z.string().nullable(),
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
}).meta({ description: 'An RFC 7946 FeatureCollection of the six counties (WGS84).' });
export type CountyCollection = z.infer<typeof CountyCollection>;

/** The properties of a product point: the product is `productId` (no property is called `id`). */
export const ProductPointProperties = ProductSummary.pick({ nameZh: true, nameEn: true, category: true, counties: true, designations: true })
  .extend({
    productId: z.number().int(),
    label: z.string(),
    precision: Precision,
    /** The thumbnail of the product's first public photo, for the popup (null: no photo). */
    thumbnailUrl: z.string().nullable(),
  });
export type ProductPointProperties = z.infer<typeof ProductPointProperties>;

/**
 * One location of a product as a GeoJSON point ([lng, lat], WGS84). Its `id` (`<productId>-<position>`)
 * is unique in the collection and the same in every build of the same data, so GIS tools that take an
 * `id` as the feature id (GDAL → GeoPackage) get one per feature, never a repeat.
 */
export const ProductPointFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: ProductPointProperties,
});
export type ProductPointFeature = z.infer<typeof ProductPointFeature>;

/** GET /api/products.geojson: one point per location of each matching product. */
export const ProductPoints = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(ProductPointFeature),
}).meta({ description: 'An RFC 7946 FeatureCollection of points ([lng, lat], WGS84): one per location of each product.' });
export type ProductPoints = z.infer<typeof ProductPoints>;
