/**
 * How the name of a township or village is compared: normalised (NFKC, no spaces), split into a base
 * and the suffix that says its level (镇/乡/街道 for a township, 村/社区/居委会… for a village), and keyed
 * by toneless pinyin and by one-character deletions so that homophones and one-character slips are found
 * by lookup rather than by scanning.
 */
import { createRequire } from 'node:module';
import type { pinyin as PinyinFn } from 'pinyin-pro';

/** The two levels below a county that the 12-digit codes name. */
export type Level = 'township' | 'village';

/**
 * Suffixes of the same family are the same kind of unit written two ways (街道 / 街道办事处, 村 / 村委会 /
 * 社区居委会); a change of family within a level is a change of status (乡 became 镇). Villages are one family
 * because announcements write 村 and 社区 for the same committee (村改居).
 */
export type SuffixFamily = 'town' | 'xiang' | 'street' | 'village';

/** Longest first, so that 村委会 is taken before 村. */
const SUFFIXES: readonly (readonly [string, Level, SuffixFamily])[] = ([
  ['街道办事处', 'township', 'street'], ['办事处', 'township', 'street'], ['街道', 'township', 'street'],
  ['镇', 'township', 'town'], ['乡', 'township', 'xiang'],
  ['社区居民委员会', 'village', 'village'], ['村民委员会', 'village', 'village'], ['居民委员会', 'village', 'village'],
  ['社区居委会', 'village', 'village'], ['村委会', 'village', 'village'], ['居委会', 'village', 'village'],
  ['社区', 'village', 'village'], ['村', 'village', 'village'],
] as const).slice().sort((a, b) => b[0].length - a[0].length);

/** A name as compared: the whole, its base without the level suffix, and what the suffix says. */
export interface NameParts {
  name: string;
  base: string;
  suffix: string;
  level: Level | null;
  family: SuffixFamily | null;
}

/** NFKC (fullwidth forms, compatibility characters) and no whitespace anywhere: how names are compared. */
export function normaliseName(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '');
}

/** Splits a name into base and level suffix; a name with no known suffix (or nothing before it) has none. */
export function splitName(raw: string): NameParts {
  const name = normaliseName(raw);
  for (const [suffix, level, family] of SUFFIXES) {
    if (name.length > suffix.length && name.endsWith(suffix)) {
      return { name, base: name.slice(0, -suffix.length), suffix, level, family };
    }
  }
  return { name, base: name, suffix: '', level: null, family: null };
}

let pinyinFn: typeof PinyinFn | undefined;

/**
 * Toneless pinyin, syllables joined by spaces. pinyin-pro is the maintained converter with a phrase
 * dictionary (polyphones read in context); it is loaded on first use because its dictionary costs about
 * 40 ms, which the server's start should not pay for a feature most requests never touch. Latin letters
 * stay as one run, so the package's 长shan (a character NBS has and GB2312 lacks) still reads "chang shan".
 */
export function pinyinKey(base: string): string {
  pinyinFn ??= (createRequire(import.meta.url)('pinyin-pro') as { pinyin: typeof PinyinFn }).pinyin;
  return pinyinFn(base, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.toLowerCase()).join(' ');
}

/** The base and every string one character shorter: two bases within one edit share at least one key. */
export function deletionKeys(base: string): string[] {
  const chars = Array.from(base);
  return [base, ...chars.map((_, i) => [...chars.slice(0, i), ...chars.slice(i + 1)].join(''))];
}

/** Whether a and b differ by exactly one substitution, insertion or deletion of a character. */
export function editDistanceOne(a: string, b: string): boolean {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > 1 || a === b) return false;
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  if (x.length === y.length) return x.slice(i + 1).join('') === y.slice(i + 1).join('');
  const [long, short] = x.length > y.length ? [x, y] : [y, x];
  return long.slice(i + 1).join('') === short.slice(i).join('');
}
