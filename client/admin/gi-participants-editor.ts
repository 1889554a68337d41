import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Designation, Participant } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { adminApi } from './admin-api';
import { adminStyles } from './admin-styles';
import { FormSender } from './form-sender';
import { errorLine, selectField, textField } from './fields';
import { choices } from './labels';
import {
  checkParticipants, draftFromParticipant, emptyParticipant, MEASURES, validRows, type ParticipantDraft,
} from './participants';
import '../lib/gi-product-chain';

/** The cooperative-farmer model: editable rows, a live chain preview, saved as a whole with PUT. */
@customElement('gi-participants-editor')
export class GiParticipantsEditor extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .p-row { border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.5rem 0.75rem; margin-bottom: 0.75rem; }
    .p-row .field { max-width: 12rem; }
  `];

  /** The product the model belongs to. */
  @property({ type: Number }) productId = 0;
  /** The saved participants. */
  @property({ attribute: false }) participants: Participant[] = [];
  /** Their version (the product's `participantsVersion`): a save is based on it. */
  @property() version: string | undefined;
  /** The product's designations, shown as the GI link of the chain preview. */
  @property({ attribute: false }) designations: Designation[] = [];

  @state() private rows: ParticipantDraft[] = [];
  @state() private saved = false;

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('participants') || changed.has('version')) {
      this.rows = this.participants.map(draftFromParticipant);
      this.form.load(this.version, this.rows);
    }
  }

  override render() {
    return html`<form novalidate @submit=${this.submit} aria-label=${t('part.form')}>
      ${this.form.failure || Object.keys(this.form.errors).length ? html`<p class="form-errors" role="alert">
        <span aria-hidden="true">⚠ </span>${this.form.failure || t('form.fixErrors', { n: Object.keys(this.form.errors).length })}</p>` : nothing}
      ${this.form.renderStale({
        draftOf: (now: { participants: Participant[] }) => now.participants.map(draftFromParticipant), draft: this.rows,
        apply: (rows) => { this.rows = rows; this.saved = false; },
        label: () => t('editor.noteParticipants', { n: (this.form.stale?.current as { participants: Participant[] }).participants.length }),
      })}
      ${this.rows.length === 0 ? html`<p class="state">${t('part.none')}</p>` : this.rows.map((r, i) => this.renderRow(r, i))}
      <div class="actions">
        <button type="button" @click=${this.add}>${t('part.add')}</button>
        <button type="submit" class="primary" ?disabled=${this.form.busy}>${t('part.save')}</button>
        ${this.saved ? html`<span class="saved" role="status">✓ ${t('form.saved')}</span>` : nothing}
      </div>
      <h3>${t('part.preview')}</h3>
      <gi-product-chain .participants=${validRows(this.rows)} .designations=${this.designations}></gi-product-chain>
    </form>`;
  }

  private renderRow(r: ParticipantDraft, i: number) {
    const n = i + 1;
    const e = (k: string) => this.form.errors[`${i}.${k}`];
    const set = (patch: Partial<ParticipantDraft>) => this.setRow(i, patch);
    return html`<fieldset class="p-row"><legend>${t('part.row', { n })}</legend>
      <div class="row">
        ${selectField({ id: `p-role-${i}`, label: t('part.role', { n }), value: r.role, choices: choices.roles(), error: e('role'),
          onInput: (v) => set({ role: v as ParticipantDraft['role'] }) })}
        ${r.role === 'farmers' ? nothing : textField({ id: `p-name-${i}`, label: t('part.name', { n }),
          value: r.name, required: true, error: e('name'), onInput: (v) => set({ name: v }) })}
        ${r.role === 'farmers' ? nothing : textField({ id: `p-code-${i}`, label: t('part.creditCode', { n }), value: r.creditCode,
          error: e('creditCode'), hint: t('part.creditCodeHint'), onInput: (v) => set({ creditCode: v }) })}
      </div>
      <div class="row">${MEASURES.map((m) => textField({ id: `p-${m}-${i}`, label: t(`part.${m}`, { n }), value: r[m],
        error: e(m), onInput: (v) => set({ [m]: v }) }))}</div>
      ${errorLine(`p-row-${i}`, this.form.errors[String(i)])}
      <button type="button" class="danger" @click=${() => this.removeRow(i)}>${t('part.remove', { n })}</button>
    </fieldset>`;
  }

  private setRow(i: number, patch: Partial<ParticipantDraft>) {
    this.rows = this.rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
    this.saved = false;
  }

  private add() {
    this.rows = [...this.rows, emptyParticipant(this.rows.length === 0 ? 'enterprise' : 'cooperative')];
    this.saved = false;
  }

  private removeRow(i: number) {
    this.rows = this.rows.filter((_, j) => j !== i);
    this.saved = false;
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    const check = checkParticipants(this.rows);
    this.form.errors = check.ok ? {} : check.errors;
    if (!check.ok) return;
    await this.form.send(async () => {
      await adminApi.putParticipants(this.productId, check.body, this.form.version);
      this.saved = true;
      this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-participants-editor': GiParticipantsEditor }
}
