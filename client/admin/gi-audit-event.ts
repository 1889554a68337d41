import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { AuditEvent } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { CountiesController } from '../lib/counties';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { auditText } from './audit';
import { shanghaiTime } from './labels';

/**
 * One audit event told as sentences: when, who, what happened, and each change on its own line.
 * A block, not a table row, so it reads the same on a phone as on a desk.
 */
@customElement('gi-audit-event')
export class GiAuditEvent extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    .meta { margin: 0; color: var(--gi-muted); font-size: 0.9rem; display: flex; flex-wrap: wrap; gap: 0 0.75rem; }
    .summary { margin: 0.15rem 0; font-weight: 600; }
    ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
    li { margin: 0.1rem 0; }
    .summary, li { overflow-wrap: break-word; }
  `];

  /** The event to tell. */
  @property({ attribute: false }) event: AuditEvent | null = null;
  /** Whether to link the product the event is about (on the city-wide page; not on the product's own page). */
  @property({ type: Boolean, attribute: 'link-product' }) linkProduct = false;

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);

  override render() {
    const e = this.event;
    if (!e) return nothing;
    const { summary, changes } = auditText(e);
    const productId = e.subject?.productId;
    return html`
      <p class="meta"><time datetime=${e.at}>${shanghaiTime(e.at)}</time>
        <span>${t('history.by', { name: e.user ?? t('audit.system') })}</span></p>
      <p class="summary">${summary}${this.linkProduct && productId
        ? html` · <a href=${withLang(`/admin/products/${productId}`)}>${t('history.openProduct')}</a>` : nothing}</p>
      ${changes.length ? html`<ul>${changes.map((c) => html`<li>${c}</li>`)}</ul>` : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-audit-event': GiAuditEvent }
}
