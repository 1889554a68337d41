import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { specificationLabel, type Designation, type Document, type Specification } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { renderDate } from '../i18n/dates';
import { freeText } from '../lib/free-text';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import { unplacedErrors } from './field-errors';
import { FormSender } from './form-sender';
import { selectField, textField } from './fields';
import { specificationApi } from './specification-api';
import {
  checkSpecification, checkSpecificationChange, draftOfSpecification, emptySpecificationDraft, type SpecificationDraft,
} from './specification-draft';

const FIELDS = ['number', 'title', 'version', 'issuedOn', 'url', 'documentId', 'note'] as const;

/**
 * The versions of one designation's specification in the workspace: the list (newest first, the current
 * one marked), each with an edit and a remove button, and one form that adds a version or edits the one
 * chosen, checked with the shared schema before it is sent. Reports `gi-product-changed` after every change.
 */
@customElement('gi-specifications-editor')
export class GiSpecificationsEditor extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    :host { display: block; margin: 0.75rem 0; }
    h4 { margin: 0.5rem 0; }
    ul { list-style: none; padding: 0; margin: 0 0 0.5rem; }
    li { border-top: 1px solid var(--gi-border); padding: 0.4rem 0; }
    .facts { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
    .muted { color: var(--gi-muted); }
    form { background: var(--gi-surface); border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.5rem 1rem; }
  `];

  /** The designation whose specification this is. */
  @property({ attribute: false }) designation!: Designation;
  /** The product's documents, which a version may point at. */
  @property({ attribute: false }) documents: Document[] = [];

  @state() private draft: SpecificationDraft = emptySpecificationDraft();
  /** The version being edited, or null while the form adds one. */
  @state() private editing: Specification | null = null;
  @state() private done = '';
  /** Whether the last send was a removal (its 412 reloads; an edit's keeps what was typed). */
  private removing = false;

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('designation') && changed.get('designation')?.id !== this.designation.id) this.reset();
  }

  override render() {
    const d = this.designation;
    const headingId = `spec-h-${d.id}`;
    return html`<section aria-labelledby=${headingId}>
      <h4 id=${headingId}>${t('specEdit.heading', { n: d.specifications.length })}</h4>
      ${d.specifications.length === 0 ? html`<p class="state">${t('specEdit.none')}</p>` : html`<ul aria-label=${t('specEdit.list')}>
        ${d.specifications.map((s) => this.renderVersion(s))}
      </ul>`}
      ${this.done ? html`<p class="saved" role="status">✓ ${this.done}</p>` : nothing}
      ${this.renderForm()}
    </section>`;
  }

  private renderVersion(s: Specification) {
    const label = specificationLabel(s);
    const file = s.documentId === null ? undefined : this.documents.find((doc) => doc.id === s.documentId);
    return html`<li><div class="facts">
        <strong>${label}</strong>${s.number || s.version ? html`<span>${freeText(s.title)}</span>` : nothing}
        ${s.issuedOn ? html`<span>${renderDate(s.issuedOn)}</span>` : nothing}
        ${s.current ? html`<span class="badge public">${t('specEdit.current')}</span>` : nothing}
        ${s.url ? html`<a href=${s.url} rel="noopener noreferrer external" target="_blank">${s.url}</a>` : nothing}
        ${file ? html`<span class="muted">${t('spec.openDocument', { title: file.title })}</span>` : nothing}
      </div>
      <div class="actions">
        <button type="button" ?disabled=${this.form.busy} @click=${() => this.edit(s)}>${t('specEdit.edit', { label })}</button>
        <button type="button" class="danger" ?disabled=${this.form.busy} @click=${() => this.removeVersion(s)}>${t('specEdit.remove', { label })}</button>
      </div></li>`;
  }

  private renderForm() {
    const d = this.draft;
    const e = this.form.errors;
    const id = (k: string) => `spec-${this.designation.id}-${k}`;
    const set = (patch: Partial<SpecificationDraft>) => { this.draft = { ...this.draft, ...patch }; this.done = ''; };
    const text = (k: Exclude<(typeof FIELDS)[number], 'documentId'>, options: { hint?: string; required?: boolean; multiline?: boolean } = {}) =>
      textField({ id: id(k), label: t(`specEdit.${k}`), value: d[k], error: e[k], onInput: (v) => set({ [k]: v }), ...options });
    const heading = this.editing ? t('specEdit.editing', { label: specificationLabel(this.editing) }) : t('specEdit.add');
    const unplaced = unplacedErrors(e, [...FIELDS]);
    return html`<form novalidate @submit=${this.submit} aria-label=${heading}>
      <h4>${heading}</h4>
      ${this.form.failure || unplaced.length ? html`<div class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}
        ${unplaced.map((m) => html`<p>${m}</p>`)}</div>` : nothing}
      ${this.removing ? this.form.renderStale({ reload: () => this.changed() }) : this.form.renderStale({
        draftOf: (now: Specification) => draftOfSpecification(now), draft: this.draft, versionOf: (now: Specification) => now.etag,
        // The record as it is now becomes what the change is measured against.
        apply: (draft) => { this.editing = this.form.stale!.current as Specification; this.draft = draft; },
        label: (k) => ((FIELDS as readonly string[]).includes(k) ? t(k === 'documentId' ? 'specEdit.document' : `specEdit.${k as Exclude<(typeof FIELDS)[number], 'documentId'>}`) : null),
      })}
      <div class="row">${text('number', { hint: t('specEdit.numberHint') })}${text('version')}
        ${text('issuedOn', { hint: t('desig.moveOnHint') })}</div>
      ${text('title', { required: true })}
      <div class="row">${text('url', { hint: t('specEdit.urlHint') })}
        ${selectField({ id: id('documentId'), label: t('specEdit.document'), value: d.documentId, error: e.documentId,
          choices: [{ value: '', label: t('specEdit.noDocument') }, ...this.documents.map((doc) => ({ value: String(doc.id), label: doc.title }))],
          onInput: (v) => set({ documentId: v }) })}</div>
      ${text('note', { multiline: true })}
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.form.busy}>${this.editing ? t('specEdit.save') : t('specEdit.addSubmit')}</button>
        ${this.editing ? html`<button type="button" @click=${this.reset}>${t('specEdit.cancel')}</button>` : nothing}
      </div>
    </form>`;
  }

  private edit(s: Specification) {
    this.editing = s;
    this.draft = draftOfSpecification(s);
    this.form.load(s.etag, this.draft);
    this.form.errors = {};
    this.form.failure = '';
    this.done = '';
  }

  private reset() {
    this.editing = null;
    this.draft = emptySpecificationDraft();
    this.form.errors = {};
    this.form.failure = '';
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    const editing = this.editing;
    const check = editing ? checkSpecificationChange(this.draft, editing) : checkSpecification(this.draft);
    this.form.errors = check.ok ? {} : check.errors;
    if (!check.ok) return;
    if (editing && Object.keys(check.body).length === 0) { this.reset(); return; }
    this.removing = false;
    const ok = await this.form.send(async () => {
      const saved = editing
        ? await specificationApi.update(editing.id, check.body, this.form.version)
        : await specificationApi.add(this.designation.id, check.body as Parameters<typeof specificationApi.add>[1]);
      this.done = t(editing ? 'specEdit.saved' : 'specEdit.added', { label: specificationLabel(saved) });
    });
    if (!ok) return;
    this.reset();
    this.changed();
  }

  private changed() {
    this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
  }

  private async removeVersion(s: Specification) {
    const label = specificationLabel(s);
    if (!confirm(t('specEdit.confirmRemove', { label }))) return;
    this.removing = true;
    const ok = await this.form.send(async () => { await specificationApi.remove(s.id, s.etag); });
    if (!ok) return;
    if (this.editing?.id === s.id) this.reset();
    this.done = t('specEdit.removed', { label });
    this.changed();
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-specifications-editor': GiSpecificationsEditor }
}
