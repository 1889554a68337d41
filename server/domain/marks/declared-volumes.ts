/**
 * What the usage returns declare, as the signals, the public aggregates and the readiness read it:
 * the accepted returns' marked tonnes summed per designation and year (a submitted or returned
 * return is not yet a declaration), and the product's figures of a year that bound them.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { SourceValue } from '../../../db/model';
import * as t from '../../../db/schema';

/** One designation's year: the accepted returns' total and how many users declared a marked volume. */
export interface DeclaredYear { designationId: number; year: number; tonnes: number; reporters: number }

/** A product's figures of one year, as far as the marks need them. */
export interface FiguresYear {
  productId: number;
  year: number;
  households: number | null;
  areaMu: number | null;
  yieldKgPerMu: number | null;
  outputTonnes: number | null;
  sources: SourceValue[];
}

/** `id IN (…)` for any number of ids, as one bound parameter (SQLite caps bound variables). */
const inIds = (column: typeof t.authorizedUsers.designationId | typeof t.productFigures.productId, ids: readonly number[]) =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/**
 * The accepted returns of the designations, summed per designation and year (optionally one year),
 * newest year first. A return with no marked volume declares nothing and is not counted as a reporter.
 */
export function declaredVolumes(db: Db, designationIds: readonly number[], year?: number): DeclaredYear[] {
  if (designationIds.length === 0) return [];
  return db.select({
    designationId: t.authorizedUsers.designationId,
    year: t.usageReturns.year,
    tonnes: sql<number>`sum(${t.usageReturns.markedTonnes})`.mapWith(Number),
    reporters: sql<number>`count(*)`.mapWith(Number),
  }).from(t.usageReturns)
    .innerJoin(t.authorizedUsers, eq(t.authorizedUsers.id, t.usageReturns.authorizedUserId))
    .where(and(
      eq(t.usageReturns.status, 'accepted'),
      isNotNull(t.usageReturns.markedTonnes),
      inIds(t.authorizedUsers.designationId, designationIds),
      year === undefined ? undefined : eq(t.usageReturns.year, year),
    ))
    .groupBy(t.authorizedUsers.designationId, t.usageReturns.year)
    .orderBy(sql`${t.usageReturns.year} DESC`, t.authorizedUsers.designationId).all();
}

/** The figures of the products, keyed by `figuresKey(productId, year)`. */
export function figuresOf(db: Db, productIds: readonly number[]): Map<string, FiguresYear> {
  const out = new Map<string, FiguresYear>();
  if (productIds.length === 0) return out;
  const rows = db.select({
    productId: t.productFigures.productId, year: t.productFigures.year, households: t.productFigures.households,
    areaMu: t.productFigures.areaMu, yieldKgPerMu: t.productFigures.yieldKgPerMu, outputTonnes: t.productFigures.outputTonnes,
    sources: t.productFigures.sources,
  }).from(t.productFigures).where(inIds(t.productFigures.productId, productIds)).all();
  for (const r of rows) out.set(figuresKey(r.productId, r.year), r);
  return out;
}

/** The key of a product's year in `figuresOf`. */
export const figuresKey = (productId: number, year: number) => `${productId}:${year}`;
