/**
 * Dates known only as well as they are known (DESIGN.md "Dates and how well they are known"): a fact
 * happened in `2013`, in `2013-07` or on `2013-07-03`. A partial date is never padded to 1 January;
 * instead it is compared through its first and last possible days.
 */
import { z } from 'zod';

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The number of days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parts of a partial date, or null when the text is not one (wrong shape or no such day). */
export function partialDateParts(d: string): { year: number; month?: number; day?: number } | null {
  const m = SHAPE.exec(d);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** How precisely a partial date is known: to the year, the month or the day. */
export function precisionOf(d: PartialDate): 'year' | 'month' | 'day' {
  return d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day';
}

/** A date at the precision known: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, always a real calendar date. */
export const PartialDate = z.string().refine((d) => partialDateParts(d) !== null, {
  params: { format: 'date' }, // forms show their own "enter a date" message for it
  message: '日期须为 YYYY、YYYY-MM 或 YYYY-MM-DD 形式的有效日期 / a date is a valid YYYY, YYYY-MM or YYYY-MM-DD',
});
export type PartialDate = z.infer<typeof PartialDate>;

const pad = (n: number) => String(n).padStart(2, '0');

function partsOf(d: string) {
  const parts = partialDateParts(d);
  if (!parts) throw new RangeError(`Not a partial date: ${JSON.stringify(d)}`);
  return parts;
}

/** The earliest day a partial date can stand for (`2020` → `2020-01-01`, `2020-02` → `2020-02-01`). */
export function firstPossibleDay(d: PartialDate): string {
  const { year, month = 1, day = 1 } = partsOf(d);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The latest day a partial date can stand for (`2020` → `2020-12-31`, `2020-02` → `2020-02-29`). */
export function lastPossibleDay(d: PartialDate): string {
  const { year, month = 12, day = daysInMonth(year, month) } = partsOf(d);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Whether `a` is not before `b`: a's last possible day is not before b's first possible day. */
export function isNotBefore(a: PartialDate, b: PartialDate): boolean {
  return lastPossibleDay(a) >= firstPossibleDay(b);
}
