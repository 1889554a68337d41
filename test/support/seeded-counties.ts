/**
 * The seed's expectation of the counties: the six county-level divisions seeds/counties.geojson holds
 * (the code itself lists none: the set of counties is data), as codes, as the API shows them, and as
 * the `county.<code>` strings the browser tests' string helpers look names up by.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../db/project-root';
import type { County } from '../../db/model';
import { countiesOfBoundaryFile } from '../../seeds/loader';

/** GB/T 2260 codes of the six counties the seeds load. */
export const SEEDED_COUNTY_CODES = ['140502', '140521', '140522', '140524', '140525', '140581'] as const;

/** The path of the seeded boundary file. */
export const SEEDED_BOUNDARY_FILE = join(projectRoot(), 'seeds', 'counties.geojson');

/** The seeded counties as GET /api/counties answers them on a fresh database (no division change). */
export function seededCounties(): County[] {
  return countiesOfBoundaryFile(readFileSync(SEEDED_BOUNDARY_FILE, 'utf8'))
    .map((c) => ({
      code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, seat: { lat: c.seatLat, lng: c.seatLng },
      label: { lat: c.labelLat, lng: c.labelLng }, startedOn: null, endedOn: null,
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Each seeded county's name by `county.<code>`, in one language (for the browser tests' `L()`). */
export function countyStrings(lang: 'zh' | 'en'): Record<string, string> {
  return Object.fromEntries(seededCounties().map((c) => [`county.${c.code}`, lang === 'en' ? c.nameEn : c.nameZh]));
}
