import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { dossierAnchor, DOSSIER_ITEM_STATUSES, type Document, type Dossier, type DossierItem } from '../../db/model';
import { itemTitle, STATUS_GLYPHS } from '../lib/dossier-text';
import { LocaleController, t, type MessageKey } from '../i18n';
import { showDate } from '../i18n/dates';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import { dossierApi } from './dossier-api';
import { checkItem, draftOf, isDirty, toggleDocument, type ItemDraft } from './dossier-draft';
import { errorLine, selectField, textField } from './fields';
import { unplacedErrors } from './field-errors';
import { FormSender } from './form-sender';

/** The labels of an item's fields, for the notice after a 412. */
const ITEM_LABELS: Record<string, MessageKey> = {
  status: 'dossier.status', owner: 'dossier.owner', dueOn: 'dossier.dueOn', note: 'dossier.note', documentIds: 'dossier.documents',
};

/** The detail of `gi-dossier-saved`: the whole dossier as the server answered the change. */
export type DossierSavedDetail = Dossier;

/**
 * One item of a dossier as a form of its own: a line (its title, status and due date) that opens, when
 * asked, the fields (status, owner, due date, note and the documents that back it), saved with PUT (the
 * item's whole state). Overdue items say so in words, not only in colour; a link to the item opens it.
 */
@customElement('gi-dossier-item')
export class GiDossierItem extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    form { border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.15rem 0.75rem; }
    form.overdue { border-left: 6px solid #b3261e; }
    .head { display: flex; flex-wrap: wrap; gap: 0 0.6rem; align-items: baseline; }
    h5 { font-size: 1rem; margin: 0; flex: 1 1 12rem; }
    h5 button { display: flex; gap: 0.4rem; align-items: baseline; width: 100%; min-height: 2.75rem; padding: 0.3rem 0; border: 0;
      background: none; color: inherit; font: inherit; font-weight: 600; text-align: left; }
    h5 button:hover { color: var(--gi-accent); }
    .chevron { display: inline-block; width: 1em; color: var(--gi-accent); transition: transform 0.15s; }
    [aria-expanded='true'] .chevron { transform: rotate(90deg); }
    @media (prefers-reduced-motion: reduce) { .chevron { transition: none; } }
    .state-line { display: flex; flex-wrap: wrap; gap: 0 0.6rem; align-items: baseline; padding-bottom: 0.2rem; }
    .fields { padding: 0.25rem 0 0.25rem; }
    .badge.overdue { color: #8b1a10; background: #fff8f7; font-weight: 600; }
    .badge.dirty { color: #6e4a00; background: #fff4d6; }
    .field { margin-bottom: 0.4rem; }
    textarea { width: 100%; max-width: 40rem; box-sizing: border-box; height: 3.5rem; }
    fieldset.docs { margin: 0.25rem 0; padding: 0.4rem 0.75rem; }
    fieldset.docs ul { list-style: none; margin: 0; padding: 0; }
    .check { display: flex; gap: 0.4rem; align-items: baseline; }
    .muted { color: var(--gi-muted); }
    .actions { margin: 0.4rem 0 0; }
  `];

  /** The designation whose dossier holds the item. */
  @property({ type: Number }) designationId = 0;
  /** The item as saved. */
  @property({ attribute: false }) item!: DossierItem;
  /** The documents the item may link (the product's own and this designation's). */
  @property({ attribute: false }) documents: Document[] = [];

  @state() private draft!: ItemDraft;
  @state() private saved = false;
  /** Whether the item's fields are shown (its line alone until asked). */
  @state() private open = false;

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);
  /** The saved state the draft started from: a reload that leaves this item as it was keeps what is being typed. */
  private savedState = '';

  override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('item')) return;
    const state = JSON.stringify(draftOf(this.item));
    if (state === this.savedState) return;
    this.savedState = state;
    this.draft = draftOf(this.item);
    this.form.load(this.item.version, this.draft);
    this.form.errors = {};
  }

  /** Opened from a link to this item (the to-do list's `#dossier-<designation>-<key>`): its fields shown, brought into view, its status focused. */
  override async firstUpdated() {
    if (location.hash !== `#${dossierAnchor(this.designationId, this.item.key)}`) return;
    this.open = true;
    await this.updateComplete;
    const form = this.renderRoot.querySelector('form');
    form?.scrollIntoView({ block: 'start' });
    form?.querySelector<HTMLElement>('select')?.focus({ preventScroll: true });
  }

  override render() {
    const item = this.item;
    const d = this.draft;
    const e = this.form.errors;
    const id = (k: string) => `di-${this.designationId}-${item.key}-${k}`;
    const title = itemTitle(item);
    const dirty = isDirty(d, item);
    const unplaced = unplacedErrors(e, ['status', 'owner', 'dueOn', 'note', 'documentIds']);
    return html`<form novalidate id=${dossierAnchor(this.designationId, item.key)} class=${item.overdue ? 'overdue' : ''} aria-labelledby=${id('title')} @submit=${this.submit}>
      <div class="head">
        <h5 id=${id('title')}><button type="button" aria-expanded=${String(this.open)} aria-controls=${id('fields')}
          aria-describedby=${id('state')} @click=${this.toggle}><span class="chevron" aria-hidden="true">▸</span>${title}</button></h5>
        <span class="state-line" id=${id('state')}>
          <span><span aria-hidden="true">${STATUS_GLYPHS[item.status]} </span><span>${t(`dossierStatus.${item.status}`)}</span></span>
          ${item.dueOn ? html`<span>${t('editor.itemDue', { date: showDate(item.dueOn) })}</span>` : nothing}
          ${item.overdue ? html`<span class="badge overdue"><span aria-hidden="true">⚠ </span>${t('dossier.overdue')}</span>` : nothing}
          ${dirty ? html`<span class="badge dirty">${t('dossier.unsaved')}</span>` : nothing}
        </span>
      </div>
      <div class="fields" id=${id('fields')} ?hidden=${!this.open}>
      ${this.form.failure || unplaced.length ? html`<div class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}
        ${unplaced.map((m) => html`<p>${m}</p>`)}</div>` : nothing}
      ${this.form.renderStale({
        draftOf: (now: DossierItem) => draftOf(now), draft: d, apply: (draft) => { this.draft = draft; this.saved = false; },
        label: (k) => (ITEM_LABELS[k] ? t(ITEM_LABELS[k]) : null),
        show: (k, v) => (k === 'status' ? t(`dossierStatus.${v as DossierItem['status']}`) : k === 'dueOn' && v ? showDate(v as string) : typeof v === 'string' ? v : null),
      })}
      <div class="row">
        ${selectField({ id: id('status'), label: t('dossier.status'), value: d.status, error: e.status,
          choices: DOSSIER_ITEM_STATUSES.map((s) => ({ value: s, label: t(`dossierStatus.${s}`) })),
          onInput: (v) => this.set({ status: v as ItemDraft['status'] }) })}
        ${textField({ id: id('owner'), label: t('dossier.owner'), value: d.owner, error: e.owner, onInput: (v) => this.set({ owner: v }) })}
        ${textField({ id: id('dueOn'), label: t('dossier.dueOn'), type: 'date', value: d.dueOn, error: e.dueOn, onInput: (v) => this.set({ dueOn: v }) })}
      </div>
      ${textField({ id: id('note'), label: t('dossier.note'), value: d.note, error: e.note, multiline: true, onInput: (v) => this.set({ note: v }) })}
      ${this.renderDocuments(id('docs'), e.documentIds)}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.form.busy}>${t('dossier.save', { title })}</button>
        <span role="status">${this.saved && !dirty ? html`<span class="saved"><span aria-hidden="true">✓ </span>${t('form.saved')}</span>` : nothing}</span>
      </div>
      </div>
    </form>`;
  }

  private renderDocuments(id: string, error: string | undefined) {
    const linked = new Set(this.draft.documentIds);
    return html`<fieldset class="docs" aria-describedby=${error ? `${id}-error` : nothing}>
      <legend>${t('dossier.documents')}</legend>
      ${this.documents.length === 0 ? html`<p class="hint">${t('dossier.noDocuments')}</p>` : html`<ul>
        ${this.documents.map((doc) => html`<li><label class="check">
          <input type="checkbox" .checked=${linked.has(doc.id)}
            @change=${(ev: Event) => this.set(toggleDocument(this.draft, doc.id, (ev.target as HTMLInputElement).checked))} />
          <span>${doc.title} <span class="muted">· ${t(`documentKind.${doc.kind}`)}${doc.visibility === 'internal' ? ` · ${t('dossier.docInternal')}` : ''}</span></span>
        </label></li>`)}
      </ul>`}
      ${errorLine(id, error)}
    </fieldset>`;
  }

  private toggle() {
    this.open = !this.open;
  }

  private set(patch: Partial<ItemDraft>) {
    this.draft = { ...this.draft, ...patch };
    this.saved = false;
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    const check = checkItem(this.draft);
    this.form.errors = check.ok ? {} : check.errors;
    if (!check.ok) return;
    const ok = await this.form.send(async () => {
      const dossier = await dossierApi.putItem(this.designationId, this.item.key, check.body, this.form.version);
      this.dispatchEvent(new CustomEvent<DossierSavedDetail>('gi-dossier-saved', { detail: dossier, bubbles: true, composed: true }));
    });
    this.saved = ok;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-dossier-item': GiDossierItem }
  interface HTMLElementEventMap { 'gi-dossier-saved': CustomEvent<DossierSavedDetail> }
}
