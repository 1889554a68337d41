import { describe, expect, it } from 'vitest';
import { todayInShanghai } from '../../../db/model';
import { checkFigures, draftFromFigure, emptyFigure, figureBody, type FigureDraft } from '../../../client/admin/figures-draft';

const THIS_YEAR = Number(todayInShanghai().slice(0, 4));
const row = (patch: Partial<FigureDraft> = {}): FigureDraft => ({ ...emptyFigure([], 2025), year: '2023', ...patch });

describe('figures drafts', () => {
  it('round-trips a saved year, keeping the sources after the first untouched', () => {
    const saved = {
      year: 2024, households: 1500, areaMu: null, outputTonnes: 12.5, valueWanYuan: null, note: '县统计',
      sources: [{ title: '公报', url: 'https://a.example/1' }, { title: '年鉴', url: null }],
    };
    const draft = draftFromFigure(saved);
    expect(draft).toMatchObject({ year: '2024', households: '1500', areaMu: '', sourceTitle: '公报', sourceUrl: 'https://a.example/1' });
    expect(figureBody(draft)).toEqual(saved);
    expect(checkFigures([draft])).toEqual({ ok: true, body: [saved] });
  });

  it('offers the year after the latest, never after this one, and a blank year when that one is taken', () => {
    expect(emptyFigure([], 2026).year).toBe('2025');
    expect(emptyFigure([row({ year: '2021' }), row({ year: '2019' })], 2026).year).toBe('2022');
    expect(emptyFigure([row({ year: '2026' })], 2026).year).toBe('');
  });

  it('reads typed numbers (commas forgiven), leaves an empty source out', () => {
    expect(figureBody(row({ households: '1,200', areaMu: ' ' }))).toMatchObject({ year: 2023, households: 1200, areaMu: null, sources: [] });
  });

  it.each([
    ['a year listed twice', [row(), row({ households: '3' })], '1.year'],
    ['a year in the future', [row({ year: String(THIS_YEAR + 1) })], '0.year'],
    ['no year', [row({ year: '' })], '0.year'],
    ['a negative number', [row({ areaMu: '-1' })], '0.areaMu'],
    ['words for a number', [row({ outputTonnes: 'many' })], '0.outputTonnes'],
    ['a source link that is not a web address', [row({ sourceUrl: 'www' })], '0.sourceUrl'],
  ])('puts the error of %s beside its field', (_, rows, key) => {
    const check = checkFigures(rows);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors)).toContain(key);
  });
});
