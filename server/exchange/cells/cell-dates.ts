/**
 * Date cells as officials write them (`2024-05-01`, `2024/5/1`, `2024年5月`, `2013`, a real Excel date or
 * its serial number) read at the precision known, or a problem in both languages listing the forms.
 */
import type { Label } from '../../../db/model/labels';
import { daysInMonth, todayInShanghai } from '../../../db/model/partial-date';
import type { PartialDate } from '../../../db/model/scalars';
import { fail, isEmptyCell, normalise, ok, shownCell, type Cell, type CellResult } from './cell-values';

// ---------------------------------------------------------------- dates

/** The ways a date may be written, by how precisely it is known (for the template's instructions too). */
export const DATE_FORMS = [
  { example: '2024-05-01', precision: 'day', zh: '年-月-日', en: 'year-month-day' },
  { example: '2024/5/1', precision: 'day', zh: '年/月/日', en: 'year/month/day' },
  { example: '2024.5.1', precision: 'day', zh: '年.月.日', en: 'year.month.day' },
  { example: '2024年5月1日', precision: 'day', zh: '中文年月日', en: 'in Chinese' },
  { example: '20240501', precision: 'day', zh: '八位数字', en: 'eight digits' },
  { example: '2024年5月', precision: 'month', zh: '只知道年月', en: 'only the month known' },
  { example: '2024-05', precision: 'month', zh: '只知道年月', en: 'only the month known' },
  { example: '2024/5', precision: 'month', zh: '只知道年月', en: 'only the month known' },
  { example: '2024年', precision: 'year', zh: '只知道年份', en: 'only the year known' },
  { example: '2024', precision: 'year', zh: '只知道年份', en: 'only the year known' },
] as const satisfies readonly { example: string; precision: 'day' | 'month' | 'year'; zh: string; en: string }[];

const examples = (precision: string, or: string) => {
  const list = DATE_FORMS.filter((f) => f.precision === precision).map((f) => f.example);
  return `${list.slice(0, -1).join(or === '或' ? '、' : ', ')} ${or} ${list.at(-1)}`;
};

/** How to write a date, in both languages: the end of every date problem and a line of the template. */
export const DATE_HELP: Label = {
  zh: `请填写：${examples('day', '或')}；只知道年月时填 ${examples('month', '或')}；只知道年份时填 ${examples('year', '或')}；也可以使用 Excel 的日期格式单元格`,
  en: `Write ${examples('day', 'or')}; when only the month is known, ${examples('month', 'or')}; when only the year is known, ${examples('year', 'or')}; or use a cell in Excel's date format`,
};

/** The earliest year a registry date may have (the People's Republic's registrations begin after 1949). */
export const EARLIEST_YEAR = 1949;
/** How many years ahead a date may lie when future dates are allowed (`validUntil`). */
const FUTURE_YEARS = 50;

/** Options of readDate: today's date (Asia/Shanghai by default), and what the column allows. */
export interface DateOptions {
  /** `YYYY-MM-DD`; the current year and the last Excel serial accepted follow from it. */
  today?: string;
  /** Accept dates up to 50 years ahead (`validUntil`), instead of none after the current year. */
  allowFuture?: boolean;
  /** Refuse a year or a month alone: the column is day-precise (`validUntil`, period dates). */
  needDay?: boolean;
}

const DAY = 86_400_000;
/** Day 0 of Excel's 1900 date system as it counts after its phantom 1900-02-29 (serial 61 = 1900-03-01). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const TIME_OF_DAY = String.raw`(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const DAY_PATTERNS = [
  new RegExp(String.raw`^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})${TIME_OF_DAY}$`),
  new RegExp(String.raw`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?${TIME_OF_DAY}$`),
  /^(\d{4})(\d{2})(\d{2})$/,
];
const MONTH_PATTERNS = [/^(\d{4})\s*[-/.]\s*(\d{1,2})$/, /^(\d{4})\s*年\s*(\d{1,2})\s*月份?$/];
const YEAR_PATTERN = /^(\d{4})(?:\s*年度?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');
/** The serial number Excel gives a UTC calendar day. */
const serialOf = (isoDay: string) => Math.round((Date.parse(`${isoDay}T00:00:00Z`) - EXCEL_EPOCH) / DAY);

/** Reads a date at the precision known (`2024`, `2024-05`, `2024-05-01`) from text, an Excel date or a serial. */
export function readDate(cell: Cell, options: DateOptions = {}): CellResult<PartialDate | null> {
  if (isEmptyCell(cell)) return ok(null);
  const today = options.today ?? todayInShanghai();
  const latestYear = Number(today.slice(0, 4)) + (options.allowFuture ? FUTURE_YEARS : 0);
  const shown = shownCell(cell);
  const problem = (zh: string, en: string) => fail(`${zh}。${DATE_HELP.zh}`, `${en}. ${DATE_HELP.en}`);
  const unrecognised = () => problem(`无法识别日期"${shown}"`, `"${shown}" is not a date`);

  let parts: [number, number?, number?] | undefined;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return unrecognised();
    parts = [cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()];
  } else if (typeof cell === 'number') {
    const read = dateOfNumber(cell, today, latestYear, options.allowFuture ?? false);
    if (read === 'ambiguous') {
      const year = Math.floor(cell);
      return problem(`"${shown}"被 Excel 存成了数字，看不出是 ${year}年1月 还是 ${year}年10月；请写成 ${year}-01 或 ${year}-10 这样的形式`,
        `Excel stored "${shown}" as a number, so it may mean January or October ${year}; write it like ${year}-01 or ${year}-10`);
    }
    if (read === 'out of range') {
      return problem(`数字 ${shown} 不是 ${EARLIEST_YEAR} 年到 ${latestYear} 年之间的日期`,
        `The number ${shown} is not a date between ${EARLIEST_YEAR} and ${latestYear}`);
    }
    if (!read) return unrecognised();
    parts = read;
  } else if (typeof cell === 'string') {
    parts = dateOfText(normalise(cell));
    if (!parts) return unrecognised();
  } else {
    return unrecognised();
  }

  const [year, month, day] = parts;
  if (month !== undefined && (month < 1 || month > 12)) {
    return problem(`"${shown}"不是有效日期：月份须在 1 到 12 之间`, `"${shown}" is not a real date: the month must be 1 to 12`);
  }
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return problem(`"${shown}"不是有效日期：${year}年${month}月只有${daysInMonth(year, month)}天`,
      `"${shown}" is not a real date: ${year}-${pad(month)} has ${daysInMonth(year, month)} days`);
  }
  if (year < EARLIEST_YEAR || year > latestYear) {
    return problem(`"${shown}"的年份须在 ${EARLIEST_YEAR} 年到 ${latestYear} 年之间`,
      `The year of "${shown}" must be between ${EARLIEST_YEAR} and ${latestYear}`);
  }
  if (options.needDay && day === undefined) {
    return fail(`"${shown}"须写到具体哪一天。请写成 2024-05-01、2024/5/1 或 2024年5月1日 这样的日期`,
      `"${shown}" needs the exact day. Write it like 2024-05-01, 2024/5/1 or 2024年5月1日`);
  }
  if (month === undefined) return ok(String(year));
  return ok(day === undefined ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`);
}

/** The parts of a date written as text in one of DATE_FORMS, or undefined. */
function dateOfText(text: string): [number, number?, number?] | undefined {
  for (const pattern of DAY_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  for (const pattern of MONTH_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return [Number(m[1]), Number(m[2])];
  }
  const m = YEAR_PATTERN.exec(text);
  return m ? [Number(m[1])] : undefined;
}

/**
 * A number cell as a date: a four-digit year (2024), eight digits (20240501), a year.month Excel made a
 * number of (2024.5), or an Excel serial (45413 = 2024-05-01; a fraction is the time of day).
 */
function dateOfNumber(n: number, today: string, latestYear: number, allowFuture: boolean):
  [number, number?, number?] | 'ambiguous' | 'out of range' | undefined {
  if (!Number.isFinite(n) || n <= 0) return undefined;
  if (Number.isInteger(n) && n >= 1000 && n <= 9999) return [n];
  if (Number.isInteger(n) && n >= 10_000_000 && n <= 99_999_999) return dateOfText(String(n));
  if (n >= 1000 && n < 10_000) {
    // "2024.10" typed into a General cell is stored as 2024.1: month 1 and month 10 look the same.
    const [, fraction = ''] = String(n).split('.');
    if (fraction === '1') return 'ambiguous';
    return fraction.length <= 2 ? dateOfText(String(n)) : undefined;
  }
  const serial = Math.floor(n);
  const last = allowFuture ? serialOf(`${latestYear}-12-31`) : serialOf(today) + 1;
  if (serial < serialOf(`${EARLIEST_YEAR}-01-01`) || serial > last) return 'out of range';
  const day = new Date(EXCEL_EPOCH + serial * DAY);
  return [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
}

