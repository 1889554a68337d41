/**
 * Web-mercator tiles as slippy maps number them: the deepest zoom the map's clusters are cut at, the
 * tile holding a point, a tile's bounds. Plain arithmetic, no zod, so the browser's first page has it;
 * map-clusters.ts (the cluster tiles' query and answer) re-exports it.
 */

/** The deepest tile zoom: the map's own deepest (its zoom control stops at 17). */
export const MAX_TILE_ZOOM = 17;
/** From this zoom on, no place is clustered: every point is drawn on its own (the map's deepest zoom). */
export const UNCLUSTERED_ZOOM = MAX_TILE_ZOOM;

/** The tile of zoom `z` holding a point ([lng, lat]), as slippy-map tiles number them. */
export function tileOf(lng: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  const x = Math.floor(((lng + 180) / 360) * n);
  const y = Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n);
  return { x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

/** A tile's bounds: [west, south, east, north] in degrees. */
export function tileBounds({ z, x, y }: { z: number; x: number; y: number }): [number, number, number, number] {
  const n = 2 ** z;
  const lng = (i: number) => (i / n) * 360 - 180;
  const lat = (j: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * j) / n))) * 180) / Math.PI;
  return [lng(x), lat(y + 1), lng(x + 1), lat(y)];
}
