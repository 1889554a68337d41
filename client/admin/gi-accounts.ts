import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { Task } from '@lit/task';
import { Password, ROLES, type User } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { ApiRequestError, isStale } from '../lib/api';
import { CountiesController } from '../lib/counties';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';
import { accountApi } from './account-api';
import { adminApi } from './admin-api';
import { adminStyles } from './admin-styles';
import { issueText, pageHalf } from './field-errors';
import { textField } from './fields';
import { FormSender } from './form-sender';
import { countyName, shanghaiTime } from './labels';
import { stackedTableStyles } from './stacked-table';
import './gi-account-create';
import './gi-account-role-form';

/**
 * Accounts (whoever manages them: the security admin, and the city admin unless duties are separated): the
 * four roles explained, the list with deactivate/reactivate, password reset, role and county change and,
 * for an account locked after wrong passwords, unlock; and the create form. Every change is based on the
 * version the list showed.
 */
@customElement('gi-accounts')
export class GiAccounts extends LitElement {
  static override styles = [sharedStyles, adminStyles, stackedTableStyles, css`
    dl.roles { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
    dl.roles dt { font-weight: 600; }
    dl.roles dd { margin: 0; }
    @media (max-width: 40rem) { dl.roles { grid-template-columns: 1fr; } dl.roles dd { margin-bottom: 0.5rem; } }
    td.name { font-weight: 600; }
    .badge.locked { color: #8b1a10; background: #fff8f7; }
    .until { display: block; font-size: 0.85rem; color: var(--gi-muted); }
  `];

  /** The account whose password is being reset, or whose role is being changed. */
  @state() private resetFor: number | null = null;
  @state() private roleFor: number | null = null;
  @state() private newPassword = '';
  @state() private resetError = '';
  @state() private done = '';

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  /** The list's own sends (deactivate, reactivate, unlock, reset): busy, and the refusal above the list. */
  private readonly actions = new FormSender(this);
  private readonly users = new Task(this, {
    task: ([], { signal }) => adminApi.users(signal),
    args: () => [] as const,
  });

  override render() {
    return html`<h1>${t('admin.accounts')}</h1>
      <section aria-labelledby="roles-h">
        <h2 id="roles-h">${t('accounts.roles')}</h2>
        <dl class="roles">${ROLES.map((r) => html`<dt>${t(`accountRole.${r}`)}</dt><dd>${t(`accountRole.hint.${r}`)}</dd>`)}</dl>
      </section>
      ${this.done ? html`<p class="saved" role="status">✓ ${this.done}</p>` : nothing}
      ${this.actions.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.actions.failure}</p>` : nothing}
      ${this.actions.renderStale({ reload: () => this.users.run() })}
      ${this.users.render({
        initial: () => nothing,
        // Read again after a change, the list stays on screen meanwhile (with any form open in it, and what it says).
        pending: () => (this.users.value ? this.renderList(this.users.value)
          : html`<p class="state" role="status" aria-live="polite">${t('state.loading')}</p>`),
        error: (error) => (error instanceof ApiRequestError && error.status === 403
          ? html`<p class="state error" role="alert">${t('accounts.notAllowed')}</p>`
          : renderError(error, () => void this.users.run())),
        complete: (users) => this.renderList(users),
      })}`;
  }

  private renderList(users: User[]) {
    const col = (key: Parameters<typeof t>[0]) => html`<th scope="col" role="columnheader">${t(key)}</th>`;
    return html`${users.length === 0 ? html`<p class="state">${t('accounts.none')}</p>` : html`<table class="stacked" role="table">
        <caption class="visually-hidden">${t('admin.accounts')}</caption>
        <thead role="rowgroup"><tr role="row">${col('accounts.username')}${col('accounts.role')}${col('accounts.county')}${col('accounts.state')}
          ${col('accounts.createdAt')}${col('accounts.actions')}</tr></thead>
        <tbody role="rowgroup">${repeat(users, (u) => u.id, (u) => this.renderUser(u))}</tbody></table>`}
      <gi-account-create @gi-account-created=${() => void this.reload(t('accounts.created'))}></gi-account-create>`;
  }

  private renderUser(u: User) {
    const locked = isLocked(u);
    return html`<tr role="row">
      <td role="cell" class="name" data-label=${t('accounts.username')}>${u.username}</td>
      <td role="cell" data-label=${t('accounts.role')}>${t(`accountRole.${u.role}`)}</td>
      <td role="cell" data-label=${t('accounts.county')}>${countyName(u.county)}</td>
      <td role="cell" data-label=${t('accounts.state')}><span class="badge ${u.active ? 'public' : 'archived'}">${u.active ? t('accounts.active') : t('accounts.inactive')}</span>
        ${locked ? html` <span class="badge locked"><span aria-hidden="true">🔒 </span><span>${t('accounts.locked')}</span></span>
          <span class="until">${t('accounts.lockedUntil', { time: shanghaiTime(u.lockedUntil!) })}</span>` : nothing}</td>
      <td role="cell" data-label=${t('accounts.createdAt')}>${shanghaiTime(u.createdAt)}</td>
      <td role="cell"><div class="actions">
        ${locked ? html`<button type="button" class="primary" ?disabled=${this.actions.busy} aria-label=${t('accounts.unlockUser', { name: u.username })}
          @click=${() => this.unlock(u)}>${t('accounts.unlock')}</button>` : nothing}
        <button type="button" aria-expanded=${this.roleFor === u.id ? 'true' : 'false'}
          aria-label=${t('accounts.changeUser', { name: u.username })} @click=${() => this.openRole(u.id)}>${t('accounts.change')}</button>
        <button type="button" ?disabled=${this.actions.busy} aria-label=${t(u.active ? 'accounts.deactivateUser' : 'accounts.reactivateUser', { name: u.username })}
          @click=${() => this.setActive(u, !u.active)}>${u.active ? t('accounts.deactivate') : t('accounts.reactivate')}</button>
        <button type="button" aria-expanded=${this.resetFor === u.id ? 'true' : 'false'}
          aria-label=${t('accounts.resetUser', { name: u.username })} @click=${() => this.openReset(u.id)}>${t('accounts.reset')}</button>
      </div></td></tr>
      ${this.roleFor === u.id || this.resetFor === u.id ? html`<tr class="more" role="row"><td role="cell" colspan="6">
        ${this.roleFor === u.id ? html`<gi-account-role-form .account=${u} @gi-account-changed=${this.roleChanged}
          @gi-account-stale=${() => this.users.run()} @gi-account-change-cancelled=${() => { this.roleFor = null; }}></gi-account-role-form>` : nothing}
        ${this.resetFor === u.id ? html`<form novalidate @submit=${(e: Event) => this.reset(e, u)}>
          ${textField({ id: `reset-${u.id}`, label: t('accounts.newPasswordFor', { name: u.username }), type: 'password', value: this.newPassword,
            autocomplete: 'new-password', hint: t('password.rule'), error: this.resetError, onInput: (v) => { this.newPassword = v; } })}
          <button type="submit" class="primary">${t('accounts.resetSubmit')}</button></form>` : nothing}
      </td></tr>` : nothing}`;
  }

  /**
   * Reads the list again, then says what changed: the notice is announced when the row already shows it
   * (before, a screen reader heard "已停用" while the row still said 启用).
   */
  private async reload(message: string) {
    this.done = '';
    await this.users.run();
    this.done = message;
  }

  private openReset(id: number) {
    this.resetFor = this.resetFor === id ? null : id;
    this.newPassword = '';
    this.resetError = '';
  }

  private openRole(id: number) {
    this.roleFor = this.roleFor === id ? null : id;
  }

  private roleChanged(event: CustomEvent<User>) {
    this.roleFor = null;
    void this.reload(t('accounts.changed', { name: event.detail.username }));
  }

  /**
   * Sends one of the list's changes; a refusal shows above the list, and when the account changed since the
   * list was read, the shared notice, whose button reads the list again (then the official decides again).
   */
  private async act(action: () => Promise<unknown>, message: string) {
    this.done = '';
    const ok = await this.actions.send(async () => { await action(); });
    if (ok) await this.reload(message);
    return ok;
  }

  private setActive(u: User, active: boolean) {
    return this.act(() => accountApi.updateUser(u, { active }), t(active ? 'accounts.reactivated' : 'accounts.deactivated', { name: u.username }));
  }

  private unlock(u: User) {
    return this.act(() => accountApi.unlockUser(u), t('accounts.unlocked', { name: u.username }));
  }

  private async reset(event: Event, u: User) {
    event.preventDefault();
    const check = Password.safeParse(this.newPassword);
    this.resetError = check.success ? '' : issueText(check.error.issues[0]!);
    if (!check.success) return;
    try {
      await accountApi.updateUser(u, { password: check.data });
      this.resetFor = null;
      await this.reload(t('accounts.passwordReset', { name: u.username }));
    } catch (e) {
      if (isStale(e)) this.users.run();
      this.resetError = e instanceof ApiRequestError && e.issues.length ? issueText(e.issues[0]!) : pageHalf(e instanceof Error ? e.message : String(e));
    }
  }
}

/** Whether an account's sign-ins are locked (the server names only a lock in force). */
function isLocked(u: User): boolean {
  return u.lockedUntil !== null;
}

declare global {
  interface HTMLElementTagNameMap { 'gi-accounts': GiAccounts }
}
