/**
 * The map's clusters, drawn by the server: a supercluster index over the points of /api/products.geojson
 * (exact, village and township places; a county-level place is no point and is never clustered), asked
 * one web-mercator tile at a time. The same rule as the map drew in the browser before (a radius in
 * screen pixels per zoom), made once per set of points instead of by every reader.
 */
import Supercluster from 'supercluster';
import {
  tileBounds, tileOf, UNCLUSTERED_ZOOM, type ClusterFeature, type ClusterTile, type CountyCode, type PlacedPointFeature,
  type ProductPointProperties, type ProductPoints, type TileAddress,
} from '../../../db/model';

/** How near (in screen pixels, on 256-pixel tiles) places are gathered into one cluster. */
export const CLUSTER_RADIUS = 60;

/** What a cluster keeps of its places while it is made: how many are exact, and its first place's product. */
interface Gathered { exact: number; order: number; nameZh: string; nameEn: string | null }

/** A clustered set of places, asked for a tile at a time. */
export interface ClusterIndex {
  /** How many points it holds (every zoom's tiles add up to it). */
  readonly points: number;
  /** The clusters and single places of zoom `address.z` whose centre lies in the tile (of zoom z − span). */
  tile(address: TileAddress): ClusterTile;
  /** The tiles of zoom `z − span` that hold anything of zoom `z` (every other tile of it is empty). */
  occupied(z: number, span?: number): TileAddress[];
}

/** Whether a place belongs on a map of `county` alone: it lies in it (or, with no county of its own, its product is of it). */
function inCounty(p: ProductPointProperties, county: CountyCode): boolean {
  return p.countyCode ? p.countyCode === county : p.counties.includes(county);
}

/**
 * Clusters the points of `places` (the features with a geometry); with `county`, only the places in that
 * county, as the map of one county shows them.
 */
export function clusterIndex(places: ProductPoints, county: CountyCode | null = null): ClusterIndex {
  const points = places.features.filter((f): f is PlacedPointFeature => f.geometry !== null && (!county || inCounty(f.properties, county)));
  // The list's order (by name) decides which product names a cluster, whatever order the tree gathers them in.
  const order = new Map<ProductPointProperties, number>(points.map((f, i) => [f.properties, i]));
  const index = new Supercluster<ProductPointProperties, Gathered>({
    radius: CLUSTER_RADIUS, extent: 256, maxZoom: UNCLUSTERED_ZOOM - 1,
    map: (p) => ({ exact: p.precision === 'exact' ? 1 : 0, order: order.get(p) ?? 0, nameZh: p.nameZh, nameEn: p.nameEn }),
    reduce: (acc, p) => {
      acc.exact += p.exact;
      if (p.order < acc.order) Object.assign(acc, { order: p.order, nameZh: p.nameZh, nameEn: p.nameEn });
    },
  }).load(points);
  return {
    points: points.length,
    tile(address) {
      const span = address.span ?? 0;
      const block = { z: address.z - span, x: address.x, y: address.y };
      const [west, south, east, north] = tileBounds(block);
      // A little wider than the tile, then kept by the tile of each centre: a centre on an edge is in one tile only.
      const pad = (east - west) / 1024;
      const found = index.getClusters([west - pad, south - pad, east + pad, north + pad], address.z).filter((f) => {
        const [lng, lat] = f.geometry.coordinates;
        const at = tileOf(lng, lat, block.z);
        return at.x === block.x && at.y === block.y;
      });
      const features = found.map((f): ClusterTile['features'][number] => {
        if (!('cluster' in f.properties)) return f as unknown as PlacedPointFeature;
        const p = f.properties;
        const cluster: ClusterFeature = {
          type: 'Feature', id: `c${p.cluster_id}`,
          geometry: { type: 'Point', coordinates: [f.geometry.coordinates[0], f.geometry.coordinates[1]] },
          properties: {
            cluster: true, clusterId: p.cluster_id, count: p.point_count, exact: p.exact,
            expansionZoom: Math.min(index.getClusterExpansionZoom(p.cluster_id), UNCLUSTERED_ZOOM),
            nameZh: p.nameZh, nameEn: p.nameEn,
          },
        };
        return cluster;
      });
      return { type: 'FeatureCollection', features: features.sort((a, b) => String(a.id).localeCompare(String(b.id))) };
    },
    occupied(z, span = 0) {
      const seen = new Map<string, TileAddress>();
      for (const f of index.getClusters([-180, -85.0511, 180, 85.0511], z)) {
        const { x, y } = tileOf(f.geometry.coordinates[0], f.geometry.coordinates[1], z - span);
        seen.set(`${x}/${y}`, { z, x, y, span });
      }
      return [...seen.values()];
    },
  };
}
