import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { LocaleController, t } from './i18n';

/** The tally page (built by the tally work; for now it links home). */
@customElement('gi-tally-page')
export class GiTallyPage extends LitElement {
  private readonly i18n = new LocaleController(this);
  override render() {
    return html`<p>${t('nav.tally')}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-tally-page': GiTallyPage }
}
