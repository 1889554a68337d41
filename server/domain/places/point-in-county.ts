/**
 * Which county a point lies in: ray casting against the county boundaries (GeoJSON Polygon or
 * MultiPolygon in WGS84, holes honoured: 泽州县 has a hole where 城区 sits). Pure: boundaries in,
 * answers out; the caller loads and keeps them (location-check.ts).
 */

/** A GeoJSON position: [lng, lat]. */
type Position = readonly number[];
type Ring = readonly Position[];
type PolygonRings = readonly Ring[];

/** A county's boundary as stored in the counties table. */
export interface BoundaryGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
}

/** A county ready for point tests: its polygons (each an outer ring and its holes) and their bounding box. */
export interface CountyBoundary {
  code: string;
  polygons: PolygonRings[];
  box: { west: number; south: number; east: number; north: number };
}

/**
 * A point just across a border still counts as inside within this distance (metres): the stored
 * boundaries are simplified (a few hundred vertices a county), so a farm on the border may fall a
 * little on the wrong side of the drawn line.
 */
export const BORDER_TOLERANCE_M = 300;

/** Parses a county's stored geometry into rings and a bounding box (throws on anything else). */
export function countyBoundary(code: string, geometry: BoundaryGeometry): CountyBoundary {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as PolygonRings[];
  if (!Array.isArray(polygons) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    throw new Error(`county ${code}: a boundary must be a Polygon or MultiPolygon`);
  }
  const box = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const polygon of polygons) {
    for (const [lng, lat] of polygon[0] ?? []) {
      box.west = Math.min(box.west, lng); box.east = Math.max(box.east, lng);
      box.south = Math.min(box.south, lat); box.north = Math.max(box.north, lat);
    }
  }
  return { code, polygons, box };
}

/** Whether [lng, lat] is inside a ring (even–odd ray casting towards +lng). */
function inRing(lng: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether a point lies inside a county: inside one polygon's outer ring and none of its holes. */
export function containsPoint(county: CountyBoundary, lat: number, lng: number): boolean {
  const { box } = county;
  if (lng < box.west || lng > box.east || lat < box.south || lat > box.north) return false;
  return county.polygons.some(([outer, ...holes]) => outer !== undefined && inRing(lng, lat, outer)
    && !holes.some((hole) => inRing(lng, lat, hole)));
}

const METRES_PER_DEGREE = 111_320;

/**
 * The distance in metres from a point to a county's boundary line (outer rings and holes), on a local
 * flat projection: good to a metre or so at these distances and latitudes.
 */
export function distanceToBoundary(county: CountyBoundary, lat: number, lng: number): number {
  const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  let best = Infinity;
  for (const polygon of county.polygons) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const ax = (ring[i - 1][0] - lng) * kx;
        const ay = (ring[i - 1][1] - lat) * ky;
        const bx = (ring[i][0] - lng) * kx;
        const by = (ring[i][1] - lat) * ky;
        best = Math.min(best, distanceToSegment(ax, ay, bx, by));
      }
    }
  }
  return best;
}

/** Distance from the origin to the segment a–b. */
function distanceToSegment(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Whether a point is in a county or within BORDER_TOLERANCE_M of its boundary. */
export function fitsCounty(county: CountyBoundary, lat: number, lng: number): boolean {
  if (containsPoint(county, lat, lng)) return true;
  const { box } = county;
  const margin = BORDER_TOLERANCE_M / METRES_PER_DEGREE / Math.max(0.1, Math.cos((lat * Math.PI) / 180));
  if (lng < box.west - margin || lng > box.east + margin || lat < box.south - margin || lat > box.north + margin) return false;
  return distanceToBoundary(county, lat, lng) <= BORDER_TOLERANCE_M;
}

/** The county (of those given) whose area holds a point, or null when none does. */
export function countyAt(counties: readonly CountyBoundary[], lat: number, lng: number): CountyBoundary | null {
  return counties.find((c) => containsPoint(c, lat, lng)) ?? null;
}
