/**
 * Accounts: create, change and list users, and check a password at sign-in. Password hashes never
 * leave this module; every change is audited without them.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { User, UserCreate, UserUpdate } from '../../../db/model';
import * as t from '../../../db/schema';
import { badRequest, conflict, forbidden, notFound } from '../../errors';
import { recordAudit } from '../access/audit';
import { assertCountiesExist } from '../places/county-history';
import { checkPassword, decoyHash, hashPassword } from './passwords';
import { assertGoodPassword } from './password-rule';
import { endSessionsOf } from './sessions';
import type { SignedIn } from '../access/viewer';

type UserRow = typeof t.users.$inferSelect;

/** An account as the API shows it: explicit fields, never the password hash. */
export function presentUser(u: UserRow): User {
  return { id: u.id, username: u.username, role: u.role, county: u.county, active: u.active, createdAt: u.createdAt };
}

/** Every account, by username. */
export function listUsers(db: Db): User[] {
  return db.select().from(t.users).orderBy(asc(t.users.username)).all().map(presentUser);
}

/** One account, or a 404. */
export function getUser(db: Db, id: number): User {
  const row = db.select().from(t.users).where(eq(t.users.id, id)).get();
  if (!row) throw notFound('user');
  return presentUser(row);
}

/**
 * Creates an account (400 for a password the rule refuses, password-rule.ts; 409 when the username is taken; 400
 * when an official's county is not one today);
 * `by` is the admin, or null from the command line.
 */
export async function createUser(db: Db, by: SignedIn | null, input: UserCreate): Promise<User> {
  await assertGoodPassword(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    if (tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, input.username)).get()) {
      throw conflict(`用户名已存在 / Username taken: ${input.username}`, 'username_taken');
    }
    if (input.county !== null) assertCountiesExist(tx, [input.county], () => ['county']);
    const row = tx.insert(t.users)
      .values({ username: input.username, passwordHash, role: input.role, county: input.county })
      .returning().get();
    const user = presentUser(row);
    recordAudit(tx, by, { action: 'create', entity: 'user', entityId: user.id, before: null, after: user });
    return user;
  });
}

/**
 * Changes an account (a county newly given must be one today). An admin may not demote or deactivate themself (someone must be left to
 * manage accounts); a new password, a deactivation or a role change ends the user's sessions.
 */
export async function updateUser(db: Db, by: SignedIn, id: number, patch: UserUpdate): Promise<User> {
  if (patch.password !== undefined) {
    const named = db.select({ username: t.users.username }).from(t.users).where(eq(t.users.id, id)).get();
    if (!named) throw notFound('user');
    await assertGoodPassword(patch.password, named.username);
  }
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  return db.transaction((tx) => {
    const row = tx.select().from(t.users).where(eq(t.users.id, id)).get();
    if (!row) throw notFound('user');
    const role = patch.role ?? row.role;
    const county = patch.county !== undefined ? patch.county : role === 'admin' ? null : row.county;
    const active = patch.active ?? row.active;
    if (id === by.id && (role !== 'admin' || !active)) {
      throw forbidden('不能停用自己的账号或取消自己的管理员权限 / You cannot deactivate or demote yourself');
    }
    if ((role === 'official') !== (county !== null)) {
      throw badRequest('Invalid body field: county', [
        { path: ['county'], message: '县级账号须指定一个县（市、区）；市级管理员不指定' },
      ]);
    }
    if (county !== null && county !== row.county) assertCountiesExist(tx, [county], () => ['county']);
    const after = tx.update(t.users).set({ role, county, active, ...(passwordHash ? { passwordHash } : {}) })
      .where(eq(t.users.id, id)).returning().get();
    if (passwordHash || !active || role !== row.role || county !== row.county) endSessionsOf(tx, id);
    recordAudit(tx, by, {
      action: 'update', entity: 'user', entityId: id, before: presentUser(row),
      after: { ...presentUser(after), ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return presentUser(after);
  });
}

/**
 * The signed-in user for a username and password, or null when either is wrong or the account is
 * inactive; the work done is the same in every case, so timing does not tell which. The username is
 * compared exactly as sent (accounts are created in lower case): `ADMIN ` is simply unknown.
 */
export async function verifyPassword(db: Db, username: string, password: string): Promise<SignedIn | null> {
  const row = db.select().from(t.users).where(eq(t.users.username, username)).get();
  const ok = await checkPassword(password, row?.passwordHash ?? (await decoyHash));
  if (!row || !ok || !row.active) return null;
  return { id: row.id, username: row.username, role: row.role, county: row.county };
}
