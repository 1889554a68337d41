import { describe, expect, it } from 'vitest';
import { checkReturn, draftOfReturn } from '../../../client/admin/usage-return-draft';

describe('usage-return drafts', () => {
  it('round-trips a returned return, channels as one line', () => {
    const values = { markedTonnes: 40, outputTonnes: 55.5, marksPrinted: 8000, channels: ['电商平台', '批发市场'], note: '直销' };
    const draft = draftOfReturn(values);
    expect(draft).toEqual({ markedTonnes: '40', outputTonnes: '55.5', marksPrinted: '8000', channels: '电商平台、批发市场', note: '直销' });
    expect(checkReturn(draft)).toEqual({ ok: true, body: values });
  });

  it('reads blanks as figures not given, commas in numbers forgiven, channels split where people split them', () => {
    expect(checkReturn({ ...draftOfReturn(null), markedTonnes: '1,200', outputTonnes: '1,500', channels: 'online, 商超；出口 ' }))
      .toEqual({ ok: true, body: { markedTonnes: 1200, outputTonnes: 1500, marksPrinted: null, channels: ['online', '商超', '出口'], note: '' } });
  });

  it.each([
    [{ markedTonnes: '-1' }, 'markedTonnes'],
    [{ markedTonnes: 'lots' }, 'markedTonnes'],
    [{ markedTonnes: '20', outputTonnes: '10' }, 'markedTonnes'],
    [{ marksPrinted: '1.5' }, 'marksPrinted'],
    [{ channels: Array.from({ length: 11 }, (_, i) => `c${i}`).join('、') }, 'channels'],
  ])('refuses %j beside %s, before anything is sent', (patch, field) => {
    const check = checkReturn({ ...draftOfReturn(null), ...patch });
    expect(check.ok).toBe(false);
    if (!check.ok) expect(Object.keys(check.errors)).toContain(field);
  });
});
