import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { conversionTargetOf, GI_TYPES, type ConversionCandidate } from '../../db/model';
import { localName, LocaleController, t } from '../i18n';
import { renderDate } from '../i18n/dates';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import { countyName, joinList } from './labels';
import '../lib/gi-readiness-bar';

/**
 * The cultivation board's conversions: the granted designations of a converting type (agricultural-
 * product GIs) whose conversion is not recorded yet, each with its grant and how far its conversion is
 * (not started, or the designation it will become with its status and dossier readiness).
 */
@customElement('gi-conversion-list')
export class GiConversionList extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    section { margin-top: 1.5rem; }
    h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
    .wrap { overflow-x: auto; }
    .muted { color: var(--gi-muted); }
  `];

  /** The candidates, as GET /api/cultivation gives them (`conversions`). */
  @property({ attribute: false }) items: ConversionCandidate[] = [];

  private readonly i18n = new LocaleController(this);

  override render() {
    const from = GI_TYPES.filter((g) => conversionTargetOf(g) !== null).map((g) => t(`giType.${g}`)).join(' / ');
    return html`<section aria-labelledby="conv-list-h">
      <h2 id="conv-list-h">${t('conv.board.heading', { from })}</h2>
      <p class="hint">${t('conv.board.intro', { from })}</p>
      ${this.items.length === 0 ? html`<p class="state" role="status">${t('conv.board.none', { from })}</p>` : html`<div class="wrap"><table>
        <caption class="visually-hidden">${t('conv.board.caption')}</caption>
        <thead><tr>
          <th scope="col">${t('board.product')}</th>
          <th scope="col">${t('board.counties')}</th>
          <th scope="col">${t('board.giType')}</th>
          <th scope="col">${t('conv.board.grantedOn')}</th>
          <th scope="col">${t('conv.board.progress')}</th>
        </tr></thead>
        <tbody>${this.items.map((c) => html`<tr data-designation=${c.designationId}>
          <td><a href=${withLang(`/admin/products/${c.productId}`)}>${localName({ nameZh: c.productZh, nameEn: c.productEn })}</a></td>
          <td>${joinList(c.counties.map(countyName))}</td>
          <td>${t(`giType.${c.giType}`)}</td>
          <td>${c.grantedOn ? renderDate(c.grantedOn) : html`<span class="muted">—</span>`}</td>
          <td>${c.underWay ? html`${t('conv.board.underWay', { status: t(`status.${c.underWay.status}`) })}
              <gi-readiness-bar .ready=${c.underWay.itemsReady} .needed=${c.underWay.itemsNeeded} show-percent></gi-readiness-bar>`
            : html`<span class="muted">${t('conv.board.notStarted')}</span>`}</td>
        </tr>`)}</tbody>
      </table></div>`}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-conversion-list': GiConversionList }
}
