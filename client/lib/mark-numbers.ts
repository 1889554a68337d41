/**
 * Numbers of the marks' use as pages write them: tonnes and mu in the page's language, shares as
 * percentages, and a ceiling with the figures it came from.
 */
import type { VolumeCeiling } from '../../db/model';
import { lang, t } from '../i18n';

/** A number as the page's language writes it (thousands grouped, up to three decimals: a kilogram of a tonne). */
export function amount(n: number): string {
  return n.toLocaleString(lang() === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 3 });
}

/** A share (0.55) as a percentage (55%), to a tenth of a per cent. */
export function percent(share: number): string {
  return `${(Math.round(share * 1000) / 10).toLocaleString(lang() === 'en' ? 'en-US' : 'zh-CN')}%`;
}

/** How a ceiling was found, in words: the area and yield, the output, or no figures. */
export function ceilingBasis(c: VolumeCeiling): string {
  if (c.basis === 'area_yield') return t('ceiling.basis.area_yield', { area: amount(c.areaMu ?? 0), yield: amount(c.yieldKgPerMu ?? 0) });
  return t(`ceiling.basis.${c.basis}`);
}
