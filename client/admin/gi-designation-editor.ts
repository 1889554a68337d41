import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { hasMarkKind, isClosed, type AuthorizedUser, type CountyCode, type Document, type ProductDesignation } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { adminApi } from './admin-api';
import { adminStyles } from './admin-styles';
import { checkDesignation, emptyDesignation, type DesignationDraft } from './designation-draft';
import { unplacedErrors } from './field-errors';
import { FormSender } from './form-sender';
import { selectField, textField } from './fields';
import { choices } from './labels';
import './gi-designation-card';
import type { ShowDesignationDetail } from '../lib/gi-conversion-note';

/** A product's designations: each with its allowed moves and history, and a form to start a new one. */
@customElement('gi-designation-editor')
export class GiDesignationEditor extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    form { background: var(--gi-surface); border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.75rem 1rem; }
  `];

  /** The product the designations belong to. */
  @property({ type: Number }) productId = 0;
  /** The product's designations (with their protected areas). */
  @property({ attribute: false }) designations: ProductDesignation[] = [];
  /** The product's counties. */
  @property({ attribute: false }) productCounties: readonly CountyCode[] = [];
  /** The product's documents (dossier items link them). */
  @property({ attribute: false }) documents: Document[] = [];
  /** The authorised users of every designation of the product. */
  @property({ attribute: false }) authorizedUsers: AuthorizedUser[] = [];

  @state() private draft: DesignationDraft = emptyDesignation();

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);

  override render() {
    return html`<div @gi-show-designation=${this.showDesignation}>
      ${this.designations.length === 0 ? html`<p class="state">${t('desig.none')}</p>`
        : this.designations.map((d) => html`<gi-designation-card .designation=${d} .documents=${this.documents} .productCounties=${this.productCounties}
            .authorizedUsers=${this.authorizedUsers.filter((u) => u.designationId === d.id)} .siblings=${this.designations}></gi-designation-card>`)}
      </div>${this.renderAdd()}`;
  }

  /** A conversion's link asked for the other designation: its card brings its heading into view. */
  private showDesignation(event: CustomEvent<ShowDesignationDetail>) {
    event.stopPropagation();
    const card = [...this.renderRoot.querySelectorAll('gi-designation-card')].find((c) => c.designation.id === event.detail.designationId);
    card?.showHeading();
  }

  private renderAdd() {
    const d = this.draft;
    const e = this.form.errors;
    const text = (key: 'holder' | 'holderCreditCode' | 'number' | 'announcement' | 'notes', multiline = false) =>
      textField({ id: `d-${key}`, label: t(`desig.${key}`), value: d[key], error: e[key], multiline, onInput: (v) => this.set({ [key]: v }) });
    const unplaced = unplacedErrors(e, ['giType', 'markKind', 'holder', 'holderCreditCode', 'number', 'announcement', 'validUntil', 'notes', 'startedOn']);
    return html`<form novalidate @submit=${this.submit} aria-labelledby="add-h">
      <h3 id="add-h">${t('desig.add')}</h3>
      ${this.form.failure || unplaced.length ? html`<div class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}
        ${unplaced.map((m) => html`<p>${m}</p>`)}</div>` : nothing}
      <div class="row">
        ${selectField({ id: 'd-giType', label: t('desig.giType'), value: d.giType, choices: choices.giTypes(), required: true,
          placeholder: t('form.choose'), error: e.giType, onInput: (v) => this.set({ giType: v as DesignationDraft['giType'] }) })}
        ${d.giType !== '' && hasMarkKind(d.giType) ? selectField({ id: 'd-markKind', label: t('desig.markKind'), value: d.markKind,
          choices: choices.markKinds(d.giType), required: true, placeholder: t('form.choose'), error: e.markKind,
          onInput: (v) => this.set({ markKind: v as DesignationDraft['markKind'] }) }) : nothing}
        ${textField({ id: 'd-startedOn', label: t('desig.startedOn'), hint: t('desig.moveOnHint'), value: d.startedOn,
          error: e.startedOn, onInput: (v) => this.set({ startedOn: v.trim() }) })}
      </div>
      ${d.giType !== '' && isClosed(d.giType) ? html`<p class="note" role="note">${t('desig.agriNote')}</p>` : nothing}
      <div class="row">${text('holder')}${text('holderCreditCode')}</div>
      <div class="row">${text('number')}${text('announcement')}
        ${textField({ id: 'd-validUntil', label: t('desig.validUntil'), type: 'date', value: d.validUntil, error: e.validUntil,
          onInput: (v) => this.set({ validUntil: v }) })}</div>
      ${text('notes', true)}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.form.busy}>${t('desig.addSubmit')}</button></div>
    </form>`;
  }

  private set(patch: Partial<DesignationDraft>) {
    this.draft = { ...this.draft, ...patch };
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    const check = checkDesignation(this.draft);
    this.form.errors = check.ok ? {} : check.errors;
    if (!check.ok) return;
    await this.form.send(async () => {
      await adminApi.addDesignation(this.productId, check.body);
      this.draft = emptyDesignation();
      this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-designation-editor': GiDesignationEditor }
}
