/** The next plan period as the workspace prefills it: following dates of the same length, baselines from the tally at the end, names only hinted. */
import { describe, expect, it } from 'vitest';
import type { Period, Tally } from '../../db/model';
import { followingDates, nextChineseName, nextEnglishName, nextPeriodDue, nextPeriodStart } from '../../client/tally/next-period';

const p14: Period = {
  id: 1, name: '十四五', nameEn: '14th Five-Year Plan', startsOn: '2021-01-01', endsOn: '2025-12-31',
  targets: [{ giType: 'trademark', baseline: 4, target: 10 }],
};
// 地理标志产品 has one that came by conversion: it is in force but does not count toward the type's target.
const type = (giType: Tally['types'][number]['giType'], inForce: number, towardTarget = inForce) => ({ giType, inForce, towardTarget, baseline: 0, target: 0 });
const tallyOf = (period: Period, asOf: string, periodEnded: boolean) => ({
  period: { id: period.id, name: period.name, nameEn: period.nameEn, startsOn: period.startsOn, endsOn: period.endsOn },
  asOf, periodEnded, types: [type('trademark', 6), type('protected_product', 4, 3), type('agricultural_product', 6, 7)],
}) as unknown as Tally;

describe('followingDates', () => {
  it.each([
    [['2021-01-01', '2025-12-31'], ['2026-01-01', '2030-12-31']], // five calendar years
    [['2024-03-01', '2024-08-31'], ['2024-09-01', '2025-02-28']], // six months, ending in a short February
    [['2023-09-01', '2024-02-29'], ['2024-03-01', '2024-08-31']], // six months from a leap day
    [['2021-01-15', '2021-01-24'], ['2021-01-25', '2021-02-03']], // not whole months: the same number of days
  ])('%j is followed by %j', ([startsOn, endsOn], [nextStart, nextEnd]) => {
    expect(followingDates({ startsOn, endsOn })).toEqual({ startsOn: nextStart, endsOn: nextEnd });
  });
});

describe('the usual next names', () => {
  it.each([['十四五', '十五五'], ['十五', '十一五'], ['十九五', '二十五'], ['二十五', '二十一五'], ['九五', '十五'], ['五五', '六五']])('%s → %s', (name, next) => {
    expect(nextChineseName(name)).toBe(next);
  });
  it.each(['用标测试期', '2021–2025', '', '四三五'])('no hint after %j', (name) => {
    expect(nextChineseName(name)).toBeNull();
  });
  it.each([
    ['14th Five-Year Plan', '15th Five-Year Plan'], ['20th Five-Year Plan', '21st Five-Year Plan'], ['21st Five-Year Plan', '22nd Five-Year Plan'],
    ['10th Five-Year Plan', '11th Five-Year Plan'], ['11th plan', '12th plan'], ['12th plan', '13th plan'],
  ])('%s → %s', (name, next) => {
    expect(nextEnglishName(name)).toBe(next);
  });
  it.each(['Five-Year Plan', '', 'Plan 14'])('no hint after %j', (name) => {
    expect(nextEnglishName(name)).toBeNull();
  });
});

describe('the prompt and its start', () => {
  it('is due only when the default tally is of the last period and that period has ended', () => {
    expect(nextPeriodDue([p14], tallyOf(p14, '2025-12-31', true))).toBe(true);
    expect(nextPeriodDue([p14], tallyOf(p14, '2025-06-30', false))).toBe(false);
    const p15 = { ...p14, id: 2, name: '十五五', startsOn: '2027-01-01', endsOn: '2031-12-31' };
    // A later period entered but not begun: the default is still 十四五, ended, yet nothing is asked.
    expect(nextPeriodDue([p14, p15], tallyOf(p14, '2025-12-31', true))).toBe(false);
    expect(nextPeriodDue([], tallyOf(p14, '2025-12-31', true))).toBe(false);
  });

  it('starts after 十四五 for five years, with what counted toward the targets at its end as baselines, and no target or name', () => {
    const start = nextPeriodStart(p14, tallyOf(p14, '2025-12-31', true));
    expect(start).toEqual({
      startsOn: '2026-01-01', endsOn: '2030-12-31',
      baselines: { trademark: 6, protected_product: 3, agricultural_product: 7 },
      nameHint: { name: '十五五', nameEn: '15th Five-Year Plan' },
      after: { name: '十四五', nameEn: '14th Five-Year Plan', endsOn: '2025-12-31' },
    });
  });

  it('refuses baselines from a tally that is not as of the period’s end', () => {
    expect(() => nextPeriodStart(p14, tallyOf(p14, '2025-06-30', false))).toThrow();
  });
});
