/**
 * Matches one name of a scope against the 2023 township and village codes of the product's counties:
 * found, found under a changed suffix, misspelt (same pinyin, or one character off), shared by several
 * units, found only in another county, or not found. Returns codes and kinds; the words are the pages'.
 */
import { divisionIndex, type Division, type DivisionIndex } from '../../../seeds/divisions/divisions';
import { editDistanceOne, deletionKeys, pinyinKey, splitName, type Level, type NameParts } from '../../../seeds/divisions/names';

/** What became of one name; every kind but `unknown` says which codes it concerns. */
export type NameMatch =
  /** One current unit has this name in the counties (`outsideTownship`: not under the township the text put it). */
  | { kind: 'matched'; name: string; code: string; level: Level; countyCode: string; outsideTownship?: true }
  /** The same name with another suffix of its level: 乡 became 镇, 办事处 became 街道. */
  | { kind: 'renamed'; name: string; code: string; level: Level; countyCode: string }
  /** No unit has this name but `code` sounds the same or is one character off (`candidates`: all such, code first). */
  | { kind: 'misspelt'; name: string; code: string; candidates: string[]; by: 'pinyin' | 'edit'; level: Level; countyCode: string }
  /** Several units in the counties have this name. */
  | { kind: 'ambiguous'; name: string; candidates: string[] }
  /** Units of this name exist, but only outside the counties. */
  | { kind: 'other_county'; name: string; candidates: string[]; countyCodes: string[] }
  /**
   * It says it is a township or village (its suffix), and nothing current is near: not in the 2023 codes —
   * merged, renamed or abolished; for a village, possibly a natural village (自然村), which has no code.
   * `namesakes`: units of the other level with the same base in the counties (a former township's seat
   * village often keeps its name: 苏庄乡 is gone, two 苏庄村 remain), a lead for whoever reconciles it.
   */
  | { kind: 'vanished'; name: string; level: Level; namesakes: string[] }
  /** Neither a known name nor shaped like one. */
  | { kind: 'unknown'; name: string };

/** The kinds of NameMatch, for tallies and the pages' labels. */
export type NameMatchKind = NameMatch['kind'];

/** Where to look: the counties the name should lie in, and the township the text put it under. */
export interface MatchWhere {
  counties: readonly string[];
  townshipCode?: string | null;
}

const codes = (list: readonly Division[]) => list.map((d) => d.code);

function unique(list: readonly Division[]): Division[] {
  return [...new Map(list.map((d) => [d.code, d])).values()].sort((a, b) => a.code.localeCompare(b.code));
}

/** Same level and suffix family as the name, when its suffix says one. */
function sameKind(q: NameParts, d: Division): boolean {
  return q.level === null || (d.level === q.level && d.family === q.family);
}

/**
 * The units a name denotes, most literal reading first: its full name, or its base with the same kind of
 * suffix ("郭峪村" is 郭峪村委会); then the whole name as a bare base ("张村" may be 张村乡 or a 张村村委会).
 */
function readings(q: NameParts, index: DivisionIndex): Division[][] {
  const literal = [...(index.byName.get(q.name) ?? []),
    ...(q.level ? (index.byBase.get(q.base) ?? []).filter((d) => sameKind(q, d)) : [])];
  return [unique(literal), unique(index.byBase.get(q.name) ?? [])];
}

/**
 * Units that sound the same or are one character off, of the same kind. One character is weak evidence
 * for a two-character village name among a county's hundreds (东沟 and 西沟 are both real), so villages
 * need three characters for it; townships are few enough that two will do.
 */
function near(q: NameParts, inside: (d: Division) => boolean, index: DivisionIndex): { by: 'pinyin' | 'edit'; found: Division[] } {
  const sounds = unique((index.byPinyin.get(pinyinKey(q.base)) ?? []).filter((d) => inside(d) && sameKind(q, d)));
  if (sounds.length) return { by: 'pinyin', found: sounds };
  if (q.level !== 'township' && Array.from(q.base).length < 3) return { by: 'edit', found: [] };
  const keyed = deletionKeys(q.base).flatMap((key) => index.byDeletion.get(key) ?? []);
  return { by: 'edit', found: unique(keyed.filter((d) => inside(d) && sameKind(q, d) && editDistanceOne(q.base, d.base))) };
}

/** Matches one name within the given counties (and township, for a village listed under one). */
export function matchName(raw: string, where: MatchWhere, index: DivisionIndex = divisionIndex()): NameMatch {
  const q = splitName(raw);
  const name = q.name;
  const inside = (d: Division) => where.counties.includes(d.countyCode);
  const tiers = readings(q, index);
  const here = tiers.map((tier) => tier.filter(inside)).find((tier) => tier.length > 0);
  if (here) {
    const under = where.townshipCode ? here.filter((d) => d.parentCode === where.townshipCode) : here;
    const chosen = under.length ? under : here;
    if (chosen.length > 1) return { kind: 'ambiguous', name, candidates: codes(chosen) };
    const [d] = chosen;
    const outside = where.townshipCode && !under.length && d.level === 'village' ? { outsideTownship: true as const } : {};
    return { kind: 'matched', name, code: d.code, level: d.level, countyCode: d.countyCode, ...outside };
  }
  const elsewhere = unique(tiers.flat());
  if (elsewhere.length) {
    return { kind: 'other_county', name, candidates: codes(elsewhere), countyCodes: [...new Set(elsewhere.map((d) => d.countyCode))] };
  }
  if (q.level) {
    const moved = (index.byBase.get(q.base) ?? []).filter((d) => inside(d) && d.level === q.level && d.family !== q.family);
    if (moved.length === 1) return { kind: 'renamed', name, code: moved[0].code, level: q.level, countyCode: moved[0].countyCode };
    if (moved.length > 1) return { kind: 'ambiguous', name, candidates: codes(moved) };
  }
  const { by, found } = near(q, inside, index);
  if (found.length) {
    const [d] = found;
    return { kind: 'misspelt', name, code: d.code, candidates: codes(found), by, level: d.level, countyCode: d.countyCode };
  }
  if (!q.level) return { kind: 'unknown', name };
  const namesakes = (index.byBase.get(q.base) ?? []).filter((d) => inside(d) && d.level !== q.level);
  return { kind: 'vanished', name, level: q.level, namesakes: codes(unique(namesakes)) };
}
