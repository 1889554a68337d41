/** Accounts, sessions and the audit log. */
import { z } from 'zod';
import { AuditEntity, CountyCode, GiType, Role } from './vocabulary';
import { IsoDate, IsoDateTime } from './scalars';

// ---------------------------------------------------------------- accounts and audit

/** An account as the API shows it (never its password). */
export const User = z.object({
  id: z.number().int(),
  username: z.string(),
  role: Role,
  county: CountyCode.nullable(),
  active: z.boolean(),
  createdAt: IsoDateTime,
  /** When its password was last set (by its owner or an account manager). */
  passwordChangedAt: IsoDateTime,
  /** The end of the latest lock of its sign-ins from one address after wrong passwords (null: none in force). */
  lockedUntil: IsoDateTime.nullable(),
  /** The version of this state (send it back in If-Match to change or unlock the account). */
  version: z.string(),
});
export type User = z.infer<typeof User>;

/** The fewest characters a password may have. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * A password as a body carries it: at least MIN_PASSWORD_LENGTH characters (checked here too so a form can
 * say so at once) and at most 200 (cheap to hash). Whether it is good enough (breadth, not common, not the
 * username) is one rule on the server, which the length is part of (server/domain/accounts/password-rule.ts).
 */
export const Password = z.string().min(MIN_PASSWORD_LENGTH, '密码至少10个字符').max(200).meta({
  description: 'At least 10 characters, 6 of them different, not a run (1234567890), not a common password, not the username with a little added',
});

const roleMatchesCounty = (u: { role?: Role; county?: CountyCode | null }) =>
  u.role === undefined || (u.role === 'official') === (u.county != null);
// The client translates this message by its Chinese (client/i18n/admin-forms.ts, model.roleCounty): every role but official has no county.
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

/** The actions the audit log records. */
export const AUDIT_ACTIONS = [
  'create', 'update', 'archive', 'restore', 'transition', 'replace_participants', 'document_add', 'document_update', 'document_delete',
  'dossier_item', 'dossier_template_accept', 'authorized_user_add', 'authorized_user_update', 'replace_figures',
  'scope_replace', 'scope_delete', 'conversion', 'specification_add', 'specification_update', 'specification_delete',
  'usage_return_enter', 'usage_return_submit', 'usage_return_review', 'return_link_issue',
] as const;
/** An audited action. */
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

/**
 * What an entry is about, as it is now, so it can be told in words: the product's (or period's, or
 * account's) name, a designation's GI type and product, and the product's counties.
 */
export const AuditSubject = z.object({
  name: z.string().nullable(),
  nameEn: z.string().nullable(),
  productId: z.number().int().nullable(),
  giType: GiType.nullable(),
  counties: z.array(CountyCode),
});
export type AuditSubject = z.infer<typeof AuditSubject>;

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
  subject: AuditSubject.optional(),
});
export type AuditEvent = z.infer<typeof AuditEvent>;

/** GET /api/audit: a page of entries, newest first, with the total that match. */
export const AuditPage = z.object({ items: z.array(AuditEvent), total: z.number().int() });
export type AuditPage = z.infer<typeof AuditPage>;

/** The filters of the audit log (the history page keeps them in its URL under the same names). */
const auditFilterShape = {
  /** Entries about products (and their designations) of this county. */
  county: CountyCode.optional(),
  /** The username who made the change. */
  user: z.string().trim().min(1).max(100).optional(),
  entity: AuditEntity.optional(),
  id: z.coerce.number().int().min(1).optional(),
  action: AuditAction.optional(),
  /** First day (Asia/Shanghai), inclusive. */
  from: IsoDate.optional(),
  /** Last day (Asia/Shanghai), inclusive. */
  to: IsoDate.optional(),
};
const fromNotAfterTo = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const fromNotAfterToIssue = { message: '结束日期不能早于开始日期 / to may not be before from', path: ['to'] };

/** Query string of GET /api/audit: the filters plus paging (at most 200 a page). */
export const AuditQuery = z
  .object({
    ...auditFilterShape,
    limit: z.coerce.number().int().min(1).max(200).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
  .refine(fromNotAfterTo, fromNotAfterToIssue);
export type AuditQuery = z.infer<typeof AuditQuery>;

/** Query string of GET /api/audit/export.xlsx: the filters and the language of the sheet. */
export const AuditExportQuery = z
  .object({ ...auditFilterShape, lang: z.enum(['zh', 'en']).default('zh') })
  .strict()
  .refine(fromNotAfterTo, fromNotAfterToIssue);
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;
