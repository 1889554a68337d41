import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

  it('no English message of any catalog (public pages and workspace) writes a plural as "(s)" or "(ies)"', async () => {
    const dir = fileURLToPath(new URL('../../../client/i18n/', import.meta.url));
    const offending: string[] = [];
    let catalogs = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      for (const value of Object.values(await import(join(dir, file)) as Record<string, unknown>)) {
        if (!value || typeof value !== 'object' || !('en' in value)) continue;
        catalogs += 1;
        for (const [key, text] of Object.entries((value as { en: Record<string, string> }).en)) if (/\((s|es|ies)\)/.test(text)) offending.push(key);
      }
    }
    expect(catalogs).toBeGreaterThan(15);
    expect(offending).toEqual([]);
  });
});
