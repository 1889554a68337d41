/** Accounts, sessions and the audit log. */
import { z } from 'zod';
import { AuditEntity, CountyCode, Role } from './vocabulary';
import { IsoDateTime } from './scalars';

// ---------------------------------------------------------------- accounts and audit

/** An account as the API shows it (never its password). */
export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  role: Role,
  county: CountyCode.nullable(),
  active: z.boolean(),
  createdAt: IsoDateTime,
});
export type User = z.infer<typeof User>;

/** A password: long enough to resist guessing, short enough to hash cheaply. */
export const Password = z.string().min(10, '密码至少10个字符').max(200);

const roleMatchesCounty = (u: { role?: Role; county?: CountyCode | null }) =>
  u.role === undefined || (u.role === 'official') === (u.county != null);
const roleCountyIssue = { message: '县级账号须指定一个县（市、区）；市级管理员不指定', path: ['county'] };

/** The body that creates an account. */
export const UserCreate = z
  .object({
    username: z.string().trim().regex(/^[a-z0-9_.-]{3,40}$/, '用户名为3–40位小写字母、数字或 _ . -'),
    password: Password,
    role: Role,
    county: CountyCode.nullable().default(null),
  })
  .strict()
  .refine(roleMatchesCounty, roleCountyIssue);
export type UserCreate = z.infer<typeof UserCreate>;

/** The body that changes an account. */
export const UserUpdate = z
  .object({ password: Password, role: Role, county: CountyCode.nullable(), active: z.boolean() })
  .partial()
  .strict();
export type UserUpdate = z.infer<typeof UserUpdate>;

/** The body of a sign-in. */
export const SessionCreate = z.object({ username: z.string().max(100), password: z.string().max(200) }).strict();
export type SessionCreate = z.infer<typeof SessionCreate>;

/** One entry of the append-only audit log. */
export const AuditEvent = z.object({
  id: z.number().int(),
  at: IsoDateTime,
  user: z.string().nullable(),
  action: z.string(),
  entity: AuditEntity,
  entityId: z.number().int(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** GET /api/audit: a page of entries, newest first, with the total that match. */
export const AuditPage = z.object({ items: z.array(AuditEvent), total: z.number().int() });
export type AuditPage = z.infer<typeof AuditPage>;

/** Query string of GET /api/audit. */
export const AuditQuery = z
  .object({
    entity: AuditEntity.optional(),
    id: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type AuditQuery = z.infer<typeof AuditQuery>;
