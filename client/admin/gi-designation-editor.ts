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
import type { GiEditorSection } from './gi-editor-section';
import './gi-designation-card';
import './gi-editor-next-step';
import './gi-editor-section';
import type { ShowDesignationDetail } from '../lib/gi-conversion-note';

/**
 * A product's designations: each with its allowed moves and history, and a form to start a new one (open
 * while the product has none, folded away beside its GIs); once one is added, its dossier is offered next.
 */
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
  /** The designation just added: its dossier is offered as the next step. */
  @state() private added: number | null = null;

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);
  /** The added designation whose next step already took the focus once. */
  private focusedNext: number | null = null;

  override render() {
    return html`<div @gi-show-designation=${this.showAsked}>
      ${this.designations.length === 0 ? html`<p class="state">${t('desig.none')}</p>`
        : this.designations.map((d) => html`<gi-designation-card .designation=${d} .documents=${this.documents} .productCounties=${this.productCounties}
            .authorizedUsers=${this.authorizedUsers.filter((u) => u.designationId === d.id)} .siblings=${this.designations}></gi-designation-card>`)}
      </div>${this.renderNext()}${this.renderAdd()}`;
  }

  /** Opens the form that adds a designation and focuses its first field (the next step once a product is created). */
  async focusAdd() {
    await this.renderRoot.querySelector<GiEditorSection>('gi-editor-section')?.expand();
    const select = this.renderRoot.querySelector<HTMLElement>('#d-giType');
    select?.scrollIntoView({ block: 'center' });
    select?.focus({ preventScroll: true });
  }

  /** Brings a designation's card into view, its heading focused (the product's summary asked for it). */
  showDesignation(designationId: number) {
    const card = [...this.renderRoot.querySelectorAll('gi-designation-card')].find((c) => c.designation.id === designationId);
    card?.showHeading();
  }

  private renderNext() {
    if (this.added === null || !this.designations.some((d) => d.id === this.added)) return nothing;
    const id = this.added;
    return html`<gi-editor-next-step hint=${t('editor.nextDossierHint')} action=${t('editor.nextDossier')}
      @gi-next-step=${() => this.showDossier(id)}></gi-editor-next-step>`;
  }

  private showDossier(id: number) {
    const card = [...this.renderRoot.querySelectorAll('gi-designation-card')].find((c) => c.designation.id === id);
    card?.showDossier();
  }

  /** A conversion's link asked for the other designation: its card brings its heading into view. */
  private showAsked(event: CustomEvent<ShowDesignationDetail>) {
    event.stopPropagation();
    this.showDesignation(event.detail.designationId);
  }

  private renderAdd() {
    const d = this.draft;
    const e = this.form.errors;
    const text = (key: 'holder' | 'holderCreditCode' | 'number' | 'announcement' | 'notes', multiline = false) =>
      textField({ id: `d-${key}`, label: t(`desig.${key}`), value: d[key], error: e[key], multiline, onInput: (v) => this.set({ [key]: v }) });
    const unplaced = unplacedErrors(e, ['giType', 'markKind', 'holder', 'holderCreditCode', 'number', 'announcement', 'validUntil', 'notes', 'startedOn']);
    // Open while the product has no GI (adding one is then the thing to do); beside its GIs, folded away.
    return html`<gi-editor-section level="3" heading=${t('desig.add')} ?open=${this.designations.length === 0}>
      <form novalidate @submit=${this.submit} aria-label=${t('desig.add')}>
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
    </form></gi-editor-section>`;
  }

  /** Once the new card is in, the next step's button takes the focus. */
  override async updated() {
    if (this.added === null || this.focusedNext === this.added) return;
    const next = this.renderRoot.querySelector('gi-editor-next-step');
    if (!next) return;
    this.focusedNext = this.added;
    await next.updateComplete;
    next.focus();
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
      this.added = (await adminApi.addDesignation(this.productId, check.body)).id;
      this.draft = emptyDesignation();
      this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-designation-editor': GiDesignationEditor }
}
