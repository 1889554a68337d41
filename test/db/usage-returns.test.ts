/**
 * The usage-return vocabulary (db/model/usage-returns.ts) and its history sentences (db/model/audit-returns.ts):
 * the input's bounds, the years a user may report on, channels as people type them, and every action told
 * in both languages without a code or JSON.
 */
import { describe, expect, it } from 'vitest';
import {
  describeAuditEvent, returnYearProblem, returnYears, splitChannels, UsageReturnInput, UsageReturnReview, type AuditEvent,
} from '../../db/model';

describe('UsageReturnInput', () => {
  it('takes a return with figures left out as null, channels and note defaulted', () => {
    expect(UsageReturnInput.parse({ markedTonnes: 0 })).toEqual({ markedTonnes: 0, outputTonnes: null, marksPrinted: null, channels: [], note: '' });
    expect(UsageReturnInput.parse({ markedTonnes: 1_000_000, outputTonnes: 1_000_000, channels: [' 线上 '] }).channels).toEqual(['线上']);
  });

  it.each([
    [{ markedTonnes: -0.1 }, 'markedTonnes'],
    [{ outputTonnes: 1_000_000.5 }, 'outputTonnes'],
    [{ markedTonnes: 5, outputTonnes: 4 }, 'markedTonnes'],
    [{ marksPrinted: 2.5 }, 'marksPrinted'],
    [{ marksPrinted: -1 }, 'marksPrinted'],
    [{ channels: Array(11).fill('渠道') }, 'channels'],
    [{ channels: ['x'.repeat(101)] }, 'channels'],
    [{ channels: [''] }, 'channels'],
    [{ year: 2025 }, ''],
  ])('refuses %j (beside %s)', (body, field) => {
    const result = UsageReturnInput.safeParse(body);
    expect(result.success).toBe(false);
    expect(String(result.error!.issues[0].path[0] ?? '')).toBe(field);
  });

  it('a returned return needs its reason', () => {
    expect(UsageReturnReview.safeParse({ decision: 'return', note: '  ' }).success).toBe(false);
    expect(UsageReturnReview.parse({ decision: 'accept' })).toEqual({ decision: 'accept', note: '' });
  });
});

describe('the years a user may report on', () => {
  const user = { from: '2022-03-01', until: null };
  it('run from its first year to this year, or to the year its authorisation ends', () => {
    expect(returnYears(user, '2026-12-05')).toEqual([2026, 2025, 2024, 2023, 2022]);
    expect(returnYears({ from: '2022-03-01', until: '2023-06-30' }, '2026-12-05')).toEqual([2023, 2022]);
    expect(returnYearProblem(2022, user, '2026-12-05')).toBeNull();
    expect(returnYearProblem(2021, user, '2026-12-05')).toBe('年度须在 2022 至 2026 年之间 / The year must be from 2022 to 2026');
    expect(returnYearProblem(2027, user, '2026-12-05')).not.toBeNull();
    expect(returnYearProblem(2027, { from: '2027-01-01', until: null }, '2026-12-05')).toContain('no year to report on yet');
  });
});

it('splits channels as people type them', () => {
  expect(splitChannels('电商平台、商超，批发市场;  社区团购 / 出口')).toEqual(['电商平台', '商超', '批发市场', '社区团购', '出口']);
  expect(splitChannels(' 、 ')).toEqual([]);
});

describe('the history tells returns and links in words', () => {
  const event = (action: string, before: unknown, after: unknown): AuditEvent => ({
    id: 1, at: '2026-01-05T02:00:00.000Z', user: 'qs', action, entity: 'designation', entityId: 7, before, after,
  });
  const figures = { name: '沁水县甲蜂业', year: 2025, markedTonnes: 120, outputTonnes: 150, marksPrinted: 20_000, channels: ['线上', '商超'], note: '', via: 'link', reviewNote: '' };
  const tell = (e: AuditEvent, lang: 'zh' | 'en') => describeAuditEvent(e, lang, { counties: {} });

  it('a company\'s submission, and the county returning it', () => {
    expect(tell(event('usage_return_submit', null, { ...figures, returnStatus: 'submitted' }), 'zh')).toEqual({
      summary: '沁水县甲蜂业 2025 年度用标报告：用标 120 吨，产量 150 吨，印制标志 20,000 枚，渠道：线上、商超，已提交（企业通过填报链接）', changes: [],
    });
    const returned = event('usage_return_review', { ...figures, returnStatus: 'submitted' }, { ...figures, returnStatus: 'returned', reviewNote: '数量有误' });
    expect(tell(returned, 'zh')).toEqual({
      summary: '沁水县甲蜂业 2025 年度用标报告：用标 120 吨，产量 150 吨，印制标志 20,000 枚，渠道：线上、商超，已退回（数量有误）',
      changes: ['报告状态：已提交 → 已退回', '审核意见：— → 数量有误'],
    });
    expect(tell(returned, 'en').summary).toBe('沁水县甲蜂业, usage return for 2025: 120 t marked, output 150 t, 20,000 marks printed, channels: 线上, 商超; returned (数量有误)');
  });

  it('a return without figures, and a link issued', () => {
    const empty = { ...figures, markedTonnes: null, outputTonnes: null, marksPrinted: null, channels: [], via: 'county', returnStatus: 'accepted' };
    expect(tell(event('usage_return_enter', null, empty), 'en').summary).toBe('沁水县甲蜂业, usage return for 2025: no figures given; accepted (entered by the county)');
    const link = event('return_link_issue', null, { name: '沁水县甲蜂业', year: 2025, expiresAt: '2026-02-04T02:00:00.000Z' });
    expect(tell(link, 'zh')).toEqual({ summary: '为 沁水县甲蜂业 发放 2025 年度用标报告填报链接，有效至 2026-02-04', changes: [] });
    expect(tell(link, 'en').summary).toBe('Issued 沁水县甲蜂业 a link for its 2025 usage return, valid until 2026-02-04');
  });
});
