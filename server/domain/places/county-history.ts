/**
 * Which counties exist on a date. The counties are data: every county the boundary file ever loaded
 * stays in the `counties` table, and dated division changes (`county_changes`, one row per old code →
 * new code) say when one ended and another began. A county is valid until a change takes it as its
 * `fromCode`, and a county a change created (its `toCode`) exists only from that change's day. Before
 * that day, whatever is now in the new county stood in the one it came from: the tally and the report
 * count it there, so history before a change keeps its old county.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { countyExistsOn, todayInShanghai, type County } from '../../../db/model';
import * as t from '../../../db/schema';
import { HttpError, type Issue } from '../../errors';

/** A database handle or the transaction a write runs in. */
type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

/** A county's code, names and the days it began and ended (County without its points). */
export type CountySpan = Pick<County, 'code' | 'nameZh' | 'nameEn' | 'startedOn' | 'endedOn'>;

/** The counties and their changes, read once: a plain value any number of questions can be asked of. */
export interface CountyHistory {
  /** Every county ever loaded, in code order. */
  readonly spans: readonly CountySpan[];
  /** Every change, oldest first. */
  readonly changes: readonly CountyChangeLink[];
  /** The county with this code, if it was ever loaded. */
  span(code: string): CountySpan | undefined;
  /** The codes of the counties that exist on `day`, in code order. */
  existingOn(day: string): string[];
  /** The counties that exist on `day`, in code order. */
  spansOn(day: string): CountySpan[];
  /**
   * The counties that the codes of today stood for on `day`, without repeats: a code itself, or, on a day
   * before the change that created it, the codes it came from (a split's parts all go back to the one
   * county; a merge's county goes back to each of those merged, as the registry cannot tell which).
   */
  codesOn(codes: readonly string[], day: string): readonly string[];
}

/** One recorded change: from `on`, what was in `fromCode` is in `toCode`. */
export interface CountyChangeLink { on: string; fromCode: string; toCode: string }

/** Changes deeper than this are a loop in the data, not history. */
const MAX_CHAIN = 32;

/** Builds the history from the counties and the change rows (pure). */
export function countyHistoryOf(
  counties: readonly { code: string; nameZh: string; nameEn: string }[],
  changes: readonly CountyChangeLink[],
): CountyHistory {
  const earliest = (list: string[]) => (list.length ? list.reduce((a, b) => (b < a ? b : a)) : null);
  const spans: CountySpan[] = counties.map((c) => ({
    code: c.code, nameZh: c.nameZh, nameEn: c.nameEn,
    startedOn: earliest(changes.filter((x) => x.toCode === c.code).map((x) => x.on)),
    endedOn: earliest(changes.filter((x) => x.fromCode === c.code).map((x) => x.on)),
  })).sort((a, b) => a.code.localeCompare(b.code));
  const byCode = new Map(spans.map((s) => [s.code, s]));
  /** The codes each county was made from, on the day it began. */
  const madeFrom = new Map<string, string[]>();
  for (const s of spans) {
    if (s.startedOn === null) continue;
    madeFrom.set(s.code, changes.filter((x) => x.toCode === s.code && x.on === s.startedOn).map((x) => x.fromCode).sort());
  }
  const back = (code: string, day: string, depth: number, out: Set<string>): void => {
    const started = byCode.get(code)?.startedOn ?? null;
    const from = madeFrom.get(code);
    if (started === null || day >= started || !from || depth >= MAX_CHAIN) { out.add(code); return; }
    for (const f of from) back(f, day, depth + 1, out);
  };
  return {
    spans,
    changes: [...changes].sort((a, b) => a.on.localeCompare(b.on)),
    span: (code) => byCode.get(code),
    existingOn: (day) => spans.filter((s) => countyExistsOn(s, day)).map((s) => s.code),
    spansOn: (day) => spans.filter((s) => countyExistsOn(s, day)),
    codesOn: (codes, day) => {
      // Most days are after every change: the codes as they are.
      if (codes.every((c) => { const s = byCode.get(c)?.startedOn; return s === null || s === undefined || day >= s; })) return codes;
      const out = new Set<string>();
      for (const c of codes) back(c, day, 0, out);
      return [...out].sort();
    },
  };
}

/** Reads the counties (without their boundaries) and the division changes (in the caller's transaction, if any). */
export function loadCountyHistory(db: Tx): CountyHistory {
  return countyHistoryOf(
    db.select({ code: t.counties.code, nameZh: t.counties.nameZh, nameEn: t.counties.nameEn }).from(t.counties).orderBy(asc(t.counties.code)).all(),
    db.select({ on: t.countyChanges.on, fromCode: t.countyChanges.fromCode, toCode: t.countyChanges.toCode }).from(t.countyChanges).all(),
  );
}

/** The codes of the counties that exist on `day` (today by default), in code order. */
export function countiesExistingOn(db: Tx, day: string = todayInShanghai()): string[] {
  return loadCountyHistory(db).existingOn(day);
}

/** What a code no county ever had is, in words. */
const UNKNOWN = (code: string) => ({ zh: `${code} 不是晋城市的县（市、区）代码`, en: `${code} is not a county of Jincheng` });

/** Why a code is not a county on `day`, in Chinese and English, or null when it is one. */
export function notACountyOn(history: CountyHistory, code: string, day: string): { zh: string; en: string } | null {
  const s = history.span(code);
  if (s && countyExistsOn(s, day)) return null;
  if (!s) return UNKNOWN(code);
  if (s.endedOn !== null && day >= s.endedOn) {
    const now = history.changes.filter((x) => x.fromCode === code && x.on === s.endedOn)
      .map((x) => history.span(x.toCode) ?? { code: x.toCode, nameZh: x.toCode, nameEn: x.toCode });
    const zhNow = now.length ? `，现为${now.map((x) => `${x.nameZh}（${x.code}）`).join('、')}` : '';
    const enNow = now.length ? `; it is now ${now.map((x) => `${x.nameEn} (${x.code})`).join(', ')}` : '';
    return { zh: `${s.nameZh}（${code}）已于 ${s.endedOn} 因行政区划变更撤销${zhNow}`, en: `${s.nameEn} (${code}) ended on ${s.endedOn} with a division change${enNow}` };
  }
  return { zh: `${s.nameZh}（${code}）自 ${s.startedOn} 起才设立`, en: `${s.nameEn} (${code}) exists only from ${s.startedOn}` };
}

/**
 * Throws 400 `unknown_county` unless every code is a county on `day` (today by default), naming each
 * code that is not, on the path `pathOf(i)` (`counties.<i>` unless told).
 */
export function assertCountiesExist(
  db: Tx, codes: readonly string[], pathOf: (i: number) => Issue['path'] = (i) => ['counties', i], day: string = todayInShanghai(),
): void {
  if (codes.length === 0) return;
  const history = loadCountyHistory(db);
  const issues: Issue[] = [];
  codes.forEach((code, i) => {
    const why = notACountyOn(history, code, day);
    if (why) issues.push({ path: pathOf(i), message: `${why.zh} / ${why.en}` });
  });
  if (issues.length === 0) return;
  const halves = issues.map((i) => i.message.split(' / '));
  throw new HttpError(400, 'unknown_county', `${halves.map(([zh]) => zh).join('；')} / ${halves.map(([, en]) => en).join('; ')}`, issues);
}

/**
 * Throws 400 `unknown_county` unless `code` is a county the registry has had (a filter may name one a
 * division change ended: its history is still there).
 */
export function assertCountyKnown(db: Tx, code: string, path: Issue['path'] = ['county']): void {
  if (db.select({ code: t.counties.code }).from(t.counties).where(eq(t.counties.code, code)).get()) return;
  const { zh, en } = UNKNOWN(code);
  const message = `${zh} / ${en}`;
  throw new HttpError(400, 'unknown_county', message, [{ path, message }]);
}
