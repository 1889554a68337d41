import { css, html, LitElement, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localName, LocaleController, t } from '../i18n';
import { CountiesController } from '../lib/counties';
import { markerSpec } from '../map/marker-icon';
import type { MapListItem } from '../../db/model';
import { countyPlaceWords, placeWords } from '../map/place-words';
import { glyphCss, markerSvg } from '../map/marker-svg';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';

/** Detail of `gi-select`: the product chosen in the list. */
export interface ProductSelectDetail { id: number }

/**
 * A list of products with their GI designations, where each is known to be (at its precision), and the
 * same symbol the map shows; each name is a link to the product page, and focusing or hovering an item reports it with `gi-select` so a map
 * can highlight it. The selected item is marked and scrolled into view within the list (never the page).
 */
@customElement('gi-product-list')
export class GiProductList extends LitElement {
  static override styles = [sharedStyles, unsafeCSS(glyphCss), css`
    :host { display: block; }
    ul { list-style: none; margin: 0; padding: 0; }
    li { display: grid; grid-template-columns: auto 1fr; gap: 0 0.5rem; padding: 0.5rem 0.75rem;
      border-bottom: 1px solid var(--gi-border); border-left: 4px solid transparent; }
    li[aria-current='true'] { background: #fff4d6; border-left-color: var(--gi-focus); }
    .symbol { grid-row: span 2; padding-top: 0.15rem; }
    .name { font-weight: 600; }
    .tags { display: flex; flex-wrap: wrap; gap: 0.25rem; margin-top: 0.25rem; }
    .tag { font-size: 0.8rem; border: 1px solid var(--gi-border); border-radius: 999px; padding: 0 0.5rem; background: var(--gi-surface); }
    .tag.granted { border-color: currentColor; font-weight: 600; }
    .tag.place { border-style: dashed; color: var(--gi-muted); }
    .tag.place.exact { border-style: solid; }
  `];

  /** The products to list. */
  @property({ attribute: false }) items: MapListItem[] = [];
  /** The id of the highlighted product, if any. */
  @property({ type: Number }) selected: number | null = null;
  /** Query string kept on the product links (the map's filters), e.g. `?type=trademark`. */
  @property({ attribute: false }) linkQuery = '';

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);

  override updated(changed: PropertyValues<this>): void {
    if (changed.has('selected') && this.selected !== null) {
      const item = this.renderRoot.querySelector<HTMLElement>(`li[data-id="${this.selected}"]`);
      if (item) scrollIntoListView(item);
    }
  }

  override render() {
    return html`<ul aria-label=${t('products.count', { n: this.items.length })}>
      ${this.items.map((p) => html`<li aria-current=${p.id === this.selected ? 'true' : 'false'} data-id=${p.id}
          @mouseenter=${() => this.select(p.id)}>
        <span class="symbol">${markerSvg(markerSpec(p.designations))}</span>
        <a class="name" href=${withLang(`/products/${p.id}${this.linkQuery}`)} @focus=${() => this.select(p.id)}>${localName(p)}</a>
        <div class="tags">
          ${p.designations.map((d) => html`<span class="tag ${d.status}">${t(`giType.${d.giType}`)} · ${t(`status.${d.status}`)}</span>`)}
          <span class="tag place ${p.placement}">${placeText(p)}</span>
        </div>
      </li>`)}
    </ul>`;
  }

  private select(id: number) {
    if (id === this.selected) return;
    this.dispatchEvent(new CustomEvent<ProductSelectDetail>('gi-select', { detail: { id }, bubbles: true, composed: true }));
  }
}

/**
 * Where a product is, at the precision it is known: "仅知县：沁水县、阳城县", "仅知乡镇：北城街道",
 * "精确位置 2 处", or that no place is recorded. County-level places name their counties, never a spot.
 */
function placeText(p: MapListItem): string {
  if (p.placement === 'none' || p.places.length === 0) return t('list.noLocation');
  if (p.placement === 'county') {
    const counties = [...new Set(p.places.map((l) => l.countyCode).filter((c) => c !== null))];
    const label = counties.length > 0 ? counties.map(countyPlaceWords).join(t('product.separator')) : p.places[0].label;
    return placeWords({ precision: 'county', countyCode: null, divisionName: null, label });
  }
  if (p.placement === 'exact' && p.places.length > 1) return t('list.exactCount', { n: p.places.length });
  const names = [...new Set(p.places.map((l) => l.divisionName ?? l.label).filter(Boolean))];
  return placeWords({ ...p.places[0], divisionName: names.join(t('product.separator')) || null });
}

/**
 * Scrolls the nearest scrolling box around `item` (across shadow roots) so the item shows, and never
 * the page: on a phone the list runs below the map in the page's own flow, and scrolling the page to a
 * product chosen on the map would carry the map out of view.
 */
function scrollIntoListView(item: HTMLElement): void {
  const page = document.scrollingElement ?? document.documentElement;
  let box: Element | null = item.parentElement;
  for (; box && box !== page && box !== document.body; box = box.parentElement ?? (box.getRootNode() as ShadowRoot).host ?? null) {
    const { overflowY } = getComputedStyle(box);
    if ((overflowY === 'auto' || overflowY === 'scroll') && box.scrollHeight > box.clientHeight) break;
  }
  if (!box || box === page || box === document.body) return;
  const itemBox = item.getBoundingClientRect();
  const viewBox = box.getBoundingClientRect();
  if (itemBox.top < viewBox.top) box.scrollTop -= viewBox.top - itemBox.top;
  else if (itemBox.bottom > viewBox.bottom) box.scrollTop += Math.min(itemBox.bottom - viewBox.bottom, itemBox.top - viewBox.top);
}

declare global {
  interface HTMLElementTagNameMap { 'gi-product-list': GiProductList }
}
