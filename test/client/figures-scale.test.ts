import { describe, expect, it } from 'vitest';
import { firstRecorded, niceTop, pointsOf, yearSlots } from '../../client/lib/figures-scale';

const year = (y: number, households: number | null, areaMu: number | null = null) =>
  ({ year: y, households, areaMu, yieldKgPerMu: null, outputTonnes: null, valueWanYuan: null, note: '', sources: [] });

describe('the figures chart’s arithmetic', () => {
  it('orders the years and takes one series', () => {
    expect(pointsOf([year(2024, 5), year(2019, null)], 'households')).toEqual([{ year: 2019, value: null }, { year: 2024, value: 5 }]);
  });

  it('starts on the first series with anything recorded', () => {
    expect(firstRecorded([year(2024, null, 300)])).toBe('areaMu');
    expect(firstRecorded([year(2024, null)])).toBe('households');
  });

  it.each([[0, 1], [7, 10], [9000, 10_000], [1715, 2000], [2400.5, 2500], [37_000, 50_000], [1, 1]])('tops %d at %d', (max, top) => {
    expect(niceTop(max)).toBe(top);
  });

  it('gives every year from the first to the last a slot, so a gap shows; one year fills the width', () => {
    const { x, bar } = yearSlots(2019, 2024, 600);
    expect(x(2019)).toBe(50);
    expect(x(2024)).toBe(550);
    expect(bar).toBe(48);
    expect(yearSlots(2024, 2024, 600).x(2024)).toBe(300);
  });
});
