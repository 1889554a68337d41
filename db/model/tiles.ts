/**
 * Web-mercator tiles as slippy maps number them: the deepest zoom the map's clusters are cut at, the
 * tile holding a point, a tile's bounds. Plain arithmetic, no zod, so the browser's first page has it;
 * map-clusters.ts (the cluster tiles' query and answer) re-exports it.
 */

/** The deepest tile zoom: the map's own deepest (its zoom control stops at 17). */
export const MAX_TILE_ZOOM = 17;
/** From this zoom on, no place is clustered: every point is drawn on its own (the map's deepest zoom). */
export const UNCLUSTERED_ZOOM = MAX_TILE_ZOOM;

/**
 * How many zooms up the map asks for its clusters: the clusters drawn at zoom z come in blocks, each the
 * tile of zoom z − span holding 2^span × 2^span tiles of zoom z, so a view's clusters arrive in a sixteenth
 * of the requests (each answer's headers weigh more than most tiles' clusters).
 */
export const BLOCK_SPAN = 2;

/** The span of the blocks the map asks for at cluster zoom `z`: BLOCK_SPAN, or less near the world's tile. */
export function blockSpan(z: number): number {
  return Math.min(BLOCK_SPAN, z);
}

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
