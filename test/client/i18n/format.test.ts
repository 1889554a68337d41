import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../client/i18n/format';
import { marks } from '../../../client/i18n/marks';
import { places } from '../../../client/i18n/places';

describe('formatMessage', () => {
  it.each([
    [1, '1 company found (as registered on 2026-12-05)'],
    [2, '2 companies found (as registered on 2026-12-05)'],
    [0, '0 companies found (as registered on 2026-12-05)'],
  ])('says %i company or companies in English, never "company(ies)"', (n, text) => {
    expect(formatMessage(marks.en['verify.found'], { n, date: '2026-12-05' }, 'en')).toBe(text);
  });

  it('leaves Chinese, which has one form, as it is written', () => {
    expect(formatMessage(marks.zh['verify.found'], { n: 2, date: '2026-12-05' }, 'zh')).toBe('查到 2 家企业（2026-12-05 的登记情况）');
  });

  it('takes each number for its own word', () => {
    expect(formatMessage(places.en['area.summary'], { townships: 1, villages: 3 }, 'en')).toBe('1 township and 3 further villages');
    expect(formatMessage(places.en['places.inAreas'], { n: 1 }, 'en')).toBe('Inside the protected area of 1 GI');
  });

  it('no English message of the public pages writes a plural as "(s)" or "(ies)"', () => {
    const offending = Object.entries({ ...marks.en, ...places.en }).filter(([, v]) => /\((s|es|ies)\)/.test(v)).map(([k]) => k);
    expect(offending).toEqual([]);
  });
});
