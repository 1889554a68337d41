import { describe, expect, it, vi } from 'vitest';
import { todayInShanghai } from '../../../db/model';
import { setLang } from '../../../client/i18n';
import { checkFigures, draftFromFigure, emptyFigure, figureBody, type FigureDraft } from '../../../client/admin/figures-draft';

const THIS_YEAR = Number(todayInShanghai().slice(0, 4));
const row = (patch: Partial<FigureDraft> = {}): FigureDraft => ({ ...emptyFigure([], 2025), year: '2023', ...patch });

describe('figures drafts', () => {
  it('round-trips a saved year, keeping the sources after the first untouched', () => {
    const saved = {
      year: 2024, households: 1500, areaMu: null, yieldKgPerMu: 162.5, outputTonnes: 12.5, valueWanYuan: null, note: '县统计',
      sources: [{ title: '公报', url: 'https://a.example/1' }, { title: '年鉴', url: null }],
    };
    const draft = draftFromFigure(saved);
    expect(draft).toMatchObject({ year: '2024', households: '1500', areaMu: '', yieldKgPerMu: '162.5', sourceTitle: '公报', sourceUrl: 'https://a.example/1' });
    expect(figureBody(draft)).toEqual(saved);
    expect(checkFigures([draft])).toEqual({ ok: true, body: [saved] });
  });

  it('offers the year after the latest, never after this one, and a blank year when that one is taken', () => {
    expect(emptyFigure([], 2026).year).toBe('2025');
    expect(emptyFigure([row({ year: '2021' }), row({ year: '2019' })], 2026).year).toBe('2022');
    expect(emptyFigure([row({ year: '2026' })], 2026).year).toBe('');
  });

  it('reads typed numbers (commas forgiven), leaves an empty source out', () => {
    expect(figureBody(row({ households: '1,200', areaMu: ' ', yieldKgPerMu: '1,250.5' })))
      .toMatchObject({ year: 2023, households: 1200, areaMu: null, yieldKgPerMu: 1250.5, sources: [] });
  });

  it.each([
    ['a year listed twice', [row(), row({ households: '3' })], '1.year'],
    ['a year in the future', [row({ year: String(THIS_YEAR + 1) })], '0.year'],
    ['no year', [row({ year: '' })], '0.year'],
    ['a negative number', [row({ areaMu: '-1' })], '0.areaMu'],
    ['a negative yield per mu', [row({ yieldKgPerMu: '-5' })], '0.yieldKgPerMu'],
    ['an absurd yield per mu', [row({ yieldKgPerMu: '150000' })], '0.yieldKgPerMu'],
    ['words for a number', [row({ outputTonnes: 'many' })], '0.outputTonnes'],
    ['a source link that is not a web address', [row({ sourceUrl: 'www' })], '0.sourceUrl'],
  ])('puts the error of %s beside its field', (_, rows, key) => {
    const check = checkFigures(rows);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors)).toContain(key);
  });

  it('tells a yield per mu out of bounds in the page’s language only', () => {
    const errorOf = (yieldKgPerMu: string) => {
      const check = checkFigures([row({ yieldKgPerMu })]);
      return check.ok ? null : check.errors['0.yieldKgPerMu'];
    };
    expect(errorOf('-1')).toBe('不能小于 0。');
    expect(errorOf('100001')).toBe('不能大于 100000。');
    expect(errorOf('100000')).toBeNull();
    vi.stubGlobal('document', { documentElement: { lang: 'zh-CN' } }); // setLang marks <html lang>
    setLang('en');
    try {
      expect(errorOf('-1')).toBe('Must be at least 0.');
      expect(errorOf('100001')).toBe('Must be at most 100000.');
    } finally {
      setLang('zh');
      vi.unstubAllGlobals();
    }
  });
});
