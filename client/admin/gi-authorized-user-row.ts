import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { authorizedUserAnchor, type AuthorizationStatus, type AuthorizedUser, type Designation } from '../../db/model';
import { LocaleController, t, type MessageKey } from '../i18n';
import { showDate } from '../i18n/dates';
import { reasonToday, renderVerdict, verdictStyles } from '../lib/mark-verdict';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import { authorizedUserApi } from './authorized-user-api';
import { basesFor, checkUserChange, draftOfUser, type AuthorizedUserDraft } from './authorized-user-draft';
import { FormSender } from './form-sender';
import { selectField, textField } from './fields';
import './gi-authorized-user-decision';

/** The status moves offered for each status, with their button's words. */
/** The labels of the form's fields, for the notice after a 412. */
const LABELS: Record<string, MessageKey> = {
  name: 'aus.name', creditCode: 'aus.creditCode', basis: 'aus.basis', reference: 'aus.reference', from: 'aus.from', until: 'aus.until',
};

const MOVES: Record<AuthorizationStatus, { to: AuthorizationStatus; label: MessageKey }[]> = {
  active: [{ to: 'suspended', label: 'aus.suspend' }, { to: 'revoked', label: 'aus.revoke' }],
  suspended: [{ to: 'active', label: 'aus.reactivate' }, { to: 'revoked', label: 'aus.revoke' }],
  revoked: [{ to: 'active', label: 'aus.reactivate' }],
};

/** One authorised user in the workspace: its facts and whether it may use the mark, status buttons, and a form for its dates and details. */
@customElement('gi-authorized-user-row')
export class GiAuthorizedUserRow extends LitElement {
  static override styles = [sharedStyles, adminStyles, verdictStyles, css`
    :host { display: block; }
    .facts { margin: 0.25rem 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
    .name { font-weight: 700; }
    .muted { color: var(--gi-muted); }
    .actions { margin: 0.4rem 0; }
    summary { cursor: pointer; color: var(--gi-accent); }
  `];

  /** The user shown. */
  @property({ attribute: false }) user!: AuthorizedUser;
  /** Its designation (the bases that fit its mark; whether its mark is in force). */
  @property({ attribute: false }) designation!: Designation;

  @state() private draft: AuthorizedUserDraft = { name: '', creditCode: '', basis: '', reference: '', from: '', until: '' };
  /** The user the form's changes are measured against and based on: as shown, or as it was after someone else's change. */
  @state() private base!: AuthorizedUser;
  @state() private editing = false;
  @state() private saved = false;

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('user')) {
      this.base = this.user;
      this.draft = draftOfUser(this.user);
      this.form.load(this.user.version, this.draft);
      this.form.errors = {};
    }
  }

  /** Opened from a link to this user (the to-do list's `#authorized-user-<id>`, a term ending): its form open, the end date focused. */
  override async firstUpdated() {
    if (location.hash !== `#${authorizedUserAnchor(this.user.id)}`) return;
    this.editing = true;
    await this.updateComplete;
    this.renderRoot.querySelector('.facts')?.scrollIntoView({ block: 'start' });
    this.renderRoot.querySelector<HTMLElement>(`#au-${this.user.id}-until`)?.focus({ preventScroll: true });
  }

  override render() {
    const u = this.base;
    const until = u.until ? showDate(u.until) : t('aus.openEnded');
    return html`
      <div class="facts" id=${authorizedUserAnchor(u.id)}>
        <span class="name">${u.name}</span>
        <span class="muted">${u.creditCode ?? '—'}</span>
        <span>${t(`basis.${u.basis}`)}</span>
        ${u.reference ? html`<span>${u.reference}</span>` : nothing}
        <span>${t('aus.period', { from: showDate(u.from), until })}</span>
        <span>${t('aus.statusIs', { status: t(`authorizationStatus.${u.status}`) })}</span>
        ${renderVerdict(reasonToday(u, this.designation.status))}
      </div>
      ${this.form.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}</p>` : nothing}
      ${this.form.renderStale({
        draftOf: draftOfUser, draft: this.draft,
        apply: (draft) => { this.base = this.form.stale!.current as AuthorizedUser; this.draft = draft; this.saved = false; },
        label: (k) => (LABELS[k] ? t(LABELS[k]) : null),
        show: (k, v) => (k === 'basis' && v ? t(`basis.${v as AuthorizedUser['basis']}`) : typeof v === 'string' ? v : null),
      })}
      <div class="actions">
        ${MOVES[u.status].map((m) => html`<button type="button" class=${m.to === 'revoked' ? 'danger' : ''} ?disabled=${this.form.busy}
          aria-label=${t('aus.actionOf', { action: t(m.label), name: u.name })} @click=${() => this.setStatus(m.to)}>${t(m.label)}</button>`)}
        ${this.saved ? html`<span class="saved" role="status">✓ ${t('aus.saved')}</span>` : nothing}
      </div>
      <gi-authorized-user-decision .user=${u}></gi-authorized-user-decision>
      <details .open=${this.editing} @toggle=${this.onToggle}><summary>${t('aus.edit', { name: u.name })}</summary>
        ${this.editing ? this.renderForm() : nothing}
      </details>`;
  }

  private renderForm() {
    const id = (k: string) => `au-${this.user.id}-${k}`;
    const e = this.form.errors;
    const set = (patch: Partial<AuthorizedUserDraft>) => { this.draft = { ...this.draft, ...patch }; this.saved = false; };
    const d = this.draft;
    return html`<form novalidate @submit=${this.submit} aria-label=${t('aus.edit', { name: this.user.name })}>
      <div class="row">
        ${textField({ id: id('name'), label: t('aus.name'), value: d.name, required: true, error: e.name, onInput: (v) => set({ name: v }) })}
        ${textField({ id: id('code'), label: t('aus.creditCode'), value: d.creditCode, error: e.creditCode, hint: t('aus.creditCodeHint'), onInput: (v) => set({ creditCode: v }) })}
      </div>
      <div class="row">
        ${selectField({ id: id('basis'), label: t('aus.basis'), value: d.basis, required: true, error: e.basis,
          choices: basesFor(this.designation).map((b) => ({ value: b, label: t(`basis.${b}`) })), onInput: (v) => set({ basis: v as AuthorizedUserDraft['basis'] }) })}
        ${textField({ id: id('reference'), label: t('aus.reference'), value: d.reference, error: e.reference, onInput: (v) => set({ reference: v }) })}
      </div>
      <div class="row">
        ${textField({ id: id('from'), label: t('aus.from'), type: 'date', value: d.from, required: true, error: e.from, onInput: (v) => set({ from: v }) })}
        ${textField({ id: id('until'), label: t('aus.until'), type: 'date', value: d.until, error: e.until, onInput: (v) => set({ until: v }) })}
      </div>
      <div class="actions"><button type="submit" class="primary" ?disabled=${this.form.busy}>${t('aus.save')}</button></div>
    </form>`;
  }

  private onToggle(event: Event) {
    this.editing = (event.target as HTMLDetailsElement).open;
  }

  private async setStatus(status: AuthorizationStatus) {
    await this.send({ status });
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    const check = checkUserChange(this.draft, this.base);
    this.form.errors = check.ok ? {} : check.errors;
    if (!check.ok || Object.keys(check.body).length === 0) return;
    await this.send(check.body);
  }

  private async send(patch: Parameters<typeof authorizedUserApi.update>[1]) {
    this.saved = false;
    const ok = await this.form.send(async () => {
      await authorizedUserApi.update(this.user.id, patch, this.form.version);
    });
    if (!ok) return;
    this.saved = true;
    this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-authorized-user-row': GiAuthorizedUserRow }
}
