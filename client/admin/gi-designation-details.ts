import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DesignationUpdate, hasMarkKind, type Designation } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { adminApi } from './admin-api';
import { adminStyles } from './admin-styles';
import { fieldErrors } from './field-errors';
import { FormSender } from './form-sender';
import { selectField, textField } from './fields';
import { choices } from './labels';

const TEXTS = ['holder', 'holderCreditCode', 'number', 'announcement', 'validUntil', 'notes', 'managingBody', 'managingContact', 'testingBody'] as const;
type TextKey = (typeof TEXTS)[number];

/** The form's values of a designation as the server shows it. */
function valuesOf(d: Designation): Record<TextKey, string> & { markKind: string } {
  return { markKind: d.markKind ?? '', ...Object.fromEntries(TEXTS.map((k) => [k, d[k] ?? ''])) as Record<TextKey, string> };
}

/** Edits a designation's details (holder, numbers, validity, notes, public contacts; not its type or status) with PATCH. */
@customElement('gi-designation-details')
export class GiDesignationDetails extends LitElement {
  static override styles = [sharedStyles, adminStyles];

  /** The designation whose details are edited. */
  @property({ attribute: false }) designation!: Designation;

  @state() private values: Record<TextKey, string> & { markKind: string } = {
    holder: '', holderCreditCode: '', number: '', announcement: '', validUntil: '', notes: '', markKind: '', managingBody: '', managingContact: '', testingBody: '',
  };

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('designation')) {
      this.values = valuesOf(this.designation);
      this.form.load(this.designation.version, this.values);
      this.form.errors = {};
    }
  }

  override render() {
    const id = (k: string) => `dd-${k}-${this.designation.id}`;
    const field = (k: TextKey) => textField({ id: id(k), label: t(`desig.${k}`), value: this.values[k], error: this.form.errors[k],
      hint: k === 'managingContact' ? t('desig.managingContactHint') : undefined,
      type: k === 'validUntil' ? 'date' : 'text', multiline: k === 'notes', onInput: (v) => { this.values = { ...this.values, [k]: v }; } });
    return html`<form novalidate @submit=${this.submit} aria-label=${t('desig.editDetails')}>
      ${this.form.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}</p>` : nothing}
      ${this.form.renderStale({
        draftOf: valuesOf, draft: this.values, apply: (values) => { this.values = values; },
        label: (k) => (k === 'markKind' ? t('desig.markKind') : (TEXTS as readonly string[]).includes(k) ? t(`desig.${k as TextKey}`) : null),
      })}
      ${hasMarkKind(this.designation.giType) ? selectField({ id: id('markKind'), label: t('desig.markKind'), value: this.values.markKind,
        choices: choices.markKinds(this.designation.giType), error: this.form.errors.markKind, onInput: (v) => { this.values = { ...this.values, markKind: v }; } }) : nothing}
      <div class="row">${field('holder')}${field('holderCreditCode')}</div>
      <div class="row">${field('number')}${field('announcement')}${field('validUntil')}</div>
      ${field('notes')}
      <div class="row">${field('managingBody')}${field('managingContact')}${field('testingBody')}</div>
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.form.busy}>${t('desig.saveDetails')}</button></div>
    </form>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    const v = this.values;
    const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
    const result = DesignationUpdate.safeParse({
      ...(hasMarkKind(this.designation.giType) && v.markKind ? { markKind: v.markKind } : {}),
      holder: orNull(v.holder), holderCreditCode: orNull(v.holderCreditCode.toUpperCase()), number: orNull(v.number),
      announcement: orNull(v.announcement), validUntil: orNull(v.validUntil), notes: v.notes,
      managingBody: orNull(v.managingBody), managingContact: orNull(v.managingContact), testingBody: orNull(v.testingBody),
    });
    this.form.errors = result.success ? {} : fieldErrors(result.error.issues);
    if (!result.success) return;
    await this.form.send(async () => {
      await adminApi.updateDesignation(this.designation.id, result.data, this.form.version);
      this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-designation-details': GiDesignationDetails }
}
