import { html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { LocaleController, t } from './i18n';
import { isLargeText, setLargeText } from './lib/display-mode';
import { sharedStyles } from './lib/shared-styles';

/** The header's switch for the large-text, high-contrast display (适老化): a toggle button, remembered. */
@customElement('gi-display-switch')
export class GiDisplaySwitch extends LitElement {
  static override styles = [sharedStyles];

  @state() private large = isLargeText();

  private readonly i18n = new LocaleController(this);

  override render() {
    return html`<button type="button" aria-pressed=${this.large ? 'true' : 'false'} title=${t('display.largeLabel')}
      @click=${this.toggle}>${t('display.large')}</button>`;
  }

  private toggle() {
    this.large = !this.large;
    setLargeText(this.large);
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-display-switch': GiDisplaySwitch }
}
