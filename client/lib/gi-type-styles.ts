/**
 * The GI types' colours in CSS, made from their table (db/model/gi-types.ts): one custom property per
 * type on the document (`--gi-trademark`…), and per-type rules written from it, so a new type is
 * coloured everywhere without a stylesheet naming it.
 */
import type { GiType } from '../../db/model';
import { GI_TYPE_RULES } from '../../db/model/gi-types';
import { GI_TYPES } from '../../db/model/vocabulary-lists';

/** The CSS custom property that holds a GI type's colour: `--gi-trademark`, `--gi-protected-product`. */
export function giColourVar(giType: GiType): string {
  return `--gi-${giType.replace(/_/g, '-')}`;
}

/**
 * Sets every GI type's colour property on `root` (the document element), where every shadow root
 * inherits it. Through the CSSOM, which the Content-Security-Policy allows (it refuses inline styles).
 */
export function applyGiColours(root: HTMLElement): void {
  for (const giType of GI_TYPES) root.style.setProperty(giColourVar(giType), GI_TYPE_RULES[giType].colour);
}

/** CSS text with one rule per GI type, in GI_TYPES order: `rule(code, 'var(--gi-…)')` for each. */
export function perGiTypeCss(rule: (giType: GiType, colour: string) => string): string {
  return GI_TYPES.map((giType) => rule(giType, `var(${giColourVar(giType)})`)).join('\n');
}
