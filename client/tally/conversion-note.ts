/**
 * How the tally page says conversions are counted (统一认定: an agricultural-product GI converted into a
 * 地理标志产品): the sentence under the cards, and the county table's note beside a count.
 */
import { html, nothing } from 'lit';
import { conversionSourcesOf, GI_TYPES, type TallyType } from '../../db/model';
import { t } from '../i18n';

/** The sentence on how conversions count in force and against the targets (nothing when no type converts). */
export function conversionNote() {
  const into = GI_TYPES.find((g) => conversionSourcesOf(g).length > 0);
  if (!into) return nothing;
  const from = conversionSourcesOf(into).map((g) => t(`giType.${g}`)).join(' / ');
  return html`<p class="note" data-note="conversion">${t('conv.tally.note', { type: t(`giType.${into}`), from })}</p>`;
}

/** "（已转换 1）" after a county's in-force count of a type that had some converted, "（含转换 1）" of one that gained some. */
export function conversionSuffix(x: Pick<TallyType, 'converted' | 'fromConversion'>) {
  return html`${x.converted > 0 ? t('conv.tally.countyConverted', { n: x.converted }) : nothing}${x.fromConversion > 0 ? t('conv.tally.countyFrom', { n: x.fromConversion }) : nothing}`;
}
