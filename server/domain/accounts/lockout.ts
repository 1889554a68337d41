/**
 * Locking sign-ins after wrong passwords (GB/T 22239-2019 登录失败处理): LOCKOUT_ATTEMPTS consecutive
 * wrong passwords for a username from one client address lock that pair for LOCKOUT_MINUTES, unless an
 * account manager unlocks it first. Kept in SQLite (`sign_in_failures`), so a lock outlives a restart.
 *
 * The pair, not the account: the owner signing in from another address is not locked, so nobody can lock
 * an account for everyone by guessing at it. An unknown username is counted and locked exactly like a
 * known one, so a lock says nothing about whether an account exists.
 */
import { and, eq, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import * as t from '../../../db/schema';
import type { Tx } from '../access/audit';

/** The lockout settings (LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES). */
export interface LockoutPolicy { attempts: number; minutes: number }

/** Failures are consecutive while each comes within a day of the one before. */
const FORGET_MS = 86_400_000;

/** The end of the lock in force on (username, address), or null. */
export function lockOf(db: Db, username: string, address: string, now: Date): Date | null {
  const row = db.select({ lockedUntil: t.signInFailures.lockedUntil }).from(t.signInFailures)
    .where(and(eq(t.signInFailures.username, username), eq(t.signInFailures.address, address))).get();
  return row?.lockedUntil && row.lockedUntil > now.toISOString() ? new Date(row.lockedUntil) : null;
}

/**
 * Counts a wrong password of (username, address); returns the end of the lock when this failure brings
 * the count to the policy's attempts (the count starts again after it), else null.
 */
export function countFailure(tx: Tx, username: string, address: string, now: Date, policy: LockoutPolicy): Date | null {
  const key = and(eq(t.signInFailures.username, username), eq(t.signInFailures.address, address));
  const row = tx.select().from(t.signInFailures).where(key).get();
  const at = now.toISOString();
  const recent = row && now.getTime() - Date.parse(row.lastFailedAt) <= FORGET_MS;
  const failures = (recent ? row.failures : 0) + 1;
  const lockedUntil = failures >= policy.attempts ? new Date(now.getTime() + policy.minutes * 60_000) : null;
  const values = { failures: lockedUntil ? 0 : failures, lastFailedAt: at, lockedUntil: lockedUntil?.toISOString() ?? (recent ? row.lockedUntil : null) };
  if (row) tx.update(t.signInFailures).set(values).where(key).run();
  else tx.insert(t.signInFailures).values({ username, address, ...values }).run();
  return lockedUntil;
}

/** Forgets the failures of (username, address) after a right password. */
export function forgetFailures(db: Db, username: string, address: string): void {
  db.delete(t.signInFailures).where(and(eq(t.signInFailures.username, username), eq(t.signInFailures.address, address))).run();
}

/** Lifts every lock and forgets every failure of a username, from every address; how many locks were in force. */
export function unlockUsername(tx: Tx, username: string, now: Date): number {
  const locked = tx.select({ n: sql<number>`count(*)` }).from(t.signInFailures)
    .where(and(eq(t.signInFailures.username, username), gt(t.signInFailures.lockedUntil, now.toISOString()))).get()!.n;
  tx.delete(t.signInFailures).where(eq(t.signInFailures.username, username)).run();
  return locked;
}

/** The latest lock in force per username, for those of `usernames` that have one. */
export function locksOf(db: Db, usernames: readonly string[], now: Date): Map<string, string> {
  if (usernames.length === 0) return new Map();
  const rows = db.select({ username: t.signInFailures.username, until: sql<string>`max(${t.signInFailures.lockedUntil})` })
    .from(t.signInFailures)
    .where(and(inArray(t.signInFailures.username, [...usernames]), gt(t.signInFailures.lockedUntil, now.toISOString())))
    .groupBy(t.signInFailures.username).all();
  return new Map(rows.map((r) => [r.username, r.until]));
}

/** Housekeeping: drops pairs whose last failure is a day old and whose lock, if any, is over. */
export function pruneFailures(db: Db, now: Date): number {
  const cutoff = new Date(now.getTime() - FORGET_MS).toISOString();
  return db.delete(t.signInFailures).where(and(
    lt(t.signInFailures.lastFailedAt, cutoff),
    or(isNull(t.signInFailures.lockedUntil), lte(t.signInFailures.lockedUntil, now.toISOString())),
  )).run().changes;
}
