/**
 * Yearly usage returns (年度用标情况报告, CNIPA 公告第354号): what an authorised user sold under the mark in
 * a year, entered by the county, imported from a sheet, or filled in by the company through a single-use
 * link the county issues; the county accepts a company's return or returns it for correction. The input
 * and its bounds, the answers, and the links' bodies.
 */
import { z } from 'zod';
import { GiType, MarkKind } from './vocabulary';
import { EARLIEST_YEAR } from './partial-date';
import { IsoDate, IsoDateTime, line, text } from './scalars';
import { versionField } from './versions';

// ---------------------------------------------------------------- vocabulary

/** Where a return stands: submitted 已提交 (by the company, awaiting the county), accepted 已接受, returned 已退回. */
export const USAGE_RETURN_STATUSES = ['submitted', 'accepted', 'returned'] as const;
export const UsageReturnStatus = z.enum(USAGE_RETURN_STATUSES);
export type UsageReturnStatus = z.infer<typeof UsageReturnStatus>;

/** How a return reached the registry: county 县级录入, import 批量导入, link 企业通过填报链接. */
export const USAGE_RETURN_VIAS = ['county', 'import', 'link'] as const;
export const UsageReturnVia = z.enum(USAGE_RETURN_VIAS);
export type UsageReturnVia = z.infer<typeof UsageReturnVia>;

// ---------------------------------------------------------------- bounds

/** Most tonnes one user may declare for a year (marked or output): far above any single company's trade. */
export const RETURN_TONNES_MAX = 1_000_000;
/** Most official marks one user may declare printed in a year. */
export const RETURN_MARKS_MAX = 1_000_000_000;
/** Most sales channels a return lists, and the longest one. */
export const RETURN_CHANNELS_MAX = 10;
export const RETURN_CHANNEL_CHARS = 100;
/** The longest note. */
export const RETURN_NOTE_CHARS = 2000;
/** How long a return link lasts unless the official says otherwise, and at most. */
export const RETURN_LINK_DAYS = 30;
export const RETURN_LINK_MAX_DAYS = 90;

const tonnes = z.number()
  .min(0, { message: '不能为负数 / may not be negative' })
  .max(RETURN_TONNES_MAX, { message: `不能超过 ${RETURN_TONNES_MAX.toLocaleString('en-US')} 吨 / may not exceed ${RETURN_TONNES_MAX.toLocaleString('en-US')} t` })
  .nullable().default(null);

/** A return's year as the path names it (its bounds for a user are checked by returnYearProblem). */
export const ReturnYear = z.coerce.number().int().min(EARLIEST_YEAR).max(2100);

/** The body of a return, whoever enters it (PUT …/usage-returns/{year}, the link's form, an imported row). */
export const UsageReturnInput = z.object({
  /** Tonnes sold carrying the mark. */
  markedTonnes: tonnes,
  /** The user's whole output of the product that year, tonnes. */
  outputTonnes: tonnes,
  /** Official marks printed or bought that year. */
  marksPrinted: z.number().int({ message: '须为整数 / must be a whole number' })
    .min(0, { message: '不能为负数 / may not be negative' })
    .max(RETURN_MARKS_MAX, { message: `不能超过 ${RETURN_MARKS_MAX.toLocaleString('en-US')} 枚 / may not exceed ${RETURN_MARKS_MAX.toLocaleString('en-US')}` })
    .nullable().default(null),
  /** Main sales channels, one short text each. */
  channels: z.array(line(RETURN_CHANNEL_CHARS)).max(RETURN_CHANNELS_MAX, { message: `最多 ${RETURN_CHANNELS_MAX} 个渠道 / at most ${RETURN_CHANNELS_MAX} channels` }).default([]),
  note: text(RETURN_NOTE_CHARS).default(''),
}).strict().refine((r) => r.markedTonnes === null || r.outputTonnes === null || r.markedTonnes <= r.outputTonnes, {
  message: '用标数量不能大于产量 / The marked volume may not exceed the output', path: ['markedTonnes'],
});
export type UsageReturnInput = z.infer<typeof UsageReturnInput>;

/**
 * Why a year cannot take a return for a user authorised from `from` (until `until`), today being `today`:
 * it must lie from the year the authorisation starts to this year (and not after the year it ends). Null when it may.
 */
export function returnYearProblem(year: number, user: { from: string; until: string | null }, today: string): string | null {
  const first = Number(user.from.slice(0, 4));
  const last = Math.min(Number(today.slice(0, 4)), user.until ? Number(user.until.slice(0, 4)) : Infinity);
  if (year >= first && year <= last) return null;
  return first > last
    ? '该企业的用标期尚无可报告的年度 / This user has no year to report on yet'
    : `年度须在 ${first} 至 ${last} 年之间 / The year must be from ${first} to ${last}`;
}

/** The years a user may report on, newest first (from its authorisation's first year to this year or its last). */
export function returnYears(user: { from: string; until: string | null }, today: string): number[] {
  const first = Number(user.from.slice(0, 4));
  const last = Math.min(Number(today.slice(0, 4)), user.until ? Number(user.until.slice(0, 4)) : Infinity);
  const years: number[] = [];
  for (let y = last; y >= first; y--) years.push(y);
  return years;
}

/** Channels as people write them in one cell or field: split at 、 , ， ; ； / and line breaks, blanks dropped. */
export function splitChannels(textValue: string): string[] {
  return textValue.split(/[、,，;；/\n\r]+/).map((c) => c.trim()).filter((c) => c !== '');
}

// ---------------------------------------------------------------- answers

/** What a return declares, as stored. */
export const UsageReturnValues = z.object({
  markedTonnes: z.number().nullable(),
  outputTonnes: z.number().nullable(),
  marksPrinted: z.number().int().nullable(),
  channels: z.array(z.string()),
  note: z.string(),
});
export type UsageReturnValues = z.infer<typeof UsageReturnValues>;

/** A stored return as officials read it. */
export const UsageReturn = UsageReturnValues.extend({
  id: z.number().int(),
  authorizedUserId: z.number().int(),
  year: z.number().int(),
  status: UsageReturnStatus,
  via: UsageReturnVia,
  /** Why the county returned it ('' otherwise; a note with an acceptance is kept too). */
  reviewNote: z.string(),
  /** The account that accepted, returned or entered it. */
  reviewedBy: z.string().nullable(),
  reviewedAt: IsoDateTime.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The version a county's PUT and a review replace (a year with no return: `absent`). */
  version: versionField(),
});
export type UsageReturn = z.infer<typeof UsageReturn>;

/** A link issued and not yet used nor expired (its token is never kept, so never shown again). */
export const OpenReturnLink = z.object({
  id: z.number().int(),
  authorizedUserId: z.number().int(),
  year: z.number().int(),
  expiresAt: IsoDateTime,
  createdAt: z.string(),
});
export type OpenReturnLink = z.infer<typeof OpenReturnLink>;

/** GET …/usage-returns: the returns (newest year first) and the open links of a user, or of a designation's users. */
export const UsageReturnList = z.object({ items: z.array(UsageReturn), links: z.array(OpenReturnLink) });
export type UsageReturnList = z.infer<typeof UsageReturnList>;

/** The body of POST /api/usage-returns/{id}/review: accept a submitted return, or return it saying why. */
export const UsageReturnReview = z.object({
  decision: z.enum(['accept', 'return']),
  note: text(500).default(''),
}).strict().refine((r) => r.decision !== 'return' || r.note.trim() !== '', {
  message: '退回时请写明原因 / Say why it is returned', path: ['note'],
});
export type UsageReturnReview = z.infer<typeof UsageReturnReview>;

// ---------------------------------------------------------------- links

/** The body of POST /api/authorized-users/{id}/return-links: the year to report on, and how many days the link lasts. */
export const ReturnLinkCreate = z.object({
  year: z.number().int(),
  days: z.number().int().min(1).max(RETURN_LINK_MAX_DAYS).default(RETURN_LINK_DAYS),
}).strict();
export type ReturnLinkCreate = z.infer<typeof ReturnLinkCreate>;

/** A link just issued: the address to send (shown once), and its QR code as SVG. */
export const ReturnLinkIssued = z.object({
  /** The page's path, `/return/<token>`. */
  path: z.string(),
  /** The whole address (PUBLIC_BASE_URL, or the address the request came to). */
  url: z.string(),
  year: z.number().int(),
  expiresAt: IsoDateTime,
  /** The address as a QR code (SVG text). */
  qrSvg: z.string(),
});
export type ReturnLinkIssued = z.infer<typeof ReturnLinkIssued>;

/** GET /api/return-links/{token}: what the company's page shows — the user, its GI and the year — and nothing else. */
export const ReturnLinkForm = z.object({
  userName: z.string(),
  productZh: z.string(),
  productEn: z.string().nullable(),
  giType: GiType,
  markKind: MarkKind.nullable(),
  year: z.number().int(),
  expiresAt: IsoDateTime,
  /** When the county returned this year's return: why, and what was sent (to correct it). */
  returned: z.object({ note: z.string(), values: UsageReturnValues }).nullable(),
});
export type ReturnLinkForm = z.infer<typeof ReturnLinkForm>;

/** POST /api/return-links/{token}: the return as received. */
export const ReturnReceipt = z.object({ year: z.number().int(), status: z.literal('submitted'), receivedOn: IsoDate });
export type ReturnReceipt = z.infer<typeof ReturnReceipt>;
