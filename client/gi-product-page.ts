import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { api } from './api';
import { localName, LocaleController, t } from './i18n';
import { withLang } from './router';
import { sharedStyles } from './shared-styles';
import { renderTask } from './task-view';

/** A product's public page: names and designations. */
@customElement('gi-product-page')
export class GiProductPage extends LitElement {
  static override styles = [sharedStyles, css`:host { display: block; padding: 1rem; max-width: 60rem; }`];

  /** The product to show. */
  @property({ type: Number }) productId = 0;

  private readonly i18n = new LocaleController(this);
  private readonly product = new Task(this, {
    task: ([id], { signal }) => api.product(id, signal),
    args: () => [this.productId] as const,
  });

  override render() {
    return html`<p><a href=${withLang('/')}>${t('page.backToMap')}</a></p>
      ${renderTask(this.product, (p) => html`
        <h1>${localName(p)}</h1>
        <ul>${p.designations.map((d) => html`<li>${t(`giType.${d.giType}`)} · ${t(`status.${d.status}`)}</li>`)}</ul>
      `)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-product-page': GiProductPage }
}
