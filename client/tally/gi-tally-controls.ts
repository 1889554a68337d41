import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { periodName, type Period } from '../../db/model';
import { lang, LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import type { TallyParams } from './tally-url';

/** Fired when the user picks another period or as-of date; `detail` is the new URL state. */
export type TallyChangeEvent = CustomEvent<TallyParams>;

/** The period and as-of pickers, and the print button. */
@customElement('gi-tally-controls')
export class GiTallyControls extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.75rem 1.25rem; align-items: flex-end; }
    label { display: flex; flex-direction: column; gap: 0.2rem; font-weight: 600; max-width: 100%; }
    .hint { font-weight: 400; font-size: 0.8rem; color: var(--gi-muted); }
    select, input { max-width: 100%; padding: 0.3rem 0.4rem; border: 1px solid var(--gi-muted); border-radius: 4px; }
    button { padding: 0.35rem 0.8rem; border: 1px solid var(--gi-accent); background: var(--gi-bg); color: var(--gi-accent); border-radius: 4px; }
    @media print { :host { display: none; } }
  `];

  /** Every period, oldest first. */
  @property({ attribute: false }) periods: Period[] = [];
  /** The period shown. */
  @property({ type: Number }) period = 0;
  /** The as-of date shown. */
  @property() asOf = '';
  /** Whether the URL fixes the as-of date (otherwise it is the server's default). */
  @property({ type: Boolean }) asOfChosen = false;

  private readonly i18n = new LocaleController(this);

  override render() {
    return html`
      <form aria-label=${t('tally.controls')} @submit=${(e: Event) => e.preventDefault()}>
        <label>${t('tally.period')}
          <select .value=${String(this.period)} @change=${this.onPeriod}>
            ${this.periods.map((p) => html`<option value=${p.id} ?selected=${p.id === this.period}>${t('tally.periodOption', { name: periodName(p, lang()), startsOn: p.startsOn, endsOn: p.endsOn })}</option>`)}
          </select>
        </label>
        <label>${t('tally.asOf')}
          <input type="date" .value=${this.asOf} min="1949-10-01" max="2100-12-31" required
            aria-describedby="hint" @change=${this.onAsOf} />
        </label>
        ${this.asOfChosen ? html`<button type="button" @click=${this.onDefault}>${t('tally.asOfDefault')}</button>` : nothing}
        <button type="button" @click=${() => window.print()}>${t('tally.print')}</button>
      </form>
      <p class="hint" id="hint">${t('tally.asOfHint')}</p>
    `;
  }

  private onPeriod(e: Event) {
    this.emit({ period: Number((e.target as HTMLSelectElement).value) });
  }

  private onAsOf(e: Event) {
    const value = (e.target as HTMLInputElement).value;
    if (value) this.emit({ period: this.period, asOf: value }); // '' while the date is half typed
  }

  private onDefault() {
    this.emit({ period: this.period });
  }

  private emit(detail: TallyParams) {
    this.dispatchEvent(new CustomEvent('tally-change', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-tally-controls': GiTallyControls }
  interface HTMLElementEventMap { 'tally-change': TallyChangeEvent }
}
