/**
 * A location's label in the page's language. Locations known only by county carry the county's
 * Chinese name as their label: an English page shows the county's English name instead. Any other
 * label is shown as written, marked with the language it is in when that is not the page's.
 */
import { COUNTY_CODES, type Location } from '../../db/model';
import { admin } from '../i18n/admin';
import { lang, t } from '../i18n';

/** A label to show, and its language when it differs from the page's (for `lang=`). */
export interface ShownLabel { text: string; lang: 'zh-CN' | 'en' | undefined }

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN = /[A-Za-z]/;

/** The county whose Chinese name a label is, if any. */
function countyNamed(label: string): (typeof COUNTY_CODES)[number] | undefined {
  return COUNTY_CODES.find((code) => admin.zh[`county.${code}`] === label.trim());
}

/** How to show a location's label on this page (an empty label stays empty). */
export function shownLabel(l: Pick<Location, 'label' | 'precision'>): ShownLabel {
  const county = l.precision === 'county' ? countyNamed(l.label) : undefined;
  if (county) return { text: t(`county.${county}`), lang: undefined };
  const page = lang();
  if (page === 'en' && HAN.test(l.label)) return { text: l.label, lang: 'zh-CN' };
  if (page === 'zh' && !HAN.test(l.label) && LATIN.test(l.label)) return { text: l.label, lang: 'en' };
  return { text: l.label, lang: undefined };
}
