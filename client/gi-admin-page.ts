import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController, t } from './i18n';

/** The officials' workspace (built by the workspace work). */
@customElement('gi-admin-page')
export class GiAdminPage extends LitElement {
  /** The path below /admin. */
  @property() path = '/';
  private readonly i18n = new LocaleController(this);
  override render() {
    return html`<p>${t('nav.admin')}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-admin-page': GiAdminPage }
}
