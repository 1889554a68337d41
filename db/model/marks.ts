/**
 * Using the marks: who may print a GI's official mark (authorised users, 地理标志专用标志合法使用人),
 * the public check of a company (verification), industry figures by year, and the annual report.
 */
import { z } from 'zod';
import { Status } from './vocabulary';
import { CreditCode, IsoDate, line } from './scalars';
import { DesignationRef } from './designation-ref';
import { EARLIEST_YEAR } from './partial-date';

// ---------------------------------------------------------------- authorised users

/** The lawful grounds on which an enterprise uses a GI's official mark. */
export const AUTHORIZATION_BASES = ['approved_producer', 'collective_member', 'licensee', 'other_registered'] as const;
/** approved_producer 核准使用的生产者, collective_member 集体商标成员, licensee 证明商标被许可人, other_registered 登记备案的其他使用人. */
export const AuthorizationBasis = z.enum(AUTHORIZATION_BASES);
export type AuthorizationBasis = z.infer<typeof AuthorizationBasis>;

/** Whether an authorisation stands: active 有效, suspended 暂停, revoked 已撤销. */
export const AUTHORIZATION_STATUSES = ['active', 'suspended', 'revoked'] as const;
export const AuthorizationStatus = z.enum(AUTHORIZATION_STATUSES);
export type AuthorizationStatus = z.infer<typeof AuthorizationStatus>;

/** One authorised user of a designation's mark. */
export const AuthorizedUser = z.object({
  id: z.number().int(),
  designationId: z.number().int(),
  name: line(200),
  /** Unified social credit code (GB 32100 check); null for a user that has none (a farm household). */
  creditCode: CreditCode.nullable(),
  basis: AuthorizationBasis,
  /** The announcement (公告号) or filing (备案号) that authorised it. */
  reference: line(200).nullable(),
  from: IsoDate,
  until: IsoDate.nullable(),
  status: AuthorizationStatus,
});
export type AuthorizedUser = z.infer<typeof AuthorizedUser>;

const authorizedUserFields = AuthorizedUser.omit({ id: true, designationId: true });

/** The body of POST /api/designations/:id/authorized-users. */
export const AuthorizedUserCreate = authorizedUserFields
  .extend({
    creditCode: CreditCode.nullable().default(null),
    reference: line(200).nullable().default(null),
    until: IsoDate.nullable().default(null),
    status: AuthorizationStatus.default('active'),
  })
  .strict()
  .refine((u) => u.name.trim() !== '', { message: '请填写企业名称 / the name is required', path: ['name'] })
  .refine((u) => u.until === null || u.until >= u.from, { message: '截止日期不能早于起始日期 / until may not be before from', path: ['until'] });
export type AuthorizedUserCreate = z.infer<typeof AuthorizedUserCreate>;

/** The body of PATCH /api/authorized-users/:id: any subset of the fields (checked again as a whole). */
export const AuthorizedUserUpdate = authorizedUserFields.partial().strict();
export type AuthorizedUserUpdate = z.infer<typeof AuthorizedUserUpdate>;

/**
 * Whether an authorisation lets its holder use the mark on `day`: active, within from–until, and
 * the designation granted (in force). The reason when it does not.
 */
export const VerifyReason = z.enum(['valid', 'suspended', 'revoked', 'expired', 'not_yet', 'mark_not_in_force']);
export type VerifyReason = z.infer<typeof VerifyReason>;

/** Which reason applies to an authorisation on `day` given its designation's current status. */
export function authorizationReason(u: Pick<AuthorizedUser, 'status' | 'from' | 'until'>, designationStatus: Status, day: string): VerifyReason {
  if (u.status === 'revoked') return 'revoked';
  if (u.status === 'suspended') return 'suspended';
  if (u.from > day) return 'not_yet';
  if (u.until !== null && u.until < day) return 'expired';
  if (designationStatus !== 'granted') return 'mark_not_in_force';
  return 'valid';
}

// ---------------------------------------------------------------- verification

/** Query of GET /api/verify: a company's name (or part of it, 2+ characters) or its credit code. */
export const VerifyQuery = z.object({ q: z.string().trim().min(2, '请输入至少 2 个字 / type at least 2 characters').max(100) }).strict();
export type VerifyQuery = z.infer<typeof VerifyQuery>;

/** One GI an enterprise is (or was) authorised to use. */
export const VerifyGrant = DesignationRef.extend({
  /** The GI's registration / certificate number. */
  number: z.string().nullable(),
  basis: AuthorizationBasis,
  reference: z.string().nullable(),
  from: IsoDate,
  until: IsoDate.nullable(),
  status: AuthorizationStatus,
  /** May it use the mark today? */
  valid: z.boolean(),
  reason: VerifyReason,
});
export type VerifyGrant = z.infer<typeof VerifyGrant>;

/** GET /api/verify: the enterprises matching the query, each with its GIs; empty when nothing matches. */
export const VerifyResult = z.object({
  q: z.string(),
  /** How the query was read: a credit code (exact) or a name (part of it). */
  by: z.enum(['credit_code', 'name']),
  asOf: IsoDate,
  matches: z.array(z.object({ name: z.string(), creditCode: z.string().nullable(), grants: z.array(VerifyGrant) })),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

// ---------------------------------------------------------------- annual report

/** Query of GET /api/reports/annual (and .docx, .xlsx). */
export const AnnualReportQuery = z.object({
  year: z.coerce.number().int().min(EARLIEST_YEAR, `年份不能早于 ${EARLIEST_YEAR} 年 / the year may not be before ${EARLIEST_YEAR}`).max(2100),
  lang: z.enum(['zh', 'en']).optional(),
}).strict();
export type AnnualReportQuery = z.infer<typeof AnnualReportQuery>;

/** Who issues the annual report, and when (admins set it; the report falls back to a default). */
export const ReportSettings = z.object({
  issuerZh: line(200),
  issuerEn: line(200),
}).strict();
export type ReportSettings = z.infer<typeof ReportSettings>;
