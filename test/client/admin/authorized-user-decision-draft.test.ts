import { describe, expect, it } from 'vitest';
import type { AuthorizedUser } from '../../../db/model';
import { checkDecisionChange, draftOfDecision } from '../../../client/admin/authorized-user-decision-draft';

const revoked: AuthorizedUser = {
  id: 4, designationId: 2, name: '沁水县某公司', creditCode: null, basis: 'approved_producer', reference: null, from: '2024-05-01', until: null,
  status: 'revoked', decisionReason: null, decisionNumber: null, decisionOn: null, displayWindow: null, displayUntil: null, decisionWithdrawnOn: null,
};

describe('the decision form', () => {
  it('sends only the decision fields that changed, blanks as null', () => {
    const draft = { ...draftOfDecision(revoked), decisionNumber: ' 晋市监处〔2026〕1号 ', decisionOn: '2026-03-09', displayWindow: '3_months' as const };
    expect(checkDecisionChange(draft, revoked)).toEqual({
      ok: true, body: { decisionNumber: '晋市监处〔2026〕1号', decisionOn: '2026-03-09', displayWindow: '3_months' },
    });
    const decided = { ...revoked, decisionNumber: '晋市监处〔2026〕1号', decisionOn: '2026-03-09', displayWindow: '3_months' as const, displayUntil: '2026-06-09' };
    expect(checkDecisionChange(draftOfDecision(decided), decided)).toEqual({ ok: true, body: {} });
    expect(checkDecisionChange({ ...draftOfDecision(decided), decisionWithdrawnOn: '2026-03-20' }, decided)).toEqual({ ok: true, body: { decisionWithdrawnOn: '2026-03-20' } });
  });

  it.each([
    ['a number without its date', { decisionNumber: '晋市监处〔2026〕1号' }, 'decisionOn'],
    ['a date without a window', { decisionOn: '2026-03-09' }, 'displayWindow'],
    ['a withdrawal before the decision', { decisionOn: '2026-03-09', displayWindow: '3_years' as const, decisionWithdrawnOn: '2026-03-01' }, 'decisionWithdrawnOn'],
  ])('%s is an error beside its field', (_, patch, field) => {
    const check = checkDecisionChange({ ...draftOfDecision(revoked), ...patch }, revoked);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors)).toEqual([field]);
  });
});
