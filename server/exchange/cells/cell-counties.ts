/**
 * County cells read from what officials write: a code (140521), a name with or without its suffix
 * (沁水县, 沁水, Qinshui County), after the province and city (山西省晋城市沁水县), one or several
 * separated by ;，、/ or spaces, or run together (沁水县阳城县) — or a problem listing the counties.
 */
import { codeKey } from './cell-codes';
import { fail, normalise, ok, shownCell, isEmptyCell, type Cell, type CellResult } from './cell-values';

/** A county as the reader needs it (the `County` of the API fits). */
export interface CountyName { code: string; nameZh: string; nameEn: string }

/** What may stand before a county's name and adds nothing (山西省晋城市沁水县). */
const ADMIN_PREFIX = /^(?:山西省?)?(?:晋城市?)?/;
/** Suffixes a name may be written without: 沁水县 → 沁水, Qinshui County → Qinshui. */
const ZH_SUFFIX = /[县市区]$/;
const EN_SUFFIX = /\s+(?:county|district|city)$/i;

function countyKeys(counties: readonly CountyName[]): Map<string, string> {
  const keys = new Map<string, string>();
  for (const { code, nameZh, nameEn } of counties) {
    const zh = normalise(nameZh);
    const zhShort = zh.replace(ZH_SUFFIX, '');
    const en = normalise(nameEn);
    for (const name of [code, zh, zhShort.length >= 2 ? zhShort : '', en, en.replace(EN_SUFFIX, '')]) {
      if (name) keys.set(codeKey(name), code);
    }
  }
  return keys;
}

/** A name alone, or a run of Chinese names without separators (沁水县阳城县); undefined when any part is unknown. */
function matchCounties(text: string, keys: Map<string, string>): string[] | undefined {
  const whole = keys.get(codeKey(text)) ?? keys.get(codeKey(text.replace(ADMIN_PREFIX, '')));
  if (whole !== undefined) return [whole];
  if (!/^[\p{Script=Han}]+$/u.test(text)) return undefined;
  const found: string[] = [];
  let rest = text;
  while (rest) {
    rest = rest.replace(ADMIN_PREFIX, '') || rest;
    let match: string | undefined;
    for (let n = rest.length; n >= 2 && match === undefined; n--) {
      const code = keys.get(rest.slice(0, n));
      if (code !== undefined) { match = code; rest = rest.slice(n); }
    }
    if (match === undefined) return undefined;
    found.push(match);
  }
  return found;
}

/** Reads one or more counties by code or name (沁水县, 沁水, Qinshui, 140521), separated by ;，、/ or spaces. */
export function readCounties(cell: Cell, counties: readonly CountyName[]): CellResult<string[] | null> {
  if (isEmptyCell(cell)) return ok(null);
  if (typeof cell === 'boolean' || cell instanceof Date || (typeof cell === 'number' && !Number.isInteger(cell))) {
    return fail(...countyProblem([shownCell(cell)], counties));
  }
  const keys = countyKeys(counties);
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const piece of normalise(String(cell)).split(/[;,、/]+/)) {
    const words = piece.split(' ').filter(Boolean);
    // Longest run of words first (names have at most three), so "Qinshui County" is one county and "沁水 阳城" two.
    for (let i = 0; i < words.length;) {
      let end = Math.min(words.length, i + 3);
      let found: string[] | undefined;
      while (end > i && !(found = matchCounties(words.slice(i, end).join(' '), keys))) end--;
      if (found) { codes.push(...found); i = end; } else { unknown.push(words[i]); i++; }
    }
  }
  if (unknown.length) return fail(...countyProblem(unknown, counties));
  if (!codes.length) return ok(null);
  return ok([...new Set(codes)]);
}

function countyProblem(unknown: string[], counties: readonly CountyName[]): [string, string] {
  const quoted = unknown.map((u) => `"${u}"`);
  return [
    `无法识别县（市、区）${quoted.join('、')}。请填写：${counties.map((c) => c.nameZh).join('、')}（或代码 ${counties.map((c) => c.code).join('、')}），多个之间用"、"或";"分开`,
    `${quoted.join(', ')} ${unknown.length > 1 ? 'are not counties' : 'is not a county'}. Write one or more of: ${counties.map((c) => `${c.nameZh} ${c.nameEn} (${c.code})`).join(', ')}, separated by "、" or ";"`,
  ];
}
