import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { UserCreate, type CountyCode, type Role } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { CountiesController } from '../lib/counties';
import { sharedStyles } from '../lib/shared-styles';
import { adminApi } from './admin-api';
import { adminStyles } from './admin-styles';
import { fieldErrors } from './field-errors';
import { FormSender } from './form-sender';
import { selectField, textField } from './fields';
import { choices } from './labels';

/** The form that creates an account of one of the four roles (an official needs a county); reports `gi-account-created`. */
@customElement('gi-account-create')
export class GiAccountCreate extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    form { background: var(--gi-surface); border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.75rem 1rem; }
  `];

  @state() private username = '';
  @state() private password = '';
  @state() private accountRole: Role = 'official';
  @state() private county: CountyCode | '' = '';

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly form = new FormSender(this);

  override render() {
    const e = this.form.errors;
    return html`<form novalidate @submit=${this.submit} aria-labelledby="create-h">
      <h2 id="create-h">${t('accounts.create')}</h2>
      ${this.form.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}</p>` : nothing}
      <div class="row">
        ${textField({ id: 'new-username', label: t('accounts.username'), value: this.username, required: true, hint: t('accounts.usernameHint'),
          autocomplete: 'off', error: e.username, onInput: (v) => { this.username = v; } })}
        ${textField({ id: 'new-password', label: t('accounts.password'), value: this.password, required: true, type: 'password',
          autocomplete: 'new-password', hint: t('accounts.passwordHint'), error: e.password, onInput: (v) => { this.password = v; } })}
      </div>
      <div class="row">
        ${selectField({ id: 'new-role', label: t('accounts.role'), value: this.accountRole, choices: choices.accountRoles(), error: e.role,
          hint: t(`accountRole.hint.${this.accountRole}`), onInput: (v) => { this.accountRole = v as Role; } })}
        ${this.accountRole === 'official' ? selectField({ id: 'new-county', label: t('accounts.county'), value: this.county, required: true,
          choices: choices.counties(), placeholder: t('form.choose'), error: e.county, onInput: (v) => { this.county = v as CountyCode | ''; } }) : nothing}
      </div>
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.form.busy}>${t('accounts.createSubmit')}</button></div>
    </form>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    const result = UserCreate.safeParse({
      username: this.username, password: this.password, role: this.accountRole,
      county: this.accountRole === 'official' && this.county !== '' ? this.county : null,
    });
    this.form.errors = result.success ? {} : fieldErrors(result.error.issues);
    if (!result.success) return;
    await this.form.send(async () => {
      const user = await adminApi.createUser(result.data);
      this.username = '';
      this.password = '';
      this.dispatchEvent(new CustomEvent('gi-account-created', { detail: { user }, bubbles: true, composed: true }));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-account-create': GiAccountCreate }
}
