/**
 * A protected area as a list of codes: each well formed, current, listed once and in the product's
 * counties, with every problem reported by kind and position.
 */
import { describe, expect, it } from 'vitest';
import { checkScopeCodes, SCOPE_MAX_CODES } from '../../../server/domain/places/scope-codes';

const QINSHUI = ['140521'];

describe('checkScopeCodes', () => {
  it('takes current codes of the product\'s counties, townships and villages alike', () => {
    expect(checkScopeCodes(['140521104000', '140521104204'], QINSHUI)).toEqual({
      ok: true,
      units: [
        { code: '140521104000', level: 'township', countyCode: '140521', parentCode: '140521' },
        { code: '140521104204', level: 'village', countyCode: '140521', parentCode: '140521104000' },
      ],
    });
    expect(checkScopeCodes(['140522101227', '140521104000'], ['140521', '140522'])).toMatchObject({ ok: true });
  });

  it.each([
    ['an unknown code', ['140521104000', '140521999000'], [{ kind: 'unknown_code', index: 1, code: '140521999000' }]],
    ['a duplicate', ['140521104000', '140521101000', '140521104000'],
      [{ kind: 'duplicate_code', index: 2, code: '140521104000', firstIndex: 0 }]],
    ['a village outside the product\'s counties', ['140522101227'],
      [{ kind: 'outside_counties', index: 0, code: '140522101227', countyCode: '140522' }]],
    ['a short code', ['14052110400'], [{ kind: 'bad_code', index: 0 }]],
    ['a number, not a string', [140521104000], [{ kind: 'bad_code', index: 0 }]],
    ['no value', [null], [{ kind: 'bad_code', index: 0 }]],
    ['fullwidth digits', ['１４０５２１１０４０００'], [{ kind: 'bad_code', index: 0 }]],
    ['a county code padded', ['140521000000'], [{ kind: 'unknown_code', index: 0, code: '140521000000' }]],
  ])('refuses %s', (_, codes, errors) => {
    expect(checkScopeCodes(codes, QINSHUI)).toEqual({ ok: false, errors });
  });

  it('reports every problem of a list in one pass, in list order', () => {
    const result = checkScopeCodes(['140521104000', 'x', '140521104000', '140522101227', '140521999000'], QINSHUI);
    expect(result.ok ? [] : result.errors.map((e) => [e.kind, 'index' in e && e.index])).toEqual([
      ['bad_code', 1], ['duplicate_code', 2], ['outside_counties', 3], ['unknown_code', 4],
    ]);
  });

  it('refuses a list longer than Jincheng has units without looking at it', () => {
    const codes = Array.from({ length: SCOPE_MAX_CODES + 1 }, () => '140521104000');
    expect(checkScopeCodes(codes, QINSHUI)).toEqual({
      ok: false, errors: [{ kind: 'too_many_codes', limit: SCOPE_MAX_CODES, actual: SCOPE_MAX_CODES + 1 }],
    });
  });
});
