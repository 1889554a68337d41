/**
 * The ceiling of a year's marked volume (db/model/mark-signals.ts): area × yield before the output,
 * nothing without figures, and "above" read to the kilogram, so sums of decimals compare as people read them.
 */
import { describe, expect, it } from 'vitest';
import { exceedsCeiling, volumeCeiling } from '../../db/model';

describe('volumeCeiling', () => {
  it.each([
    ['area and yield', { areaMu: 1000, yieldKgPerMu: 150, outputTonnes: 500 }, 'area_yield', 150],
    ['area and yield, to the kilogram', { areaMu: 3.3, yieldKgPerMu: 101.1, outputTonnes: null }, 'area_yield', 0.334],
    ['the output when the yield is missing', { areaMu: 1000, yieldKgPerMu: null, outputTonnes: 80 }, 'output', 80],
    ['the output when the area is missing', { areaMu: null, yieldKgPerMu: 150, outputTonnes: 80 }, 'output', 80],
    ['nothing when neither is known', { areaMu: 1000, yieldKgPerMu: null, outputTonnes: null }, 'unknown', null],
    ['nothing without figures', null, 'unknown', null],
  ] as const)('%s', (_what, figures, basis, tonnes) => {
    expect(volumeCeiling(figures)).toMatchObject({ basis, tonnes });
  });
});

describe('exceedsCeiling', () => {
  const ceiling = volumeCeiling({ areaMu: null, yieldKgPerMu: null, outputTonnes: 0.3 });

  it('is not above at equality, even for a sum of decimals (0.1 + 0.2)', () => {
    expect(0.1 + 0.2 > 0.3).toBe(true); // what a plain comparison would say
    expect(exceedsCeiling(0.1 + 0.2, ceiling)).toBe(false);
  });

  it('is above by a kilogram, not by less', () => {
    expect(exceedsCeiling(0.301, ceiling)).toBe(true);
    expect(exceedsCeiling(0.3004, ceiling)).toBe(false);
  });

  it('never flags without a ceiling', () => {
    expect(exceedsCeiling(1e9, volumeCeiling(null))).toBe(false);
  });
});
