import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RenewalDue } from '../../db/model';
import { LocaleController, localName, t } from '../i18n';
import { renderDate } from '../i18n/dates';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';

/** Trademarks due for renewal within 12 months of the as-of date, lapsed ones flagged in words. */
@customElement('gi-tally-renewals')
export class GiTallyRenewals extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
    .note { color: var(--gi-muted); font-size: 0.85rem; margin: 0 0 0.5rem; }
    table { border-collapse: collapse; width: 100%; }
    th, td { border-bottom: 1px solid var(--gi-border); padding: 0.25rem 0.5rem; text-align: left; }
    .lapsed { font-weight: 700; color: #8b1a10; }
    .lapsed::before { content: '⚠ '; }
    @media print { h2 { font-size: 10pt; } .note { display: none; } .state { font-size: 8.5pt; padding: 0; } th, td { padding: 0.3mm 1mm; font-size: 8pt; } }
  `];

  /** The renewals due, soonest first. */
  @property({ attribute: false }) items: RenewalDue[] = [];

  private readonly i18n = new LocaleController(this);

  override render() {
    return html`
      <h2 id="h">${t('tally.renewals')}</h2>
      <p class="note">${t('tally.renewalsNote')}</p>
      ${this.items.length === 0 ? html`<p class="state">${t('tally.renewalsEmpty')}</p>` : html`
        <table aria-labelledby="h">
          <thead><tr><th scope="col">${t('tally.product')}</th><th scope="col">${t('tally.validUntil')}</th><th scope="col">${t('tally.renewalState')}</th></tr></thead>
          <tbody>${this.items.map((r) => html`<tr>
            <td><a href=${withLang(`/products/${r.productId}`)}>${localName(r)}</a></td>
            <td>${renderDate(r.validUntil)}</td>
            <td class=${r.lapsed ? 'lapsed' : ''}>${r.lapsed ? t('tally.lapsed') : t('tally.dueSoon')}</td>
          </tr>`)}</tbody>
        </table>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-tally-renewals': GiTallyRenewals }
}
