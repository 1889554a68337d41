/**
 * Reads a protected-area scope as announcements word it (保护范围: "沁水县的中村镇、土沃乡……等14个乡镇，涉及251个
 * 行政村。地理坐标为东经…~…，北纬…~…") into the names it lists, the counties it names and its coordinate box.
 * Pure text work: what the names are is scope-match.ts's job, whether the box fits is scope-box.ts's.
 */
import { SCOPE_TEXT_MAX_CHARS } from '../../../db/model';
import type { Box } from '../../../seeds/divisions/county-bounds';
import { normaliseName } from '../../../seeds/divisions/names';
import { readScopeBox, type BoxIssue } from './scope-coords';

/** Longer texts are refused before any work: real scopes are a few hundred characters (the contract's limit). */
export const SCOPE_MAX_CHARS = SCOPE_TEXT_MAX_CHARS;
/** More names than any designation lists (沁水黄小米 lists 14 townships; a county has at most 450 villages). */
export const SCOPE_MAX_NAMES = 500;

/**
 * A scope text over a limit; the API answers 413 with `code`, `limit` and `actual` (names are counted only
 * up to the first one over the limit, so a huge list costs no more than a long one).
 */
export class ScopeInputError extends Error {
  readonly status = 413;
  constructor(readonly code: 'scope_too_long' | 'scope_too_many_names', readonly limit: number, readonly actual: number) {
    super(`${code}: ${actual} > ${limit}`);
    this.name = 'ScopeInputError';
  }
}

/** One name the scope lists, with what the text says around it. */
export interface ScopeName {
  /** As written, normalised (NFKC, no spaces). */
  name: string;
  /** The county code the text names before it, if any. */
  county: string | null;
  /** The township it is listed under ("北留镇的郭峪村"), if any. */
  township: string | null;
  /** False for a township named only as the parent of the villages that follow it. */
  whole: boolean;
}

/** What a scope text says. */
export interface ParsedScope {
  names: ScopeName[];
  /** Codes of the counties the text names, in order of first mention. */
  counties: string[];
  /** Counties the text lists as a whole ("陵川县全境", or a county name standing alone). */
  wholeCounties: string[];
  box: Box | null;
  boxIssue: BoxIssue | null;
}

const CLAUSE_BREAK = /[,;。\n\r:!?]/;
/** A list item ends at 、, or at 和/及/与 right after a level suffix (和村 is a village, so never split on 和 alone). */
const ITEM_BREAK = /、|(?<=[镇乡村道区会县市])(?:以及|和|及|与)/;
/** Words that lead into a list ("保护范围为", "包括", "主要分布在", "山西省晋城市"), stripped from an item's start. */
const LEAD = new RegExp(`^(?:${[
  '(?:地理标志)?(?:产品)?(?:保护|产地|地域)?(?:范围|区域)(?:为|是|包括)?', '包括', '包含', '涵盖', '涉及', '分布(?:于|在)',
  '位于', '主要(?:分布)?(?:在|于)?', '以及', '及', '即', '共', '山西省', '晋城市',
].join('|')})`);
const AFTER_COUNTY = /^(?:境内|辖区内?|所辖|全境|全域|全部|范围内)?(?:的|之)?/;
const WHOLE_COUNTY = /^(?:全境|全域|全县|全市|全区|所辖区域|行政区域)?$/;
const PARENT = /^(.+?(?:街道办事处|办事处|街道|镇|乡))(?:的|之|所辖的?|辖区?内?的?)(.+)$/;
/** Words that are not names: what counts and headings leave behind. */
const NOT_A_NAME = /^(?:乡镇|行政村|自然村|村|镇|乡|社区|街道|村庄|一带|地区|区域|境内)$/;
const COORDINATE_WORDS = /东经|北纬|经度|纬度|坐标/;

/**
 * A township listed with its villages in brackets ("北留镇（郭峪村、皇城村）") reads as "北留镇的郭峪村、皇城村;";
 * any other bracket is a remark ("中村镇（原樊村河乡）") and is dropped.
 */
function unbracket(text: string): string {
  return text
    .replace(/([^、,;。()]+?(?:街道办事处|办事处|街道|镇|乡))\((?!原|含|今)([^()]*)\)/g, '$1的$2;')
    .replace(/\([^()]*\)/g, '');
}

/** Reads a scope text; throws ScopeInputError over the limits. `counties` are the names a text may use. */
export function parseScopeText(text: string, counties: readonly { code: string; name: string }[]): ParsedScope {
  if (text.length > SCOPE_MAX_CHARS) throw new ScopeInputError('scope_too_long', SCOPE_MAX_CHARS, text.length);
  const normal = text.normalize('NFKC');
  const { box, issue: boxIssue } = readScopeBox(normal);
  const byLength = [...counties].sort((a, b) => b.name.length - a.name.length);
  const result: ParsedScope = { names: [], counties: [], wholeCounties: [], box, boxIssue };
  const add = (name: ScopeName) => {
    result.names.push(name);
    if (result.names.length > SCOPE_MAX_NAMES) throw new ScopeInputError('scope_too_many_names', SCOPE_MAX_NAMES, result.names.length);
  };
  let county: string | null = null;
  for (const clause of unbracket(normal).split(CLAUSE_BREAK)) {
    if (COORDINATE_WORDS.test(clause)) continue;
    let township: string | null = null;
    for (const raw of clause.split(ITEM_BREAK)) {
      let item = normaliseName(raw);
      for (let before = ''; before !== item;) { before = item; item = item.replace(LEAD, ''); }
      item = item.replace(/等.*$/, '');
      const named = byLength.find((c) => item.startsWith(c.name));
      if (named) {
        county = named.code;
        if (!result.counties.includes(named.code)) result.counties.push(named.code);
        const rest = item.slice(named.name.length);
        if (WHOLE_COUNTY.test(rest)) { if (!result.wholeCounties.includes(named.code)) result.wholeCounties.push(named.code); continue; }
        item = rest.replace(AFTER_COUNTY, '');
      }
      const parent = PARENT.exec(item);
      if (parent) {
        township = parent[1];
        add({ name: township, county, township: null, whole: false });
        item = parent[2];
      }
      if (!item || /\d/.test(item) || !/\p{Script=Han}/u.test(item) || NOT_A_NAME.test(item)) continue;
      const isTownship = /(?:街道办事处|办事处|街道|镇|乡)$/.test(item);
      if (isTownship) township = null;
      add({ name: item, county, township: isTownship ? null : township, whole: true });
    }
  }
  return result;
}
