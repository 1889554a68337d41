import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task } from '@lit/task';
import { isClosed, type Designation, type Document, type Dossier } from '../../db/model';
import { ApiRequestError } from '../lib/api';
import { itemTitle, STATUS_GLYPHS } from '../lib/dossier-text';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import { adminStyles } from './admin-styles';
import { dossierApi } from './dossier-api';
import { documentsFor, offerText } from './dossier-draft';
import { FormSender } from './form-sender';
import '../lib/gi-readiness-bar';
import './gi-dossier-item';

/**
 * A designation's cultivation dossier in the workspace: readiness in a bar and in words, the
 * template change on offer (taken only on request), and its items as a short list, each a line (title,
 * status, due date) that opens its own form when asked. A closed dossier
 * (granted, rejected, …) is shown read-only; an agricultural-product GI says why it has no checklist.
 */
@customElement('gi-dossier-editor')
export class GiDossierEditor extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    section { margin: 0.75rem 0; }
    h4 { margin: 0.5rem 0; }
    h4:focus { outline: none; }
    .summary { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 0.25rem 0 0.75rem; }
    .badge.incomplete { color: #6e4a00; background: #fff4d6; }
    .offer { border: 2px solid var(--gi-accent); border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.5rem 0; background: #f0f6fd; }
    .offer p { margin: 0.25rem 0; }
    ol.items { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.35rem; }
    ul.read { list-style: none; padding: 0; margin: 0.25rem 0; }
    ul.read li { padding: 0.15rem 0; }
    summary { cursor: pointer; color: var(--gi-accent); margin: 0.25rem 0; }
  `];

  /** The designation whose dossier is edited. */
  @property({ attribute: false }) designation!: Designation;
  /** The product's documents (those of other designations are left out here). */
  @property({ attribute: false }) documents: Document[] = [];

  /** The dossier as last answered (by the load or by a change). */
  @state() private current: Dossier | null = null;
  @state() private offerTaken = false;

  private readonly i18n = new LocaleController(this);
  /** Taking the template's change: a refusal's line, or the notice when the checklist changed meanwhile. */
  private readonly offer = new FormSender(this);
  private readonly load = new Task(this, {
    task: async ([id], { signal }) => {
      const dossier = await dossierApi.dossier(id, signal);
      this.current = dossier;
      return dossier;
    },
    // The status decides whether the dossier is open: a move reloads it.
    args: () => [this.designation.id, this.designation.status] as const,
  });

  override render() {
    const shown = this.current?.designationId === this.designation.id ? this.current : null;
    if (shown && shown.status === this.designation.status) return this.renderDossier(shown);
    return renderTask(this.load, () => (this.current ? this.renderDossier(this.current) : nothing));
  }

  private renderDossier(d: Dossier) {
    const headingId = `dossier-h-${d.designationId}`;
    if (d.items.length === 0) {
      if (!d.open) return nothing;
      return html`<section aria-labelledby=${headingId}><h4 id=${headingId}>${t('dossier.heading')}</h4>
        <p class="note">${isClosed(d.giType) ? t('dossier.agriNote') : t('dossier.noItems')}</p></section>`;
    }
    const summary = html`<div class="summary">
      <gi-readiness-bar .ready=${d.itemsReady} .needed=${d.itemsNeeded} show-percent></gi-readiness-bar>
      ${d.filedIncomplete ? html`<span class="badge incomplete"><span aria-hidden="true">⚠ </span>${t('dossier.filedIncomplete')}</span>` : nothing}
    </div>`;
    if (!d.open) {
      return html`<details><summary>${t('dossier.closedSummary')}</summary>
        <p>${t('dossier.closed', { status: t(`status.${d.status}`) })}</p>
        ${summary}
        <ul class="read" aria-label=${t('dossier.list')}>${d.items.map((i) => html`<li>
          <span aria-hidden="true">${STATUS_GLYPHS[i.status]} </span>${itemTitle(i)}${t('progress.colon')}${t(`dossierStatus.${i.status}`)}</li>`)}</ul>
      </details>`;
    }
    const documents = documentsFor(this.documents, d.designationId);
    // Items keyed by their key: an open form and what is typed in it stay with their item when the checklist changes.
    return html`<section aria-labelledby=${headingId} @gi-dossier-saved=${this.saved}>
      <h4 id=${headingId} tabindex="-1">${t('dossier.heading')}</h4>
      ${summary}
      ${this.offerTaken ? html`<p role="status" class="saved">${t('dossier.offerTaken')}</p>` : nothing}
      ${d.templateOffer ? html`<div class="offer" role="group" aria-labelledby=${`offer-${d.designationId}`}>
        <p id=${`offer-${d.designationId}`}><strong>${offerText(d.templateOffer)}</strong></p>
        <p class="hint">${t('dossier.offerHint')}</p>
        ${this.offer.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.offer.failure}</p>` : nothing}
        ${this.offer.renderStale({ reload: () => { void this.load.run(); } })}
        <button type="button" class="primary" ?disabled=${this.offer.busy} @click=${() => this.acceptOffer(d)}>${t('dossier.offerAccept')}</button>
      </div>` : nothing}
      <ol class="items" aria-label=${t('dossier.list')}>
        ${repeat(d.items, (item) => item.key, (item) => html`<li><gi-dossier-item .designationId=${d.designationId} .item=${item} .documents=${documents}></gi-dossier-item></li>`)}
      </ol>
    </section>`;
  }

  /** An item was saved: the answer is the whole dossier (readiness, overdue marks). The product's history has a new line. */
  private saved(event: CustomEvent<Dossier>) {
    event.stopPropagation();
    this.current = event.detail;
    this.offerTaken = false;
    this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
  }

  private async acceptOffer(d: Dossier) {
    const offer = d.templateOffer;
    if (!offer) return;
    let staleTemplate = false;
    const ok = await this.offer.send(async () => {
      try {
        this.current = await dossierApi.acceptTemplate(d.designationId, offer.version, d.checklistVersion);
      } catch (error) {
        staleTemplate = error instanceof ApiRequestError && error.code === 'stale_template';
        throw error;
      }
    });
    // The template moved on meanwhile: show the offer as it is now.
    if (staleTemplate) void this.load.run();
    if (!ok) return;
    this.offerTaken = true;
    this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
    // The button is gone with the offer: keep the keyboard's place at the dossier's heading.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#dossier-h-${d.designationId}`)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-dossier-editor': GiDossierEditor }
}
