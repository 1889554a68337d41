/**
 * The arithmetic of the figures chart, kept apart from drawing: the four series, which years a
 * series has, a rounded top for the value axis, and where each year sits along the year axis.
 */
import type { ProductFigure } from '../../db/model';

/** The four yearly figures, in the order the chart offers them. */
export const SERIES = ['households', 'areaMu', 'outputTonnes', 'valueWanYuan'] as const;
/** One of the four yearly figures. */
export type Series = (typeof SERIES)[number];

/** A year's value of one series (null: not recorded that year). */
export interface Point { year: number; value: number | null }

/** The years of the figures, oldest first, with one series' value each. */
export function pointsOf(figures: readonly ProductFigure[], series: Series): Point[] {
  return [...figures].sort((a, b) => a.year - b.year).map((f) => ({ year: f.year, value: f[series] }));
}

/** The first series with any value recorded (households when none has). */
export function firstRecorded(figures: readonly ProductFigure[]): Series {
  return SERIES.find((s) => figures.some((f) => f[s] !== null)) ?? 'households';
}

/** A round number at or above `max` (1, 2, 2.5, 5 times a power of ten) for the top of the value axis; 1 for nothing. */
export function niceTop(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= max)!;
  return step * power;
}

/**
 * Where each year sits: every calendar year from the first to the last gets an equal slot (so a gap of
 * years shows as a gap), and the bar is centred in its slot and at most `maxBar` wide.
 */
export function yearSlots(first: number, last: number, width: number, maxBar = 48): { x: (year: number) => number; bar: number } {
  const slots = last - first + 1;
  const slot = width / slots;
  return { x: (year) => (year - first + 0.5) * slot, bar: Math.max(2, Math.min(maxBar, slot * 0.7)) };
}
