import { html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { Password, type User } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { CountiesController } from '../lib/counties';
import { sharedStyles } from '../lib/shared-styles';
import { renderError, renderTask } from '../lib/task-view';
import { adminApi } from './admin-api';
import { adminStyles } from './admin-styles';
import { issueText } from './field-errors';
import { textField } from './fields';
import { countyName, shanghaiTime } from './labels';
import './gi-account-create';

/** Accounts (admins only): the list with deactivate/reactivate and password reset, and the create form. */
@customElement('gi-accounts')
export class GiAccounts extends LitElement {
  static override styles = [sharedStyles, adminStyles];

  /** The account whose password is being reset. */
  @state() private resetFor: number | null = null;
  @state() private newPassword = '';
  @state() private resetError = '';
  @state() private done = '';
  @state() private failure: unknown = null;

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly users = new Task(this, {
    task: ([], { signal }) => adminApi.users(signal),
    args: () => [] as const,
  });

  override render() {
    return html`<h1>${t('admin.accounts')}</h1>
      ${this.done ? html`<p class="saved" role="status">✓ ${this.done}</p>` : nothing}
      ${this.failure ? renderError(this.failure, () => { this.failure = null; }) : nothing}
      ${renderTask(this.users, (users) => (users.length === 0 ? html`<p class="state">${t('accounts.none')}</p>` : html`<table>
        <caption class="visually-hidden">${t('admin.accounts')}</caption>
        <thead><tr><th scope="col">${t('accounts.username')}</th><th scope="col">${t('accounts.role')}</th>
          <th scope="col">${t('accounts.county')}</th><th scope="col">${t('accounts.state')}</th>
          <th scope="col">${t('accounts.createdAt')}</th><th scope="col">${t('accounts.actions')}</th></tr></thead>
        <tbody>${users.map((u) => this.renderUser(u))}</tbody></table>`))}
      <gi-account-create @gi-account-created=${() => this.reload(t('accounts.created'))}></gi-account-create>`;
  }

  private renderUser(u: User) {
    return html`<tr>
      <td>${u.username}</td>
      <td>${u.role === 'admin' ? t('admin.roleAdmin') : t('accounts.roleOfficial')}</td>
      <td>${countyName(u.county)}</td>
      <td><span class="badge ${u.active ? 'public' : 'archived'}">${u.active ? t('accounts.active') : t('accounts.inactive')}</span></td>
      <td>${shanghaiTime(u.createdAt)}</td>
      <td><div class="actions">
        <button type="button" aria-label=${t(u.active ? 'accounts.deactivateUser' : 'accounts.reactivateUser', { name: u.username })}
          @click=${() => this.setActive(u, !u.active)}>${u.active ? t('accounts.deactivate') : t('accounts.reactivate')}</button>
        <button type="button" aria-expanded=${this.resetFor === u.id ? 'true' : 'false'}
          aria-label=${t('accounts.resetUser', { name: u.username })} @click=${() => this.openReset(u.id)}>${t('accounts.reset')}</button>
      </div>
      ${this.resetFor === u.id ? html`<form novalidate @submit=${(e: Event) => this.reset(e, u)}>
        ${textField({ id: `reset-${u.id}`, label: t('accounts.newPasswordFor', { name: u.username }), type: 'password', value: this.newPassword,
          autocomplete: 'new-password', error: this.resetError, onInput: (v) => { this.newPassword = v; } })}
        <button type="submit" class="primary">${t('accounts.resetSubmit')}</button></form>` : nothing}
      </td></tr>`;
  }

  private reload(message: string) {
    this.done = message;
    this.users.run();
  }

  private openReset(id: number) {
    this.resetFor = this.resetFor === id ? null : id;
    this.newPassword = '';
    this.resetError = '';
  }

  private async setActive(u: User, active: boolean) {
    this.failure = null;
    try {
      await adminApi.updateUser(u.id, { active });
      this.reload(t(active ? 'accounts.reactivated' : 'accounts.deactivated', { name: u.username }));
    } catch (e) {
      this.failure = e;
    }
  }

  private async reset(event: Event, u: User) {
    event.preventDefault();
    const check = Password.safeParse(this.newPassword);
    this.resetError = check.success ? '' : issueText(check.error.issues[0]);
    if (!check.success) return;
    try {
      await adminApi.updateUser(u.id, { password: check.data });
      this.resetFor = null;
      this.reload(t('accounts.passwordReset', { name: u.username }));
    } catch (e) {
      this.resetError = e instanceof Error ? e.message : String(e);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-accounts': GiAccounts }
}
