/**
 * Yearly usage returns of authorised users (年度用标情况报告): entered by the officials of the user's
 * GI's county (or admins) — directly or through an import — and then accepted at once; read by them;
 * and reviewed by them when a company sent one through its link (return-links.ts). One per user and
 * year; every write audited on the designation, with the user's name, so the history tells it.
 */
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  returnYearProblem, type UsageReturn, type UsageReturnInput, type UsageReturnList, type UsageReturnReview, type UsageReturnVia,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { badRequest, conflict, notFound } from '../../errors';
import { recordAudit, type Tx } from '../access/audit';
import { productForWrite } from '../access/permissions';
import type { SignedIn } from '../access/viewer';
import { NOW_SQL } from '../products/product-stamp';
import type { VersionCheck } from '../../versions';
import { usageReturnVersion, versionedUsageReturn } from '../access/resource-versions';

type ReturnRow = typeof t.usageReturns.$inferSelect;
type UserRow = typeof t.authorizedUsers.$inferSelect;

/** A stored return as the API shows it; `reviewer` is the username of `reviewedBy`. */
export function presentUsageReturn(r: ReturnRow, reviewer: string | null): UsageReturn {
  return {
    id: r.id, authorizedUserId: r.authorizedUserId, year: r.year, markedTonnes: r.markedTonnes, outputTonnes: r.outputTonnes,
    marksPrinted: r.marksPrinted, channels: r.channels, note: r.note, status: r.status, via: r.via, reviewNote: r.reviewNote,
    reviewedBy: reviewer, reviewedAt: r.reviewedAt, createdAt: r.createdAt, updatedAt: r.updatedAt,
  };
}

/** A return as the history keeps it: the user's name and year with what it declares and where it stands. */
export function returnSnapshot(name: string, r: Pick<ReturnRow, 'year' | 'markedTonnes' | 'outputTonnes' | 'marksPrinted' | 'channels' | 'note' | 'status' | 'via' | 'reviewNote'>) {
  return {
    name, year: r.year, markedTonnes: r.markedTonnes, outputTonnes: r.outputTonnes, marksPrinted: r.marksPrinted,
    channels: r.channels, note: r.note, returnStatus: r.status, via: r.via, reviewNote: r.reviewNote,
  };
}

/** The authorised user a return is about, with its designation, checked for the viewer (404, 403 another county; 409 archived unless `allowArchived`). */
export function userForReturns(db: Db, viewer: SignedIn, userId: number, allowArchived = false): { user: UserRow; designationId: number; productId: number } {
  const user = db.select().from(t.authorizedUsers).where(eq(t.authorizedUsers.id, userId)).get();
  if (!user) throw notFound('authorized user');
  const d = db.select({ productId: t.designations.productId }).from(t.designations).where(eq(t.designations.id, user.designationId)).get()!;
  productForWrite(db, viewer, d.productId, allowArchived);
  return { user, designationId: user.designationId, productId: d.productId };
}

/** 400 (beside `year`) unless the user may report on `year`: from its authorisation's first year to this year. */
export function assertReturnYear(user: Pick<UserRow, 'from' | 'until'>, year: number, today: string): void {
  const problem = returnYearProblem(year, user, today);
  if (problem) throw badRequest('Invalid year', [{ path: ['year'], message: problem }]);
}

/** The return a user has for a year, if any. */
export function returnOf(db: Tx, userId: number, year: number): ReturnRow | undefined {
  return db.select().from(t.usageReturns).where(and(eq(t.usageReturns.authorizedUserId, userId), eq(t.usageReturns.year, year))).get();
}

/** Whether a stored return already says exactly what an input says. */
function sameValues(r: ReturnRow, input: UsageReturnInput): boolean {
  return r.markedTonnes === input.markedTonnes && r.outputTonnes === input.outputTonnes && r.marksPrinted === input.marksPrinted
    && JSON.stringify(r.channels) === JSON.stringify(input.channels) && r.note === input.note;
}

/** What entering a return did: the return as kept, the one it replaced, whether it was new, and whether anything changed. */
export interface EnteredReturn { usageReturn: UsageReturn; before: UsageReturn | null; created: boolean; changed: boolean }

/**
 * Creates or replaces a user's return for a year as the county enters it (PUT, or an imported row):
 * accepted at once, by the viewer. An accepted return that already says the same is left as it is.
 * `check` (the route's If-Match) sees the year's return's version first (`absent` when there is none).
 */
export function enterUsageReturn(
  db: Db, viewer: SignedIn, userId: number, year: number, input: UsageReturnInput, via: Extract<UsageReturnVia, 'county' | 'import'>, today: string,
  check?: VersionCheck,
): EnteredReturn {
  return db.transaction((tx) => {
    const { user, designationId } = userForReturns(db, viewer, userId);
    assertReturnYear(user, year, today);
    const existing = returnOf(tx, userId, year);
    const before = existing ? versionedUsageReturn(presentUsageReturn(existing, reviewerName(tx, existing.reviewedBy))) : null;
    check?.(usageReturnVersion(before), before);
    if (existing && existing.status === 'accepted' && sameValues(existing, input)) {
      return { usageReturn: before!, before, created: false, changed: false };
    }
    // Stamps are the database's, like updatedAt; the rules of dates (the year) follow the app's clock.
    const values = { ...input, status: 'accepted' as const, via, reviewNote: '', reviewedBy: viewer.id, reviewedAt: NOW_SQL };
    const row = existing
      ? tx.update(t.usageReturns).set({ ...values, updatedAt: NOW_SQL }).where(eq(t.usageReturns.id, existing.id)).returning().get()
      : tx.insert(t.usageReturns).values({ authorizedUserId: userId, year, ...values }).returning().get();
    // The county has the year's return now: a link still out for it ends (its own creation is a moment past by any clock).
    tx.update(t.returnLinks).set({ expiresAt: sql`${t.returnLinks.createdAt}` })
      .where(and(eq(t.returnLinks.authorizedUserId, userId), eq(t.returnLinks.year, year), isNull(t.returnLinks.usedAt))).run();
    recordAudit(tx, viewer, {
      action: 'usage_return_enter', entity: 'designation', entityId: designationId,
      before: existing ? returnSnapshot(user.name, existing) : null, after: returnSnapshot(user.name, row),
    });
    return { usageReturn: versionedUsageReturn(presentUsageReturn(row, viewer.username)), before, created: !existing, changed: true };
  });
}

/** The username of an account id (null for none). */
function reviewerName(db: Tx, id: number | null): string | null {
  if (id === null) return null;
  return db.select({ username: t.users.username }).from(t.users).where(eq(t.users.id, id)).get()?.username ?? null;
}

/** The returns (newest year first) and open links of some users, with their reviewers' usernames. */
function returnsOfUsers(db: Db, userIds: number[], now: Date): UsageReturnList {
  if (userIds.length === 0) return { items: [], links: [] };
  const rows = db.select({ r: t.usageReturns, reviewer: t.users.username }).from(t.usageReturns)
    .leftJoin(t.users, eq(t.users.id, t.usageReturns.reviewedBy))
    .where(inArray(t.usageReturns.authorizedUserId, userIds))
    .orderBy(t.usageReturns.authorizedUserId, desc(t.usageReturns.year)).all();
  const links = db.select().from(t.returnLinks)
    .where(and(inArray(t.returnLinks.authorizedUserId, userIds), sql`${t.returnLinks.usedAt} is null`, sql`${t.returnLinks.expiresAt} > ${now.toISOString()}`))
    .orderBy(t.returnLinks.authorizedUserId, desc(t.returnLinks.year), desc(t.returnLinks.id)).all();
  return {
    // Read by those who may change them (their county's officials, admins): each with its version.
    items: rows.map(({ r, reviewer }) => versionedUsageReturn(presentUsageReturn(r, reviewer))),
    links: links.map((l) => ({ id: l.id, authorizedUserId: l.authorizedUserId, year: l.year, expiresAt: l.expiresAt, createdAt: l.createdAt })),
  };
}

/** GET /api/authorized-users/:id/usage-returns: one user's returns and open links (its county's officials and admins). */
export function listUserReturns(db: Db, viewer: SignedIn, userId: number, now: Date): UsageReturnList {
  userForReturns(db, viewer, userId, true);
  return returnsOfUsers(db, [userId], now);
}

/** GET /api/designations/:id/usage-returns: the returns and open links of every user of a designation. */
export function listDesignationReturns(db: Db, viewer: SignedIn, designationId: number, now: Date): UsageReturnList {
  const d = db.select({ productId: t.designations.productId }).from(t.designations).where(eq(t.designations.id, designationId)).get();
  if (!d) throw notFound('designation');
  productForWrite(db, viewer, d.productId, true);
  const users = db.select({ id: t.authorizedUsers.id }).from(t.authorizedUsers).where(eq(t.authorizedUsers.designationId, designationId)).all();
  return returnsOfUsers(db, users.map((u) => u.id), now);
}

/**
 * POST /api/usage-returns/:id/review: accepts a submitted return, or returns it with the reason (409 unless
 * submitted); `check` (the route's If-Match) sees the return's version first.
 */
export function reviewUsageReturn(db: Db, viewer: SignedIn, returnId: number, review: UsageReturnReview, check?: VersionCheck): UsageReturn {
  return db.transaction((tx) => {
    const existing = tx.select().from(t.usageReturns).where(eq(t.usageReturns.id, returnId)).get();
    if (!existing) throw notFound('usage return');
    const { user, designationId } = userForReturns(db, viewer, existing.authorizedUserId);
    if (check) {
      const current = versionedUsageReturn(presentUsageReturn(existing, reviewerName(tx, existing.reviewedBy)));
      check(current.version!, current);
    }
    if (existing.status !== 'submitted') {
      throw conflict('只能审核企业已提交、尚未审核的报告 / Only a return the company submitted and nobody has reviewed can be accepted or returned', 'not_submitted');
    }
    const row = tx.update(t.usageReturns).set({
      status: review.decision === 'accept' ? 'accepted' : 'returned', reviewNote: review.note.trim(),
      reviewedBy: viewer.id, reviewedAt: NOW_SQL, updatedAt: NOW_SQL,
    }).where(eq(t.usageReturns.id, returnId)).returning().get();
    recordAudit(tx, viewer, {
      action: 'usage_return_review', entity: 'designation', entityId: designationId,
      before: returnSnapshot(user.name, existing), after: returnSnapshot(user.name, row),
    });
    return versionedUsageReturn(presentUsageReturn(row, viewer.username));
  });
}
