/**
 * Reading scope texts: the ways announcements list names, the ways they write coordinates, and the
 * limits that keep a pasted text from costing more than a real one.
 */
import { describe, expect, it } from 'vitest';
import { jinchengCounties } from '../../../seeds/divisions/county-bounds';
import { reconcileScope, type ScopeData } from '../../../server/domain/places/scope-reconcile';
import { divisionIndex } from '../../../seeds/divisions/divisions';
import { parseScopeText, SCOPE_MAX_CHARS, SCOPE_MAX_NAMES, ScopeInputError } from '../../../server/domain/places/scope-text';

/** The committed division codes and the seeded counties. */
const SEEDED: ScopeData = { index: divisionIndex(), counties: jinchengCounties() };

const parse = (text: string) => parseScopeText(text, jinchengCounties());
const names = (text: string) => parse(text).names.map((n) => n.name);

describe('the names a scope lists', () => {
  it.each([
    ['沁水县的中村镇、土沃乡等2个乡镇，涉及31个行政村。', ['中村镇', '土沃乡']],
    ['保护范围为沁水县龙港镇、中村镇。', ['龙港镇', '中村镇']],
    ['包括龙港镇和中村镇及郑庄镇以及端氏镇', ['龙港镇', '中村镇', '郑庄镇', '端氏镇']],
    ['高平市的和村、太和村、兴和新村', ['和村', '太和村', '兴和新村']], // 和 inside a name is no list
    ['山西省晋城市城区的东街街道、北石店镇', ['东街街道', '北石店镇']],
    ['沁水县 龙港镇 、　中村镇；总面积3.5万亩', ['龙港镇', '中村镇']],
    ['涉及251个行政村，主要分布在端氏镇', ['端氏镇']],
    ['中村镇（原樊村河乡）、土沃乡', ['中村镇', '土沃乡']], // a remark in brackets is no list
  ])('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it('keeps the county a name is listed under, until another county is named', () => {
    const parsed = parse('阳城县的北留镇、润城镇，陵川县的崇文镇');
    expect(parsed.names.map((n) => [n.name, n.county])).toEqual([['北留镇', '140522'], ['润城镇', '140522'], ['崇文镇', '140524']]);
    expect(parsed.counties).toEqual(['140522', '140524']);
  });

  it('reads villages listed under their township, with 的 or in brackets', () => {
    const parsed = parse('阳城县北留镇（郭峪村、皇城村）、润城镇的上庄村、中庄村，町店镇');
    expect(parsed.names.map((n) => [n.name, n.township, n.whole])).toEqual([
      ['北留镇', null, false], ['郭峪村', '北留镇', true], ['皇城村', '北留镇', true],
      ['润城镇', null, false], ['上庄村', '润城镇', true], ['中庄村', '润城镇', true], ['町店镇', null, true],
    ]);
  });

  it('takes a county standing alone, or 全境, as the whole county', () => {
    expect(parse('陵川县全境')).toMatchObject({ names: [], counties: ['140524'], wholeCounties: ['140524'] });
    expect(parse('城区、泽州县的巴公镇')).toMatchObject({ counties: ['140502', '140525'], wholeCounties: ['140502'] });
  });
});

describe('the coordinate box', () => {
  const box = (west: number, east: number, south: number, north: number) => ({ west, east, south, north });
  const dm = (d: number, m: number, s = 0) => d + m / 60 + s / 3600;

  it.each([
    ['东经112°47′00″~112°55′00″，北纬35°24′00″~36°04′00″', box(dm(112, 47), dm(112, 55), dm(35, 24), dm(36, 4))],
    ['东经１１２°４７′３０″～１１２°５５′，北纬３５°２４′～３６°０４′', box(dm(112, 47, 30), dm(112, 55), dm(35, 24), dm(36, 4))],
    ['东经112°47\'00"-112°55\'00"，北纬35°24\'~36°04\'', box(dm(112, 47), dm(112, 55), dm(35, 24), dm(36, 4))],
    ['东经112°47’00”—112°55’00”，北纬35°24’~36°04’', box(dm(112, 47), dm(112, 55), dm(35, 24), dm(36, 4))],
    ['东经112度47分00秒至112度55分00秒，北纬35度24分到36度04分', box(dm(112, 47), dm(112, 55), dm(35, 24), dm(36, 4))],
    ['北纬35.5~35.9，东经112.5~112.7', box(112.5, 112.7, 35.5, 35.9)],
    ['东经112°55′~112°47′，北纬36°04′~35°24′', box(dm(112, 47), dm(112, 55), dm(35, 24), dm(36, 4))], // written backwards
  ])('%s', (text, expected) => {
    const parsed = parse(`沁水县的龙港镇。地理坐标为${text}`);
    expect(parsed.boxIssue).toBeNull();
    for (const side of ['west', 'east', 'south', 'north'] as const) expect(parsed.box![side]).toBeCloseTo(expected[side], 9);
    expect(parsed.names.map((n) => n.name)).toEqual(['龙港镇']);
  });

  it.each([
    ['东经112°47′00″~112°55′00″', 'unreadable'], // no latitude
    ['东经约112度，北纬约35度', 'unreadable'],
    ['东经112°75′~112°80′，北纬35°24′~36°04′', 'impossible'], // minutes past 60
    ['东经12°~13°，北纬35°~36°', 'impossible'], // not in China
    ['东经112°~112°，北纬35°~36°', 'impossible'], // no width
  ])('%s gives no box (%s)', (text, issue) => {
    expect(parse(`龙港镇，${text}`)).toMatchObject({ box: null, boxIssue: issue, names: [{ name: '龙港镇' }] });
  });

  it('is absent, without an issue, from a scope that gives none', () => {
    expect(parse('沁水县的龙港镇')).toMatchObject({ box: null, boxIssue: null });
  });
});

describe('limits', () => {
  const refusal = (fn: () => unknown) => {
    try { fn(); } catch (e) { return e instanceof ScopeInputError ? { code: e.code, status: e.status, limit: e.limit } : e; }
    return 'accepted';
  };

  it('refuses a scope of 10,000 lines before reading it', () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `第${i}村`).join('\n');
    expect(refusal(() => reconcileScope(text, ['140521'], SEEDED))).toEqual({ code: 'scope_too_long', status: 413, limit: SCOPE_MAX_CHARS });
  });

  it('refuses more than 500 names in a text of allowed length, and takes 500', () => {
    const list = (n: number) => Array.from({ length: n }, () => '东沟村').join('、');
    expect(list(SCOPE_MAX_NAMES + 1).length).toBeLessThan(SCOPE_MAX_CHARS);
    expect(refusal(() => parse(list(SCOPE_MAX_NAMES + 1)))).toEqual({ code: 'scope_too_many_names', status: 413, limit: SCOPE_MAX_NAMES });
    expect(parse(list(SCOPE_MAX_NAMES)).names).toHaveLength(SCOPE_MAX_NAMES);
    // A township named as the parent of villages counts as a name too (300 × 2 > 500).
    expect(refusal(() => parse(Array.from({ length: 300 }, () => '北留镇的郭峪村').join('，')))).toMatchObject({ code: 'scope_too_many_names' });
  });

  it('says so when the same unit is listed twice', () => {
    expect(reconcileScope('沁水县的龙港镇、中村镇、龙港镇', ['140521'], SEEDED).repeated).toEqual(['140521100000']);
  });

  it('refuses product counties that are not Jincheng\'s', () => {
    expect(() => reconcileScope('龙港镇', [], SEEDED)).toThrow(/counties/);
    expect(() => reconcileScope('龙港镇', ['140521', '999999'], SEEDED)).toThrow(/counties/);
  });
});
