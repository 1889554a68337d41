/**
 * Dates known only as well as they are known (README "The data"): a fact
 * happened in `2013`, in `2013-07` or on `2013-07-03`. A partial date is never padded to 1 January;
 * instead it is compared through its first and last possible days.
 *
 * Calendar arithmetic here is plain integer arithmetic on (year, month, day), never `Date`: `Date.UTC`
 * maps the years 0–99 to 1900–1999, so a date built with it can silently move by centuries. No zod here,
 * so the browser's first page has these without it: the schema of a partial date is scalars.ts's `PartialDate`.
 */
/**
 * The earliest year a date of the registry may have. Every fact the registry records (a GI filed,
 * published, granted, a cultivation started, a term that runs out) is an act of an authority of the
 * People's Republic, founded in 1949 (the trademark, protected-product and agricultural-GI systems
 * themselves date from 1982 onwards), so nothing before 1949 can be a fact of this registry — while a
 * date known only as "1949" must still be writable, hence a bound on the year (1949-01-01), not on
 * 1 October. The import reads dates with the same bound (server/import/cell-dates.ts EARLIEST_YEAR).
 */
export const EARLIEST_YEAR = 1949;
/** Today's date in Asia/Shanghai, `YYYY-MM-DD`. */
export function todayInShanghai(now: Date = new Date()): string {
  return shanghaiDay.format(now);
}

// Made once: building an Intl formatter costs more than the tally route's whole fast answer.
const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });

/** The earliest day a registry date may be (`EARLIEST_YEAR`-01-01). */
export const EARLIEST_DAY = `${EARLIEST_YEAR}-01-01`;

/** The refusal of a date before 1949 (both languages, the house style). */
export const BEFORE_EARLIEST_MESSAGE =
  `日期不能早于 ${EARLIEST_YEAR} 年：登记的事实都在 ${EARLIEST_YEAR} 年以后 / The date may not be before ${EARLIEST_YEAR} (the registry records facts from ${EARLIEST_YEAR} on)`;

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether a year of the proleptic Gregorian calendar is a leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The number of days in a month (1–12) of a year, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
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
export function precisionOf(d: string): 'year' | 'month' | 'day' {
  return d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day';
}

/** Whether a date's year (the first four characters of `YYYY…`) is not before `EARLIEST_YEAR`. */
export function notBeforeEarliest(d: string): boolean {
  return Number(d.slice(0, 4)) >= EARLIEST_YEAR;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day as `YYYY-MM-DD` (the year always four digits). */
export function formatDay(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

function partsOf(d: string) {
  const parts = partialDateParts(d);
  if (!parts) throw new RangeError(`Not a partial date: ${JSON.stringify(d)}`);
  return parts;
}

/** The earliest day a partial date can stand for (`2020` → `2020-01-01`, `2020-02` → `2020-02-01`). */
export function firstPossibleDay(d: string): string {
  const { year, month = 1, day = 1 } = partsOf(d);
  return formatDay(year, month, day);
}

/** The latest day a partial date can stand for (`2020` → `2020-12-31`, `2020-02` → `2020-02-29`). */
export function lastPossibleDay(d: string): string {
  const { year, month = 12, day = daysInMonth(year, month) } = partsOf(d);
  return formatDay(year, month, day);
}

/** Whether `a` is not before `b`: a's last possible day is not before b's first possible day. */
export function isNotBefore(a: string, b: string): boolean {
  return lastPossibleDay(a) >= firstPossibleDay(b);
}

/**
 * The same day `years` later (earlier when negative); 29 February in a common year becomes 28 February.
 * Pure calendar arithmetic: `addYears('0050-01-03', 10)` is `0060-01-03`, not a day of the 1960s.
 */
export function addYears(day: string, years: number): string {
  const { year, month, day: d } = partsOf(day);
  if (month === undefined || d === undefined) throw new RangeError(`Not a day: ${JSON.stringify(day)}`);
  const y = year + years;
  return formatDay(y, month, Math.min(d, daysInMonth(y, month)));
}

/**
 * Adds whole years to a date, returning the day before the anniversary (a 10-year term ends then):
 * `2020-06-14` + 10 → `2030-06-13`; from 29 February the anniversary in a common year is 1 March, so
 * the term ends on 28 February.
 */
export function termEnd(start: string, years: number): string {
  const { year, month, day } = partsOf(start);
  if (month === undefined || day === undefined) throw new RangeError(`Not a day: ${JSON.stringify(start)}`);
  let y = year + years;
  let m = month;
  let d = day;
  if (d > daysInMonth(y, m)) { d = 1; m += 1; } // 29 February → 1 March of a common year
  d -= 1;
  if (d === 0) {
    m -= 1;
    if (m === 0) { m = 12; y -= 1; }
    d = daysInMonth(y, m);
  }
  return formatDay(y, m, d);
}

/** Whether `a` is certainly before `b`: its last possible day comes before b's first possible day. */
export function isBefore(a: string, b: string): boolean {
  return !isNotBefore(a, b);
}

/**
 * Items in the order their dates give, and as recorded where the dates cannot tell (a date is not
 * before another when its last possible day is not before the other's first: isNotBefore). An item moves
 * ahead only of earlier-recorded items certainly after it, so `2020-05-01` recorded before `2020`
 * stays first: `2020` may well be later. A history recorded in order comes out unchanged.
 */
export function inDateOrder<T>(items: readonly T[], dateOf: (item: T) => string): T[] {
  const out: T[] = [];
  for (const item of items) {
    let at = out.length;
    while (at > 0 && isBefore(dateOf(item), dateOf(out[at - 1]))) at--;
    out.splice(at, 0, item);
  }
  return out;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/**
 * A partial date as a reader says it, never padded: Chinese `2013年`, `2013年7月`, `2013-07-03`;
 * English `2013`, `July 2013`, `2013-07-03`. Text that is not a partial date comes back as it is.
 */
export function formatPartialDate(d: string, lang: 'zh' | 'en'): string {
  const parts = partialDateParts(d);
  if (!parts || parts.day !== undefined) return d;
  if (parts.month === undefined) return lang === 'zh' ? `${parts.year}年` : String(parts.year);
  return lang === 'zh' ? `${parts.year}年${parts.month}月` : `${MONTHS_EN[parts.month - 1]} ${parts.year}`;
}
