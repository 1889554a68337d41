/**
 * The next plan period, as far as it can be known without inventing anything: it follows the last one
 * for the same length, and its baselines are what was in force at the last one's end. Its names are
 * only hinted (the usual next name, 十四五 → 十五五) and its targets are left to the admin.
 */
import { perGiType, type GiType, type Period, type Tally } from '../../db/model';

/** What the form for the next period starts from. */
export interface NextPeriodStart {
  startsOn: string;
  endsOn: string;
  /**
   * Per GI type, what counted toward a target on the last period's last day (the tally as of its end:
   * `towardTarget`, which is what is in force, conversions aside), so the next period starts from nought added.
   */
  baselines: Record<GiType, number>;
  /** The usual next names, shown as hints and never filled in (null where the last name follows no known pattern). */
  nameHint: { name: string | null; nameEn: string | null };
  /** The period it follows. */
  after: Pick<Period, 'name' | 'nameEn' | 'endsOn'>;
}

/**
 * Whether an admin should be asked for the next period: the default tally (`tally`, asked with no
 * period or date) is of the last period (`periods`, oldest first) and that period has ended.
 */
export function nextPeriodDue(periods: readonly Period[], tally: Tally): boolean {
  const last = periods.at(-1);
  return last !== undefined && tally.period.id === last.id && tally.periodEnded;
}

/** The start of the next period after `last`, with its baselines from `atEnd`, the tally of `last` as of its end. */
export function nextPeriodStart(last: Period, atEnd: Tally): NextPeriodStart {
  if (atEnd.period.id !== last.id || atEnd.asOf !== last.endsOn) throw new Error('the baselines must come from the tally at the period’s end');
  const counted = new Map(atEnd.types.map((x) => [x.giType, x.towardTarget]));
  return {
    ...followingDates(last),
    baselines: perGiType((g) => counted.get(g) ?? 0),
    nameHint: { name: nextChineseName(last.name), nameEn: nextEnglishName(last.nameEn) },
    after: { name: last.name, nameEn: last.nameEn, endsOn: last.endsOn },
  };
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (on: string, n: number) => { const d = day(on); d.setUTCDate(d.getUTCDate() + n); return iso(d); };

/**
 * The dates from the day after `p` ends, for as long as `p`: whole months when `p` runs from a
 * month's first day to a month's last (five years of 1 January – 31 December stay so), else days.
 */
export function followingDates(p: Pick<Period, 'startsOn' | 'endsOn'>): { startsOn: string; endsOn: string } {
  const startsOn = addDays(p.endsOn, 1);
  if (p.startsOn.endsWith('-01') && startsOn.endsWith('-01')) {
    const month = (on: string) => Number(on.slice(0, 4)) * 12 + Number(on.slice(5, 7)) - 1;
    const firstAfter = month(startsOn) + month(p.endsOn) - month(p.startsOn) + 1;
    const next = `${String(Math.floor(firstAfter / 12)).padStart(4, '0')}-${String((firstAfter % 12) + 1).padStart(2, '0')}-01`;
    return { startsOn, endsOn: addDays(next, -1) };
  }
  const length = Math.round((day(p.endsOn).getTime() - day(p.startsOn).getTime()) / 86_400_000);
  return { startsOn, endsOn: addDays(startsOn, length) };
}

const DIGITS = '一二三四五六七八九';

/** A Chinese number from 1 to 99 (十四, 二十一), or null. */
function readChinese(s: string): number | null {
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(s);
  if (!m || s === '' || (m[1] && !m[2] && m[3])) return null;
  const tens = m[2] ? (m[1] ? DIGITS.indexOf(m[1]) + 1 : 1) : 0;
  const units = m[3] ? DIGITS.indexOf(m[3]) + 1 : m[2] ? 0 : m[1] ? DIGITS.indexOf(m[1]) + 1 : 0;
  return m[2] ? tens * 10 + units : units;
}

function writeChinese(n: number): string {
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens > 1 ? DIGITS[tens - 1] : ''}${tens > 0 ? '十' : ''}${units > 0 ? DIGITS[units - 1] : ''}`;
}

/** The usual name of the five-year plan after `name` (十四五 → 十五五), or null for a name of another shape. */
export function nextChineseName(name: string): string | null {
  const m = /^(.{1,3})五$/u.exec(name);
  const n = m ? readChinese(m[1]) : null;
  return n !== null && n < 99 ? `${writeChinese(n + 1)}五` : null;
}

const ordinal = (n: number) => {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
};

/** The usual English name after `nameEn` (14th Five-Year Plan → 15th Five-Year Plan), or null when it starts with no ordinal. */
export function nextEnglishName(nameEn: string): string | null {
  const m = /^(\d{1,3})(?:st|nd|rd|th)\b(.*)$/iu.exec(nameEn.trim());
  return m ? `${ordinal(Number(m[1]) + 1)}${m[2]}` : null;
}
