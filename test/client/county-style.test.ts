import { describe, expect, it } from 'vitest';
import { countyStyle, focusStyle, SHADE_COLOURS, shadeClass, shadeLegend } from '../../client/map/county-style';

describe('county shading by GIs in force', () => {
  it.each([
    [0, 0], [1, 1], [2, 2], [3, 3], [4, 3], [5, 4], [12, 4], [-1, 0], [Number.NaN, 0],
  ])('%d GIs in force → class %d', (count, cls) => {
    expect(shadeClass(count)).toBe(cls);
    expect(countyStyle(count).fillColor).toBe(SHADE_COLOURS[cls]);
  });

  it('gets darker as the count grows', () => {
    const lum = (hex: string) => parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16);
    const values = [0, 1, 2, 3, 5].map((n) => lum(countyStyle(n).fillColor));
    expect([...values].sort((a, b) => b - a)).toEqual(values);
  });

  it('has a legend that covers every count exactly once', () => {
    const legend = shadeLegend();
    expect(legend.map((l) => [l.from, l.to])).toEqual([[0, 0], [1, 1], [2, 2], [3, 4], [5, null]]);
    for (let n = 0; n < 20; n++) {
      const entry = legend.filter((l) => n >= l.from && (l.to === null || n <= l.to));
      expect(entry).toHaveLength(1);
      expect(entry[0].colour).toBe(countyStyle(n).fillColor);
    }
  });

  it.each([
    ['selected', { selected: true }, (s: ReturnType<typeof countyStyle>) => s.weight > countyStyle(1).weight],
    ['dimmed', { dimmed: true }, (s: ReturnType<typeof countyStyle>) => s.fillOpacity < countyStyle(1).fillOpacity && !!s.dashArray],
    ['over a basemap', { basemap: true }, (s: ReturnType<typeof countyStyle>) => s.fillOpacity < countyStyle(1).fillOpacity],
  ])('styles a county %s differently', (_name, options, check) => {
    expect(check(countyStyle(1, options))).toBe(true);
  });
});

describe('a product map’s counties', () => {
  it('fills the product’s own counties and leaves the others plain', () => {
    const own = focusStyle(true);
    const other = focusStyle(false);
    expect(own.fillColor).not.toBe(other.fillColor);
    expect(own.weight).toBeGreaterThan(other.weight);
    expect(focusStyle(true, { basemap: true }).fillOpacity).toBeLessThan(own.fillOpacity);
  });

  it('steps a county back from the chosen one without its shading', () => {
    expect(countyStyle(5, { dimmed: true }).fillColor).toBe(countyStyle(0, { dimmed: true }).fillColor);
  });
});
