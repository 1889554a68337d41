/**
 * Accounts: create, change, unlock and list users, change one's own password, and check a password at
 * sign-in. Password hashes never leave this module; every change is in the content history (without
 * them) and in the security log.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { PasswordChange, Role, User, UserCreate, UserUpdate } from '../../../db/model';
import * as t from '../../../db/schema';
import { badRequest, conflict, forbidden, HttpError, notFound } from '../../errors';
import { versionOf } from '../../versions';
import { recordAudit } from '../access/audit';
import { mayManageAccounts } from '../access/permissions';
import { recordSecurityEvent, targetOf } from '../security/events';
import { assertCountiesExist } from '../places/county-history';
import { checkPassword, decoyHash, hashPassword } from './passwords';
import { assertGoodPassword, passwordProblem } from './password-rule';
import { assertNotReused, rememberReplaced } from './password-history';
import { locksOf, unlockUsername } from './lockout';
import { endSessionsOf } from './sessions';
import type { Account } from '../access/viewer';

type UserRow = typeof t.users.$inferSelect;

/** The policy account changes follow (SEPARATE_DUTIES, PASSWORD_HISTORY). */
export interface AccountPolicy { separateDuties: boolean; passwordHistory: number }

/** Where and when a change is made, and the route's last word before it is written. */
export interface ChangeContext {
  now: Date;
  /** The client address (null from the command line). */
  address: string | null;
  /** Called with the account as it is, in the write's transaction right before the write (the If-Match check). */
  beforeWrite?: (current: User) => void;
}

/** An account as the API shows it: explicit fields, never the password hash; `version` is the hash of the rest. */
export function presentUser(u: UserRow, lockedUntil: string | null): User {
  const shown = {
    id: u.id, username: u.username, role: u.role, county: u.county, active: u.active, createdAt: u.createdAt,
    passwordChangedAt: u.passwordChangedAt ?? u.createdAt, lockedUntil,
  };
  return { ...shown, version: versionOf(shown) };
}

/** An account as the content history records it (the fields its sentences tell). */
export const auditedUser = (u: UserRow) => ({ id: u.id, username: u.username, role: u.role, county: u.county, active: u.active, createdAt: u.createdAt });

/** Every account, by username, with its lock. */
export function listUsers(db: Db, now: Date): User[] {
  const rows = db.select().from(t.users).orderBy(asc(t.users.username)).all();
  const locks = locksOf(db, rows.map((r) => r.username), now);
  return rows.map((r) => presentUser(r, locks.get(r.username) ?? null));
}

/** One account, or a 404. */
export function getUser(db: Db, id: number, now: Date): User {
  const row = db.select().from(t.users).where(eq(t.users.id, id)).get();
  if (!row) throw notFound('user');
  return presentUser(row, locksOf(db, [row.username], now).get(row.username) ?? null);
}

/** The account's id of a username, if there is one (a failed sign-in's event names it). */
export function userIdOf(db: Db, username: string): number | null {
  return db.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, username)).get()?.id ?? null;
}

/** 400 unless an official has a county and every other role none. */
function assertRoleCounty(role: Role, county: string | null): void {
  if ((role === 'official') !== (county !== null)) {
    throw badRequest('Invalid body field: county', [
      { path: ['county'], message: '县级账号须指定一个县（市、区）；其他角色不指定 / An official needs a county; other roles have none' },
    ]);
  }
}

/**
 * Creates an account (400 for a password the rule refuses, password-rule.ts; 409 when the username is taken; 400
 * when an official's county is not one today); `by` is the account manager, or null from the command line.
 */
export async function createUser(db: Db, by: Account | null, input: UserCreate, at: Omit<ChangeContext, 'beforeWrite'> = { now: new Date(), address: null }): Promise<User> {
  await assertGoodPassword(input.password, input.username);
  assertRoleCounty(input.role, input.county);
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    if (tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.username, input.username)).get()) {
      throw conflict(`用户名已存在 / Username taken: ${input.username}`, 'username_taken');
    }
    if (input.county !== null) assertCountiesExist(tx, [input.county], () => ['county']);
    const row = tx.insert(t.users)
      .values({ username: input.username, passwordHash, role: input.role, county: input.county, passwordChangedAt: at.now.toISOString() })
      .returning().get();
    recordAudit(tx, by, { action: 'create', entity: 'user', entityId: row.id, before: null, after: auditedUser(row) });
    recordSecurityEvent(tx, {
      kind: 'account_created', actor: by, address: at.address, at: at.now,
      detail: { target: targetOf(row), role: row.role, county: row.county, ...(by ? {} : { via: 'command line' }) },
    });
    return presentUser(row, null);
  });
}

/** Whether, after a change, `row` would still be an active account able to manage accounts. */
const manages = (row: Pick<UserRow, 'role' | 'active' | 'id' | 'username' | 'county'>, policy: AccountPolicy) =>
  row.active && mayManageAccounts(row, policy.separateDuties);

/**
 * Changes an account (a county newly given must be one today). Nobody may demote or deactivate themself
 * (403), and at least one active account able to manage accounts must remain (409 `last_account_manager`);
 * a new password (not one of the last PASSWORD_HISTORY: 400 `password_reused`), a deactivation or a change of
 * role or county ends the account's sessions.
 */
export async function updateUser(db: Db, by: Account, id: number, patch: UserUpdate, policy: AccountPolicy, at: ChangeContext): Promise<User> {
  if (patch.password !== undefined) {
    const named = db.select({ username: t.users.username, passwordHash: t.users.passwordHash }).from(t.users).where(eq(t.users.id, id)).get();
    if (!named) throw notFound('user');
    await assertGoodPassword(patch.password, named.username);
    await assertNotReused(db, id, named.passwordHash, patch.password, policy.passwordHistory, 'password');
  }
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(patch.password);
  return db.transaction((tx) => {
    const row = tx.select().from(t.users).where(eq(t.users.id, id)).get();
    if (!row) throw notFound('user');
    const lock = locksOf(db, [row.username], at.now).get(row.username) ?? null;
    at.beforeWrite?.(presentUser(row, lock));
    const role = patch.role ?? row.role;
    const county = patch.county !== undefined ? patch.county : role === 'official' ? row.county : null;
    const active = patch.active ?? row.active;
    if (id === by.id && (role !== row.role || !active)) {
      throw forbidden('不能停用自己的账号或更改自己的角色 / You cannot deactivate yourself or change your own role');
    }
    assertRoleCounty(role, county);
    if (county !== null && county !== row.county) assertCountiesExist(tx, [county], () => ['county']);
    if (manages(row, policy) && !manages({ ...row, role, active }, policy)) assertAnotherManager(tx, id, policy);
    const after = tx.update(t.users).set({
      role, county, active, ...(passwordHash ? { passwordHash, passwordChangedAt: at.now.toISOString() } : {}),
    }).where(eq(t.users.id, id)).returning().get();
    if (passwordHash) rememberReplaced(tx, id, row.passwordHash, policy.passwordHistory, at.now);
    if (passwordHash || !active || role !== row.role || county !== row.county) endSessionsOf(tx, id);
    recordAudit(tx, by, {
      action: 'update', entity: 'user', entityId: id, before: auditedUser(row),
      after: { ...auditedUser(after), ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    const event = { actor: by, address: at.address, at: at.now };
    const target = targetOf(row);
    if (passwordHash) recordSecurityEvent(tx, { ...event, kind: id === by.id ? 'password_changed' : 'password_reset', detail: { target } });
    if (role !== row.role) {
      recordSecurityEvent(tx, { ...event, kind: 'role_changed', detail: { target, from: row.role, to: role, ...(county !== row.county ? { county: { from: row.county, to: county } } : {}) } });
    }
    const countyMoved = county !== row.county && role === row.role;
    if (countyMoved || active !== row.active) {
      recordSecurityEvent(tx, {
        ...event, kind: 'account_changed',
        detail: { target, ...(active !== row.active ? { active: { from: row.active, to: active } } : {}), ...(countyMoved ? { county: { from: row.county, to: county } } : {}) },
      });
    }
    return presentUser(after, lock);
  });
}

/** 409 unless another active account can manage accounts (someone must be left to do it). */
function assertAnotherManager(tx: Parameters<Parameters<Db['transaction']>[0]>[0], id: number, policy: AccountPolicy): void {
  const roles: Role[] = policy.separateDuties ? ['security_admin'] : ['security_admin', 'admin'];
  const others = tx.select({ n: sql<number>`count(*)` }).from(t.users)
    .where(and(ne(t.users.id, id), eq(t.users.active, true), inArray(t.users.role, roles))).get()!.n;
  if (others === 0) {
    throw conflict('至少要保留一个可以管理账号的有效账号 / At least one active account able to manage accounts must remain', 'last_account_manager');
  }
}

/** Lifts every lock of an account (from every address): `unlocked` in the security log; the account as it is now. */
export function unlockUser(db: Db, by: Account, id: number, at: ChangeContext): User {
  return db.transaction((tx) => {
    const row = tx.select().from(t.users).where(eq(t.users.id, id)).get();
    if (!row) throw notFound('user');
    at.beforeWrite?.(presentUser(row, locksOf(db, [row.username], at.now).get(row.username) ?? null));
    const locks = unlockUsername(tx, row.username, at.now);
    recordSecurityEvent(tx, { kind: 'unlocked', actor: by, address: at.address, at: at.now, detail: { target: targetOf(row), locks } });
    return presentUser(row, null);
  });
}

/** 400 `wrong_password`: the current password given is not the account's. */
const wrongPassword = () => new HttpError(400, 'wrong_password', '当前密码不正确 / The current password is wrong',
  [{ path: ['currentPassword'], message: '当前密码不正确 / The current password is wrong' }]);

/**
 * Changes the signed-in account's own password: the current one must be right (400 `wrong_password`), the new
 * one pass the rule (400, naming `newPassword`) and not be the current one nor one of the last PASSWORD_HISTORY
 * (400 `password_reused`). The account's other sessions end; `keepSession` (a token hash) goes on.
 */
export async function changeOwnPassword(db: Db, account: Account, input: PasswordChange, keepSession: string, policy: AccountPolicy, at: ChangeContext): Promise<User> {
  const row = db.select().from(t.users).where(eq(t.users.id, account.id)).get();
  if (!row) throw notFound('user');
  if (!(await checkPassword(input.currentPassword, row.passwordHash))) throw wrongPassword();
  const problem = await passwordProblem(input.newPassword, row.username);
  if (problem) throw badRequest(problem, [{ path: ['newPassword'], message: problem }]);
  // The current password is always refused: a password that must change (PASSWORD_MAX_AGE_DAYS) must really change.
  await assertNotReused(db, row.id, row.passwordHash, input.newPassword, Math.max(1, policy.passwordHistory), 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction((tx) => {
    const after = tx.update(t.users).set({ passwordHash, passwordChangedAt: at.now.toISOString() }).where(eq(t.users.id, row.id)).returning().get();
    rememberReplaced(tx, row.id, row.passwordHash, policy.passwordHistory, at.now);
    endSessionsOf(tx, row.id, keepSession);
    recordAudit(tx, account, { action: 'update', entity: 'user', entityId: row.id, before: auditedUser(row), after: { ...auditedUser(after), passwordChanged: true } });
    recordSecurityEvent(tx, { kind: 'password_changed', actor: account, address: at.address, at: at.now, detail: null });
    return presentUser(after, locksOf(db, [row.username], at.now).get(row.username) ?? null);
  });
}

/**
 * The signed-in account for a username and password, or null when either is wrong or the account is
 * inactive; the work done is the same in every case, so timing does not tell which. The username is
 * compared exactly as sent (accounts are created in lower case): `ADMIN ` is simply unknown.
 */
export async function verifyPassword(db: Db, username: string, password: string): Promise<Account | null> {
  const row = db.select().from(t.users).where(eq(t.users.username, username)).get();
  const ok = await checkPassword(password, row?.passwordHash ?? (await decoyHash));
  if (!row || !ok || !row.active) return null;
  return { id: row.id, username: row.username, role: row.role, county: row.county };
}

/** When an account's password was last set (its creation, before the column existed). */
export function passwordChangedAtOf(db: Db, id: number): string {
  const row = db.select({ changed: t.users.passwordChangedAt, created: t.users.createdAt }).from(t.users).where(eq(t.users.id, id)).get();
  if (!row) throw notFound('user');
  return row.changed ?? row.created;
}
