/**
 * Password history (PASSWORD_HISTORY=n): a new password may not be any of the account's last n passwords,
 * the current one included. Only hashes are kept (`password_history`), and only as many as the policy asks.
 */
import { and, desc, eq, notInArray } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import * as t from '../../../db/schema';
import { HttpError } from '../../errors';
import type { Tx } from '../access/audit';
import { checkPassword } from './passwords';

/** 400 `password_reused`, naming the field that carried the password. */
export const passwordReused = (field: string, n: number) => {
  const message = n <= 1
    ? '新密码不能与当前密码相同 / The new password must differ from the current one'
    : `新密码不能与最近 ${n} 次用过的密码相同 / The new password may not be any of your last ${n} passwords`;
  return new HttpError(400, 'password_reused', message, [{ path: [field], message }]);
};

/**
 * Throws `password_reused` when `password` is the current one (`currentHash`) or one of the `n - 1` before
 * it. n = 0 checks nothing.
 */
export async function assertNotReused(db: Db, userId: number, currentHash: string, password: string, n: number, field: string): Promise<void> {
  if (n <= 0) return;
  const earlier = n <= 1 ? [] : db.select({ hash: t.passwordHistory.passwordHash }).from(t.passwordHistory)
    .where(eq(t.passwordHistory.userId, userId)).orderBy(desc(t.passwordHistory.id)).limit(n - 1).all().map((r) => r.hash);
  for (const hash of [currentHash, ...earlier]) {
    if (await checkPassword(password, hash)) throw passwordReused(field, n);
  }
}

/**
 * Keeps the hash being replaced, when the policy keeps any, and drops what it no longer needs (the
 * current password is the newest of the n, so n - 1 former ones are enough).
 */
export function rememberReplaced(tx: Tx, userId: number, replacedHash: string, n: number, now: Date): void {
  if (n > 1) tx.insert(t.passwordHistory).values({ userId, passwordHash: replacedHash, replacedAt: now.toISOString() }).run();
  const keep = n <= 1 ? [] : tx.select({ id: t.passwordHistory.id }).from(t.passwordHistory)
    .where(eq(t.passwordHistory.userId, userId)).orderBy(desc(t.passwordHistory.id)).limit(n - 1).all().map((r) => r.id);
  tx.delete(t.passwordHistory).where(and(eq(t.passwordHistory.userId, userId), keep.length ? notInArray(t.passwordHistory.id, keep) : undefined)).run();
}
