/**
 * Draws a marker spec as inline SVG with Lit (for the map's icons and its legend alike); colours
 * come from CSS custom properties through classes, so the CSP needs no inline styles.
 */
import { svg, type TemplateResult } from 'lit';
import { perGiTypeCss } from '../lib/gi-type-styles';
import { GLYPH_SIZE, iconSize, SHAPE_PATHS, type Glyph, type MarkerSpec } from './marker-icon';

/** The SVG of one glyph at horizontal offset `x`. */
export function glyphSvg(glyph: Glyph, x = 0): TemplateResult {
  const kind = glyph.giType ?? 'candidate';
  return svg`<path class="glyph ${kind} ${glyph.state}" transform="translate(${x + 2} 2)" d=${SHAPE_PATHS[glyph.shape]}></path>`;
}

/** The whole marker: glyphs side by side on a white rounded plate, hidden from assistive tech. */
export function markerSvg(spec: MarkerSpec): TemplateResult {
  const [w, h] = iconSize(spec);
  return svg`<svg class="marker-svg" width=${w} height=${h} viewBox="0 0 ${w} ${h}" aria-hidden="true" focusable="false">
    <rect class="plate" x="0.5" y="0.5" rx="5" width=${w - 1} height=${h - 1}></rect>
    ${spec.glyphs.map((g, i) => glyphSvg(g, i * (GLYPH_SIZE + 2)))}
  </svg>`;
}

/** Styles for the glyphs, to include in the shadow root that shows them. */
export const glyphCss = `
  .marker-svg .plate { fill: #fff; stroke: #1f2328; stroke-width: 1; }
  .glyph { stroke-width: 1.5; stroke: #1f2328; }
  ${perGiTypeCss((giType, colour) => `.glyph.${giType} { fill: ${colour}; }`)}
  .glyph.candidate { fill: var(--gi-candidate); }
  .glyph.in_progress { fill: #fff; stroke-width: 3; }
  ${perGiTypeCss((giType, colour) => `.glyph.in_progress.${giType} { stroke: ${colour}; }`)}
`;
