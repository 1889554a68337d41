/**
 * Return links (填报链接): the county issues one to an authorised user for one year's return; the company
 * opens it without an account, sees only its own name, GI and year, and submits the return once. The
 * link's random token is the only key — the company never names a user or a year — and only its hash is
 * kept. A link is single use (410 once used), expires (410), and a newer link for the same user and year
 * ends the older ones. A company's return is `submitted` until the county accepts or returns it; a
 * returned one can get a new link.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  todayInShanghai, type ReturnLinkCreate, type ReturnLinkForm, type ReturnReceipt, type UsageReturnInput,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { conflict, HttpError, notFound } from '../../errors';
import { tokenHash } from '../accounts/sessions';
import { recordAudit } from '../access/audit';
import type { SignedIn } from '../access/viewer';
import { NOW_SQL } from '../products/product-stamp';
import { assertReturnYear, returnOf, returnSnapshot, userForReturns } from './usage-returns';

const DAY_MS = 86_400_000;

/** 410: the link was used, has expired, or leads nowhere any more. */
const gone = (code: string, message: string) => new HttpError(410, code, message);

/** 409 when a user's return for the year needs no link: accepted already, or submitted and awaiting review. */
function assertNeedsReturn(status: string | undefined): void {
  if (status === 'accepted') {
    throw conflict('该年度报告已接受，无需再填报；如需更正请直接录入 / This year\'s return is accepted already; enter any correction directly', 'return_accepted');
  }
  if (status === 'submitted') {
    throw conflict('该年度报告已提交，正等待审核 / This year\'s return has been submitted and awaits review', 'return_submitted');
  }
}

/** A link just issued: the token for the address (never stored), its year and its end. */
export interface IssuedLink { token: string; year: number; expiresAt: string }

/** POST /api/authorized-users/:id/return-links: a new link for a user and year (county-scoped); older open ones for the same year end now. */
export function issueReturnLink(db: Db, viewer: SignedIn, userId: number, input: ReturnLinkCreate, now: Date): IssuedLink {
  return db.transaction((tx) => {
    const { user, designationId } = userForReturns(db, viewer, userId);
    assertReturnYear(user, input.year, todayInShanghai(now));
    assertNeedsReturn(returnOf(tx, userId, input.year)?.status);
    const at = now.toISOString();
    tx.update(t.returnLinks).set({ expiresAt: at })
      .where(and(eq(t.returnLinks.authorizedUserId, userId), eq(t.returnLinks.year, input.year), isNull(t.returnLinks.usedAt), gt(t.returnLinks.expiresAt, at)))
      .run();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + input.days * DAY_MS).toISOString();
    tx.insert(t.returnLinks).values({ tokenHash: tokenHash(token), authorizedUserId: userId, year: input.year, expiresAt, createdBy: viewer.id, createdAt: at }).run();
    recordAudit(tx, viewer, {
      action: 'return_link_issue', entity: 'designation', entityId: designationId, before: null, after: { name: user.name, year: input.year, expiresAt },
    });
    return { token, year: input.year, expiresAt };
  });
}

/** The link a token opens, with its user, designation and product; 404 for no such link, 410 when used, expired or archived. */
function openLink(db: Db, token: string, now: Date) {
  const link = /^[A-Za-z0-9_-]{43}$/.test(token)
    ? db.select().from(t.returnLinks).where(eq(t.returnLinks.tokenHash, tokenHash(token))).get()
    : undefined;
  if (!link) throw notFound('return link');
  if (link.usedAt !== null) throw gone('link_used', '此链接已使用过，报告已提交 / This link has been used: the return was submitted');
  if (link.expiresAt <= now.toISOString()) throw gone('link_expired', '此链接已过期，请联系县里重新发放 / This link has expired: ask the county for a new one');
  const row = db.select({ user: t.authorizedUsers, d: t.designations, p: t.products }).from(t.authorizedUsers)
    .innerJoin(t.designations, eq(t.designations.id, t.authorizedUsers.designationId))
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(eq(t.authorizedUsers.id, link.authorizedUserId)).get()!;
  if (row.p.archivedAt !== null) throw gone('link_void', '此链接已失效，请联系县里 / This link is no longer valid: ask the county');
  return { link, ...row };
}

/** GET /api/return-links/:token: what the company's page shows — its name, the GI and the year — and a returned return to correct. */
export function returnLinkForm(db: Db, token: string, now: Date): ReturnLinkForm {
  const { link, user, d, p } = openLink(db, token, now);
  const existing = returnOf(db, user.id, link.year);
  return {
    userName: user.name, productZh: p.nameZh, productEn: p.nameEn, giType: d.giType, markKind: d.markKind, year: link.year, expiresAt: link.expiresAt,
    returned: existing?.status === 'returned' ? {
      note: existing.reviewNote,
      values: { markedTonnes: existing.markedTonnes, outputTonnes: existing.outputTonnes, marksPrinted: existing.marksPrinted, channels: existing.channels, note: existing.note },
    } : null,
  };
}

/** POST /api/return-links/:token: the company's return, kept as submitted; the link is used up in the same transaction. */
export function submitByLink(db: Db, token: string, input: UsageReturnInput, now: Date): ReturnReceipt {
  return db.transaction((tx) => {
    const { link, user } = openLink(db, token, now);
    const existing = returnOf(tx, user.id, link.year);
    assertNeedsReturn(existing?.status);
    const at = now.toISOString();
    const used = tx.update(t.returnLinks).set({ usedAt: at }).where(and(eq(t.returnLinks.id, link.id), isNull(t.returnLinks.usedAt))).run();
    if (used.changes !== 1) throw gone('link_used', '此链接已使用过，报告已提交 / This link has been used: the return was submitted');
    const values = { ...input, status: 'submitted' as const, via: 'link' as const, reviewNote: '', reviewedBy: null, reviewedAt: null };
    const row = existing
      ? tx.update(t.usageReturns).set({ ...values, updatedAt: NOW_SQL }).where(eq(t.usageReturns.id, existing.id)).returning().get()
      : tx.insert(t.usageReturns).values({ authorizedUserId: user.id, year: link.year, ...values }).returning().get();
    recordAudit(tx, null, {
      action: 'usage_return_submit', entity: 'designation', entityId: user.designationId,
      before: existing ? returnSnapshot(user.name, existing) : null, after: returnSnapshot(user.name, row),
    });
    return { year: link.year, status: 'submitted', receivedOn: todayInShanghai(now) };
  });
}
