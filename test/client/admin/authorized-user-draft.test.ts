import { describe, expect, it } from 'vitest';
import type { AuthorizedUser } from '../../../db/model';
import { basesFor, checkNewUser, checkUserChange, emptyUserDraft } from '../../../client/admin/authorized-user-draft';
import { creditCode } from '../../server/fixtures';

const CODE = creditCode('91140521MA0KDRAF1');

describe('the bases offered for a mark', () => {
  it.each([
    ['a collective trademark', { giType: 'trademark', markKind: 'collective' }, ['approved_producer', 'collective_member', 'other_registered'], 'collective_member'],
    ['a certification trademark', { giType: 'trademark', markKind: 'certification' }, ['approved_producer', 'licensee', 'other_registered'], 'licensee'],
    ['a protected product', { giType: 'protected_product', markKind: null }, ['approved_producer', 'other_registered'], 'approved_producer'],
  ] as const)('%s', (_, d, bases, first) => {
    expect(basesFor(d)).toEqual(bases);
    expect(emptyUserDraft(d).basis).toBe(first);
  });
});

describe('checking a user before it is sent', () => {
  const draft = { ...emptyUserDraft({ giType: 'agricultural_product', markKind: null }), name: ' 沁水县某公司 ', from: '2024-05-01' };

  it('sends trimmed fields, the code upper-cased without spaces, blanks as null', () => {
    expect(checkNewUser({ ...draft, creditCode: ` ${CODE.slice(0, 9).toLowerCase()} ${CODE.slice(9)}` })).toEqual({
      ok: true, body: {
        name: '沁水县某公司', creditCode: CODE, basis: 'approved_producer', reference: null, from: '2024-05-01', until: null, status: 'active',
        decisionReason: null, decisionNumber: null, decisionOn: null, displayWindow: null, decisionWithdrawnOn: null,
      },
    });
  });

  it.each([
    ['no name', { name: '' }, 'name'],
    ['a bad check character', { creditCode: `${CODE.slice(0, 17)}${CODE[17] === '0' ? '1' : '0'}` }, 'creditCode'],
    ['no start', { from: '' }, 'from'],
    ['an end before the start', { until: '2023-01-01' }, 'until'],
  ])('%s is an error beside its field', (_, patch, field) => {
    const check = checkNewUser({ ...draft, ...patch });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors)).toEqual([field]);
  });

  it('a change sends only what differs', () => {
    const saved: AuthorizedUser = {
      id: 4, designationId: 2, name: '沁水县某公司', creditCode: null, basis: 'approved_producer', reference: null, from: '2024-05-01', until: null, status: 'suspended',
      decisionReason: null, decisionNumber: null, decisionOn: null, displayWindow: null, displayUntil: null, decisionWithdrawnOn: null,
    };
    expect(checkUserChange({ ...draft, until: '2026-12-31' }, saved)).toEqual({ ok: true, body: { until: '2026-12-31' } });
    expect(checkUserChange({ ...draft }, saved)).toEqual({ ok: true, body: {} });
  });
});
