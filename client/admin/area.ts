/**
 * Reads a protected area from an uploaded GeoJSON text: a Polygon or MultiPolygon geometry, or a
 * Feature / FeatureCollection wrapping them, checked with the shared AreaGeometry schema.
 */
import { AreaGeometry } from '../../db/model';
import { t } from '../i18n';
import { issueText } from './field-errors';

/** The geometry read from a file, or why it was refused. */
export type AreaRead = { ok: true; geometry: AreaGeometry } | { ok: false; error: string };

type Polygonal = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The Polygon/MultiPolygon geometries inside a GeoJSON object (null for anything else). */
function polygonsOf(value: unknown): Polygonal[] | null {
  if (!isObject(value)) return null;
  if (value.type === 'Polygon' || value.type === 'MultiPolygon') return [{ type: value.type, coordinates: value.coordinates }];
  if (value.type === 'Feature') return polygonsOf(value.geometry);
  if (value.type === 'FeatureCollection' && Array.isArray(value.features) && value.features.length > 0) {
    const parts = value.features.map(polygonsOf);
    return parts.every((p) => p !== null) ? parts.flat() as Polygonal[] : null;
  }
  return null;
}

/** Reads and checks a parsed GeoJSON value; several polygons are merged into one MultiPolygon. */
export function areaFromGeoJson(value: unknown): AreaRead {
  const polygons = polygonsOf(value);
  if (!polygons || polygons.length === 0) return { ok: false, error: t('area.notPolygon') };
  const candidate = polygons.length === 1
    ? { type: polygons[0].type, coordinates: polygons[0].coordinates }
    : {
        type: 'MultiPolygon',
        coordinates: polygons.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : (p.coordinates as unknown[]))),
      };
  const result = AreaGeometry.safeParse(candidate);
  if (result.success) return { ok: true, geometry: result.data };
  const issue = result.error.issues[0];
  // A coordinate out of range is almost always [lat, lng] written the wrong way round.
  const outOfRange = issue.code === 'too_big' || issue.code === 'too_small';
  return { ok: false, error: outOfRange && issue.path.includes('coordinates') ? t('model.areaOutside') : issueText(issue) };
}

/** Reads a file's text as GeoJSON. */
export function areaFromText(text: string): AreaRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: t('area.notJson') };
  }
  return areaFromGeoJson(value);
}

/** How many vertices a geometry has (shown after an upload). */
export function vertexTotal(geometry: AreaGeometry): number {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  return rings.reduce((n, ring) => n + ring.length, 0);
}
