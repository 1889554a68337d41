/** Point in county: ray casting with holes and multipolygons, the border tolerance, and the real boundaries. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../db/project-root';
import {
  BORDER_TOLERANCE_M, containsPoint, countyAt, countyBoundary, distanceToBoundary, fitsCounty, type BoundaryGeometry,
} from '../../../server/domain/places/point-in-county';

/** A square ring [lng, lat] from (w, s) to (e, n), closed. */
const square = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]];

// A county of 1°×1° with a hole of 0.2°×0.2° in the middle, and a second part further east.
const donut = countyBoundary('A', {
  type: 'MultiPolygon',
  coordinates: [[square(112, 35, 113, 36), square(112.4, 35.4, 112.6, 35.6)], [square(113.5, 35, 113.8, 35.3)]],
});
const hole = countyBoundary('B', { type: 'Polygon', coordinates: [square(112.4, 35.4, 112.6, 35.6)] });

describe('point in a county', () => {
  it.each([
    ['inside the outer ring', 35.2, 112.2, 'A'],
    ['in the hole: the other county', 35.5, 112.5, 'B'],
    ['in the second part', 35.1, 113.6, 'A'],
    ['between the parts', 35.1, 113.2, null],
    ['outside both', 36.5, 112.5, null],
  ])('%s', (_what, lat, lng, code) => {
    expect(countyAt([donut, hole], lat, lng)?.code ?? null).toBe(code);
    expect(containsPoint(donut, lat, lng)).toBe(code === 'A');
  });

  it('measures the distance to the nearest edge, holes included, in metres', () => {
    // 0.01° of latitude is about 1,113 m; the hole's edge at lat 35.6 is 0.01° from 35.61.
    expect(distanceToBoundary(donut, 35.61, 112.5)).toBeCloseTo(1113, -1);
    expect(distanceToBoundary(donut, 36.001, 112.5)).toBeCloseTo(111, -1);
  });

  it('takes a point just across the border as inside, not one further off', () => {
    const near = 35 - (BORDER_TOLERANCE_M * 0.8) / 111_320;
    const far = 35 - (BORDER_TOLERANCE_M * 1.5) / 111_320;
    expect(containsPoint(donut, near, 112.5)).toBe(false);
    expect(fitsCounty(donut, near, 112.5)).toBe(true);
    expect(fitsCounty(donut, far, 112.5)).toBe(false);
    // Just inside the hole is just across the border too.
    expect(fitsCounty(donut, 35.5999, 112.5)).toBe(true);
    expect(fitsCounty(donut, 35.5, 112.5)).toBe(false);
  });

  it('refuses a geometry that is not a polygon', () => {
    expect(() => countyBoundary('X', { type: 'Point', coordinates: [1, 2] } as unknown as BoundaryGeometry)).toThrow(/Polygon/);
  });
});

describe('the six counties as seeded', () => {
  const seeded = JSON.parse(readFileSync(join(projectRoot(), 'seeds', 'counties.geojson'), 'utf8')) as {
    features: { properties: { adcode: number; name: string; centroid: [number, number] }; geometry: BoundaryGeometry }[];
  };
  const counties = seeded.features.map((f) => ({ ...countyBoundary(String(f.properties.adcode), f.geometry), f }));

  it('each label point (where county-level locations sit) lies in its own county only', () => {
    for (const c of counties) {
      const [lng, lat] = c.f.properties.centroid;
      expect(counties.filter((other) => containsPoint(other, lat, lng)).map((o) => o.code), c.f.properties.name).toEqual([c.code]);
    }
  });

  it('泽州县 surrounds 城区 but does not hold it', () => {
    const zezhou = counties.find((c) => c.code === '140525')!;
    const [lng, lat] = counties.find((c) => c.code === '140502')!.f.properties.centroid;
    expect(containsPoint(zezhou, lat, lng)).toBe(false);
    expect(fitsCounty(zezhou, lat, lng)).toBe(false);
    expect(countyAt(counties, lat, lng)?.code).toBe('140502');
  });
});
