/**
 * The annual report of a calendar year (README "The annual report"). Its counts are the tally's,
 * replayed at the year end (or today while the year is not over), so the report and the tally page
 * never disagree; what was new in the year is read from the same dated facts, each counted from
 * the last possible day of its date, as the tally counts it (a grant known as `2013` is new in 2013).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  hasTerm, lastPossibleDay, type AnnualReport, type CountyCode, type GiType, type Period, type ReportFigures,
  type ReportMove, type ReportRenewal,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { badRequest } from '../../errors';
import { listCounties } from '../places/counties';
import { listPeriods } from './periods';
import { getReportSettings } from './report-settings';
import { computeTally } from './tally';
import type { ReplayIndex } from './tally-replay';
import { countedProducts, loadReplayIndex } from './replay-store';

/**
 * 400 unless a report can be made for `year` on `today`: not before 1949 (the query schema says so
 * too) and not after the current year, whose facts cannot be known yet.
 */
export function assertReportYear(year: number, today: string): void {
  const current = Number(today.slice(0, 4));
  if (year > current) {
    throw badRequest(`年度报告只能查看 ${current} 年及以前的年份 / The annual report is for ${current} or an earlier year`,
      [{ path: ['year'], message: `不能晚于 ${current} 年 / may not be after ${current}` }]);
  }
}

/**
 * The period a year's report measures against: the one containing the year end (the later start
 * wins when periods overlap), else the latest that started by then; null when none had.
 */
export function reportPeriod(db: Db, yearEnd: string): Period | null {
  const started = listPeriods(db).filter((p) => p.startsOn <= yearEnd); // oldest first
  return started.filter((p) => yearEnd <= p.endsOn).at(-1) ?? started.at(-1) ?? null;
}

/** The years a report can be made for: from the year of the public registry's first recorded fact to the current year (oldest first). */
export function reportYears(db: Db, today: string): number[] {
  const first = db.select({ y: sql<string | null>`min(substr(${t.transitions.on}, 1, 4))` }).from(t.transitions)
    .innerJoin(t.designations, eq(t.designations.id, t.transitions.designationId))
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(countedProducts(db)).get()?.y;
  const current = Number(today.slice(0, 4));
  const from = first ? Math.min(Number(first), current) : current;
  return Array.from({ length: current - from + 1 }, (_, i) => from + i);
}

/**
 * The annual report of `year` as of its last day, or of `today` while the year is not over
 * (`assertReportYear` first). `index` is the replay index of the current registry (loaded when not given).
 */
export function annualReport(db: Db, year: number, today: string, index: ReplayIndex = loadReplayIndex(db)): AnnualReport {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  const asOf = today < yearEnd ? today : yearEnd;
  const period = reportPeriod(db, yearEnd);
  // With no period the counts stand without targets: a period of the year itself, with none.
  const tally = computeTally(db, period ?? { id: 0, name: '', nameEn: '', startsOn: yearStart, endsOn: yearEnd, targets: [] }, asOf, index);
  const inYear = (on: string) => on.startsWith(String(year)) && lastPossibleDay(on) <= asOf;

  // A move's counties as they were at the year end, as the county table counts them (a division change later keeps its old county).
  const moves = movesOfYear(db, year, index).filter((m) => inYear(m.on))
    .map((m) => ({ ...m, counties: [...index.countyHistory.codesOn(m.counties, asOf)] }));
  const grants = moves.filter((m) => m.to === 'granted').map(({ to: _, ...m }) => m);
  const filings = moves.filter((m) => m.to === 'filed').map(({ to: _, ...m }) => m);
  const countOf = (list: ReportMove[], giType: GiType) => list.filter((m) => m.giType === giType).length;
  const names = new Map(listCounties(db).map((c) => [c.code, c]));

  return {
    year, firstYear: reportYears(db, today)[0], asOf, complete: asOf === yearEnd,
    issuer: (({ issuerZh, issuerEn }) => ({ zh: issuerZh, en: issuerEn }))(getReportSettings(db)),
    issuedOn: today,
    period: period && { id: period.id, name: period.name, nameEn: period.nameEn, startsOn: period.startsOn, endsOn: period.endsOn },
    totals: tally.types.map(({ pipeline: _, ...x }) => ({ ...x, newInYear: countOf(grants, x.giType), filedInYear: countOf(filings, x.giType) })),
    newInYear: { grants, filings, authorizedUsers: authorizedUsersOfYear(db, yearStart, asOf) },
    byCounty: tally.counties.map((c) => ({
      code: c.code, nameZh: names.get(c.code)?.nameZh ?? c.code, nameEn: names.get(c.code)?.nameEn ?? c.code,
      inForce: Object.fromEntries(c.types.map((x) => [x.giType, x.inForce])) as Record<GiType, number>,
      newGrants: grants.filter((g) => g.counties.includes(c.code)).length,
      authorizedUsers: c.authorizedUsers,
    })),
    productsInForce: tally.productsInForce,
    authorizedUsersInForce: tally.authorizedUsers,
    households: tally.households,
    latestHouseholds: tally.latestHouseholds,
    figures: figuresOfYear(db, year),
    renewalsDueNextYear: renewalsDueIn(db, index, asOf, year + 1),
  };
}

/** Grants and filings of counted products dated in `year` (at whatever precision), by day and then as recorded. */
function movesOfYear(db: Db, year: number, index: ReplayIndex): (ReportMove & { to: 'granted' | 'filed' })[] {
  const rows = db.select({
    id: t.transitions.id, to: t.transitions.toStatus, on: t.transitions.on, designationId: t.designations.id,
    productId: t.products.id, productZh: t.products.nameZh, productEn: t.products.nameEn,
    giType: t.designations.giType, markKind: t.designations.markKind, number: t.designations.number,
  }).from(t.transitions)
    .innerJoin(t.designations, eq(t.designations.id, t.transitions.designationId))
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(and(countedProducts(db), inArray(t.transitions.toStatus, ['granted', 'filed']),
      sql`substr(${t.transitions.on}, 1, 4) = ${String(year)}`))
    .all();
  rows.sort((a, b) => lastPossibleDay(a.on).localeCompare(lastPossibleDay(b.on)) || a.id - b.id);
  return rows.map(({ id: _, to, ...r }) => ({
    ...r, to: to as 'granted' | 'filed', counties: (index.countiesOf.get(r.productId) ?? []) as CountyCode[],
  }));
}

/** Authorised users of counted products whose authorisation starts between `from` and `to`, by date then name. */
function authorizedUsersOfYear(db: Db, from: string, to: string): AnnualReport['newInYear']['authorizedUsers'] {
  const u = t.authorizedUsers;
  return db.select({
    name: u.name, creditCode: u.creditCode, productId: t.products.id, productZh: t.products.nameZh, productEn: t.products.nameEn,
    giType: t.designations.giType, basis: u.basis, from: u.from, until: u.until, reference: u.reference, status: u.status,
  }).from(u)
    .innerJoin(t.designations, eq(t.designations.id, u.designationId))
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(and(countedProducts(db), sql`${u.from} >= ${from}`, sql`${u.from} <= ${to}`))
    .orderBy(asc(u.from), asc(u.name), asc(u.id))
    .all();
}

/** The year's industry figures summed over the counted products that have any. */
function figuresOfYear(db: Db, year: number): ReportFigures {
  const f = t.productFigures;
  const rows = db.select({ households: f.households, areaMu: f.areaMu, outputTonnes: f.outputTonnes, valueWanYuan: f.valueWanYuan })
    .from(f).innerJoin(t.products, eq(t.products.id, f.productId))
    .where(and(countedProducts(db), eq(f.year, year))).all()
    .filter((r) => r.households !== null || r.areaMu !== null || r.outputTonnes !== null || r.valueWanYuan !== null);
  const sum = (key: 'households' | 'areaMu' | 'outputTonnes' | 'valueWanYuan') => {
    const known = rows.map((r) => r[key]).filter((v): v is number => v !== null);
    // Sums of decimals are rounded to what the figures are written with, not to float noise.
    return known.length ? Math.round(known.reduce((a, b) => a + b, 0) * 100) / 100 : null;
  };
  return { year, products: rows.length, households: sum('households'), areaMu: sum('areaMu'), outputTonnes: sum('outputTonnes'), valueWanYuan: sum('valueWanYuan') };
}

/** Grants with a fixed term (trademarks) in force on `asOf` whose term ends in `year`, soonest first. */
function renewalsDueIn(db: Db, index: ReplayIndex, asOf: string, year: number): ReportRenewal[] {
  const statuses = index.statusesOn(asOf);
  const due = index.designations.filter((d, i) => hasTerm(d.giType) && statuses[i] === 'granted'
    && d.validUntil !== null && d.validUntil.startsWith(`${year}-`));
  if (due.length === 0) return [];
  const numbers = new Map(db.select({ id: t.designations.id, number: t.designations.number }).from(t.designations)
    .where(inArray(t.designations.id, due.map((d) => d.id))).all().map((r) => [r.id, r.number]));
  return due
    .sort((a, b) => a.validUntil!.localeCompare(b.validUntil!) || a.id - b.id)
    .map((d) => ({ designationId: d.id, productId: d.productId, nameZh: d.nameZh, nameEn: d.nameEn, number: numbers.get(d.id) ?? null, validUntil: d.validUntil! }));
}
