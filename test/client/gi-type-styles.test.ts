/** The GI types' colours in CSS come from their table, one custom property and one rule per type. */
import { describe, expect, it } from 'vitest';
import { GI_TYPE_RULES, GI_TYPES } from '../../db/model';
import { applyGiColours, giColourVar, perGiTypeCss } from '../../client/lib/gi-type-styles';
import { GI_COLOURS, GI_SHAPES } from '../../client/map/marker-icon';
import { glyphCss } from '../../client/map/marker-svg';

describe('GI type styles', () => {
  it('names each type’s colour property after its code, as the stylesheets did', () => {
    expect(GI_TYPES.map(giColourVar)).toEqual(['--gi-trademark', '--gi-protected-product', '--gi-agricultural-product']);
  });

  it('sets every type’s colour from the table on the root', () => {
    const set = new Map<string, string>();
    applyGiColours({ style: { setProperty: (name: string, value: string) => set.set(name, value) } } as unknown as HTMLElement);
    expect(Object.fromEntries(set)).toEqual(Object.fromEntries(GI_TYPES.map((g) => [giColourVar(g), GI_TYPE_RULES[g].colour])));
  });

  it('writes one rule per type in GI_TYPES order', () => {
    expect(perGiTypeCss((g, c) => `.${g}{fill:${c}}`).split('\n')).toEqual(GI_TYPES.map((g) => `.${g}{fill:var(${giColourVar(g)})}`));
  });

  it('colours every type’s map glyph, filled and hollow, and takes shapes and colours from the table', () => {
    for (const g of GI_TYPES) {
      expect(glyphCss).toContain(`.glyph.${g} { fill: var(${giColourVar(g)}); }`);
      expect(glyphCss).toContain(`.glyph.in_progress.${g} { stroke: var(${giColourVar(g)}); }`);
      expect(GI_SHAPES[g]).toBe(GI_TYPE_RULES[g].shape);
      expect(GI_COLOURS[g]).toBe(giColourVar(g));
    }
    // The hollow glyph's white fill must come after the filled ones to win at equal specificity.
    expect(glyphCss.indexOf('.glyph.in_progress {')).toBeGreaterThan(glyphCss.lastIndexOf('{ fill: var(--gi-'));
  });
});
