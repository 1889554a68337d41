import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { hasTerm, inDateOrder, type Designation } from '../../db/model';
import { freeText } from '../lib/free-text';
import { LocaleController, t } from '../i18n';
import { renderDate } from '../i18n/dates';
import { renderSources, sourceListStyles } from './gi-source-list';
import { sharedStyles } from '../lib/shared-styles';
import { withLang } from '../lib/router';
import '../lib/gi-conversion-note';

/**
 * One designation's numbers (holder, number, announcement, dates) and its status history as a
 * timeline, oldest first (by date, and as recorded where the dates cannot tell), the current status
 * marked in words as well as by style. Dates show as precisely as they are known; typed text is marked as Chinese.
 * A conversion (统一认定) is told first, with a link to the designation on the other side of it.
 */
@customElement('gi-designation-timeline')
export class GiDesignationTimeline extends LitElement {
  static override styles = [sharedStyles, sourceListStyles, css`
    :host { display: block; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0 0 0.75rem; }
    dt { color: var(--gi-muted); }
    dd { margin: 0; overflow-wrap: anywhere; }
    h4 { margin: 0.5rem 0 0.25rem; font-size: 0.95rem; }
    ol.timeline { list-style: none; margin: 0; padding: 0 0 0 1rem; border-left: 3px solid var(--gi-border); }
    .timeline li { position: relative; padding: 0 0 0.6rem 0.5rem; overflow-wrap: anywhere; }
    .timeline li::before { content: ''; position: absolute; left: -1.55rem; top: 0.45rem; width: 0.7rem; height: 0.7rem;
      border-radius: 50%; background: #fff; border: 2px solid var(--gi-muted); }
    .timeline li.current::before { background: var(--gi-accent); border-color: var(--gi-accent); }
    .timeline li.current .status { font-weight: 700; }
    time { font-variant-numeric: tabular-nums; margin-right: 0.5rem; }
    .note { display: block; color: var(--gi-muted); font-size: 0.9rem; }
    @media (max-width: 700px) { dl { grid-template-columns: 1fr; } dt { margin-top: 0.3rem; } }
  `];

  /** The designation to show. */
  @property({ attribute: false }) designation: Designation | null = null;

  private readonly i18n = new LocaleController(this);

  override render() {
    const d = this.designation;
    if (!d) return nothing;
    const row = (label: string, value: unknown) =>
      html`<dt>${label}</dt><dd>${value === null || value === '' || value === nothing ? t('product.notRecorded') : value}</dd>`;
    const typed = (value: string | null) => (value ? freeText(value) : null);
    // The latest recorded move is the current status, wherever the dates place it.
    const current = d.transitions.at(-1);
    const moves = inDateOrder(d.transitions, (m) => m.on);
    return html`<gi-conversion-note .designation=${d} .hrefOf=${(id: number) => withLang(`/products/${d.productId}#d${id}`)}></gi-conversion-note>
      <dl>
        ${row(t('product.holder'), typed(d.holder))}
        ${d.holderCreditCode ? row(t('product.creditCode'), d.holderCreditCode) : nothing}
        ${row(t('product.number'), typed(d.number))}
        ${row(t('product.announcement'), typed(d.announcement))}
        ${row(t('product.filedOn'), renderDate(d.filedOn))}
        ${row(t('product.grantedOn'), renderDate(d.grantedOn))}
        ${hasTerm(d.giType) || d.validUntil ? row(t('product.validUntil'), renderDate(d.validUntil)) : nothing}
        ${d.notes ? row(t('product.notes'), freeText(d.notes, { marker: true })) : nothing}
        <dt>${t('product.sources')}</dt><dd>${renderSources(d.sources)}</dd>
      </dl>
      <h4>${t('product.timeline')}</h4>
      ${moves.length === 0 ? html`<p class="state">${t('product.noTimeline')}</p>` : html`<ol class="timeline">
        ${moves.map((m) => {
          const isCurrent = m === current;
          return html`<li class=${isCurrent ? 'current' : ''}>
            ${renderDate(m.on)}<span class="status">${t(`status.${m.to}`)}${isCurrent ? t('product.current') : ''}</span>
            ${m.note ? html`<span class="note">${freeText(m.note)}</span>` : nothing}
          </li>`;
        })}
      </ol>`}`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-designation-timeline': GiDesignationTimeline }
}
