/**
 * Demonstration-zone readiness (示范区条件) of the GIs in force an official looks after: the share of
 * producers that are authorised users in force today, the share of the last complete year's output
 * declared under the mark (accepted returns), and the whole years since registration, each against
 * the admins' thresholds with pass, fail or unknown; and the GIs closest to eligible.
 *
 * Producers are the households of the product's latest figures up to that year (the figures are dated
 * and sourced); without them, the cooperative-farmer model's enterprises and cooperatives plus its
 * farmer households. Associations are not producers. The basis is told with every answer.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  addYears, authorizationReason, firstPossibleDay, lastPossibleDay, toKilogram,
  type CountyScopeQuery, type CriterionResult, type ReadinessSettings, type ZoneReadiness, type ZoneReadinessItem,
} from '../../../db/model';
import * as t from '../../../db/schema';
import type { SignedIn } from '../access/viewer';
import { declaredVolumes, figuresOf, type FiguresYear } from './declared-volumes';
import { countyInView, gisInView, type GiInView } from './gis-in-view';
import { getReadinessSettings, versionedReadinessSettings } from './readiness-settings';

/** How many GIs the "closest to eligible" list names. */
const CLOSEST = 10;
/** Shares are compared to the threshold with this much slack, so 3 of 5 meets 60 % despite binary fractions. */
const EPSILON = 1e-9;

/** A measured value against its threshold. */
interface Measured { result: CriterionResult; value: number | null; threshold: number; gap: number }

/** A share or a count of years against a threshold: met, or short by a part of the threshold (unknown: gap 1). */
function measure(value: number | null, threshold: number, result?: CriterionResult): Measured {
  if (value === null || result === 'unknown') return { result: 'unknown', value, threshold, gap: 1 };
  if (value + EPSILON >= threshold) return { result: 'pass', value, threshold, gap: 0 };
  return { result: 'fail', value, threshold, gap: threshold > 0 ? (threshold - value) / threshold : 0 };
}

/** Whole years from one day to another (the anniversary counts: 2023-03-01 → 2026-03-01 is 3). */
export function wholeYears(from: string, to: string): number {
  let years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  if (years > 0 && addYears(from, years) > to) years -= 1;
  return Math.max(0, years);
}

/**
 * Years since a grant known as well as it is (`2013`, `2013-07`, `2013-07-03`): counted from its last
 * possible day, so never overstated; unknown when its first possible day would meet the threshold and
 * its last would not, or when there is no grant date.
 */
function yearsSince(grantedOn: string | null, minYears: number, today: string): Measured {
  if (grantedOn === null) return measure(null, minYears);
  const surely = wholeYears(lastPossibleDay(grantedOn), today);
  const atMost = wholeYears(firstPossibleDay(grantedOn), today);
  return measure(surely, minYears, surely < minYears && atMost >= minYears ? 'unknown' : undefined);
}

/** Producers of a product: the latest figures' households up to `year`, else the cooperative-farmer model. */
function producersOf(figures: FiguresYear[], participants: { role: string; households: number | null }[], year: number) {
  const latest = figures.filter((f) => f.year <= year && f.households !== null && f.households > 0).sort((a, b) => b.year - a.year)[0];
  if (latest) return { producers: latest.households, basis: 'figures_households' as const, basisYear: latest.year };
  const counted = participants.reduce((n, p) => n + (p.role === 'farmers' ? p.households ?? 0 : p.role === 'enterprise' || p.role === 'cooperative' ? 1 : 0), 0);
  if (counted > 0) return { producers: counted, basis: 'participants' as const, basisYear: null };
  return { producers: null, basis: 'unknown' as const, basisYear: null };
}

/** GET /api/readiness: the viewer's GIs in force against the thresholds, on `today`. */
export function zoneReadiness(db: Db, viewer: SignedIn, query: CountyScopeQuery, today: string): ZoneReadiness {
  const county = countyInView(viewer, query.county);
  const settings = getReadinessSettings(db);
  const year = Number(today.slice(0, 4)) - 1;
  const gis = gisInView(db, county).filter((g) => g.status === 'granted');
  const items = assess(db, gis, settings, year, today);
  const closest = items.filter((i) => !i.eligible)
    .sort((a, b) => b.met - a.met || a.gap - b.gap || a.productZh.localeCompare(b.productZh, 'zh-CN') || a.designationId - b.designationId)
    .slice(0, CLOSEST).map((i) => i.designationId);
  // Admins may change the thresholds: their answer carries the version a change is based on.
  return { asOf: today, year, county, settings: viewer.role === 'admin' ? versionedReadinessSettings(settings) : settings, items, closest };
}

/** Each GI's three criteria. */
function assess(db: Db, gis: GiInView[], settings: ReadinessSettings, year: number, today: string): ZoneReadinessItem[] {
  if (gis.length === 0) return [];
  const ids = gis.map((g) => g.designationId);
  const productIds = [...new Set(gis.map((g) => g.productId))];
  const figures = [...figuresOf(db, productIds).values()];
  const participants = db.select({ productId: t.participants.productId, role: t.participants.role, households: t.participants.households })
    .from(t.participants).where(inArray(t.participants.productId, productIds)).all();
  const declared = new Map(declaredVolumes(db, ids, year).map((d) => [d.designationId, d]));
  const users = db.select({ designationId: t.authorizedUsers.designationId, status: t.authorizedUsers.status, from: t.authorizedUsers.from, until: t.authorizedUsers.until })
    .from(t.authorizedUsers).where(inArray(t.authorizedUsers.designationId, ids)).all();
  const grants = new Map<number, string>();
  for (const g of db.select({ designationId: t.transitions.designationId, on: t.transitions.on }).from(t.transitions)
    .where(and(eq(t.transitions.toStatus, 'granted'), sql`${t.transitions.designationId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`))
    .orderBy(desc(t.transitions.id)).all()) {
    if (!grants.has(g.designationId)) grants.set(g.designationId, g.on); // the latest grant, as the product answer tells it
  }
  return gis.map(({ status, ...ref }) => {
    const inForce = users.filter((u) => u.designationId === ref.designationId && authorizationReason(u, status, today) === 'valid').length;
    const producers = producersOf(figures.filter((f) => f.productId === ref.productId), participants.filter((p) => p.productId === ref.productId), year);
    const output = figures.find((f) => f.productId === ref.productId && f.year === year)?.outputTonnes ?? null;
    const d = declared.get(ref.designationId);
    const markedTonnes = toKilogram(d?.tonnes ?? 0);
    const grantedOn = grants.get(ref.designationId) ?? null;
    const criteria = {
      producers: { ...measure(producers.producers ? inForce / producers.producers : null, settings.producerShare), users: inForce, ...producers },
      output: { ...measure(output ? markedTonnes / output : null, settings.outputShare), markedTonnes, reporters: d?.reporters ?? 0, outputTonnes: output },
      years: { ...yearsSince(grantedOn, settings.minYears, today), grantedOn },
    };
    const all = [criteria.producers, criteria.output, criteria.years];
    const met = all.filter((c) => c.result === 'pass').length;
    return { ...ref, ...criteria, met, eligible: met === all.length, gap: all.reduce((n, c) => n + c.gap, 0) };
  });
}
