/**
 * Reads the coordinate box a scope may give ("东经112°47′00″~115°55′00″，北纬35°24′00″~36°04′00″"): degrees,
 * minutes and seconds with any of the marks people type (′ ' ’ 分, ″ " ” 秒), or decimal degrees. The text
 * arrives NFKC-normalised, which has already turned fullwidth digits into ASCII and ″ into ′′.
 */
import type { Box } from '../../../seeds/divisions/county-bounds';

/** Why a scope that speaks of coordinates gave no box: none could be read, or what was read cannot be. */
export type BoxIssue = 'unreadable' | 'impossible';

const NUM = String.raw`\d+(?:\.\d+)?`;
/** A minute mark is a single prime (not the first of the two ′′ that NFKC makes of ″). */
const ANGLE = String.raw`(${NUM})\s*(?:°|度)?\s*(?:(${NUM})\s*(?:′(?!′)|'(?!')|’(?!’)|分)\s*)?(?:(${NUM})\s*(?:′′|''|’’|″|"|”|秒))?`;
const RANGE = String.raw`${ANGLE}\s*(?:~|〜|-|–|—|至|到)\s*${ANGLE}`;
const LNG = new RegExp(String.raw`东经\s*:?\s*${RANGE}`);
const LAT = new RegExp(String.raw`北纬\s*:?\s*${RANGE}`);

/** China lies within these, so a value outside them is a garbled coordinate, not a place. */
const LNG_RANGE = [73, 136] as const;
const LAT_RANGE = [3, 54] as const;

/** Decimal degrees of a degrees–minutes–seconds match, or NaN when minutes or seconds reach 60. */
function degrees(deg: string, min: string | undefined, sec: string | undefined): number {
  const m = Number(min ?? 0);
  const s = Number(sec ?? 0);
  if (m >= 60 || s >= 60) return NaN;
  return Number(deg) + m / 60 + s / 3600;
}

/** The two ends of a range match, in the order written. */
function ends(match: RegExpExecArray): [number, number] {
  return [degrees(match[1], match[2], match[3]), degrees(match[4], match[5], match[6])];
}

function within([a, b]: [number, number], [lo, hi]: readonly [number, number]): boolean {
  return [a, b].every((v) => Number.isFinite(v) && v >= lo && v <= hi) && a !== b;
}

/** The box a scope text gives: null with no issue when it speaks of no coordinates at all. */
export function readScopeBox(normalised: string): { box: Box | null; issue: BoxIssue | null } {
  if (!/东经|北纬/.test(normalised)) return { box: null, issue: null };
  const lng = LNG.exec(normalised);
  const lat = LAT.exec(normalised);
  if (!lng || !lat) return { box: null, issue: 'unreadable' };
  const lngs = ends(lng);
  const lats = ends(lat);
  if (!within(lngs, LNG_RANGE) || !within(lats, LAT_RANGE)) return { box: null, issue: 'impossible' };
  // A range is sometimes written from north to south or east to west; the box is the same.
  return {
    box: { west: Math.min(...lngs), east: Math.max(...lngs), south: Math.min(...lats), north: Math.max(...lats) },
    issue: null,
  };
}
