import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ProductSummary } from '../db/model';
import { localName, LocaleController, t } from './i18n';
import { withLang } from './router';
import { sharedStyles } from './shared-styles';

/** Detail of `gi-select`: the product chosen in the list. */
export interface ProductSelectDetail { id: number }

/**
 * A list of products with their GI designations; clicking a name opens the product page, and
 * focusing or hovering an item reports it with `gi-select` so a map can highlight it.
 */
@customElement('gi-product-list')
export class GiProductList extends LitElement {
  static override styles = [sharedStyles, css`
    ul { list-style: none; margin: 0; padding: 0; }
    li { padding: 0.5rem 0.75rem; border-bottom: 1px solid var(--gi-border); }
    li[aria-current='true'] { background: #fff4d6; border-left: 4px solid var(--gi-focus); }
    .name { font-weight: 600; }
    .tags { display: flex; flex-wrap: wrap; gap: 0.25rem; margin-top: 0.25rem; }
    .tag { font-size: 0.8rem; border: 1px solid var(--gi-border); border-radius: 999px; padding: 0 0.5rem; background: var(--gi-surface); }
    .tag.granted { border-color: currentColor; font-weight: 600; }
  `];

  /** The products to list. */
  @property({ attribute: false }) items: ProductSummary[] = [];
  /** The id of the highlighted product, if any. */
  @property({ type: Number }) selected: number | null = null;

  private readonly i18n = new LocaleController(this);

  override render() {
    return html`<ul aria-label=${t('products.count', { n: this.items.length })}>
      ${this.items.map((p) => html`<li aria-current=${p.id === this.selected ? 'true' : 'false'} data-id=${p.id}
          @mouseenter=${() => this.select(p.id)}>
        <a class="name" href=${withLang(`/products/${p.id}`)} @focus=${() => this.select(p.id)}>${localName(p)}</a>
        <div class="tags">
          ${p.designations.map((d) => html`<span class="tag ${d.status}">${t(`giType.${d.giType}`)} · ${t(`status.${d.status}`)}</span>`)}
        </div>
      </li>`)}
    </ul>`;
  }

  private select(id: number) {
    this.dispatchEvent(new CustomEvent<ProductSelectDetail>('gi-select', { detail: { id }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-product-list': GiProductList }
}
