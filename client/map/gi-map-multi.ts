import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localName, LocaleController, t } from '../i18n';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import type { MapSummaryHead } from '../../db/model';

/**
 * The products a map counts apart from any county: known only by county, in several of them (晋城药茶 in
 * all six). A badge with their number, which the map's other numbers add up with to the list's count,
 * opening to their names and how many counties each is in.
 */
@customElement('gi-map-multi')
export class GiMapMulti extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    details { background: rgb(255 255 255 / 0.95); border: 1px solid var(--gi-border); border-radius: 4px; padding: 2px 6px; font-size: 12px; }
    summary { cursor: pointer; }
    ul { margin: 0.25rem 0 0; padding-left: 1.1rem; }
    p { margin: 0.25rem 0 0; }
    a { color: var(--gi-accent); }
    .county-badge { display: inline-block; min-width: 1.1em; padding: 0 4px; border: 1.5px dashed #1f2328; border-radius: 3px;
      background: #fff; color: #1f2328; font-weight: 700; line-height: 16px; text-align: center; }
  `];

  /** The products counted apart. */
  @property({ attribute: false }) products: MapSummaryHead['multiCounty'] = [];
  /** Query string kept on the product links (the map's filters). */
  @property({ attribute: false }) linkQuery = '';

  private readonly i18n = new LocaleController(this);

  override render() {
    const n = this.products.length;
    if (n === 0) return nothing;
    const unplaced = this.products.filter((s) => s.placement === 'none').length;
    return html`<details>
      <summary><span class="county-badge" aria-hidden="true">${n}</span> <span aria-hidden="true">${t('map.multi.short')}</span><span
        class="visually-hidden">${t('map.multi', { n })}</span></summary>
      <ul>${this.products.map((s) => html`<li><a href=${withLang(`/products/${s.id}${this.linkQuery}`)}>${
        t('map.multi.item', { name: localName(s), n: s.counties.length })}</a></li>`)}</ul>
      ${unplaced > 0 ? html`<p>${t('map.multi.none', { n: unplaced })}</p>` : nothing}
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-map-multi': GiMapMulti }
}
