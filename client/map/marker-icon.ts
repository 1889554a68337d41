/**
 * What a product marker looks like, decided from its designations without Leaflet: one glyph per
 * GI type it holds or seeks (shape AND colour per type, filled when in force, hollow while in
 * progress), or a grey diamond for a candidate with nothing granted or filed.
 */
import type { GiType, Status } from '../../db/model';
import { perGiType, type GiShape } from '../../db/model/gi-types';
import { designationLook } from '../../db/model/map-summary';
import { GI_TYPES } from '../../db/model/vocabulary-lists';
import { giColourVar } from '../lib/gi-type-styles';

/** The shapes a glyph can take: a GI type's own, or a candidate's diamond. */
export type Shape = GiShape | 'diamond';

/** Each GI type's shape (from its table), so a colour-blind reader can tell them apart. */
export const GI_SHAPES: Readonly<Record<GiType, Shape>> = perGiType((_, rules) => rules.shape);

/** Each GI type's colour as a CSS custom property (set from its table by main.ts), and a candidate's (global.css). */
export const GI_COLOURS: Readonly<Record<GiType | 'candidate', string>> = { ...perGiType(giColourVar), candidate: '--gi-candidate' };

/** How far a glyph's GI has come: granted, filed or published, or not yet filed at all. */
export type GlyphState = 'in_force' | 'in_progress' | 'candidate';

/** One shape drawn in a marker. */
export interface Glyph { readonly giType: GiType | null; readonly shape: Shape; readonly colour: string; readonly state: GlyphState }

/** Everything needed to draw a marker; `key` is equal for markers that look the same. */
export interface MarkerSpec { readonly key: string; readonly candidate: boolean; readonly glyphs: readonly Glyph[] }

/** Specs made so far, by look: markers that look the same share one (frozen) spec. */
const specs: MarkerSpec[] = [];

/**
 * The marker of a product with these designations (any order; statuses other than these count as none).
 * Called once per map location, so it allocates nothing for a look that was seen before: the look is
 * a number (db/model/map-summary.ts, designationLook: per GI type a base-3 digit).
 */
export function markerSpec(designations: readonly { giType: GiType; status: Status }[]): MarkerSpec {
  const look = designationLook(designations);
  return specs[look] ??= makeSpec(look);
}

/** The spec of a look numbered by markerSpec. */
function makeSpec(look: number): MarkerSpec {
  const glyphs: Glyph[] = [];
  for (const giType of GI_TYPES) {
    const digit = look % 3;
    look = (look - digit) / 3;
    if (digit) glyphs.push(Object.freeze({ giType, shape: GI_SHAPES[giType], colour: GI_COLOURS[giType], state: digit === 2 ? 'in_force' : 'in_progress' }));
  }
  if (glyphs.length === 0) {
    return Object.freeze({
      key: 'candidate', candidate: true,
      glyphs: Object.freeze([Object.freeze({ giType: null, shape: 'diamond', colour: GI_COLOURS.candidate, state: 'candidate' })]),
    });
  }
  const key = glyphs.map((g) => `${g.giType}:${g.state}`).join('+');
  return Object.freeze({ key, candidate: false, glyphs: Object.freeze(glyphs) });
}

/** Size of one glyph's box in CSS pixels. */
export const GLYPH_SIZE = 18;

/** The icon's size for a spec: glyphs side by side with a 2 px gap and a 2 px frame. */
export function iconSize(spec: MarkerSpec): [number, number] {
  const n = spec.glyphs.length;
  return [n * GLYPH_SIZE + (n - 1) * 2 + 4, GLYPH_SIZE + 4];
}

/** SVG path data of each shape in an 18×18 box (a circle is drawn as a path too). */
export const SHAPE_PATHS: Readonly<Record<Shape, string>> = {
  circle: 'M9 2a7 7 0 1 0 0 14a7 7 0 1 0 0-14Z',
  square: 'M2.5 2.5h13v13h-13Z',
  triangle: 'M9 1.5L16.5 15.5H1.5Z',
  diamond: 'M9 1.5L16.5 9L9 16.5L1.5 9Z',
};
