/**
 * Counties' names and bounding boxes from a boundary file: the shape a scope's county names and
 * coordinate box are checked against. The server reads the counties that exist today from the database
 * (server/domain/places/scope-check.ts); the seeded file's, read here, are the tests' fixed set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../db/project-root';

/** A box in decimal degrees (WGS84). */
export interface Box { west: number; south: number; east: number; north: number }

/** A county as scopes name it, with the box around its boundary. */
export interface CountyBounds { code: string; name: string; box: Box }

interface CountyFeature {
  properties: { adcode: number | string; name: string };
  geometry: { type: string; coordinates: unknown };
}

/** The box around every outer ring of a Polygon or MultiPolygon (holes lie inside their ring). */
function boxOf(geometry: CountyFeature['geometry']): Box {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') throw new Error(`a county is a ${geometry.type}`);
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  const box = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const [outer] of polygons) {
    for (const [lng, lat] of outer ?? []) {
      box.west = Math.min(box.west, lng); box.east = Math.max(box.east, lng);
      box.south = Math.min(box.south, lat); box.north = Math.max(box.north, lat);
    }
  }
  if (!Number.isFinite(box.west)) throw new Error('a county has no vertices');
  return box;
}

/** The counties of a GeoJSON FeatureCollection with `adcode` and `name`, in code order. */
export function countyBoundsFromGeoJson(geojson: { features: readonly CountyFeature[] }): CountyBounds[] {
  return geojson.features
    .map((f) => ({ code: String(f.properties.adcode), name: f.properties.name, box: boxOf(f.geometry) }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

let counties: CountyBounds[] | undefined;

/** The counties of seeds/counties.geojson (the seeded six), read on first use and kept. */
export function jinchengCounties(): readonly CountyBounds[] {
  counties ??= countyBoundsFromGeoJson(JSON.parse(readFileSync(join(projectRoot(), 'seeds', 'counties.geojson'), 'utf8')));
  return counties;
}
