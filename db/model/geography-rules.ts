/**
 * Geography's plain rules: Jincheng's extent, and whether a county exists on a day. No zod, so the
 * browser's first page has them; geography.ts (the schemas of locations, areas and counties) re-exports them.
 */

/** Jincheng's extent with a margin; a point outside it is a mistake (swapped lat/lng, GCJ-02 of elsewhere). */
export const JINCHENG_BOUNDS = { south: 35.0, west: 111.7, north: 36.3, east: 113.9 } as const;

/** Whether a WGS84 point lies within Jincheng's extent. */
export function inJincheng(lat: number, lng: number): boolean {
  const b = JINCHENG_BOUNDS;
  return lat >= b.south && lat <= b.north && lng >= b.west && lng <= b.east;
}

/** Whether a county exists on `day` (YYYY-MM-DD): from the day a change created it, until the day one ended it. */
export function countyExistsOn(county: { startedOn: string | null; endedOn: string | null }, day: string): boolean {
  return (county.startedOn === null || county.startedOn <= day) && (county.endedOn === null || day < county.endedOn);
}
