/**
 * What a product marker says: its accessible name and its popup (photo, name, GIs, where it is at the
 * precision it is known, the link to its page). Rendered with Lit into a detached element for Leaflet.
 */
import { html, nothing, render } from 'lit';
import type { ProductPointProperties } from '../lib/api';
import { lang, localName, t } from '../i18n';
import { markerSpec } from './marker-icon';
import { countyPlaceWords, placeWords } from './place-words';
import { appHref } from '../lib/base-path';

/** The GIs a product holds or seeks, in words: "地理标志商标 有效、…", or that it is a candidate. */
export function typesText(p: Pick<ProductPointProperties, 'designations'>): string {
  const spec = markerSpec(p.designations);
  if (spec.candidate) return t('map.candidate');
  return spec.glyphs.map((g) => `${t(`giType.${g.giType!}`)} ${t(g.state === 'in_force' ? 'status.in_force' : 'status.in_progress')}`).join(t('product.separator'));
}

/** A marker's accessible name: the product, its GIs and where it is ("…：地理标志商标 有效 · 仅知乡镇：崇文镇"). */
export function markerName(p: ProductPointProperties): string {
  return t('map.marker', { name: localName(p), types: `${typesText(p)} · ${placeWords(p)}` });
}

/**
 * A marker's popup. `at` is an exact place's [lng, lat] (only an exact place's coordinates are ever shown);
 * `href` the product page's link (null: none, on the product's own page).
 */
export function popupElement(p: ProductPointProperties, { at, href }: { at?: [number, number]; href: string | null }): HTMLElement {
  const el = document.createElement('div');
  const county = p.countyCode && p.precision !== 'exact' ? countyPlaceWords(p.countyCode) : null;
  render(html`<div class="popup">
    ${p.thumbnailUrl ? html`<img class="thumb" src=${appHref(p.thumbnailUrl)} alt=${t('docs.popupPhoto', { name: localName(p) })} width="200" height="150" />` : nothing}
    <strong>${localName(p)}</strong>
    <div>${typesText(p)}</div>
    <div class="muted"><span lang=${p.divisionName && lang() === 'en' ? 'zh-CN' : nothing}>${placeWords(p, at)}</span>${county ? html` · ${county}` : nothing}</div>
    ${href ? html`<a href=${href}>${t('map.popupOpen')}</a>` : nothing}
  </div>`, el);
  return el;
}
