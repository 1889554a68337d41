import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { UsageReturnInput, UsageReturnValues } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import { unplacedErrors, type FieldErrors } from './field-errors';
import { selectField, textField } from './fields';
import { checkReturn, draftOfReturn, type UsageReturnDraft } from './usage-return-draft';

/** What a submitted form says: the year (when the form offers one) and the checked body. */
export interface ReturnSubmit { year: number | null; body: UsageReturnInput }

const FIELDS = ['year', 'markedTonnes', 'outputTonnes', 'marksPrinted', 'channels', 'note'] as const;

/**
 * The form of a yearly usage return, the same for the county's entry and the company's page: the figures,
 * the channels and a note (and the year, when a list of years is given), checked with the shared schema
 * before it says `gi-return-submit`; the parent sends it and hands the server's refusal back down.
 */
@customElement('gi-usage-return-form')
export class GiUsageReturnForm extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    :host { display: block; }
    form { max-width: 32rem; }
    .row .field { flex: 1 1 14rem; } /* side by side on a desktop, one under the other on a phone */
    input, select, textarea { width: 100%; }
    button.primary { min-height: 2.75rem; min-width: 8rem; }
  `];

  /** The values the form starts from (a returned return to correct), or null for an empty form. */
  @property({ attribute: false }) initial: UsageReturnValues | null = null;
  /** The years offered, newest first; none: the year is not asked (a link says which). */
  @property({ attribute: false }) years: number[] = [];
  /** The server's refusal by field, and its line. */
  @property({ attribute: false }) errors: FieldErrors = {};
  @property({ attribute: false }) failure = '';
  /** Whether a send is under way. */
  @property({ type: Boolean }) busy = false;
  /** The submit button's words and the form's name. */
  @property() submitLabel = '';
  @property() formLabel = '';
  /** Keeps the fields' ids apart when several forms are on a page. */
  @property() idPrefix = 'ret';

  @state() private draft: UsageReturnDraft = draftOfReturn(null);
  @state() private year = '';
  @state() private checked: FieldErrors = {};

  private readonly i18n = new LocaleController(this);

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('initial')) this.draft = draftOfReturn(this.initial);
    if (changed.has('years') && !this.years.includes(Number(this.year))) this.year = this.years.length ? String(this.years[0]) : '';
    if (changed.has('errors')) this.checked = {};
  }

  override render() {
    const e = this.shownErrors();
    const id = (k: string) => `${this.idPrefix}-${k}`;
    const set = (patch: Partial<UsageReturnDraft>) => { this.draft = { ...this.draft, ...patch }; };
    const unplaced = unplacedErrors(e, [...FIELDS]);
    return html`<form novalidate @submit=${this.submit} aria-label=${this.formLabel}>
      ${this.failure || unplaced.length ? html`<div class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.failure}
        ${unplaced.map((m) => html`<p>${m}</p>`)}</div>` : nothing}
      ${this.years.length ? selectField({ id: id('year'), label: t('ret.field.year'), value: this.year, required: true, error: e.year,
        choices: this.years.map((y) => ({ value: String(y), label: t('ret.year', { year: y }) })), onInput: (v) => { this.year = v; } }) : nothing}
      <div class="row">
        ${textField({ id: id('marked'), label: t('ret.field.marked'), hint: t('ret.field.markedHint'), value: this.draft.markedTonnes, inputmode: 'decimal',
          error: e.markedTonnes, onInput: (v) => set({ markedTonnes: v }) })}
        ${textField({ id: id('output'), label: t('ret.field.output'), hint: t('ret.field.outputHint'), value: this.draft.outputTonnes, inputmode: 'decimal',
          error: e.outputTonnes, onInput: (v) => set({ outputTonnes: v }) })}
      </div>
      ${textField({ id: id('marks'), label: t('ret.field.marks'), value: this.draft.marksPrinted, inputmode: 'numeric', error: e.marksPrinted,
        onInput: (v) => set({ marksPrinted: v }) })}
      ${textField({ id: id('channels'), label: t('ret.field.channels'), hint: t('ret.field.channelsHint'), value: this.draft.channels, error: e.channels,
        onInput: (v) => set({ channels: v }) })}
      ${textField({ id: id('note'), label: t('ret.field.note'), value: this.draft.note, multiline: true, error: e.note, onInput: (v) => set({ note: v }) })}
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.busy}>${this.submitLabel}</button></div>
    </form>`;
  }

  /** The local check's errors, else the server's; a channel's own error is shown beside the channels. */
  private shownErrors(): FieldErrors {
    const all: FieldErrors = Object.keys(this.checked).length ? this.checked : this.errors;
    const shown: FieldErrors = {};
    for (const [key, message] of Object.entries(all)) shown[key.startsWith('channels.') ? 'channels' : key] ??= message;
    return shown;
  }

  private submit(event: Event) {
    event.preventDefault();
    const check = checkReturn(this.draft);
    this.checked = check.ok ? {} : check.errors;
    if (!check.ok) return;
    const detail: ReturnSubmit = { year: this.years.length ? Number(this.year) : null, body: check.body };
    this.dispatchEvent(new CustomEvent<ReturnSubmit>('gi-return-submit', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-usage-return-form': GiUsageReturnForm }
}
