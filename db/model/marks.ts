/**
 * Using the marks: who may print a GI's official mark (authorised users, 地理标志专用标志合法使用人),
 * the public check of a company (verification), industry figures by year, and the annual report.
 */
import { z } from 'zod';
import { Status } from './vocabulary';
import { CreditCode, IsoDate, line, withoutInvisible } from './scalars';
import { DesignationRef } from './designation-ref';
import { EARLIEST_YEAR } from './partial-date';
import { decisionShown, DisplayWindow, ShownDecision, type DecisionFacts } from './decisions';
import { versionField } from './versions';

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
  /** Why it was suspended or revoked, as the decision says (public only while the decision is shown). */
  decisionReason: line(500).nullable(),
  /** The decision's number (决定书文号). */
  decisionNumber: line(100).nullable(),
  /** The day the decision was made (not in the future). */
  decisionOn: IsoDate.nullable(),
  /** How long the public sees the decision (db/model/decisions.ts: 3 months or 3 years). */
  displayWindow: DisplayWindow.nullable(),
  /** The last day the public sees it: its day plus its window (the server computes it). */
  displayUntil: IsoDate.nullable(),
  /** The day the decision was withdrawn (changed or overturned): from then on it is not shown. */
  decisionWithdrawnOn: IsoDate.nullable(),
  /** For those who may change it: the version of the whole record (what PATCH replaces: details and decisions). */
  version: versionField(),
});
export type AuthorizedUser = z.infer<typeof AuthorizedUser>;

const authorizedUserFields = AuthorizedUser.omit({ id: true, designationId: true, displayUntil: true });

/** The decision fields an official writes, each null when not sent (with the user or with a status move). */
const decisionDefaults = {
  decisionReason: line(500).nullable().default(null),
  decisionNumber: line(100).nullable().default(null),
  decisionOn: IsoDate.nullable().default(null),
  displayWindow: DisplayWindow.nullable().default(null),
  decisionWithdrawnOn: IsoDate.nullable().default(null),
};

/** The body of POST /api/designations/:id/authorized-users. */
export const AuthorizedUserCreate = authorizedUserFields
  .extend({
    creditCode: CreditCode.nullable().default(null),
    reference: line(200).nullable().default(null),
    until: IsoDate.nullable().default(null),
    status: AuthorizationStatus.default('active'),
    ...decisionDefaults,
  })
  .strict()
  .refine((u) => u.name.trim() !== '', { message: '请填写企业名称 / the name is required', path: ['name'] })
  .refine((u) => u.until === null || u.until >= u.from, { message: '截止日期不能早于起始日期 / until may not be before from', path: ['until'] })
  // A decision is its day first: a number, a reason, a window or a withdrawal without it tells the public nothing checkable.
  .refine((u) => u.decisionOn !== null || (u.decisionNumber === null && u.decisionReason === null && u.displayWindow === null && u.decisionWithdrawnOn === null),
    { message: '请填写决定日期：决定书文号、理由、公示期限和撤回日期都须有决定日期 / Give the decision’s date: its number, reason, display period and withdrawal need it', path: ['decisionOn'] })
  .refine((u) => u.decisionOn === null || u.displayWindow !== null,
    { message: '请选择公示期限（3 个月或 3 年） / Choose how long the decision is shown (3 months or 3 years)', path: ['displayWindow'] })
  .refine((u) => u.decisionWithdrawnOn === null || u.decisionOn === null || u.decisionWithdrawnOn >= u.decisionOn,
    { message: '撤回日期不能早于决定日期 / The withdrawal may not be before the decision', path: ['decisionWithdrawnOn'] });
export type AuthorizedUserCreate = z.infer<typeof AuthorizedUserCreate>;

/** The body of PATCH /api/authorized-users/:id: any subset of the fields (checked again as a whole). */
export const AuthorizedUserUpdate = authorizedUserFields.partial().strict();
export type AuthorizedUserUpdate = z.infer<typeof AuthorizedUserUpdate>;

/**
 * Whether an authorisation lets its holder use the mark on `day`: active, within from–until, and
 * the designation granted (in force). The reason when it does not; `not_authorised` is what the
 * public reads of a suspension or revocation whose decision is not (or no longer) shown.
 */
export const VerifyReason = z.enum(['valid', 'suspended', 'revoked', 'expired', 'not_yet', 'mark_not_in_force', 'not_authorised']);
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

/**
 * The reason as the public reads it on `day`: a suspension or revocation is named only while its
 * decision is shown (decisions.ts); otherwise the user is simply not authorised now.
 */
export function publicReason(u: Pick<AuthorizedUser, 'status' | 'from' | 'until'> & DecisionFacts, designationStatus: Status, day: string): VerifyReason {
  const reason = authorizationReason(u, designationStatus, day);
  return (reason === 'suspended' || reason === 'revoked') && !decisionShown(u, day) ? 'not_authorised' : reason;
}

/**
 * A user as the public sees it on `day`, or null when it is not listed: an active user without any
 * decision; a suspended or revoked one with its decision while that is shown, and not at all after
 * (the product page; the server filters its answer, the static copy's page filters again on its own day).
 */
export function publicAuthorizedUser(u: AuthorizedUser, day: string): AuthorizedUser | null {
  if (u.status === 'active') {
    return { ...u, decisionReason: null, decisionNumber: null, decisionOn: null, displayWindow: null, displayUntil: null, decisionWithdrawnOn: null };
  }
  return decisionShown(u, day) ? u : null;
}

// ---------------------------------------------------------------- verification

/** Query of GET /api/verify: a company's name (or part of it, 2+ characters that show) or its credit code. */
export const VerifyQuery = z.object({ q: z.string().overwrite(withoutInvisible).trim().min(2, '请输入至少 2 个字 / type at least 2 characters').max(100) }).strict();
export type VerifyQuery = z.infer<typeof VerifyQuery>;

/** A public photo of a genuine label of a GI (a document of kind `label` tied to its designation). */
export const LabelPhoto = z.object({
  id: z.number().int(),
  title: z.string(),
  mime: z.string(),
  url: z.string(),
  thumbnailUrl: z.string().nullable(),
});
export type LabelPhoto = z.infer<typeof LabelPhoto>;

/** One GI an enterprise is (or was) authorised to use, with what a genuine label of it shows. */
export const VerifyGrant = DesignationRef.extend({
  /** The GI's registration / certificate number (a trademark's 注册号). */
  number: z.string().nullable(),
  /** The announcement that granted it (公告号). */
  announcement: z.string().nullable(),
  basis: AuthorizationBasis,
  reference: z.string().nullable(),
  from: IsoDate,
  until: IsoDate.nullable(),
  /** May it use the mark today? */
  valid: z.boolean(),
  /** Why not, in the public's terms (a suspension or revocation is named only while its decision is shown). */
  reason: VerifyReason,
  /** The suspension or revocation decision, while it is shown (null otherwise). */
  decision: ShownDecision.nullable(),
  /** The GI's current specification or standard, when the registry holds one. */
  specification: z.object({ number: z.string().nullable(), title: z.string() }).nullable(),
  /** Photos of a genuine label of this GI, when officials have published some. */
  labels: z.array(LabelPhoto),
});
export type VerifyGrant = z.infer<typeof VerifyGrant>;

/** How many users of how many GIs the public registry holds, and the day its list of users last changed. */
export const VerifyRegistry = z.object({
  /** Enterprises (by credit code, or name when they have none) that are users of a public product's GI. */
  users: z.number().int(),
  /** GIs (designations) of public products with at least one user. */
  designations: z.number().int(),
  /** The newest day (Asia/Shanghai) one of those users was added or changed; null when there are none. */
  lastChangedOn: IsoDate.nullable(),
});
export type VerifyRegistry = z.infer<typeof VerifyRegistry>;

/**
 * What an answer says: `found` (matches, valid or not), `not_found` (none among the registry's users),
 * `empty_registry` (the registry has no users yet: absence proves nothing), `invalid_code` (a credit code
 * whose check character is wrong: nothing was looked up).
 */
export const VERIFY_ANSWER_KINDS = ['found', 'not_found', 'empty_registry', 'invalid_code'] as const;
export const VerifyAnswerKind = z.enum(VERIFY_ANSWER_KINDS);
export type VerifyAnswerKind = z.infer<typeof VerifyAnswerKind>;

/** GET /api/verify: the enterprises matching the query, each with its GIs; what the answer means; the registry it searched. */
export const VerifyResult = z.object({
  q: z.string(),
  kind: VerifyAnswerKind,
  /** How the query was read: a credit code (exact) or a name (part of it). */
  by: z.enum(['credit_code', 'name']),
  asOf: IsoDate,
  registry: VerifyRegistry,
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

/** The report settings as GET and PUT answer them (admins), with the version PUT replaces. */
export const ReportSettingsAnswer = ReportSettings.extend({ version: versionField() });
export type ReportSettingsAnswer = z.infer<typeof ReportSettingsAnswer>;
