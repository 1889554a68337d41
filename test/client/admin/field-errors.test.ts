import { describe, expect, it, vi } from 'vitest';
import { CreditCode, ProductCreate, UserCreate } from '../../../db/model';
import { fieldErrors, issueText, pathKey, refusalOf, unplacedErrors } from '../../../client/admin/field-errors';
import { ApiRequestError } from '../../../client/lib/api';
import { setLang } from '../../../client/i18n';

describe('issueText', () => {
  it.each([
    ['an empty required name', ProductCreate, { nameZh: '', category: 'food', counties: ['140521'] }, 'nameZh', '必填。'],
    ['a missing category', ProductCreate, { nameZh: '沁水蜂蜜', counties: ['140521'] }, 'category', '必填。'],
    ['no county', ProductCreate, { nameZh: '沁水蜂蜜', category: 'food', counties: [] }, 'counties', '至少选择 1 项。'],
    ['an unknown category', ProductCreate, { nameZh: '沁水蜂蜜', category: 'fish', counties: ['140521'] }, 'category', '请选择一项。'],
    ['a too long name', ProductCreate, { nameZh: '蜂'.repeat(101), category: 'food', counties: ['140521'] }, 'nameZh', '最多 100 个字符。'],
    ['a latitude that is not a number', ProductCreate,
      { nameZh: '蜂蜜', category: 'food', counties: ['140521'], locations: [{ lat: Number.NaN, lng: 112.2, precision: 'exact' }] },
      'locations.0.lat', '请输入数字。'],
    ['a point outside Jincheng', ProductCreate,
      { nameZh: '蜂蜜', category: 'food', counties: ['140521'], locations: [{ lat: 112.2, lng: 35.7, precision: 'exact' }] },
      'locations.0.lat', '不能大于 90。'],
    ['a short password', UserCreate, { username: 'qinshui', password: 'short', role: 'official', county: '140521' }, 'password', '密码至少10个字符'],
  ])('%s', (_, schema, input, key, message) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!.issues)[key]).toBe(message);
  });

  it('keeps the model’s own refinement messages', () => {
    const result = CreditCode.safeParse('91140521MA0K123450');
    expect(issueText(result.error!.issues[0])).toMatch(/统一社会信用代码/);
  });

  it('shows a server issue (path and message only) as its message', () => {
    expect(issueText({ path: ['nameZh'], message: 'taken' })).toBe('taken');
  });

  it('shows the half of a server\'s two-language message in the page\'s language', () => {
    const issue = { path: ['locations', 0], message: '位置 1（35.69, 112.19）在沁水县，不在本产品所属的高平市 / Location 1 (35.69, 112.19) is in Qinshui County, not in Gaoping City, this product\'s county' };
    expect(issueText(issue)).toBe('位置 1（35.69, 112.19）在沁水县，不在本产品所属的高平市');
    vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } }); // setLang marks <html lang>
    setLang('en');
    try {
      expect(issueText(issue)).toBe('Location 1 (35.69, 112.19) is in Qinshui County, not in Gaoping City, this product\'s county');
    } finally {
      setLang('zh');
      vi.unstubAllGlobals();
    }
  });
});

describe('fieldErrors', () => {
  const issues = [
    { path: ['0', 'name'], message: 'a' }, { path: [0, 'name'], message: 'b' }, { path: [1, 'households'], message: 'c' },
  ];
  it('keeps the first issue of each path', () => {
    expect(fieldErrors(issues)).toEqual({ '0.name': 'a', '1.households': 'c' });
  });
  it('keeps only issues under a prefix, without it', () => {
    expect(fieldErrors(issues, [1])).toEqual({ households: 'c' });
  });
  it.each([[['a', 0, 'b'], 'a.0.b'], [[], '']])('pathKey(%j) = %s', (path, key) => {
    expect(pathKey(path)).toBe(key);
  });
  it('lists errors no field shows', () => {
    expect(unplacedErrors({ nameZh: 'x', 'locations.0.lat': 'y', extra: 'z', '': 'w' }, ['nameZh', 'locations']))
      .toEqual(['extra: z', 'w']);
  });
});

describe('refusalOf', () => {
  it('places the server\'s issues beside their fields and keeps its message', () => {
    const refusal = refusalOf(new ApiRequestError(400, 'bad_request', 'Invalid body field: nameZh', [{ path: ['nameZh'], message: 'Too big' }]));
    expect(Object.keys(refusal.errors!)).toEqual(['nameZh']);
    expect(refusal.failure).toContain('Invalid body field: nameZh');
  });

  it.each([
    ['a conflict without issues', new ApiRequestError(409, 'illegal_transition', 'Cannot move', [])],
    ['a network failure', new TypeError('Failed to fetch')],
  ])('has no field errors for %s, only the failure line', (_, err) => {
    const refusal = refusalOf(err);
    expect(refusal.errors).toBeNull();
    expect(refusal.failure).toContain(err.message);
  });
});
