import { describe, expect, it } from 'vitest';
import { DOSSIER_ITEM_STATUSES } from '../../db/model';
import { itemTitle, readinessPercent, STATUS_GLYPHS } from '../../client/lib/dossier-text';

describe('readinessPercent', () => {
  it.each([
    [0, 7, 0],
    [3, 7, 42],
    [6, 7, 85],
    [7, 7, 100],
    [1, 3, 33],
    [2, 3, 66],
    [9, 7, 100],
  ])('%i of %i ready is %i%', (ready, needed, pct) => {
    expect(readinessPercent(ready, needed)).toBe(pct);
  });

  it('never says 100% before every needed item is ready', () => {
    for (let needed = 1; needed <= 60; needed++) expect(readinessPercent(needed - 1, needed)).toBeLessThan(100);
  });

  it('is null when nothing is needed', () => {
    expect(readinessPercent(0, 0)).toBeNull();
  });
});

describe('item titles and status glyphs', () => {
  it('uses the Chinese title on a Chinese page', () => {
    expect(itemTitle({ titleZh: '商标图样', titleEn: 'The mark’s design' })).toBe('商标图样');
  });

  it('gives every status its own glyph, so colour is not the only cue', () => {
    const glyphs = DOSSIER_ITEM_STATUSES.map((s) => STATUS_GLYPHS[s]);
    expect(new Set(glyphs).size).toBe(DOSSIER_ITEM_STATUSES.length);
  });
});
