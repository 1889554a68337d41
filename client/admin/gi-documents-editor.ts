import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  DOCUMENT_KINDS, DOCUMENT_VISIBILITIES, DocumentCreate, isPictureKind, MAX_DOCUMENT_BYTES, type Designation, type Document,
  type DocumentKind, type DocumentVisibility,
} from '../../db/model';
import { LocaleController, t } from '../i18n';
import { renderDate } from '../i18n/dates';
import { formatName, formatSize } from '../lib/gi-product-documents';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import { documentApi } from './document-api';
import { fieldErrors, refusalOf, type FieldErrors } from './field-errors';
import { errorLine, selectField, textField } from './fields';
import { FormSender } from './form-sender';
import { appHref } from '../lib/base-path';

/** The upload form's values (text as typed). */
interface UploadDraft { kind: string; title: string; on: string; source: string; visibility: string; designationId: string }

const EMPTY: UploadDraft = { kind: 'photo', title: '', on: '', source: '', visibility: 'public', designationId: '' };
const PICTURE_TYPES = /^image\/(jpeg|png|webp)$/;

/**
 * A product's documents and photos in the workspace: an upload form (file, kind, title, date, source,
 * visibility, the designation it belongs to) with its progress and errors, and the list of files with
 * their visibility to change and a delete button. Reports `gi-product-changed` after every change.
 */
@customElement('gi-documents-editor')
export class GiDocumentsEditor extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    progress { vertical-align: middle; }
    td.row-actions { white-space: nowrap; }
    .table-wrap { overflow-x: auto; }
    img.thumb { width: 64px; height: 48px; object-fit: cover; vertical-align: middle; margin-right: 0.4rem; border-radius: 3px; }
  `];

  /** The product the files belong to. */
  @property({ type: Number }) productId = 0;
  /** Its files (as the product JSON lists them for this official). */
  @property({ attribute: false }) documents: Document[] = [];
  /** Its designations, which a file may belong to. */
  @property({ attribute: false }) designations: Designation[] = [];

  @state() private draft: UploadDraft = { ...EMPTY };
  @state() private file: File | null = null;
  @state() private errors: FieldErrors = {};
  @state() private failure = '';
  @state() private progress: number | null = null;
  @state() private done = '';
  @state() private rowFailure = '';
  /** A row's change refused because someone changed (or removed) the document meanwhile: the notice, until reloaded. */
  private readonly rows = new FormSender(this);

  private readonly i18n = new LocaleController(this);

  override render() {
    return html`${this.renderForm()}
      <h3 id="docs-list-h">${t('docs.list')}</h3>
      ${this.rowFailure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.rowFailure}</p>` : nothing}
      ${this.rows.renderStale({ reload: () => this.changed(), changes: this.staleChanges() })}
      ${this.documents.length === 0 ? html`<p class="state">${t('docs.none')}</p>` : this.renderList()}`;
  }

  private renderForm() {
    const d = this.draft;
    const set = (patch: Partial<UploadDraft>) => { this.draft = { ...this.draft, ...patch }; this.done = ''; };
    const busy = this.progress !== null;
    return html`<form novalidate @submit=${this.submit} aria-label=${t('docs.uploadForm')}>
      ${this.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.failure}</p>` : nothing}
      <div class="field">
        <label for="doc-file">${t('docs.file')}<span class="req" aria-hidden="true"> *</span></label>
        <p class="hint" id="doc-file-hint">${t('docs.fileHint')}</p>
        <input id="doc-file" type="file" accept=".pdf,.jpg,.jpeg,.png,.webp,.docx,.xlsx,application/pdf,image/jpeg,image/png,image/webp"
          @change=${this.chooseFile} aria-required="true" aria-invalid=${this.errors.file ? 'true' : 'false'}
          aria-describedby=${this.errors.file ? 'doc-file-hint doc-file-error' : 'doc-file-hint'} />
        ${errorLine('doc-file', this.errors.file)}
      </div>
      <div class="row">
        ${selectField({ id: 'doc-kind', label: t('docs.kind'), value: d.kind, error: this.errors.kind, required: true,
          choices: DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documentKind.${k}`) })), onInput: (v) => set({ kind: v }) })}
        ${textField({ id: 'doc-title', label: t('docs.title'), value: d.title, error: this.errors.title, required: true, onInput: (v) => set({ title: v }) })}
      </div>
      <div class="row">
        ${textField({ id: 'doc-on', label: t('docs.on'), value: d.on, error: this.errors.on, onInput: (v) => set({ on: v }) })}
        ${textField({ id: 'doc-source', label: t('docs.sourceField'), value: d.source, error: this.errors.source, onInput: (v) => set({ source: v }) })}
      </div>
      <div class="row">
        ${selectField({ id: 'doc-visibility', label: t('docs.visibility'), value: d.visibility, error: this.errors.visibility, required: true,
          choices: DOCUMENT_VISIBILITIES.map((v) => ({ value: v, label: t(`documentVisibility.${v}`) })), onInput: (v) => set({ visibility: v }) })}
        ${this.designations.length ? selectField({ id: 'doc-designation', label: t('docs.designation'), value: d.designationId,
          error: this.errors.designationId, placeholder: t('docs.wholeProduct'),
          choices: this.designations.map((x) => ({ value: String(x.id), label: t(`giType.${x.giType}`) })), onInput: (v) => set({ designationId: v }) }) : nothing}
      </div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${busy}>${t('docs.upload')}</button>
        ${busy ? html`<span role="status">${t('docs.uploading', { percent: Math.round(this.progress! * 100) })}</span>
          <progress max="100" value=${Math.round(this.progress! * 100)} aria-label=${t('docs.uploadForm')}></progress>` : nothing}
        ${this.done ? html`<span class="saved" role="status">✓ ${this.done}</span>` : nothing}
      </div>
    </form>`;
  }

  private renderList() {
    return html`<div class="table-wrap"><table aria-labelledby="docs-list-h">
      <thead><tr><th scope="col">${t('docs.colTitle')}</th><th scope="col">${t('docs.colKind')}</th><th scope="col">${t('docs.colDate')}</th>
        <th scope="col">${t('docs.colSize')}</th><th scope="col">${t('docs.colVisibility')}</th><th scope="col">${t('docs.colActions')}</th></tr></thead>
      <tbody>${this.documents.map((d) => html`<tr>
        <td>${d.thumbnailUrl ? html`<img class="thumb" src=${appHref(d.thumbnailUrl)} alt="" />` : nothing}<a href=${appHref(d.url)} type=${d.mime}>${d.title}</a></td>
        <td>${t(`documentKind.${d.kind}`)}</td>
        <td>${d.on ? renderDate(d.on) : '—'}</td>
        <td>${formatName(d.mime)} · ${formatSize(d.bytes)}</td>
        <td><select aria-label=${t('docs.visibilityOf', { title: d.title })} @change=${(e: Event) => this.changeVisibility(d, (e.target as HTMLSelectElement).value as DocumentVisibility)}>
          ${DOCUMENT_VISIBILITIES.map((v) => html`<option value=${v} ?selected=${v === d.visibility}>${t(`documentVisibility.${v}`)}</option>`)}
        </select></td>
        <td class="row-actions"><button type="button" class="danger" @click=${() => this.deleteDocument(d)}>${t('docs.delete', { title: d.title })}</button></td>
      </tr>`)}</tbody>
    </table></div>`;
  }

  private chooseFile(event: Event) {
    const input = event.target as HTMLInputElement;
    this.file = input.files?.[0] ?? null;
    this.done = '';
    const { file: _old, ...rest } = this.errors;
    this.errors = this.file && this.file.size > MAX_DOCUMENT_BYTES ? { ...rest, file: t('docs.tooBig') } : rest;
    if (this.file && !this.draft.title.trim()) this.draft = { ...this.draft, title: this.file.name.replace(/\.[^.]+$/, '') };
    if (this.file && PICTURE_TYPES.test(this.file.type) === false && isPictureKind(this.draft.kind as DocumentKind) && this.file.type) {
      this.draft = { ...this.draft, kind: 'other' };
    }
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.failure = '';
    this.done = '';
    const d = this.draft;
    const meta = Object.fromEntries(Object.entries(d).filter(([, v]) => v.trim() !== ''));
    const check = DocumentCreate.safeParse(meta);
    const errors: FieldErrors = check.success ? {} : fieldErrors(check.error.issues);
    if (!this.file) errors.file = t('docs.noFile');
    else if (this.file.size > MAX_DOCUMENT_BYTES) errors.file = t('docs.tooBig');
    else if (isPictureKind(d.kind as DocumentKind) && this.file.type && !PICTURE_TYPES.test(this.file.type)) errors.kind = t('docs.notImage');
    this.errors = errors;
    if (Object.keys(errors).length > 0 || !this.file) return;
    const form = new FormData();
    for (const [name, value] of Object.entries(meta)) form.append(name, value.trim());
    form.append('file', this.file);
    this.progress = 0;
    try {
      const saved = await documentApi.upload(this.productId, form, (share) => { this.progress = share; });
      this.done = t('docs.uploaded', { title: saved.title });
      this.draft = { ...EMPTY, kind: d.kind, visibility: d.visibility };
      this.file = null;
      this.renderRoot.querySelector<HTMLInputElement>('#doc-file')!.value = '';
      this.changed();
    } catch (error) {
      const refusal = refusalOf(error);
      this.errors = refusal.errors ?? {};
      this.failure = t('docs.uploadFailed', { message: error instanceof Error ? error.message : String(error) });
    } finally {
      this.progress = null;
    }
  }

  private async changeVisibility(d: Document, visibility: DocumentVisibility) {
    await this.rowChange(() => documentApi.update(d.id, { visibility }, d.version));
  }

  private async deleteDocument(d: Document) {
    if (!confirm(t('docs.confirmDelete', { title: d.title }))) return;
    await this.rowChange(() => documentApi.remove(d.id, d.version));
  }

  /** A row's change, based on the document as listed: refused, its line; refused as stale, the notice. */
  private async rowChange(change: () => Promise<unknown>) {
    this.rowFailure = '';
    let failed: unknown = null;
    const ok = await this.rows.send(async () => {
      try { await change(); } catch (error) { failed = error; throw error; }
    });
    if (ok) this.changed();
    else if (!this.rows.stale) this.rowFailure = t('docs.changeFailed', { message: failed instanceof Error ? failed.message : String(failed) });
  }

  /** After a 412: the document as it is now (its title and visibility). */
  private staleChanges() {
    const now = this.rows.stale?.current as Document | null | undefined;
    return now ? [{ label: now.title, value: t(`documentVisibility.${now.visibility}`) }] : [];
  }

  private changed() {
    this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-documents-editor': GiDocumentsEditor }
}
