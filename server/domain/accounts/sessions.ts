/**
 * Server-side sessions: the cookie carries a random 32-byte token, the `sessions` table only its
 * SHA-256, so a copy of the database does not hand out live sessions. A session ends after the policy's
 * idle time without a request and at the end of its lifetime however busy (SESSION_IDLE_MINUTES,
 * SESSION_MAX_HOURS: server/config.ts). When the server finds one ended it records the `timeout` security
 * event and keeps the row, marked, until a request that needs the session has been told so once.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { SESSION_WARN_BEFORE_SECONDS, type SessionState } from '../../../db/model';
import * as t from '../../../db/schema';
import type { Tx } from '../access/audit';
import type { Account } from '../access/viewer';
import { recordSecurityEvent } from '../security/events';

/** How long sessions last and when a password is too old (from the security policy). */
export interface SessionPolicy {
  /** A session ends after this long without a request. */
  idleMs: number;
  /** A session ends this long after sign-in, however busy. */
  maxMs: number;
  /** A password older than this many days must be changed first (0: never). */
  passwordMaxAgeDays: number;
  /** SEPARATE_DUTIES: accounts and the security log are the security admin's and the auditor's alone. */
  separateDuties: boolean;
}

/** The session policy of the configured security policy. */
export function sessionPolicyOf(security: { idleMinutes: number; maxHours: number; passwordMaxAgeDays: number; separateDuties: boolean }): SessionPolicy {
  return {
    idleMs: security.idleMinutes * 60_000, maxMs: security.maxHours * 3_600_000,
    passwordMaxAgeDays: security.passwordMaxAgeDays, separateDuties: security.separateDuties,
  };
}

/**
 * lastSeenAt is refreshed at most this often, so reads do not each cost a write. A session may therefore
 * end up to this much before the idle time after its last request, never later.
 */
export const TOUCH_INTERVAL_MS = 15 * 1000;

const DAY_MS = 86_400_000;

/** The stored form of a session token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A session in force, as a request sees it. */
export interface LiveSession { idHash: string; createdAt: string; lastSeenAt: string; passwordExpired: boolean }

/** Whether a password set at `changedAt` is too old on `now` under the policy. */
export function isPasswordExpired(changedAt: string, now: Date, policy: SessionPolicy): boolean {
  if (policy.passwordMaxAgeDays <= 0) return false;
  const set = Date.parse(changedAt);
  return !Number.isFinite(set) || now.getTime() >= set + policy.passwordMaxAgeDays * DAY_MS;
}

/** The session's timing as the API tells it. */
export function sessionStateOf(session: LiveSession, policy: SessionPolicy): SessionState {
  return {
    idleTimeoutSeconds: Math.round(policy.idleMs / 1000),
    idleExpiresAt: new Date(Date.parse(session.lastSeenAt) + policy.idleMs).toISOString(),
    expiresAt: new Date(Date.parse(session.createdAt) + policy.maxMs).toISOString(),
    passwordExpired: session.passwordExpired,
    warnBeforeSeconds: SESSION_WARN_BEFORE_SECONDS,
    separateDuties: policy.separateDuties,
  };
}

/** Starts a session for a user; returns the token for the cookie and the session. */
export function createSession(db: Db, userId: number, now: Date, passwordExpired = false): { token: string; session: LiveSession } {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  const idHash = tokenHash(token);
  db.insert(t.sessions).values({ idHash, userId, createdAt: at, lastSeenAt: at }).run();
  return { token, session: { idHash, createdAt: at, lastSeenAt: at, passwordExpired } };
}

/** What a token comes to: a live session of an account, or one that has ended by time (told once), or nothing. */
export type Resolved =
  | { kind: 'live'; account: Account; session: LiveSession }
  | { kind: 'timed_out' }
  | null;

/** How a request resolves its session: may it write now (not while an import holds the database), from where. */
export interface ResolveOptions { write: boolean; policy: SessionPolicy; address: string | null }

/**
 * What a token comes to. A session of an inactive account is deleted; one idle or past its lifetime is
 * marked timed out and its `timeout` event recorded (unless `write` is false: then next time, or the purge);
 * a live one is touched at most every TOUCH_INTERVAL_MS.
 */
export function resolveSession(db: Db, token: string, now: Date, { write, policy, address }: ResolveOptions): Resolved {
  const idHash = tokenHash(token);
  const row = db.select({
    lastSeenAt: t.sessions.lastSeenAt, createdAt: t.sessions.createdAt, timedOutAt: t.sessions.timedOutAt,
    id: t.users.id, username: t.users.username, role: t.users.role, county: t.users.county, active: t.users.active,
    userCreatedAt: t.users.createdAt, passwordChangedAt: t.users.passwordChangedAt,
  }).from(t.sessions).innerJoin(t.users, eq(t.users.id, t.sessions.userId)).where(eq(t.sessions.idHash, idHash)).get();
  if (!row) return null;
  if (row.timedOutAt !== null) return { kind: 'timed_out' };
  if (!row.active) {
    if (write) db.delete(t.sessions).where(eq(t.sessions.idHash, idHash)).run();
    return null;
  }
  const ms = now.getTime();
  const idle = ms - Date.parse(row.lastSeenAt);
  const age = ms - Date.parse(row.createdAt);
  if (!Number.isFinite(idle) || !Number.isFinite(age) || idle > policy.idleMs || age > policy.maxMs) {
    if (write) {
      db.transaction((tx) => {
        markTimedOut(tx, idHash, { id: row.id, username: row.username }, age > policy.maxMs ? 'lifetime' : 'idle', now, address);
      });
    }
    return { kind: 'timed_out' };
  }
  let lastSeenAt = row.lastSeenAt;
  if (write && idle > TOUCH_INTERVAL_MS) {
    lastSeenAt = now.toISOString();
    db.update(t.sessions).set({ lastSeenAt }).where(eq(t.sessions.idHash, idHash)).run();
  }
  return {
    kind: 'live',
    account: { id: row.id, username: row.username, role: row.role, county: row.county },
    session: { idHash, createdAt: row.createdAt, lastSeenAt, passwordExpired: isPasswordExpired(row.passwordChangedAt ?? row.userCreatedAt, now, policy) },
  };
}

/** Marks a session timed out and records its `timeout` event (why: idle, or its lifetime reached). */
function markTimedOut(tx: Tx, idHash: string, user: { id: number; username: string }, why: 'idle' | 'lifetime', now: Date, address: string | null): void {
  tx.update(t.sessions).set({ timedOutAt: now.toISOString() }).where(eq(t.sessions.idHash, idHash)).run();
  recordSecurityEvent(tx, { kind: 'timeout', actor: user, address, detail: { reason: why }, at: now });
}

/**
 * Forgets a session that ended by time once its end has been told: its `timeout` event is recorded first
 * when that has not been done yet (the request that found it could not write then).
 */
export function endTimedOutSession(db: Db, token: string, now: Date, policy: SessionPolicy, address: string | null): void {
  const idHash = tokenHash(token);
  db.transaction((tx) => {
    const row = tx.select({ createdAt: t.sessions.createdAt, timedOutAt: t.sessions.timedOutAt, id: t.users.id, username: t.users.username })
      .from(t.sessions).innerJoin(t.users, eq(t.users.id, t.sessions.userId)).where(eq(t.sessions.idHash, idHash)).get();
    if (!row) return;
    if (row.timedOutAt === null) {
      const lifetime = now.getTime() - Date.parse(row.createdAt) > policy.maxMs;
      recordSecurityEvent(tx, { kind: 'timeout', actor: row, address, detail: { reason: lifetime ? 'lifetime' : 'idle' }, at: now });
    }
    tx.delete(t.sessions).where(eq(t.sessions.idHash, idHash)).run();
  });
}

/** Touches a session now, however recently it was touched (keep-alive): its new lastSeenAt. */
export function touchSession(db: Db, idHash: string, now: Date): string {
  const lastSeenAt = now.toISOString();
  db.update(t.sessions).set({ lastSeenAt }).where(eq(t.sessions.idHash, idHash)).run();
  return lastSeenAt;
}

/** Ends one session (sign-out, or a timed-out one once told); unknown tokens are ignored. */
export function endSession(db: Db, token: string): void {
  db.delete(t.sessions).where(eq(t.sessions.idHash, tokenHash(token))).run();
}

/** Ends every session of a user (after a password change, deactivation or role change), but `except` (a hash). */
export function endSessionsOf(db: Tx, userId: number, except?: string): void {
  db.delete(t.sessions).where(and(eq(t.sessions.userId, userId), except === undefined ? undefined : ne(t.sessions.idHash, except))).run();
}

/**
 * Housekeeping (expiry is enforced on every request anyway): sessions that ended by time unnoticed are
 * marked and their `timeout` events recorded (the user closed the browser); marked ones are deleted once
 * the browser's cookie has expired too (the session's lifetime); sessions of inactive accounts go.
 * Returns how many timed out now.
 */
export function purgeExpiredSessions(db: Db, now: Date, policy: SessionPolicy): number {
  const idleCutoff = new Date(now.getTime() - policy.idleMs).toISOString();
  const lifeCutoff = new Date(now.getTime() - policy.maxMs).toISOString();
  return db.transaction((tx) => {
    const ended = tx.select({ idHash: t.sessions.idHash, createdAt: t.sessions.createdAt, id: t.users.id, username: t.users.username })
      .from(t.sessions).innerJoin(t.users, eq(t.users.id, t.sessions.userId))
      .where(and(isNull(t.sessions.timedOutAt), eq(t.users.active, true), or(lt(t.sessions.lastSeenAt, idleCutoff), lt(t.sessions.createdAt, lifeCutoff))))
      .all();
    for (const s of ended) markTimedOut(tx, s.idHash, s, s.createdAt < lifeCutoff ? 'lifetime' : 'idle', now, null);
    tx.delete(t.sessions).where(or(
      lt(t.sessions.createdAt, lifeCutoff),
      inArray(t.sessions.userId, tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.active, false))),
    )).run();
    return ended.length;
  });
}
