/**
 * Whether a scope's coordinate box fits the product's counties, measured against the box around their
 * boundaries (there are no open township boundaries to do better): inside them, around them, partly over
 * them or off them, and by how many kilometres it runs past them on each side.
 */
import type { Box, CountyBounds } from '../../../seeds/divisions/county-bounds';

/**
 * Slack for the county edges, in degrees (about 2 km): scope boxes are written to the minute (1.5–1.9 km
 * here) and the stored boundaries are simplified, so a correct box may poke a little past them.
 */
export const BOX_TOLERANCE_DEG = 0.02;
/** A box with less than this share of its area on the counties lies off them: a sliver of overlap is chance. */
export const OFF_SHARE = 0.1;

/**
 * inside: within the counties' bounds; contains: around all of them; overlaps: partly on them;
 * off: (almost) none of it on them.
 */
export type BoxRelation = 'inside' | 'contains' | 'overlaps' | 'off';

/** The check of one box. */
export interface BoxCheck {
  relation: BoxRelation;
  /** Share of the box's area within the counties' bounds (with the tolerance), 0–1, two decimals. */
  insideShare: number;
  /** How far the box runs past the bounds on each side, km (0 where it does not), one decimal. */
  beyondKm: { west: number; east: number; south: number; north: number };
  /** The counties' bounds it was checked against (the box around all of them). */
  bounds: Box;
  /** Product counties whose bounds the box touches at all. */
  touches: string[];
}

const KM_PER_DEGREE = 111.32;

function union(boxes: readonly Box[]): Box {
  return {
    west: Math.min(...boxes.map((b) => b.west)), east: Math.max(...boxes.map((b) => b.east)),
    south: Math.min(...boxes.map((b) => b.south)), north: Math.max(...boxes.map((b) => b.north)),
  };
}

function grow(b: Box, by: number): Box {
  return { west: b.west - by, east: b.east + by, south: b.south - by, north: b.north + by };
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.east, b.east) - Math.max(a.west, b.west);
  const h = Math.min(a.north, b.north) - Math.max(a.south, b.south);
  return w > 0 && h > 0 ? w * h : 0;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** Checks a box against the product's counties (at least one). */
export function checkScopeBox(box: Box, counties: readonly CountyBounds[]): BoxCheck {
  if (!counties.length) throw new Error('checkScopeBox needs the product\'s counties');
  const bounds = union(counties.map((c) => c.box));
  const slack = grow(bounds, BOX_TOLERANCE_DEG);
  const area = (box.east - box.west) * (box.north - box.south);
  const insideShare = area > 0 ? overlapArea(box, slack) / area : 0;
  const kmX = KM_PER_DEGREE * Math.cos((((box.north + box.south) / 2) * Math.PI) / 180);
  const past = (degrees: number, km: number) => round(Math.max(0, degrees) * km, 1);
  const beyondKm = {
    west: past(bounds.west - box.west, kmX), east: past(box.east - bounds.east, kmX),
    south: past(bounds.south - box.south, KM_PER_DEGREE), north: past(box.north - bounds.north, KM_PER_DEGREE),
  };
  const within = box.west >= slack.west && box.east <= slack.east && box.south >= slack.south && box.north <= slack.north;
  const around = box.west <= bounds.west + BOX_TOLERANCE_DEG && box.east >= bounds.east - BOX_TOLERANCE_DEG
    && box.south <= bounds.south + BOX_TOLERANCE_DEG && box.north >= bounds.north - BOX_TOLERANCE_DEG;
  const relation: BoxRelation = within ? 'inside' : around ? 'contains' : insideShare < OFF_SHARE ? 'off' : 'overlaps';
  const touches = counties.filter((c) => overlapArea(box, c.box) > 0).map((c) => c.code);
  return { relation, insideShare: round(insideShare, 2), beyondKm, bounds, touches };
}
