import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Participant } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../shared-styles';
import { joinList } from './labels';
import { chainOf, MEASURES, type ChainLink } from './participants';

/** The chain 企业/协会 → 地理标志 → 合作社 → 农户, each link with its members and totals. */
@customElement('gi-participant-chain')
export class GiParticipantChain extends LitElement {
  static override styles = [sharedStyles, css`
    ol { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0.5rem 0; align-items: stretch; }
    ol > li { border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.5rem 0.75rem; min-width: 10rem; background: var(--gi-surface); }
    ol > li.arrow { border: none; background: none; min-width: 0; align-self: center; font-size: 1.4rem; padding: 0; }
    h4 { margin: 0 0 0.25rem; }
    ul { margin: 0; padding-left: 1rem; }
    .totals { color: var(--gi-muted); font-size: 0.9rem; margin: 0.25rem 0 0; }
  `];

  /** The participants to show. */
  @property({ attribute: false }) participants: Participant[] = [];

  private readonly i18n = new LocaleController(this);

  override render() {
    const chain = chainOf(this.participants);
    const arrow = html`<li class="arrow" aria-hidden="true">→</li>`;
    return html`<ol aria-label=${t('chain.label')}>
      ${this.renderLink(t('chain.leaders'), chain.leaders)}${arrow}
      <li><h4>${t('chain.gi')}</h4></li>${arrow}
      ${this.renderLink(t('chain.cooperatives'), chain.cooperatives)}${arrow}
      ${this.renderLink(t('chain.farmers'), chain.farmers)}
    </ol>`;
  }

  private renderLink(title: string, link: ChainLink) {
    const named = link.rows.filter((r) => r.name);
    const totals = MEASURES.filter((m) => link.totals[m] !== null)
      .map((m) => t(`chain.total.${m}`, { n: link.totals[m]!.toLocaleString() }));
    return html`<li><h4>${title}</h4>
      ${link.rows.length === 0 ? html`<p class="totals">${t('chain.empty')}</p>` : nothing}
      ${named.length ? html`<ul>${named.map((r) => html`<li>${r.name}</li>`)}</ul>` : nothing}
      ${totals.length ? html`<p class="totals">${t('chain.totals')}${joinList(totals, true)}</p>` : nothing}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-participant-chain': GiParticipantChain }
}
