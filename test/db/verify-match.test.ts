import { describe, expect, it } from 'vitest';
import {
  addMonths, asCreditCode, creditCodeCheckChar, decisionShown, displayUntilOf, displayWindowOf, matchesVerifyQuery, MAX_VERIFY_MATCHES, missKeyOf,
  registrySizeOf, verifyResultOf, type VerifyIndexEntry, type VerifyRegistry,
} from '../../db/model';

const entry = (name: string, creditCode: string | null, patch: Partial<VerifyIndexEntry> = {}): VerifyIndexEntry => ({
  name, creditCode, basis: 'approved_producer', reference: null, from: '2024-01-01', until: null, status: 'active', decision: null, designationId: 1,
  designationStatus: 'granted', giType: 'agricultural_product', markKind: null, number: null, announcement: null, specification: null, labels: [],
  productId: 1, productZh: '小米', productEn: null, counties: ['140521'], ...patch,
});
const REGISTRY: VerifyRegistry = { users: 3, designations: 2, lastChangedOn: '2026-11-01' };
const VALID = `91140521MA0KDATA1${creditCodeCheckChar('91140521MA0KDATA1')}`;
const WRONG_CHECK = `${VALID.slice(0, 17)}${VALID[17] === '0' ? '1' : '0'}`;

describe('how a verification query is read', () => {
  it.each([
    [VALID, VALID],
    [` ${VALID.slice(0, 8)} ${VALID.slice(8).toLowerCase()} `, VALID],
    [VALID.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), VALID],
    ['沁水县米业', null],
    [VALID.slice(0, 17), null],
  ])('%s', (q, code) => expect(asCreditCode(q)).toBe(code));

  it('matches a part of the name whatever its width, spaces or case, and a valid code only exactly', () => {
    const e = entry('Qinshui ＡＢＣ 米业 有限公司', VALID);
    for (const q of ['abc米业', 'ABC 米 业', '米业有限', 'qinshui', VALID.toLowerCase()]) expect(matchesVerifyQuery(e, q), q).toBe(true);
    for (const q of ['米粮', WRONG_CHECK]) expect(matchesVerifyQuery(e, q), q).toBe(false);
  });

  it('counts a miss under a comparable name or an upper-cased valid code, and never a code with a wrong check character', () => {
    expect(missKeyOf(' 沁水 ＡＢＣ 米业 ')).toEqual({ kind: 'name', key: '沁水abc米业' });
    expect(missKeyOf(VALID.toLowerCase())).toEqual({ kind: 'credit_code', key: VALID });
    expect(missKeyOf(WRONG_CHECK)).toBeNull();
  });
});

describe('the answer', () => {
  it('groups an enterprise’s GIs, valid first, and says why the others are not', () => {
    const shown = { reason: '超范围使用', number: '晋市监〔2026〕1号', on: '2026-10-01', displayUntil: '2027-01-01' };
    const r = verifyResultOf('米业', [
      entry('沁水米业', 'A', { productZh: '乙', status: 'suspended', decision: shown, designationId: 2 }),
      entry('沁水米业', 'A', { productZh: '甲', designationId: 3 }),
      entry('沁水米业', 'A', { productZh: '丙', designationStatus: 'expired', designationId: 4 }),
      entry('沁水米业', 'A', { productZh: '丁', status: 'revoked', designationId: 5 }),
    ], '2026-11-25', REGISTRY);
    expect(r.by).toBe('name');
    expect(r.kind).toBe('found');
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0].grants.map((g) => [g.productZh, g.reason])).toEqual([
      ['甲', 'valid'], ['丙', 'mark_not_in_force'], ['丁', 'not_authorised'], ['乙', 'suspended'],
    ]);
    expect(r.matches[0].grants.find((g) => g.productZh === '乙')!.decision).toEqual(shown);
    // The same entry read after its window: not authorised, and no decision.
    const later = verifyResultOf('米业', [entry('沁水米业', 'A', { status: 'suspended', decision: shown })], '2027-01-02', REGISTRY);
    expect(later.matches[0].grants[0]).toMatchObject({ reason: 'not_authorised', decision: null, valid: false });
  });

  it('tells a wrong check character, an unknown query and an empty registry apart', () => {
    expect(verifyResultOf(WRONG_CHECK, [], '2026-11-25', REGISTRY)).toMatchObject({ kind: 'invalid_code', by: 'credit_code', matches: [] });
    expect(verifyResultOf(VALID, [], '2026-11-25', REGISTRY)).toMatchObject({ kind: 'not_found', registry: REGISTRY });
    expect(verifyResultOf('米业', [], '2026-11-25', { users: 0, designations: 0, lastChangedOn: null }).kind).toBe('empty_registry');
  });

  it('counts enterprises once across their GIs, and GIs with users', () => {
    const size = registrySizeOf([entry('甲米业', 'A'), entry('甲米业', 'A', { designationId: 2 }), entry('乙 米业', null), entry('乙米业', null)], '2026-01-02');
    expect(size).toEqual({ users: 2, designations: 2, lastChangedOn: '2026-01-02' });
  });

  it(`answers at most ${MAX_VERIFY_MATCHES} enterprises`, () => {
    const many = Array.from({ length: MAX_VERIFY_MATCHES + 5 }, (_, i) => entry(`米业${String(i).padStart(3, '0')}`, null));
    expect(verifyResultOf('米业', many, '2026-11-25', REGISTRY).matches).toHaveLength(MAX_VERIFY_MATCHES);
  });
});

describe('decision display windows', () => {
  it.each([
    ['2026-01-15', 3, '2026-04-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2026-10-31', 36, '2029-10-31'],
    ['2024-02-29', 36, '2027-02-28'],
  ])('%s plus %i months is %s', (day, months, until) => expect(addMonths(day, months)).toBe(until));

  it('a kept last day tells its window; a decision is shown from its day to its last day, while suspended or revoked and not withdrawn', () => {
    const until = displayUntilOf('2026-01-15', '3_months');
    expect(displayWindowOf('2026-01-15', until)).toBe('3_months');
    expect(displayWindowOf('2026-01-15', displayUntilOf('2026-01-15', '3_years'))).toBe('3_years');
    expect(displayWindowOf('2026-01-15', '2026-02-01')).toBeNull();
    const u = { status: 'revoked', decisionOn: '2026-01-15', displayUntil: until, decisionWithdrawnOn: null };
    expect([decisionShown(u, '2026-01-14'), decisionShown(u, '2026-01-15'), decisionShown(u, until), decisionShown(u, '2026-04-16')])
      .toEqual([false, true, true, false]);
    expect(decisionShown({ ...u, decisionWithdrawnOn: '2026-02-01' }, '2026-02-01')).toBe(false);
    expect(decisionShown({ ...u, status: 'active' }, '2026-02-01')).toBe(false);
  });
});
