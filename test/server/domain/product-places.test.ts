/**
 * Which county a product's place stands for on the map (server/domain/products/product-places.ts), against
 * the seeded boundaries; and the seeded label anchors, where the map writes each county's name and badge.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../db/project-root';
import type { CountyCode } from '../../../db/model';
import { containsPoint, countyBoundary, type BoundaryGeometry } from '../../../server/domain/places/point-in-county';
import { countyOfPlace } from '../../../server/domain/products/product-places';

interface SeedCounty { properties: { adcode: number; name: string; center: [number, number]; centroid: [number, number] }; geometry: BoundaryGeometry }
const seeded = (JSON.parse(readFileSync(join(projectRoot(), 'seeds/counties.geojson'), 'utf8')) as { features: SeedCounty[] }).features;
const boundaries = seeded.map((f) => countyBoundary(String(f.properties.adcode), f.geometry));
const anchor = (code: string) => seeded.find((f) => String(f.properties.adcode) === code)!.properties.centroid;

describe('countyOfPlace', () => {
  const [qinshuiLng, qinshuiLat] = anchor('140521');
  it.each<[string, { lat: number; lng: number; divisionCode?: string | null }, CountyCode[], CountyCode | null]>([
    ['a division code names its county, whatever the point', { lat: qinshuiLat, lng: qinshuiLng, divisionCode: '140524100000' }, ['140521', '140524'], '140524'],
    ['a point in one of the product’s counties', { lat: qinshuiLat, lng: qinshuiLng }, ['140522', '140521'], '140521'],
    ['a point in another county than the product’s', { lat: qinshuiLat, lng: qinshuiLng }, ['140522'], '140521'],
    ['a point outside Jincheng, of a one-county product', { lat: 36.5, lng: 111.0 }, ['140522'], '140522'],
    ['a point outside Jincheng, of a product of two counties', { lat: 36.5, lng: 111.0 }, ['140522', '140521'], null],
  ])('%s', (_what, place, counties, county) => {
    expect(countyOfPlace(place, counties, boundaries)).toBe(county);
  });
});

describe('the seeded label anchors', () => {
  it.each(seeded.map((f) => [f.properties.name, String(f.properties.adcode)]))('%s’s name is written inside it (泽州县’s hole honoured)', (_name, code) => {
    const [lng, lat] = anchor(code);
    const own = boundaries.find((b) => b.code === code)!;
    expect(containsPoint(own, lat, lng)).toBe(true);
    expect(boundaries.filter((b) => containsPoint(b, lat, lng)).map((b) => b.code)).toEqual([code]);
  });
});
