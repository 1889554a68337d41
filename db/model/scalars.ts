/** Scalar types: dates, sources, and unified social credit codes (GB 32100-2015). */
import { z } from 'zod';

// ---------------------------------------------------------------- scalars

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
/** A timestamp in ISO 8601 (UTC). */
export const IsoDateTime = z.iso.datetime();

/** Today's date in Asia/Shanghai, `YYYY-MM-DD`. */
export function todayInShanghai(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

/** Adds whole years to a date, returning the day before the anniversary (a 10-year term ends then). */
export function termEnd(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const end = new Date(Date.UTC(y + years, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

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

/** A short single-line text (names, labels, numbers). */
export const line = (max: number) => z.string().trim().min(1).max(max);
/** A longer free text that may be empty. */
export const text = (max: number) => z.string().max(max);

/** A source: where a fact came from (a citation or an address). */
export const Source = line(500);
/** The sources of a fact. */
export const Sources = z.array(Source).max(50);
