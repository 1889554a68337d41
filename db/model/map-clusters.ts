/**
 * The map's clusters, drawn by the server per web-mercator tile (GET /api/clusters.geojson): what a
 * tile is asked with, and what it answers. A tile holds the clusters and single places whose (cluster)
 * centre falls in it, so the tiles of a zoom split the points between them: their counts add up to the
 * points of the filtered products, each counted in exactly one tile.
 */
import { z } from 'zod';
import { ProductPointFeature } from './map-layers';
import { ProductFilter } from './registry';
import { BLOCK_SPAN, MAX_TILE_ZOOM } from './tiles';

export * from './tiles';

const tileNumber = z.coerce.number().int().min(0);

/**
 * Query of GET /api/clusters.geojson: the clusters as drawn at zoom `z`, in the tile `x`, `y` of zoom
 * `z − span` (as slippy-map tiles number them; `span` 0, the default, is the tile of zoom `z` itself), and
 * the filters of the map.
 */
export const ClusterTileQuery = ProductFilter.extend({
  z: tileNumber.max(MAX_TILE_ZOOM),
  x: tileNumber,
  y: tileNumber,
  span: tileNumber.max(BLOCK_SPAN).default(0),
}).strict().refine((q) => q.span <= q.z, {
  message: 'span may not exceed z', path: ['span'],
}).refine((q) => q.x < 2 ** (q.z - q.span) && q.y < 2 ** (q.z - q.span), {
  message: 'x and y must each be below 2^(z − span)', path: ['x'],
});
export type ClusterTileQuery = z.infer<typeof ClusterTileQuery>;

/** The tile part of a cluster query: the cluster zoom `z`, and the tile `x`, `y` of zoom `z − span` (span 0 when left out). */
export type TileAddress = Pick<ClusterTileQuery, 'z' | 'x' | 'y'> & { span?: number };

/** The properties of a cluster: how many places it stands for, and what the reader sees of them. */
export const ClusterProperties = z.object({
  cluster: z.literal(true),
  /** The cluster's number in this version of the registry (changes with the data). */
  clusterId: z.number().int(),
  /** How many places (points) it stands for. */
  count: z.number().int().min(2),
  /** How many of them are exact spots; the rest are points somewhere in their village or township. */
  exact: z.number().int().min(0),
  /** The zoom at which it splits into smaller clusters or single places (a click zooms there). */
  expansionZoom: z.number().int(),
  /** One of its products' names, to give the cluster a face (the first of its places in the list's order). */
  nameZh: z.string(),
  nameEn: z.string().nullable(),
});
export type ClusterProperties = z.infer<typeof ClusterProperties>;

/** A cluster of places: a point (the average of its places, [lng, lat]) with its properties. */
export const ClusterFeature = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
  properties: ClusterProperties,
});
export type ClusterFeature = z.infer<typeof ClusterFeature>;

/** A single place of a tile: a feature of /api/products.geojson with its point. */
export const PlacedPointFeature = ProductPointFeature.extend({
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
});
export type PlacedPointFeature = z.infer<typeof PlacedPointFeature>;

/** GET /api/clusters.geojson: a tile's clusters and single places. */
export const ClusterTile = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.union([ClusterFeature, PlacedPointFeature])),
}).meta({ description: 'An RFC 7946 FeatureCollection (WGS84) of the tile\u2019s clusters (`properties.cluster: true`) and single places (the features of `/api/products.geojson` that are points). County-level places are never points, so never in a tile.' });
export type ClusterTile = z.infer<typeof ClusterTile>;

/** Whether a tile's feature is a cluster. */
export function isCluster(f: ClusterTile['features'][number]): f is ClusterFeature {
  return 'cluster' in f.properties;
}
