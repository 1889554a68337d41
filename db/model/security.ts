/**
 * The 等保 2.0 level-2 pack's shapes (GB/T 22239-2019): the session's timing as a sign-in answers it,
 * changing one's own password, and the security events (a log of their own, apart from the content
 * history `audit_events`) with their filters.
 */
import { z } from 'zod';
import { Password, User } from './accounts';
import { IsoDate, IsoDateTime } from './scalars';

/** How long before the idle end the client warns (and offers to stay signed in). */
export const SESSION_WARN_BEFORE_SECONDS = 120;

/** The session's timing, with every sign-in answer and GET /api/session. */
export const SessionState = z.object({
  /** A session ends after this many seconds without a request (SESSION_IDLE_MINUTES). */
  idleTimeoutSeconds: z.number().int(),
  /** When it ends unless another request comes first. */
  idleExpiresAt: IsoDateTime,
  /** When it ends however busy (SESSION_MAX_HOURS after sign-in). */
  expiresAt: IsoDateTime,
  /** The password is older than PASSWORD_MAX_AGE_DAYS: every write but changing it and signing out is refused. */
  passwordExpired: z.boolean(),
  /** Seconds before `idleExpiresAt` the client warns. */
  warnBeforeSeconds: z.literal(SESSION_WARN_BEFORE_SECONDS),
  /** SEPARATE_DUTIES is on: an admin manages content only (the workspace shows them no accounts or security log). */
  separateDuties: z.boolean(),
});
export type SessionState = z.infer<typeof SessionState>;

/** POST and GET /api/session, POST /api/session/password: the account and its session. */
export const SessionAnswer = User.extend({ session: SessionState });
export type SessionAnswer = z.infer<typeof SessionAnswer>;

/** POST /api/session/keep-alive: the session, touched. */
export const KeepAliveAnswer = z.object({ session: SessionState });
export type KeepAliveAnswer = z.infer<typeof KeepAliveAnswer>;

/** The body of POST /api/session/password: one's own password, changed. */
export const PasswordChange = z.object({ currentPassword: z.string().max(200), newPassword: Password }).strict();
export type PasswordChange = z.infer<typeof PasswordChange>;

/** What a security event records. */
export const SECURITY_EVENT_KINDS = [
  'sign_in', 'sign_in_failed', 'locked', 'unlocked', 'sign_out', 'timeout', 'password_changed', 'password_reset',
  'account_created', 'role_changed', 'account_changed', 'export', 'backup', 'restore', 'config_changed', 'audit_archived',
] as const;
/** A kind of security event. */
export const SecurityEventKind = z.enum(SECURITY_EVENT_KINDS);
export type SecurityEventKind = z.infer<typeof SecurityEventKind>;

/**
 * One security event. `userId`/`username`: who acted, or whose sign-in, session or password it is (a
 * failed sign-in: the username as typed, at most 64 characters; null: the command line or the server
 * itself). `address`: the client address (null from the command line). `detail`: what else is known, e.g.
 * `target` (the account acted on), `from`/`to` (a role), `path` (an export), `file` (a backup, an archive).
 * Never a password.
 */
export const SecurityEvent = z.object({
  id: z.number().int(),
  at: IsoDateTime,
  kind: SecurityEventKind,
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  address: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type SecurityEvent = z.infer<typeof SecurityEvent>;

/** GET /api/security-events: a page, newest first, and how many match. */
export const SecurityEventPage = z.object({ items: z.array(SecurityEvent), total: z.number().int() });
export type SecurityEventPage = z.infer<typeof SecurityEventPage>;

const securityFilterShape = {
  kind: SecurityEventKind.optional(),
  /** Events by this username, or about the account of this name (`detail.target`). */
  username: z.string().trim().min(1).max(100).optional(),
  /** First day (Asia/Shanghai), inclusive. */
  from: IsoDate.optional(),
  /** Last day (Asia/Shanghai), inclusive. */
  to: IsoDate.optional(),
};
const fromNotAfterTo = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const fromNotAfterToIssue = { message: '结束日期不能早于开始日期 / to may not be before from', path: ['to'] };

/** Query string of GET /api/security-events: the filters and a page (1-based; at most 200 a page). */
export const SecurityEventQuery = z
  .object({
    ...securityFilterShape,
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine(fromNotAfterTo, fromNotAfterToIssue);
export type SecurityEventQuery = z.infer<typeof SecurityEventQuery>;

/** Query string of GET /api/security-events/export.xlsx: the filters and the sheet's language. */
export const SecurityEventExportQuery = z
  .object({ ...securityFilterShape, lang: z.enum(['zh', 'en']).default('zh') })
  .strict()
  .refine(fromNotAfterTo, fromNotAfterToIssue);
export type SecurityEventExportQuery = z.infer<typeof SecurityEventExportQuery>;

/** The names of the kinds in both languages (the export's sheet, the auditor's page). */
export const SECURITY_EVENT_LABELS: Record<SecurityEventKind, { zh: string; en: string }> = {
  sign_in: { zh: '登录', en: 'Signed in' },
  sign_in_failed: { zh: '登录失败', en: 'Sign-in failed' },
  locked: { zh: '锁定', en: 'Locked' },
  unlocked: { zh: '解锁', en: 'Unlocked' },
  sign_out: { zh: '退出登录', en: 'Signed out' },
  timeout: { zh: '会话超时', en: 'Session timed out' },
  password_changed: { zh: '修改密码', en: 'Password changed' },
  password_reset: { zh: '重设密码', en: 'Password reset' },
  account_created: { zh: '新建账号', en: 'Account created' },
  role_changed: { zh: '更改角色', en: 'Role changed' },
  account_changed: { zh: '更改账号', en: 'Account changed' },
  export: { zh: '导出', en: 'Export' },
  backup: { zh: '备份', en: 'Backup' },
  restore: { zh: '恢复', en: 'Restore' },
  config_changed: { zh: '配置变更', en: 'Configuration changed' },
  audit_archived: { zh: '日志归档', en: 'Log archived' },
};
