/**
 * Signals to officials from the yearly usage returns, for the GIs they look after (an official's
 * county; an admin's city or one county): a GI whose accepted returns declare more marked tonnes in a
 * year than the product's figures allow (the ceiling, db/model/mark-signals.ts), active users with no
 * return for the last two complete years they were authorised in, and users whose term ends soon.
 * A converted GI (an agricultural-product GI that became a 地理标志产品) ends its users' use of it on
 * the conversion day: they are asked for returns up to then, and their terms end nothing.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  exceedsCeiling, TERM_SIGNAL_DAYS, toKilogram, volumeCeiling,
  type CountyCode, type CountyScopeQuery, type SilentUser, type Signals, type TermEnding, type VolumeSignal,
} from '../../../db/model';
import * as t from '../../../db/schema';
import type { SignedIn } from '../access/viewer';
import { declaredVolumes, figuresKey, figuresOf } from './declared-volumes';
import { countyInView, gisInView, type GiInView } from './gis-in-view';

const DAY_MS = 86_400_000;

/** Whole days from one `YYYY-MM-DD` day to another (negative when `to` is earlier). */
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Whether an authorisation from `from` until `until` covered any day of `year`. */
export function authorisedIn(user: { from: string; until: string | null }, year: number): boolean {
  return Number(user.from.slice(0, 4)) <= year && (user.until === null || Number(user.until.slice(0, 4)) >= year);
}

/** The designation's reference as a signal carries it (without the status). */
const refOf = ({ status: _status, ...ref }: GiInView) => ref;

/** The two complete years before `today`'s, which a user must have returned for (on 2026-12-05: 2024 and 2025). */
const silentYearsOn = (today: string) => [Number(today.slice(0, 4)) - 2, Number(today.slice(0, 4)) - 1];

/** GET /api/signals: the three lists for the viewer's GIs on `today`. */
export function markSignals(db: Db, viewer: SignedIn, query: CountyScopeQuery, today: string): Signals {
  const county = countyInView(viewer, query.county);
  const gis = new Map(gisInView(db, county).map((g) => [g.designationId, g]));
  const silentYears = silentYearsOn(today);
  return {
    asOf: today, county, silentYears, termDays: TERM_SIGNAL_DAYS,
    volumes: volumeSignals(db, gis),
    ...userSignals(db, gis, silentYears, today),
  };
}

/** The users of a county's GIs (every county's for null) silent for two years, and those whose term ends soon: the signals' own lists, for the to-do list. */
export function usersToRemind(db: Db, county: CountyCode | null, today: string): Pick<Signals, 'silent' | 'termsEnding'> {
  return userSignals(db, new Map(gisInView(db, county).map((g) => [g.designationId, g])), silentYearsOn(today), today);
}

/** Every GI-year with accepted returns against its ceiling: the flagged first, then the newest year. */
function volumeSignals(db: Db, gis: Map<number, GiInView>): VolumeSignal[] {
  const declared = declaredVolumes(db, [...gis.keys()]);
  const figures = figuresOf(db, [...new Set([...gis.values()].map((g) => g.productId))]);
  const signals = declared.map((d) => {
    const gi = gis.get(d.designationId)!;
    const ceiling = volumeCeiling(figures.get(figuresKey(gi.productId, d.year)) ?? null);
    return { ...refOf(gi), year: d.year, declaredTonnes: toKilogram(d.tonnes), returns: d.reporters, ceiling, exceeds: exceedsCeiling(d.tonnes, ceiling) };
  });
  return signals.sort((a, b) => Number(b.exceeds) - Number(a.exceeds) || b.year - a.year);
}

/** Active users of the GIs that have been silent, and those whose term ends within TERM_SIGNAL_DAYS. */
function userSignals(db: Db, gis: Map<number, GiInView>, silentYears: number[], today: string): Pick<Signals, 'silent' | 'termsEnding'> {
  if (gis.size === 0) return { silent: [], termsEnding: [] };
  const users = db.select({
    authorizedUserId: t.authorizedUsers.id, designationId: t.authorizedUsers.designationId, name: t.authorizedUsers.name,
    creditCode: t.authorizedUsers.creditCode, from: t.authorizedUsers.from, until: t.authorizedUsers.until,
  }).from(t.authorizedUsers)
    .where(and(eq(t.authorizedUsers.status, 'active'),
      sql`${t.authorizedUsers.designationId} IN (SELECT value FROM json_each(${JSON.stringify([...gis.keys()])}))`))
    .orderBy(t.authorizedUsers.name, t.authorizedUsers.id).all();
  // A user that has returned (accepted, or submitted and awaiting the county) is not silent that year.
  const returned = new Set(db.select({ user: t.usageReturns.authorizedUserId, year: t.usageReturns.year }).from(t.usageReturns)
    .where(and(inArray(t.usageReturns.status, ['accepted', 'submitted']), inArray(t.usageReturns.year, silentYears)))
    .all().map((r) => `${r.user}:${r.year}`));
  const convertedOn = conversionDays(db, [...gis.values()].filter((g) => g.status === 'converted').map((g) => g.designationId));
  const silent: SilentUser[] = [];
  const termsEnding: TermEnding[] = [];
  for (const u of users) {
    const named = { ...refOf(gis.get(u.designationId)!), ...u };
    // A converted GI's mark is no longer in force from the day: its users are asked for returns up to then only,
    // and their terms no longer end anything (they use the GI it became only once recorded as its users).
    const ended = convertedOn.get(u.designationId);
    if (ended !== undefined) {
      const until = u.until === null || ended < u.until ? ended : u.until;
      const yearsChecked = silentYears.filter((y) => authorisedIn({ from: u.from, until }, y));
      if (yearsChecked.length > 0 && yearsChecked.every((y) => !returned.has(`${u.authorizedUserId}:${y}`))) silent.push({ ...named, yearsChecked });
      continue;
    }
    const yearsChecked = silentYears.filter((y) => authorisedIn(u, y));
    if (yearsChecked.length > 0 && yearsChecked.every((y) => !returned.has(`${u.authorizedUserId}:${y}`))) silent.push({ ...named, yearsChecked });
    const daysLeft = u.until === null ? null : daysFrom(today, u.until);
    if (u.until !== null && daysLeft !== null && daysLeft >= 0 && daysLeft <= TERM_SIGNAL_DAYS) termsEnding.push({ ...named, until: u.until, daysLeft });
  }
  termsEnding.sort((a, b) => a.daysLeft - b.daysLeft || a.name.localeCompare(b.name, 'zh-CN'));
  return { silent, termsEnding };
}

/** The day each of these converted designations was converted (its latest move to `converted`). */
function conversionDays(db: Db, ids: number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (ids.length === 0) return out;
  for (const m of db.select({ designationId: t.transitions.designationId, on: t.transitions.on }).from(t.transitions)
    .where(and(eq(t.transitions.toStatus, 'converted'), sql`${t.transitions.designationId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`))
    .orderBy(desc(t.transitions.id)).all()) {
    if (!out.has(m.designationId)) out.set(m.designationId, m.on);
  }
  return out;
}
