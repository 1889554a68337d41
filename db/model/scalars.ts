/** Scalar types: dates, sources, and unified social credit codes (GB 32100-2015). */
import { z } from 'zod';
import {
  BEFORE_EARLIEST_MESSAGE, addYears, firstPossibleDay, notBeforeEarliest, partialDateParts, todayInShanghai,
} from './partial-date';
import { MAX_URL_LENGTH, isWebAddress, sourceFromText } from './source-text';

export * from './source-text';

// ---------------------------------------------------------------- scalars

/** A calendar date, `YYYY-MM-DD`, not before 1949 (partial-date.ts EARLIEST_YEAR; years 0–99 cannot occur). */
export const IsoDate = z.iso.date().refine((d) => !/^\d{4}-/.test(d) || notBeforeEarliest(d), { message: BEFORE_EARLIEST_MESSAGE });
/** A timestamp in ISO 8601 (UTC). */
export const IsoDateTime = z.iso.datetime();

/**
 * A date at the precision known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, always a real calendar date, and
 * never before 1949 (see EARLIEST_YEAR). Facts also may not lie in the future: see `FactDate`.
 */
export const PartialDate = z
  .string()
  .refine((d) => partialDateParts(d) !== null, {
    params: { format: 'date' }, // forms show their own "enter a date" message for it
    message: '日期须为 YYYY、YYYY-MM 或 YYYY-MM-DD 形式的有效日期 / a date is a valid YYYY, YYYY-MM or YYYY-MM-DD',
  })
  .refine((d) => partialDateParts(d) === null || notBeforeEarliest(d), { message: BEFORE_EARLIEST_MESSAGE });
export type PartialDate = z.infer<typeof PartialDate>;

/**
 * The date of a fact (a status move, the start of a cultivation): a partial date from 1949 to today in
 * Asia/Shanghai (as of the moment it is checked). A year or a month is "not in the future" when it may
 * have been today or earlier (its first possible day is not after today). The server checks the same
 * bound again with its own clock (server/domain/designations.ts).
 */
export const FactDate = PartialDate.superRefine((d, ctx) => {
  if (partialDateParts(d) === null) return;
  const today = todayInShanghai();
  if (firstPossibleDay(d) > today) {
    ctx.addIssue({ code: 'custom', message: futureMessage(today) });
  }
});

/** The refusal of a fact dated after today. */
export function futureMessage(today: string): string {
  return `日期不能晚于今天 ${today} / The date may not be in the future (today is ${today})`;
}

/** How many years ahead a term's end (`validUntil`) may lie; the import allows the same. */
export const TERM_YEARS_AHEAD = 50;

/**
 * The end of a term (`validUntil`): a day from 1949 to 50 years after today (trademarks run 10 years
 * and are renewed 10 at a time, so 50 years ahead is already generous). That it is not before the
 * grant is checked against the designation's history (server/domain/designations.ts).
 */
export const TermDate = IsoDate.superRefine((d, ctx) => {
  if (partialDateParts(d)?.day === undefined) return;
  const latest = addYears(todayInShanghai(), TERM_YEARS_AHEAD);
  if (d > latest) {
    ctx.addIssue({
      code: 'custom',
      message: `有效期至不能晚于 ${latest}，即今天起 ${TERM_YEARS_AHEAD} 年 / validUntil may not be after ${latest} (${TERM_YEARS_AHEAD} years from today)`,
    });
  }
});

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100-2015 check character for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31];
}

/** A unified social credit code (统一社会信用代码), 18 characters with a valid check character. */
export const CreditCode = z
  .string()
  .regex(/^[0-9A-HJ-NP-RT-UW-Y]{18}$/, '统一社会信用代码须为18位（数字或大写字母，不含I、O、S、V、Z）')
  .refine((code) => creditCodeCheckChar(code) === code[17], '统一社会信用代码校验位不正确');

// ---------------------------------------------------------------- text

/**
 * Control characters: C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F). Never part of a single line; a
 * long text keeps tab and line breaks (LF, or CR LF as pasted from Windows) and nothing else of them.
 */
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/;
/** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what is shown. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/**
 * Characters that are never seen: Unicode's default-ignorable code points (zero-width space and joiners,
 * word joiner, BOM, soft hyphen, LRM/RLM, variation selectors, Hangul fillers, tags…) and the blank
 * Braille pattern.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;
/** A character one can see: a letter, a digit, a punctuation mark or a symbol (CJK ideographs are letters). */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

export const CONTROL_MESSAGE = '不能含有控制字符 / Control characters are not allowed';
export const BIDI_MESSAGE = '不能含有文字方向控制字符 U+202A–U+202E、U+2066–U+2069 / Bidirectional control characters (U+202A–U+202E, U+2066–U+2069) are not allowed';
export const LONE_SURROGATE_MESSAGE = '含有不成对的 UTF-16 代理字符（损坏的文字），无法保存 / Contains a lone UTF-16 surrogate (broken text) that cannot be stored';
export const INVISIBLE_ONLY_MESSAGE = '须含有至少一个看得见的字符：文字、数字或符号 / At least one visible character (a letter, digit or symbol) is needed';

/**
 * Whether a text is well-formed UTF-16: no lone surrogate (`"\ud800"` is valid JSON, but has no UTF-8 form, and
 * SQLite would keep it as invalid bytes). Every text an input may store passes here (line, text, SourceUrl).
 */
export function isWellFormedText(s: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

/** A text without its invisible characters (see INVISIBLE). */
export function withoutInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/** Whether a text has at least one visible character (not only spaces, marks, format or invisible characters). */
export function hasVisible(s: string): boolean {
  return VISIBLE.test(withoutInvisible(s));
}

/**
 * A short single-line text (names, labels, numbers, sources): well-formed, no control or bidi characters; invisible
 * characters are removed (they only make look-alikes of a name, and defeat search and matching by name),
 * then the surrounding spaces; what is left must show something, and is at most `max` characters.
 */
export const line = (max: number) =>
  z.string()
    .refine(isWellFormedText, { message: LONE_SURROGATE_MESSAGE, abort: true })
    .refine((s) => !CONTROL_IN_LINE.test(s), { message: CONTROL_MESSAGE })
    .refine((s) => !BIDI_CONTROL.test(s), { message: BIDI_MESSAGE })
    .overwrite(withoutInvisible)
    .trim()
    .min(1)
    .refine((s) => s === '' || hasVisible(s), { message: INVISIBLE_ONLY_MESSAGE })
    .max(max);

/** A longer free text that may be empty: well-formed, tabs and line breaks allowed, other control and bidi characters not. */
export const text = (max: number) =>
  z.string()
    .max(max)
    .refine(isWellFormedText, { message: LONE_SURROGATE_MESSAGE })
    .refine((s) => !CONTROL_IN_TEXT.test(s), { message: CONTROL_MESSAGE })
    .refine((s) => !BIDI_CONTROL.test(s), { message: BIDI_MESSAGE });

/**
 * The key under which two product names are the same name: NFKC (full-width letters and digits,
 * compatibility and radical ideographs, circled numbers… folded to their plain forms), invisible
 * characters and all white space removed, letters in lower case. `沁水蜂蜜`, `沁水蜂蜜\u200b`,
 * `沁水 蜂蜜` and `⽔`-for-`水` variants share one key.
 */
export function productNameKey(name: string): string {
  return withoutInvisible(name.normalize('NFKC')).replace(/[\s\p{Z}]+/gu, '').toLowerCase();
}

/** A source's web address: a whole http:// or https:// address, at most 2,000 characters. */
export const SourceUrl = z.string().trim().max(MAX_URL_LENGTH)
  .refine(isWellFormedText, { message: LONE_SURROGATE_MESSAGE })
  .refine((s) => !CONTROL_IN_LINE.test(s), { message: CONTROL_MESSAGE })
  .refine((s) => !BIDI_CONTROL.test(s), { message: BIDI_MESSAGE })
  .refine((s) => withoutInvisible(s) === s, { message: '链接不能含有看不见的字符 / A link may not contain invisible characters' })
  .refine(isWebAddress, { message: '链接须为以 http:// 或 https:// 开头的完整网址 / A link is a whole http:// or https:// address' });

/**
 * A source: where a fact came from, as `{title, url}` (a citation, a link, or both; never neither).
 * Always answered as that object; a body may also give a line of text, read by sourceFromText
 * (`sqrdapp.com/news/… 标题` → `{url: "https://sqrdapp.com/news/…", title: "标题"}`, a citation → a title).
 */
export const Source = z.preprocess(
  (v) => (typeof v === 'string' ? sourceFromText(v) : v),
  z.object({ title: line(500).nullable().default(null), url: SourceUrl.nullable().default(null) })
    .strict()
    .refine((s) => s.title !== null || s.url !== null, { message: '来源须有标题或链接 / A source needs a title or a link' }),
).meta({
  description: 'A source: a title, an http(s) link, or both. A body may also give one line of text: an address at its start or end becomes the link, the rest the title.',
});
export type Source = z.infer<typeof Source>;
/** The sources of a fact. */
export const Sources = z.array(Source).max(50);
