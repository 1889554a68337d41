import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { designationAnchor, todayInShanghai, type AuthorizedUser, type CountyCode, type Document, type ProductDesignation, type Status, type TransitionCreate } from '../../db/model';
import { ApiRequestError } from '../lib/api';
import { ifDefined } from 'lit/directives/if-defined.js';
import { freeTextLang } from '../lib/free-text';
import { LocaleController, t } from '../i18n';
import { renderDate, showDate } from '../i18n/dates';
import { sharedStyles } from '../lib/shared-styles';
import { adminApi } from './admin-api';
import { adminStyles } from './admin-styles';
import { checkMove, lastMoveOn, nextMoves } from './designation-draft';
import { pageHalf } from './field-errors';
import { FormSender } from './form-sender';
import { selectField, textField } from './fields';
import './gi-authorized-users-editor';
import './gi-designation-details';
import './gi-dossier-editor';
import './gi-filing-confirm';
import './gi-scope-editor';
import './gi-specifications-editor';
import './gi-conversion-form';
import '../lib/gi-conversion-note';
import { withLang } from '../lib/router';

/** One designation: its details, a form offering only the allowed next moves, and its status history. */
@customElement('gi-designation-card')
export class GiDesignationCard extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    article { border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.5rem 1rem; margin-bottom: 1rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0.5rem 0; }
    dt { color: var(--gi-muted); }
    dd { margin: 0; white-space: pre-wrap; }
    ol { padding-left: 1.25rem; }
    summary { cursor: pointer; color: var(--gi-accent); margin: 0.25rem 0; }
  `];

  /** The designation shown (with its protected area). */
  @property({ attribute: false }) designation!: ProductDesignation;
  /** The product's counties (its protected area's names are matched within them). */
  @property({ attribute: false }) productCounties: readonly CountyCode[] = [];
  /** The product's documents, which dossier items may link. */
  @property({ attribute: false }) documents: Document[] = [];
  /** The designation's authorised users (who may print its mark). */
  @property({ attribute: false }) authorizedUsers: AuthorizedUser[] = [];
  /** Every designation of the product (a conversion links two of them). */
  @property({ attribute: false }) siblings: readonly ProductDesignation[] = [];

  @state() private to: Status | '' = '';
  @state() private on = todayInShanghai();
  @state() private note = '';
  /** A filing the server held up because the dossier is not complete, waiting for the official's answer. */
  @state() private heldFiling: { body: TransitionCreate; message: string } | null = null;

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('designation')) this.to = '';
  }

  /** Opened from a link to this designation (the to-do list's `#designation-<id>`): its heading shown and focused. */
  override firstUpdated() {
    if (location.hash === `#${designationAnchor(this.designation.id)}`) this.showHeading();
  }

  override render() {
    const d = this.designation;
    const type = t(`giType.${d.giType}`);
    const title = d.markKind ? t('desig.typeWithKind', { type, kind: t(`markKind.${d.markKind}`) }) : type;
    const date = (on: string | null) => (on ? showDate(on) : null);
    const facts: [string, string | null][] = [
      [t('desig.holder'), d.holder], [t('desig.holderCreditCode'), d.holderCreditCode], [t('desig.number'), d.number],
      [t('desig.announcement'), d.announcement], [t('desig.filedOn'), date(d.filedOn)], [t('desig.grantedOn'), date(d.grantedOn)],
      [t('desig.validUntil'), date(d.validUntil)], [t('desig.notes'), d.notes || null],
      [t('desig.managingBody'), d.managingBody], [t('desig.managingContact'), d.managingContact], [t('desig.testingBody'), d.testingBody],
    ];
    return html`<article id=${designationAnchor(d.id)} aria-labelledby="title-${d.id}">
      <h3 id="title-${d.id}" tabindex="-1">${title} · ${t('desig.statusIs', { status: t(`status.${d.status}`) })}</h3>
      <gi-conversion-note .designation=${d} .hrefOf=${(id: number) => withLang(`/admin/products/${d.productId}#title-${id}`)}
        .targetIdOf=${(id: number) => `title-${id}`}></gi-conversion-note>
      <dl>${facts.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd lang=${ifDefined(freeTextLang())}>${v}</dd>`)}</dl>
      <details><summary>${t('desig.editDetails')}</summary><gi-designation-details .designation=${d}></gi-designation-details></details>
      <gi-scope-editor .designation=${d} .productCounties=${this.productCounties}></gi-scope-editor>
      <gi-specifications-editor .designation=${d} .documents=${this.documents}></gi-specifications-editor>
      <gi-dossier-editor .designation=${d} .documents=${this.documents}></gi-dossier-editor>
      <gi-authorized-users-editor .designation=${d} .users=${this.authorizedUsers}></gi-authorized-users-editor>
      <gi-conversion-form .designation=${d} .siblings=${this.siblings}></gi-conversion-form>
      ${this.renderMove(d)}
      <h4>${t('desig.history')}</h4>
      ${d.transitions.length === 0 ? html`<p class="state">${t('desig.noHistory')}</p>` : html`<ol>
        ${d.transitions.map((m) => html`<li>${renderDate(m.on)} · ${t(`status.${m.to}`)}${m.by ? ` · ${m.by}` : ''}${m.note ? html` — <q lang=${ifDefined(freeTextLang())}>${m.note}</q>` : nothing}</li>`)}
      </ol>`}
    </article>`;
  }

  private renderMove(d: ProductDesignation) {
    const moves = nextMoves(d.status);
    if (moves.length === 0) return html`<p>${t('desig.final')}</p>`;
    const id = (k: string) => `move-${k}-${d.id}`;
    return html`<form novalidate @submit=${this.submit} aria-label=${t('desig.moveForm')}>
      ${this.form.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}</p>` : nothing}
      ${this.form.renderStale({ reload: () => this.changedElsewhere(), keeps: true, changes: this.staleChanges(d) })}
      <div class="row">
        ${selectField({ id: id('to'), label: t('desig.moveTo'), value: this.to, placeholder: t('form.choose'), required: true,
          choices: moves.map((s) => ({ value: s, label: t(`status.${s}`) })), error: this.form.errors.to, onInput: (v) => { this.to = v as Status | ''; } })}
        ${textField({ id: id('on'), label: t('desig.moveOn'), hint: t('desig.moveOnHint'), value: this.on, required: true,
          error: this.form.errors.on, onInput: (v) => { this.on = v.trim(); } })}
        ${textField({ id: id('note'), label: t('desig.moveNote'), value: this.note, error: this.form.errors.note, onInput: (v) => { this.note = v; } })}
      </div>
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.form.busy}>${t('desig.moveSubmit')}</button></div>
      <gi-filing-confirm ?open=${this.heldFiling !== null} .message=${this.heldFiling?.message ?? ''} ?busy=${this.form.busy}
        @gi-filing-confirmed=${this.fileAnyway} @gi-filing-cancelled=${this.keepCultivating}></gi-filing-confirm>
    </form>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    const d = this.designation;
    this.form.failure = '';
    const check = checkMove(d.status, { to: this.to, on: this.on, note: this.note }, lastMoveOn(d));
    this.form.errors = check.ok ? {} : check.errors;
    if (!check.ok) return;
    let held: GiDesignationCard['heldFiling'] = null;
    await this.form.send(async () => {
      try {
        await adminApi.move(d.id, check.body, d.version);
      } catch (error) {
        // Filing with the dossier incomplete is a question for the official, not a failure.
        if (!(error instanceof ApiRequestError && error.code === 'dossier_incomplete')) throw error;
        held = { body: check.body, message: pageHalf(error.message) };
        return;
      }
      this.moved();
    });
    // Asked once the send is over, so the dialog's buttons are enabled when it takes the focus.
    this.heldFiling = held;
  }

  /** The official confirmed: file it, recorded as filed with the dossier incomplete. */
  private async fileAnyway() {
    const held = this.heldFiling;
    if (!held) return;
    const ok = await this.form.send(async () => {
      await adminApi.move(this.designation.id, { ...held.body, confirmIncomplete: true }, this.designation.version);
      this.moved();
    });
    this.heldFiling = null;
    if (!ok) this.focusSubmit();
  }

  private keepCultivating() {
    this.heldFiling = null;
    this.focusSubmit();
  }

  /** After a 412: the status someone else gave it, when it is not the one shown. */
  private staleChanges(d: ProductDesignation) {
    const now = this.form.stale?.current as ProductDesignation | null | undefined;
    return now && now.status !== d.status ? [{ label: t('desig.statusIs', { status: t(`status.${now.status}`) }), value: null }] : [];
  }

  /** Someone changed the designation: the product is read again (the moves offered follow its status); the date and note typed stay. */
  private changedElsewhere() {
    this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
  }

  private moved() {
    this.note = '';
    this.on = todayInShanghai();
    this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
    this.focusSubmit();
  }

  /** Brings the card's heading into view and gives it the focus (a conversion's link on another card asked). */
  showHeading() {
    const heading = this.renderRoot.querySelector<HTMLElement>('h3');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }

  /** Brings the dossier into view and focuses its heading (the next step once the designation is added). */
  showDossier() {
    const dossier = this.renderRoot.querySelector('gi-dossier-editor')?.renderRoot.querySelector<HTMLElement>('h4[tabindex]');
    if (!dossier) { this.showHeading(); return; }
    dossier.scrollIntoView({ block: 'start' });
    dossier.focus({ preventScroll: true });
  }

  /** Puts focus back on the move form's button once the dialog is gone (or on the heading when no move is left). */
  private async focusSubmit() {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement>('form[novalidate] button[type=submit]')
      ?? this.renderRoot.querySelector<HTMLElement>('h3');
    target?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-designation-card': GiDesignationCard }
}
