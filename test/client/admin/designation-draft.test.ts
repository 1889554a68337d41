import { describe, expect, it } from 'vitest';
import { ALLOWED_MOVES, STATUSES } from '../../../db/model';
import {
  checkDesignation, checkMove, designationBody, emptyDesignation, lastMoveOn, nextMoves,
} from '../../../client/admin/designation-draft';
import '../../support/all-catalogs';

describe('new designations', () => {
  const today = '2026-11-24';
  it('leaves empty fields out and the mark kind for other types', () => {
    expect(designationBody({ ...emptyDesignation(today), giType: 'protected_product', markKind: 'collective', holder: ' 协会 ' }))
      .toEqual({ giType: 'protected_product', holder: '协会', startedOn: today });
  });

  it.each([
    ['a protected product', { giType: 'protected_product' }, {}],
    ['a collective trademark', { giType: 'trademark', markKind: 'collective' }, {}],
    ['no type', {}, { giType: '请选择一项。' }],
    ['a trademark without its kind', { giType: 'trademark' }, { markKind: '地理标志商标须注明集体商标或证明商标；其他类型不填' }],
    ['a bad start date', { giType: 'agricultural_product', startedOn: '2026-13-01' }, { startedOn: '请输入日期（年-月-日）。' }],
    ['a bad holder code', { giType: 'agricultural_product', holderCreditCode: '123' }, { holderCreditCode: '统一社会信用代码须为18位（数字或大写字母，不含I、O、S、V、Z）' }],
  ] as const)('%s', (_, patch, errors) => {
    const check = checkDesignation({ ...emptyDesignation(today), ...patch });
    expect(check.ok ? {} : check.errors).toEqual(errors);
  });
});

describe('moves', () => {
  it.each(STATUSES)('offers exactly the table’s moves from %s, but a conversion (recorded apart)', (status) => {
    expect(nextMoves(status)).toEqual(ALLOWED_MOVES[status].filter((s) => s !== 'converted'));
    expect(nextMoves(status)).not.toContain('converted');
  });

  it('finds the latest recorded move date (the one the server compares with)', () => {
    expect(lastMoveOn({ transitions: [] })).toBeNull();
    expect(lastMoveOn({ transitions: [{ to: 'cultivating', on: '2025-01-01', note: '', by: null }, { to: 'filed', on: '2025-03-01', note: '', by: null }] }))
      .toBe('2025-03-01');
    expect(lastMoveOn({ transitions: [{ to: 'cultivating', on: '2025-03-01', note: '', by: null }, { to: 'filed', on: '2025', note: '', by: null }] }))
      .toBe('2025');
  });

  const today = '2026-11-24';
  it.each([
    ['an allowed move', 'cultivating', { to: 'filed', on: '2026-05-01', note: ' 已提交 ' }, null, {}],
    ['no target', 'cultivating', { to: '', on: today, note: '' }, null, { to: '请选择一项。' }],
    ['a move the table refuses', 'cultivating', { to: 'granted', on: today, note: '' }, null, { to: '不允许此变更；可选：已申报、已撤回' }],
    ['a date in the future', 'filed', { to: 'granted', on: '2026-11-25', note: '' }, null, { on: '日期不能晚于今天。' }],
    ['a date before the previous move', 'filed', { to: 'granted', on: '2026-01-01', note: '' }, '2026-02-01', { on: '日期不能早于上一次变更（2026-02-01）。' }],
    ['no date', 'filed', { to: 'granted', on: '', note: '' }, null, { on: '请输入日期（年-月-日）。' }],
    ['a year after a day of that year', 'filed', { to: 'granted', on: '2020', note: '' }, '2020-05-01', {}],
    ['a month after its own year', 'filed', { to: 'granted', on: '2020-05', note: '' }, '2020', {}],
    ['a day within the previous month', 'filed', { to: 'granted', on: '2020-05-01', note: '' }, '2020-05', {}],
    ['a month before the previous day', 'filed', { to: 'granted', on: '2020-04', note: '' }, '2020-05-01', { on: '日期不能早于上一次变更（2020-05-01）。' }],
    ['a year before the previous month', 'filed', { to: 'granted', on: '2020', note: '' }, '2021-03', { on: '日期不能早于上一次变更（2021年3月）。' }],
    ['this month, not over yet', 'filed', { to: 'granted', on: '2026-11', note: '' }, null, {}],
  ] as const)('%s', (_, from, move, previous, errors) => {
    const check = checkMove(from, move, previous, today);
    expect(check.ok ? {} : check.errors).toEqual(errors);
    if (check.ok) expect(check.body).toEqual({ to: move.to, on: move.on, note: move.note.trim() });
  });
});
