/**
 * How the map says where a product is, at the precision it is known: "仅知县：沁水县", "仅知乡镇：北城街道",
 * "精确位置：…" (the product page's words, client/lib/location-label.ts), and what a county's number counts.
 * A place known less than exactly is never given coordinates.
 */
import type { CountyCode, MeasureKind } from '../../db/model';
import type { ProductPointProperties } from '../lib/api';
import { countyName } from '../lib/counties';
import { locationWords } from '../lib/location-label';
import { t } from '../i18n';

/** A county's name in the page's language (client/lib/counties.ts). */
export function countyPlaceWords(code: CountyCode): string {
  return countyName(code);
}

/** Where one place of a product is, in words at its precision. */
export function placeWords(p: Pick<ProductPointProperties, 'precision' | 'label' | 'countyCode' | 'divisionName'>, at?: [number, number]): string {
  switch (p.precision) {
    case null: return t('list.noLocation');
    case 'exact': return p.label ? t('list.exact', { name: p.label }) : at ? locationWords({ precision: 'exact', lng: at[0], lat: at[1] }, '') : t('precision.exact');
    case 'county': return locationWords({ precision: 'county', lat: 0, lng: 0 }, p.countyCode ? countyPlaceWords(p.countyCode) : p.label);
    default: return locationWords({ precision: p.precision, lat: 0, lng: 0 }, p.divisionName ?? p.label);
  }
}

/** What a county's number says: "有效 3 项", "申报中 1 项"… */
export function measureText(kind: MeasureKind, n: number): string {
  if (kind === 'in_force' || kind === 'in_progress' || kind === 'cultivating') return t(`map.measure.${kind}`, { n });
  return t('map.measure.status', { n, status: t(`status.${kind}`) });
}
