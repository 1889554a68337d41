/**
 * A location in the page's language: its words at its precision, and its label. Locations known only
 * by county carry the county's Chinese name as their label: an English page shows the county's English
 * name instead. Any other label is shown as written, marked with its language when that is not the page's.
 */
import type { Location } from '../../db/model';
import { lang, localName, t } from '../i18n';
import { countyNamedZh } from './counties';

/** A label to show, and its language when it differs from the page's (for `lang=`). */
export interface ShownLabel { text: string; lang: 'zh-CN' | 'en' | undefined }

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN = /[A-Za-z]/;

/** How to show a location's label on this page (an empty label stays empty). */
export function shownLabel(l: Pick<Location, 'label' | 'precision'>): ShownLabel {
  const county = l.precision === 'county' ? countyNamedZh(l.label) : undefined;
  if (county) return { text: localName(county), lang: undefined };
  const page = lang();
  if (page === 'en' && HAN.test(l.label)) return { text: l.label, lang: 'zh-CN' };
  if (page === 'zh' && !HAN.test(l.label) && LATIN.test(l.label)) return { text: l.label, lang: 'en' };
  return { text: l.label, lang: undefined };
}

/** The county a county location is on, by its label (the county's Chinese name), named in the page's language. */
export function countyPlaceName(l: Pick<Location, 'label'>): string | null {
  const county = countyNamedZh(l.label);
  return county ? localName(county) : null;
}

/**
 * A location in words at the precision it is known: "精确位置：35.828748, 112.31727" for an exact spot only;
 * "仅知村／乡镇／县：…" otherwise, never coordinates, which for those would claim a precision nobody has.
 * `place` is the village, township or county (the words take '' when it is not known yet).
 */
export function locationWords(l: Pick<Location, 'precision' | 'lat' | 'lng'>, place: string): string {
  if (l.precision === 'exact') return t('locw.exact', { lat: l.lat, lng: l.lng });
  return t(`locw.${l.precision}`, { name: place || t('locw.unnamed') });
}

/** A unit by its Chinese name, a village with its township: 柳庄社区居委会（龙港镇）. */
export function unitName(u: { unit: { name: string; level: string }; townshipName: string | null }): string {
  return u.unit.level === 'village' && u.townshipName ? `${u.unit.name}（${u.townshipName}）` : u.unit.name;
}
