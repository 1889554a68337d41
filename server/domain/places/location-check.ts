/**
 * Location sanity: every point of a product lies in one of its counties (point-in-county.ts against
 * the boundaries of the counties that exist today), or the write is refused with a 400 that names the county the
 * point is in (or says it is outside Jincheng), in Chinese and English, on the location's own path; and
 * a village or township location names a current unit of one of those counties, its point in that unit's county.
 */
import { asc } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { todayInShanghai, type CountyCode, type Location } from '../../../db/model';
import * as t from '../../../db/schema';
import { HttpError, type Issue } from '../../errors';
import { divisionIndex } from '../../../seeds/divisions/divisions';
import { countiesExistingOn } from './county-history';
import { countyAt, countyBoundary, fitsCounty, type BoundaryGeometry, type CountyBoundary } from './point-in-county';

/** A county's boundary with its names, for messages. */
interface NamedBoundary extends CountyBoundary { zh: string; en: string }

/**
 * Parsed boundaries per connection, with the last `registry_changes` row and the day they were read at:
 * the counties are reference data, but a division change (recorded by another process) adds some and
 * ends others. A product write moves the registry version but leaves the counties as they were, so the
 * boundaries are read again only when a change of everything (the triggers' row without a product: a
 * county or a division change among them) came after them, or the rows went back (a restored file).
 * An import of 1,000 rows used to read and parse every boundary again for each row.
 */
const boundaries = new WeakMap<Db, { seq: number; day: string; list: NamedBoundary[] }>();
const changeReaders = new WeakMap<Db, { last: () => number; sharedAfter: (seq: number) => boolean }>();

function changeReader(db: Db) {
  let reader = changeReaders.get(db);
  if (!reader) {
    const last = db.$client.prepare('SELECT coalesce(max(seq), 0) FROM registry_changes').pluck();
    const shared = db.$client.prepare('SELECT 1 FROM registry_changes WHERE seq > ? AND product_id IS NULL LIMIT 1').pluck();
    changeReaders.set(db, reader = { last: () => last.get() as number, sharedAfter: (seq) => shared.get(seq) !== undefined });
  }
  return reader;
}

/**
 * The parsed boundaries (with their names) of the counties that exist today (county-history.ts), read
 * again only when the counties or the day may have changed.
 */
export function countyBoundaries(db: Db): NamedBoundary[] {
  const changes = changeReader(db);
  const seq = changes.last();
  const day = todayInShanghai();
  const kept = boundaries.get(db);
  if (kept && kept.day === day && seq >= kept.seq && !changes.sharedAfter(kept.seq)) {
    kept.seq = seq;
    return kept.list;
  }
  const current = new Set(countiesExistingOn(db, day));
  const list = db.select().from(t.counties).orderBy(asc(t.counties.code)).all()
    .filter((c) => current.has(c.code))
    .map((c) => ({ ...countyBoundary(c.code, c.geometry as BoundaryGeometry), zh: c.nameZh, en: c.nameEn }));
  boundaries.set(db, { seq, day, list });
  return list;
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

/**
 * One issue per location whose village or township is not a current code, not in one of the product's
 * counties, or whose point lies outside that unit's county. There are no open boundaries below the
 * county, so a point is checked against its unit's county, not the unit itself (the message says so).
 */
export function misplacedDivisions(db: Db, counties: readonly CountyCode[], locations: readonly Pick<Location, 'lat' | 'lng' | 'divisionCode'>[]): Issue[] {
  const all = countyBoundaries(db);
  const index = divisionIndex();
  const issues: Issue[] = [];
  locations.forEach(({ lat, lng, divisionCode }, i) => {
    if (!divisionCode) return;
    const n = i + 1;
    const d = index.byCode.get(divisionCode);
    const path = ['locations', i, 'divisionCode'];
    if (!d) {
      issues.push({ path, message: `位置 ${n} 的区划代码 ${divisionCode} 不在 2023 年的乡镇、村代码中 / Location ${n}: ${divisionCode} is not a township or village in the 2023 codes` });
      return;
    }
    const county = all.find((c) => c.code === d.countyCode);
    if (!counties.includes(d.countyCode as CountyCode)) {
      issues.push({ path, message: `位置 ${n} 所选的${d.name}在${county?.zh ?? d.countyCode}，不属于本产品所在的县 / Location ${n}: ${d.name} is in ${county?.en ?? d.countyCode}, not in one of this product's counties` });
      return;
    }
    if (county && !fitsCounty(county, lat, lng)) {
      issues.push({
        path: ['locations', i],
        message: `位置 ${n}（${lat}, ${lng}）不在${d.name}所在的${county.zh}；乡镇、村没有公开的边界，只能核对到县，请把点放在${county.zh}境内 / ` +
          `Location ${n} (${lat}, ${lng}) is not in ${county.en}, where ${d.name} lies; there are no open boundaries below the county, so the point is checked against the county: put it inside ${county.en}`,
      });
    }
  });
  return issues;
}

/** Throws 400 `location_division` when a location's village or township does not fit (misplacedDivisions). */
export function assertLocationDivisions(db: Db, counties: readonly CountyCode[], locations: readonly Pick<Location, 'lat' | 'lng' | 'divisionCode'>[]): void {
  const issues = misplacedDivisions(db, counties, locations);
  if (issues.length === 0) return;
  const halves = issues.map((i) => i.message.split(' / '));
  throw new HttpError(400, 'location_division', `${halves.map(([zh]) => zh).join('；')} / ${halves.map(([, en]) => en).join('; ')}`, issues);
}
