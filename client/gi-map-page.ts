import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { api } from './api';
import { LocaleController, t } from './i18n';
import { sharedStyles } from './shared-styles';
import { renderTask } from './task-view';
import './gi-product-list';

/** The public home page: the registry's products (the map comes with the public-map work). */
@customElement('gi-map-page')
export class GiMapPage extends LitElement {
  static override styles = [sharedStyles, css`:host { display: block; padding: 1rem; max-width: 60rem; }`];

  private readonly i18n = new LocaleController(this);
  private readonly products = new Task(this, {
    task: ([], { signal }) => api.products({ limit: 1000 }, signal),
    args: () => [] as const,
  });

  override render() {
    return renderTask(this.products, ({ items, total }) => html`
      <p>${t('products.count', { n: total })}</p>
      ${items.length === 0 ? html`<p class="state">${t('state.empty')}</p>` : html`<gi-product-list .items=${items}></gi-product-list>`}
    `);
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-map-page': GiMapPage }
}
