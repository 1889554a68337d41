import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import { adminApi } from './admin-api';
import { mergeEvents } from './audit';
import './gi-audit-event';

/** The audit log of a product and its designations, newest first, each event told as sentences. */
@customElement('gi-audit-history')
export class GiAuditHistory extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    ol { list-style: none; margin: 0; padding: 0; }
    li { padding: 0.5rem 0; border-bottom: 1px solid var(--gi-border); }
  `];

  /** The product whose history is shown. */
  @property({ type: Number }) productId = 0;
  /** The product's designation ids (their events are part of its history). */
  @property({ attribute: false }) designationIds: number[] = [];
  /** Changes when the product was saved, to reload the log. */
  @property({ type: Number }) revision = 0;

  private readonly i18n = new LocaleController(this);
  private readonly events = new Task(this, {
    task: async ([id, designationIds], { signal }) => mergeEvents(
      await adminApi.audit('product', id, signal),
      ...(await Promise.all(designationIds.split(',').filter(Boolean).map((d) => adminApi.audit('designation', Number(d), signal)))),
    ),
    // Joined so a new but equal array does not reload the log.
    args: () => [this.productId, this.designationIds.join(','), this.revision] as const,
  });

  override render() {
    return renderTask(this.events, (events) => (events.length === 0 ? html`<p class="state">${t('audit.none')}</p>` : html`
      <ol aria-label=${t('audit.caption')}>
        ${events.map((e) => html`<li><gi-audit-event .event=${e}></gi-audit-event></li>`)}
      </ol>`));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-audit-history': GiAuditHistory }
}
