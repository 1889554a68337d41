/**
 * Public verification for buyers and market inspectors: a company's name (or part of it) or its
 * unified social credit code → which GIs of the public registry it may use, since when, and whether
 * it may use them today. Only public, current products count; nothing internal is answered. The
 * matching and the answer's shape are db/model/verify-match.ts, shared with the static copy's index.
 */
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  asCreditCode, comparableName, matchesVerifyQuery, verifyResultOf, type CountyCode, type VerifyIndex, type VerifyIndexEntry, type VerifyResult,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { publishedProducts } from '../access/permissions';

export { asCreditCode, comparableName, MAX_VERIFY_MATCHES as MAX_MATCHES } from '../../../db/model';

/** GET /api/verify?q=: the matching enterprises with their GIs, valid ones first. */
export function verify(db: Db, q: string, today: string): VerifyResult {
  const code = asCreditCode(q);
  // SQL narrows the rows with the indexes; the shared rule then decides, as the static copy does.
  const narrowed = entries(db, code ? eq(t.authorizedUsers.creditCode, code)
    : sql`${t.authorizedUsers.nameKey} LIKE ${`%${escapeLike(comparableName(q))}%`} ESCAPE '\\'`);
  return verifyResultOf(q, narrowed.filter((e) => matchesVerifyQuery(e, q)), today);
}

/** Every authorised user of a public product, in name order: the static copy's verification index (`api/verify.json`). */
export function verifyIndex(db: Db): VerifyIndex {
  return { entries: entries(db) };
}

/** Authorised users of public, current products (those `where` selects), in name order, with their GI. */
function entries(db: Db, where?: SQL): VerifyIndexEntry[] {
  const rows = db.select({
    name: t.authorizedUsers.name, creditCode: t.authorizedUsers.creditCode, basis: t.authorizedUsers.basis,
    reference: t.authorizedUsers.reference, from: t.authorizedUsers.from, until: t.authorizedUsers.until, status: t.authorizedUsers.status,
    designationId: t.designations.id, designationStatus: t.designations.status, giType: t.designations.giType, markKind: t.designations.markKind,
    number: t.designations.number, productId: t.products.id, productZh: t.products.nameZh, productEn: t.products.nameEn,
  }).from(t.authorizedUsers)
    .innerJoin(t.designations, eq(t.designations.id, t.authorizedUsers.designationId))
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(and(publishedProducts(), where))
    .orderBy(asc(t.authorizedUsers.name), asc(t.authorizedUsers.id)).all();
  const countiesOf = countiesOfProducts(db, [...new Set(rows.map((r) => r.productId))]);
  return rows.map((r) => ({ ...r, counties: countiesOf.get(r.productId) ?? [] }));
}

/** `%`, `_` and `\\` taken literally in a LIKE pattern. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function countiesOfProducts(db: Db, ids: number[]): Map<number, CountyCode[]> {
  const out = new Map<number, CountyCode[]>();
  if (ids.length === 0) return out;
  for (const c of db.select().from(t.productCounties)
    .where(sql`${t.productCounties.productId} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .orderBy(asc(t.productCounties.countyCode)).all()) {
    out.set(c.productId, [...(out.get(c.productId) ?? []), c.countyCode]);
  }
  return out;
}
