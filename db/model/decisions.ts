/**
 * The decisions that suspend or revoke an authorised user, and how long the public sees them.
 * 《市场监督管理行政处罚信息公示规定》(国家市场监督管理总局, 2021): a decision is published within 20 working
 * days of being made, shown for 3 months when it is a simple penalty (通报批评 or a small fine) and for 3 years
 * otherwise, and taken down within 3 working days once it is changed, revoked or declared void. The registry keeps the decision's day and computes the last day it is shown
 * from it, so the window closes no later than the law allows.
 */
import { z } from 'zod';
import { IsoDate } from './scalars';

/** How long a decision is shown: 3 months (a simple penalty) or 3 years (any other). */
export const DISPLAY_WINDOWS = ['3_months', '3_years'] as const;
/** A decision's display window. */
export const DisplayWindow = z.enum(DISPLAY_WINDOWS);
export type DisplayWindow = z.infer<typeof DisplayWindow>;

const WINDOW_MONTHS: Record<DisplayWindow, number> = { '3_months': 3, '3_years': 36 };

/**
 * The day `months` calendar months after `day` (YYYY-MM-DD): the same day of the month, or the month's
 * last day when it has no such day (a period "届满" on its corresponding day, as periods are counted in law).
 */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

/** The last day a decision made on `decisionOn` is shown for its window. */
export function displayUntilOf(decisionOn: string, window: DisplayWindow): string {
  return addMonths(decisionOn, WINDOW_MONTHS[window]);
}

/** Which window a kept last day stands for (null when there is no decision, or a day neither window gives). */
export function displayWindowOf(decisionOn: string | null, displayUntil: string | null): DisplayWindow | null {
  if (decisionOn === null || displayUntil === null) return null;
  return DISPLAY_WINDOWS.find((w) => displayUntilOf(decisionOn, w) === displayUntil) ?? null;
}

/** What decides whether a decision is shown. */
export interface DecisionFacts {
  status: string;
  decisionOn: string | null;
  displayUntil: string | null;
  decisionWithdrawnOn: string | null;
}

/**
 * Whether the public sees a user's decision on `day`: the user is suspended or revoked, the decision
 * dated and not withdrawn, and `day` within its window (from its day to its last day, both shown).
 */
export function decisionShown(u: DecisionFacts, day: string): boolean {
  if (u.status !== 'suspended' && u.status !== 'revoked') return false;
  if (u.decisionOn === null || u.displayUntil === null || u.decisionWithdrawnOn !== null) return false;
  return u.decisionOn <= day && day <= u.displayUntil;
}

/** A decision as the public sees it while it is shown: why, its number (决定书文号), its day and its last day shown. */
export const ShownDecision = z.object({
  reason: z.string().nullable(),
  number: z.string().nullable(),
  on: IsoDate,
  displayUntil: IsoDate,
});
export type ShownDecision = z.infer<typeof ShownDecision>;
