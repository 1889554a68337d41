/**
 * Server-side sessions: the cookie carries a random 32-byte token, the `sessions` table only its
 * SHA-256, so a copy of the database does not hand out live sessions.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import * as t from '../../../db/schema';
import type { Tx } from '../access/audit';
import type { SignedIn } from '../access/viewer';

/** A session ends after this long without a request. */
export const IDLE_TIMEOUT_MS = 8 * 60 * 60 * 1000;
/** A session ends this long after sign-in, however busy. */
export const ABSOLUTE_TIMEOUT_MS = 24 * 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, so reads do not each cost a write. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

/** The stored form of a session token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session for a user; returns the token for the cookie. */
export function createSession(db: Db, userId: number, now: Date): string {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  db.insert(t.sessions).values({ idHash: tokenHash(token), userId, createdAt: at, lastSeenAt: at }).run();
  return token;
}

/**
 * The signed-in user a token belongs to, or null when the token is unknown, expired (idle or
 * absolute) or its account inactive; an expired session is deleted, a live one touched (unless
 * `write` is false: while a long import holds the database, the bookkeeping waits for next time).
 */
export function resolveSession(db: Db, token: string, now: Date, write = true): SignedIn | null {
  const idHash = tokenHash(token);
  const row = db.select({
    lastSeenAt: t.sessions.lastSeenAt, createdAt: t.sessions.createdAt,
    id: t.users.id, username: t.users.username, role: t.users.role, county: t.users.county, active: t.users.active,
  }).from(t.sessions).innerJoin(t.users, eq(t.users.id, t.sessions.userId)).where(eq(t.sessions.idHash, idHash)).get();
  if (!row) return null;
  const ms = now.getTime();
  const idle = ms - Date.parse(row.lastSeenAt);
  const age = ms - Date.parse(row.createdAt);
  if (!row.active || idle > IDLE_TIMEOUT_MS || age > ABSOLUTE_TIMEOUT_MS || !Number.isFinite(idle) || !Number.isFinite(age)) {
    if (write) db.delete(t.sessions).where(eq(t.sessions.idHash, idHash)).run();
    return null;
  }
  if (write && idle > TOUCH_INTERVAL_MS) {
    db.update(t.sessions).set({ lastSeenAt: now.toISOString() }).where(eq(t.sessions.idHash, idHash)).run();
  }
  return { id: row.id, username: row.username, role: row.role, county: row.county };
}

/** Ends one session (sign-out); unknown tokens are ignored. */
export function endSession(db: Db, token: string): void {
  db.delete(t.sessions).where(eq(t.sessions.idHash, tokenHash(token))).run();
}

/** Ends every session of a user (after a password change, deactivation or role change). */
export function endSessionsOf(db: Tx, userId: number): void {
  db.delete(t.sessions).where(eq(t.sessions.userId, userId)).run();
}

/** Deletes sessions idle for longer than the timeout (housekeeping; expiry is enforced on read anyway). */
export function purgeExpiredSessions(db: Db, now: Date): number {
  const cutoff = new Date(now.getTime() - IDLE_TIMEOUT_MS).toISOString();
  return db.delete(t.sessions).where(lt(t.sessions.lastSeenAt, cutoff)).run().changes;
}
