import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import type { AuthorizedUser, Designation, UsageReturnList } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';
import { adminStyles } from './admin-styles';
import { authorizedUserApi } from './authorized-user-api';
import { basesFor, checkNewUser, emptyUserDraft, type AuthorizedUserDraft } from './authorized-user-draft';
import { unplacedErrors } from './field-errors';
import { FormSender } from './form-sender';
import { selectField, textField } from './fields';
import './gi-authorized-user-row';
import { usageReturnApi } from './usage-return-api';
import './gi-usage-returns';

/**
 * The authorised users of one designation in the workspace (地理标志专用标志合法使用人): the list, each
 * with its status moves and a form for its dates, and a form to add one, checked with the shared
 * schema before it is sent; the basis offered is only one that fits the mark.
 */
@customElement('gi-authorized-users-editor')
export class GiAuthorizedUsersEditor extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    :host { display: block; margin: 0.75rem 0; }
    h4 { margin: 0.5rem 0; }
    ul { list-style: none; padding: 0; margin: 0 0 0.5rem; }
    li { border-top: 1px solid var(--gi-border); padding: 0.4rem 0; }
    summary { cursor: pointer; color: var(--gi-accent); margin: 0.25rem 0; }
  `];

  /** The designation whose users these are. */
  @property({ attribute: false }) designation!: Designation;
  /** Its authorised users (all statuses). */
  @property({ attribute: false }) users: AuthorizedUser[] = [];

  @state() private draft: AuthorizedUserDraft = { name: '', creditCode: '', basis: '', reference: '', from: '', until: '' };
  @state() private adding = false;
  @state() private added = false;

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);
  /** The users' yearly returns, read again whenever the product is (a new users array). */
  private readonly returns = new Task(this, {
    task: ([id], { signal }): Promise<UsageReturnList> => usageReturnApi.ofDesignation(id, signal),
    args: () => [this.designation.id, this.users] as const,
  });

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('designation') && changed.get('designation')?.id !== this.designation.id) this.draft = emptyUserDraft(this.designation);
  }

  override render() {
    const d = this.designation;
    const headingId = `aus-h-${d.id}`;
    return html`<section aria-labelledby=${headingId}>
      <h4 id=${headingId}>${t('aus.heading', { n: this.users.length })}</h4>
      ${d.status !== 'granted' && this.users.length > 0 ? html`<p class="note" role="note">${t('aus.notGranted')}</p>` : nothing}
      ${this.users.length === 0 ? html`<p class="state">${t('aus.none')}</p>` : html`<ul aria-label=${t('aus.list')}>
        ${this.users.map((u) => html`<li><gi-authorized-user-row .user=${u} .designation=${d}></gi-authorized-user-row>${this.renderReturns(u)}</li>`)}
      </ul>`}
      ${this.returns.status === TaskStatus.ERROR ? renderError(this.returns.error, () => this.returns.run()) : nothing}
      <details @toggle=${this.onToggle}><summary>${t('aus.add')}</summary>${this.adding ? this.renderAdd() : nothing}</details>
      ${this.added ? html`<p class="saved" role="status">✓ ${t('aus.added')}</p>` : nothing}
    </section>`;
  }

  /** A user's yearly returns: the last ones read stay shown while they are read again, so its forms keep their place. */
  private renderReturns(u: AuthorizedUser) {
    const list = this.returns.value;
    if (!list) return nothing;
    return html`<gi-usage-returns .user=${u} .returns=${list.items.filter((r) => r.authorizedUserId === u.id)}
      .links=${list.links.filter((l) => l.authorizedUserId === u.id)}></gi-usage-returns>`;
  }

  private renderAdd() {
    const d = this.designation;
    const v = this.draft;
    const e = this.form.errors;
    const id = (k: string) => `au-new-${d.id}-${k}`;
    const set = (patch: Partial<AuthorizedUserDraft>) => { this.draft = { ...this.draft, ...patch }; this.added = false; };
    const unplaced = unplacedErrors(e, ['name', 'creditCode', 'basis', 'reference', 'from', 'until']);
    return html`<form novalidate @submit=${this.submit} aria-label=${t('aus.add')}>
      ${this.form.failure || unplaced.length ? html`<div class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}
        ${unplaced.map((m) => html`<p>${m}</p>`)}</div>` : nothing}
      <div class="row">
        ${textField({ id: id('name'), label: t('aus.name'), value: v.name, required: true, error: e.name, onInput: (x) => set({ name: x }) })}
        ${textField({ id: id('code'), label: t('aus.creditCode'), value: v.creditCode, error: e.creditCode, hint: t('aus.creditCodeHint'),
          onInput: (x) => set({ creditCode: x }) })}
      </div>
      <div class="row">
        ${selectField({ id: id('basis'), label: t('aus.basis'), value: v.basis, required: true, error: e.basis,
          choices: basesFor(d).map((b) => ({ value: b, label: t(`basis.${b}`) })), onInput: (x) => set({ basis: x as AuthorizedUserDraft['basis'] }) })}
        ${textField({ id: id('reference'), label: t('aus.reference'), value: v.reference, error: e.reference, onInput: (x) => set({ reference: x }) })}
      </div>
      <div class="row">
        ${textField({ id: id('from'), label: t('aus.from'), type: 'date', value: v.from, required: true, error: e.from, onInput: (x) => set({ from: x }) })}
        ${textField({ id: id('until'), label: t('aus.until'), type: 'date', value: v.until, error: e.until, onInput: (x) => set({ until: x }) })}
      </div>
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.form.busy}>${t('aus.addSubmit')}</button></div>
    </form>`;
  }

  private onToggle(event: Event) {
    this.adding = (event.target as HTMLDetailsElement).open;
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    const check = checkNewUser(this.draft);
    this.form.errors = check.ok ? {} : check.errors;
    if (!check.ok) return;
    const ok = await this.form.send(async () => {
      await authorizedUserApi.add(this.designation.id, check.body);
    });
    if (!ok) return;
    this.draft = emptyUserDraft(this.designation);
    this.added = true;
    this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-authorized-users-editor': GiAuthorizedUsersEditor }
}
