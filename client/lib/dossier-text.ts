/**
 * How a dossier is told on every page: its readiness as a whole percentage that reaches 100 only
 * when every needed item is ready, each item's title in the page's language, and the glyph each item
 * status carries beside its word (so colour is never the only cue).
 */
import type { DossierItemStatus, DossierTemplateItem } from '../../db/model';
import { lang } from '../i18n';

/** ready ÷ needed as a percentage rounded down (6 of 7 is 85, never 100 before all are ready); null when nothing is needed. */
export function readinessPercent(ready: number, needed: number): number | null {
  if (needed <= 0) return null;
  return Math.floor((Math.min(ready, needed) / needed) * 100);
}

/** An item's title in the page's language (its Chinese title when it has no English one). */
export function itemTitle(item: Pick<DossierTemplateItem, 'titleZh' | 'titleEn'>): string {
  return lang() === 'en' && item.titleEn.trim() !== '' ? item.titleEn : item.titleZh;
}

/** The glyph shown before an item's status word. */
export const STATUS_GLYPHS: Record<DossierItemStatus, string> = {
  missing: '○',
  in_progress: '◐',
  ready: '✓',
  not_needed: '–',
};
