/**
 * Location sanity: every point of a product lies in one of its counties (point-in-county.ts against
 * the boundaries in the counties table), or the write is refused with a 400 that names the county the
 * point is in (or says it is outside Jincheng), in Chinese and English, on the location's own path.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { CountyCode, Location } from '../../../db/model';
import * as t from '../../../db/schema';
import { HttpError, type Issue } from '../../errors';
import { countyAt, countyBoundary, fitsCounty, type BoundaryGeometry, type CountyBoundary } from './point-in-county';

/** A county's boundary with its names, for messages. */
interface NamedBoundary extends CountyBoundary { zh: string; en: string }

/** Parsed boundaries per connection: the counties are reference data, loaded once by the seeds. */
const boundaries = new WeakMap<Db, NamedBoundary[]>();

function countyBoundaries(db: Db): NamedBoundary[] {
  let found = boundaries.get(db);
  if (!found) {
    found = db.select().from(t.counties).orderBy(asc(t.counties.code)).all()
      .map((c) => ({ ...countyBoundary(c.code, c.geometry as BoundaryGeometry), zh: c.nameZh, en: c.nameEn }));
    // Nothing kept until the seeds have loaded the counties.
    if (found.length > 0) boundaries.set(db, found);
  }
  return found;
}

/** One issue per location that lies in none of `counties`, on the path `locations.<i>`. */
export function misplacedLocations(db: Db, counties: readonly CountyCode[], locations: readonly Pick<Location, 'lat' | 'lng'>[]): Issue[] {
  const all = countyBoundaries(db);
  // Before the seeds have loaded any boundary there is nothing to check against.
  if (all.length === 0) return [];
  const own = all.filter((c) => counties.includes(c.code as CountyCode));
  const ownZh = own.map((c) => c.zh).join('、');
  const ownEn = own.map((c) => c.en).join(' or ');
  const ownEnPhrase = own.length > 1 ? `this product's counties, ${ownEn}` : `${ownEn}, this product's county`;
  const issues: Issue[] = [];
  locations.forEach(({ lat, lng }, i) => {
    if (own.some((c) => fitsCounty(c, lat, lng))) return;
    const at = countyAt(all, lat, lng) as NamedBoundary | null;
    const where = `${i + 1}（${lat}, ${lng}）`;
    const whereEn = `${i + 1} (${lat}, ${lng})`;
    const message = at
      ? `位置 ${where}在${at.zh}，不在本产品所属的${ownZh} / Location ${whereEn} is in ${at.en}, not in ${ownEnPhrase}`
      : `位置 ${where}在晋城市以外，不在本产品所属的${ownZh} / Location ${whereEn} is outside Jincheng, not in ${ownEnPhrase}`;
    issues.push({ path: ['locations', i], message });
  });
  return issues;
}

/**
 * Throws 400 `location_outside_county` when a location lies in none of the product's counties.
 * Its message lists every such location (Chinese, then English); each issue names one.
 */
export function assertLocationsInCounties(db: Db, counties: readonly CountyCode[], locations: readonly Pick<Location, 'lat' | 'lng'>[]): void {
  const issues = misplacedLocations(db, counties, locations);
  if (issues.length === 0) return;
  const halves = issues.map((i) => i.message.split(' / '));
  const message = `${halves.map(([zh]) => zh).join('；')} / ${halves.map(([, en]) => en).join('; ')}`;
  throw new HttpError(400, 'location_outside_county', message, issues);
}
