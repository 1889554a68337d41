/**
 * Public verification for buyers and market inspectors: a company's name (or part of it) or its
 * unified social credit code → which GIs of the public registry it may use, since when, whether it
 * may use them today, and what a genuine label of each shows; with the size of the registry searched
 * and the day its list of users last changed, so a "not found" says what it is worth. Only public,
 * current products count; nothing internal is answered. The matching and the answer's shape are
 * db/model/verify-match.ts, shared with the static copy's index.
 */
import { and, asc, desc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  asCreditCode, comparableName, documentUrl, isImageMime, isValidCreditCode, matchesVerifyQuery, thumbnailUrlOf, todayInShanghai,
  verifyResultOf, type CountyCode, type LabelPhoto, type ShownDecision, type VerifyIndex, type VerifyIndexEntry, type VerifyRegistry,
  type VerifyResult,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { publishedProducts } from '../access/permissions';

export { asCreditCode, comparableName, MAX_VERIFY_MATCHES as MAX_MATCHES } from '../../../db/model';

/** GET /api/verify?q=: the matching enterprises with their GIs, valid ones first, and the registry searched. */
export function verify(db: Db, q: string, today: string): VerifyResult {
  const code = asCreditCode(q);
  const registry = verifyRegistry(db);
  // A code with a wrong check character is nobody's: it is answered as such, never looked up.
  if (code && !isValidCreditCode(code)) return verifyResultOf(q, [], today, registry);
  // SQL narrows the rows with the indexes; the shared rule then decides, as the static copy does.
  const narrowed = entries(db, today, code ? eq(t.authorizedUsers.creditCode, code)
    : sql`${t.authorizedUsers.nameKey} LIKE ${`%${escapeLike(comparableName(q))}%`} ESCAPE '\\'`);
  return verifyResultOf(q, narrowed.filter((e) => matchesVerifyQuery(e, q)), today, registry);
}

/** Every authorised user of a public product, in name order: the static copy's verification index (`api/verify.json`). */
export function verifyIndex(db: Db, today: string): VerifyIndex {
  return { entries: entries(db, today), lastChangedOn: verifyRegistry(db).lastChangedOn };
}

/**
 * How many enterprises (a credit code, or a comparable name without one: as the answer groups them) are
 * users of how many GIs of public products, and the day (Asia/Shanghai) the newest of those users was
 * added or last changed: the largest `updated_at` (a row's `created_at` at first). A product made public,
 * or archived, later does not count as a change of its users.
 */
export function verifyRegistry(db: Db): VerifyRegistry {
  const row = db.select({
    users: sql<number>`count(DISTINCT coalesce(${t.authorizedUsers.creditCode}, 'name:' || ${t.authorizedUsers.nameKey}))`,
    designations: sql<number>`count(DISTINCT ${t.authorizedUsers.designationId})`,
    lastChangedAt: sql<string | null>`max(${t.authorizedUsers.updatedAt})`,
  }).from(t.authorizedUsers)
    .innerJoin(t.designations, eq(t.designations.id, t.authorizedUsers.designationId))
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(publishedProducts()).get()!;
  return {
    users: row.users, designations: row.designations,
    lastChangedOn: row.lastChangedAt === null ? null : todayInShanghai(new Date(row.lastChangedAt)),
  };
}

/** Authorised users of public, current products (those `where` selects), in name order, with their GI as a label shows it. */
function entries(db: Db, today: string, where?: SQL): VerifyIndexEntry[] {
  const rows = db.select({
    name: t.authorizedUsers.name, creditCode: t.authorizedUsers.creditCode, basis: t.authorizedUsers.basis,
    reference: t.authorizedUsers.reference, from: t.authorizedUsers.from, until: t.authorizedUsers.until, status: t.authorizedUsers.status,
    decisionReason: t.authorizedUsers.decisionReason, decisionNumber: t.authorizedUsers.decisionNumber, decisionOn: t.authorizedUsers.decisionOn,
    displayUntil: t.authorizedUsers.displayUntil, decisionWithdrawnOn: t.authorizedUsers.decisionWithdrawnOn,
    designationId: t.designations.id, designationStatus: t.designations.status, giType: t.designations.giType, markKind: t.designations.markKind,
    number: t.designations.number, announcement: t.designations.announcement,
    productId: t.products.id, productZh: t.products.nameZh, productEn: t.products.nameEn,
  }).from(t.authorizedUsers)
    .innerJoin(t.designations, eq(t.designations.id, t.authorizedUsers.designationId))
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(and(publishedProducts(), where))
    .orderBy(asc(t.authorizedUsers.name), asc(t.authorizedUsers.id)).all();
  const productIds = [...new Set(rows.map((r) => r.productId))];
  const designationIds = [...new Set(rows.map((r) => r.designationId))];
  const countiesOf = countiesOfProducts(db, productIds);
  const labelsOf = labelPhotos(db, designationIds);
  const specificationOf = currentSpecifications(db, designationIds);
  return rows.map(({ decisionReason, decisionNumber, decisionOn, displayUntil, decisionWithdrawnOn, ...r }) => ({
    ...r,
    decision: decisionOf({ decisionReason, decisionNumber, decisionOn, displayUntil, decisionWithdrawnOn }, today),
    specification: specificationOf.get(r.designationId) ?? null,
    labels: labelsOf.get(r.designationId) ?? [],
    counties: countiesOf.get(r.productId) ?? [],
  }));
}

/**
 * A user's decision as an entry may carry it: dated, not withdrawn, and its window not over on `today`
 * (whether it is shown at all, by the user's status and the answer's day, is the shared rule's call).
 */
function decisionOf(d: { decisionReason: string | null; decisionNumber: string | null; decisionOn: string | null; displayUntil: string | null;
  decisionWithdrawnOn: string | null }, today: string): ShownDecision | null {
  if (d.decisionOn === null || d.displayUntil === null || d.decisionWithdrawnOn !== null || d.displayUntil < today) return null;
  return { reason: d.decisionReason, number: d.decisionNumber, on: d.decisionOn, displayUntil: d.displayUntil };
}

/** `%`, `_` and `\\` taken literally in a LIKE pattern. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL's list of ids, read by json_each (one bound value whatever their number). */
const idsIn = (column: AnyColumn, ids: readonly number[]) => sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;

function countiesOfProducts(db: Db, ids: number[]): Map<number, CountyCode[]> {
  const out = new Map<number, CountyCode[]>();
  if (ids.length === 0) return out;
  for (const c of db.select().from(t.productCounties).where(idsIn(t.productCounties.productId, ids))
    .orderBy(asc(t.productCounties.countyCode)).all()) {
    out.set(c.productId, [...(out.get(c.productId) ?? []), c.countyCode]);
  }
  return out;
}

/** The public photos of a genuine label (documents of kind `label`) tied to each designation, oldest first. */
function labelPhotos(db: Db, designationIds: number[]): Map<number, LabelPhoto[]> {
  const out = new Map<number, LabelPhoto[]>();
  if (designationIds.length === 0) return out;
  const rows = db.select({ id: t.documents.id, designationId: t.documents.designationId, title: t.documents.title, mime: t.documents.mime })
    .from(t.documents)
    .where(and(eq(t.documents.kind, 'label'), eq(t.documents.visibility, 'public'), idsIn(t.documents.designationId, designationIds)))
    .orderBy(asc(t.documents.id)).all();
  for (const r of rows) {
    const photo = { id: r.id, title: r.title, mime: r.mime, url: documentUrl(r.id), thumbnailUrl: isImageMime(r.mime) ? thumbnailUrlOf(r.id) : null };
    out.set(r.designationId!, [...(out.get(r.designationId!) ?? []), photo]);
  }
  return out;
}

/** Each designation's current specification or standard (its latest issued version), when the registry holds one. */
function currentSpecifications(db: Db, designationIds: number[]): Map<number, { number: string | null; title: string }> {
  const out = new Map<number, { number: string | null; title: string }>();
  if (designationIds.length === 0) return out;
  const rows = db.select({ designationId: t.designationSpecifications.designationId, number: t.designationSpecifications.number,
    title: t.designationSpecifications.title }).from(t.designationSpecifications)
    .where(idsIn(t.designationSpecifications.designationId, designationIds))
    .orderBy(desc(t.designationSpecifications.issuedOn), desc(t.designationSpecifications.id)).all();
  for (const r of rows) if (!out.has(r.designationId)) out.set(r.designationId, { number: r.number, title: r.title });
  return out;
}
