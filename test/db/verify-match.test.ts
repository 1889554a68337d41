import { describe, expect, it } from 'vitest';
import { asCreditCode, matchesVerifyQuery, MAX_VERIFY_MATCHES, verifyResultOf, type VerifyIndexEntry } from '../../db/model';

const entry = (name: string, creditCode: string | null, patch: Partial<VerifyIndexEntry> = {}): VerifyIndexEntry => ({
  name, creditCode, basis: 'approved_producer', reference: null, from: '2024-01-01', until: null, status: 'active', designationId: 1,
  designationStatus: 'granted', giType: 'agricultural_product', markKind: null, number: null, productId: 1, productZh: '小米', productEn: null,
  counties: ['140521'], ...patch,
});

describe('how a verification query is read', () => {
  it.each([
    ['91140521MA0KDATA1X', '91140521MA0KDATA1X'],
    [' 91140521 ma0kdata1x ', '91140521MA0KDATA1X'],
    ['９１１４０５２１ＭＡ０ＫＤＡＴＡ１Ｘ', '91140521MA0KDATA1X'],
    ['沁水县米业', null],
    ['91140521MA0KDATA1', null],
  ])('%s', (q, code) => expect(asCreditCode(q)).toBe(code));

  it('matches a part of the name whatever its width, spaces or case, and a code only exactly', () => {
    const e = entry('Qinshui ＡＢＣ 米业 有限公司', '91140521MA0KDATA1X');
    for (const q of ['abc米业', 'ABC 米 业', '米业有限', 'qinshui']) expect(matchesVerifyQuery(e, q), q).toBe(true);
    for (const q of ['米粮', '91140521MA0KDATA2X']) expect(matchesVerifyQuery(e, q), q).toBe(false);
  });
});

describe('the answer', () => {
  it('groups an enterprise’s GIs, valid first, and says why the others are not', () => {
    const r = verifyResultOf('米业', [
      entry('沁水米业', 'A', { productZh: '乙', status: 'suspended', designationId: 2 }),
      entry('沁水米业', 'A', { productZh: '甲', designationId: 3 }),
      entry('沁水米业', 'A', { productZh: '丙', designationStatus: 'expired', designationId: 4 }),
    ], '2026-11-25');
    expect(r.by).toBe('name');
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0].grants.map((g) => [g.productZh, g.reason])).toEqual([['甲', 'valid'], ['丙', 'mark_not_in_force'], ['乙', 'suspended']]);
  });

  it(`answers at most ${MAX_VERIFY_MATCHES} enterprises`, () => {
    const many = Array.from({ length: MAX_VERIFY_MATCHES + 5 }, (_, i) => entry(`米业${String(i).padStart(3, '0')}`, null));
    expect(verifyResultOf('米业', many, '2026-11-25').matches).toHaveLength(MAX_VERIFY_MATCHES);
  });
});
