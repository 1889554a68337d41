/**
 * Look-ups on /verify that found nobody, counted by what was asked and nothing else (never who asked,
 * never when beyond the first and the last time): a name or code asked again and again is a company
 * buyers meet on the market that the registry does not list (a user the county has not entered yet,
 * or a fake). Officials see the keys asked at least MIN_MISSES_SHOWN times.
 */
import { z } from 'zod';
import { asCreditCode, comparableName, isValidCreditCode } from './verify-match';
import { IsoDateTime } from './scalars';

/** How often a key must have been asked before officials see it (once or twice is a typo). */
export const MIN_MISSES_SHOWN = 3;
/** Most keys GET /api/verify-misses lists. */
export const MAX_MISSES_LISTED = 200;
/**
 * A key asked fewer than MIN_MISSES_SHOWN times and not asked again for this many days is forgotten: a
 * typo or a one-off, never shown, and anyone can ask for random names, so without a limit the table grows
 * with every look-up (found in review after issue 21).
 */
export const MISS_FORGET_DAYS = 90;
/** Most keys kept: beyond it the least asked (then the longest unasked) go first. */
export const MAX_MISSES_KEPT = 20_000;

/** What a missed query was: a name (its comparable form) or a credit code. */
export const VerifyMissKind = z.enum(['name', 'credit_code']);
export type VerifyMissKind = z.infer<typeof VerifyMissKind>;

/**
 * The key a missed query is counted under: a valid credit code upper-cased without spaces, or a name
 * as verification compares it; null for a code with a wrong check character (a typo, never counted).
 */
export function missKeyOf(q: string): { kind: VerifyMissKind; key: string } | null {
  const code = asCreditCode(q);
  if (code) return isValidCreditCode(code) ? { kind: 'credit_code', key: code } : null;
  return { kind: 'name', key: comparableName(q) };
}

/** One key asked without an answer, how often, and the first and last time. */
export const VerifyMiss = z.object({
  key: z.string(),
  kind: VerifyMissKind,
  count: z.number().int(),
  firstAt: IsoDateTime,
  lastAt: IsoDateTime,
});
export type VerifyMiss = z.infer<typeof VerifyMiss>;

/** GET /api/verify-misses: the keys asked at least MIN_MISSES_SHOWN times, most asked first. */
export const VerifyMisses = z.object({ minCount: z.number().int(), items: z.array(VerifyMiss) });
export type VerifyMisses = z.infer<typeof VerifyMisses>;
