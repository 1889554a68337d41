import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { conversionTargetOf, type Designation, type GiType } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import { conversionApi } from './conversion-api';
import { checkConversion, conversionTargets, emptyConversion, type ConversionDraft } from './conversion-draft';
import { unplacedErrors } from './field-errors';
import { FormSender } from './form-sender';
import { selectField, textField } from './fields';

/**
 * A granted designation of a converting type (an agricultural-product GI) in the workspace: "开始转换"
 * starts the designation it will become (cultivating, with the conversions' checklist), and "记录转换"
 * opens a small form (the day, the 公告号, the number, and which in-progress designation it became, or a
 * new one) that records the conversion. Both ask the product's page to reload (`gi-product-changed`).
 */
@customElement('gi-conversion-form')
export class GiConversionForm extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    section { border-top: 1px solid var(--gi-border); margin-top: 0.75rem; padding-top: 0.25rem; }
    h4 { margin: 0.5rem 0; }
    h4:focus { outline: none; }
    form { background: var(--gi-surface); border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.5rem 0.75rem; margin-top: 0.5rem; }
  `];

  /** The designation to convert (granted, of a type that converts). */
  @property({ attribute: false }) designation!: Designation;
  /** Every designation of the product (what it became may be one of them). */
  @property({ attribute: false }) siblings: readonly Designation[] = [];

  @state() private open = false;
  @state() private draft: ConversionDraft = { on: '', announcement: '', number: '', designationId: '' };
  @state() private message = '';

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);
  private readonly starter = new FormSender(this);

  override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('designation')) return;
    // The same designation read again (after someone else's change) keeps what was typed; an untouched form
    // starts again from it (a conversion started meanwhile is the one named).
    const before = changed.get('designation') as Designation | undefined;
    const untouched = !before || JSON.stringify(this.draft) === JSON.stringify(emptyConversion(before));
    if (untouched || before.id !== this.designation.id) this.draft = emptyConversion(this.designation);
  }

  override render() {
    const d = this.designation;
    const into = conversionTargetOf(d.giType);
    if (!into || d.status !== 'granted') return nothing;
    const names = { type: t(`giType.${into}`), from: t(`giType.${d.giType}`) };
    const underWay = d.convertedTo ? this.siblings.find((s) => s.id === d.convertedTo!.designationId) : undefined;
    const headingId = `conv-h-${d.id}`;
    return html`<section aria-labelledby=${headingId}>
      <h4 id=${headingId} tabindex="-1">${t('conv.heading', names)}</h4>
      <p class="hint">${t('conv.intro', names)}</p>
      ${this.message ? html`<p role="status" class="saved"><span aria-hidden="true">✓ </span>${this.message}</p>` : nothing}
      ${underWay ? html`<p>${t('conv.underWay', { type: names.type, status: t(`status.${underWay.status}`) })}</p>` : this.renderStart(into, names.type)}
      <div class="actions">
        <button type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${`conv-form-${d.id}`}
          @click=${() => { this.open = !this.open; }}>${t('conv.record')}</button>
      </div>
      ${this.open ? this.renderForm(into, names.type) : nothing}
    </section>`;
  }

  private renderStart(into: GiType, type: string) {
    return html`${this.starter.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.starter.failure}</p>` : nothing}
      <p class="hint" id=${`conv-start-hint-${this.designation.id}`}>${t('conv.startHint', { type })}</p>
      <div class="actions"><button type="button" ?disabled=${this.starter.busy} aria-describedby=${`conv-start-hint-${this.designation.id}`}
        @click=${() => this.start(into)}>${t('conv.start')}</button></div>`;
  }

  private renderForm(into: GiType, type: string) {
    const d = this.designation;
    const e = this.form.errors;
    const id = (k: string) => `conv-${k}-${d.id}`;
    const targets = conversionTargets(d, this.siblings);
    const unplaced = unplacedErrors(e, ['on', 'announcement', 'number', 'designationId']);
    return html`<form id=${`conv-form-${d.id}`} novalidate @submit=${this.submit} aria-label=${t('conv.recordForm')}>
      ${this.form.failure || unplaced.length ? html`<div class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}
        ${unplaced.map((m) => html`<p>${m}</p>`)}</div>` : nothing}
      ${this.form.renderStale({ reload: () => this.changed(''), keeps: true })}
      <div class="row">
        ${textField({ id: id('on'), label: t('conv.on'), hint: t('conv.onHint'), type: 'date', value: this.draft.on, required: true,
          error: e.on, onInput: (v) => this.set({ on: v }) })}
        ${textField({ id: id('announcement'), label: t('conv.announcementLabel', { type }), hint: t('conv.announcementHint'),
          value: this.draft.announcement, required: true, error: e.announcement, onInput: (v) => this.set({ announcement: v }) })}
        ${textField({ id: id('number'), label: t('conv.number'), value: this.draft.number, error: e.number, onInput: (v) => this.set({ number: v }) })}
      </div>
      ${selectField({ id: id('target'), label: t('conv.target'), value: this.draft.designationId, error: e.designationId,
        choices: [{ value: '', label: t('conv.targetNew', { type: t(`giType.${into}`) }) },
          ...targets.map((x) => ({ value: String(x.id), label: t('conv.targetExisting', { type: t(`giType.${x.giType}`), status: t(`status.${x.status}`) }) }))],
        onInput: (v) => this.set({ designationId: v }) })}
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.form.busy}>${t('conv.submit')}</button></div>
    </form>`;
  }

  private set(patch: Partial<ConversionDraft>) {
    this.draft = { ...this.draft, ...patch };
    this.message = '';
  }

  private async start(into: GiType) {
    const d = this.designation;
    const ok = await this.starter.send(async () => { await conversionApi.start(d.productId, into, d.id); });
    if (ok) this.changed(t('conv.started'));
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    const check = checkConversion(this.draft, this.designation.grantedOn);
    this.form.errors = check.ok ? {} : check.errors;
    if (!check.ok) return;
    // Both designations as shown are what it is based on: the converted one's version, and the named one's.
    const named = check.body.designationId === undefined ? undefined : this.siblings.find((x) => x.id === check.body.designationId);
    const body = named?.version ? { ...check.body, designationVersion: named.version } : check.body;
    const ok = await this.form.send(async () => { await conversionApi.record(this.designation.id, body, this.designation.version); });
    if (ok) {
      this.open = false;
      this.changed(t('conv.recorded'));
    }
  }

  /** Tells the product page to reload (its history and the other designation change too). */
  private changed(message: string) {
    this.message = message;
    this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-conversion-form': GiConversionForm }
}
