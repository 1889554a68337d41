import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { UserUpdate, type CountyCode, type Role, type User } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { CountiesController } from '../lib/counties';
import { sharedStyles } from '../lib/shared-styles';
import { accountApi } from './account-api';
import { adminStyles } from './admin-styles';
import { fieldErrors } from './field-errors';
import { selectField } from './fields';
import { FormSender } from './form-sender';
import { choices, countyName } from './labels';

/** What the form edits of an account (no county: ''). */
interface RoleDraft { role: Role; county: CountyCode | '' }
const draftOf = (u: User): RoleDraft => ({ role: u.role, county: u.county ?? '' });

/**
 * Changes an account's role and county, based on the version the list showed. When someone else changed
 * the account meanwhile the server refuses (412) and the shared notice (form-sender.ts) says what it is now;
 * its button takes that while keeping what was chosen here, so saving again is a knowing overwrite.
 * Reports `gi-account-changed` (detail: the account as saved), `gi-account-stale` (the list is old) and
 * `gi-account-change-cancelled`.
 */
@customElement('gi-account-role-form')
export class GiAccountRoleForm extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    form { background: var(--gi-surface); border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.5rem 0.75rem; margin-top: 0.5rem; }
    h3 { margin: 0 0 0.5rem; }
  `];

  /** The account as the list showed it when the form opened (its version is what the change is based on). */
  @property({ attribute: false }) account: User | null = null;

  @state() private draft: RoleDraft = { role: 'official', county: '' };

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly form = new FormSender(this);

  override willUpdate(changed: PropertyValues) {
    // Opened on an account: its state is what the change is based on. The list read again later (after a
    // refused save) does not move that base: the notice's button does, knowingly.
    const a = this.account;
    if (changed.has('account') && a && (changed.get('account') as User | null | undefined)?.id !== a.id) {
      this.draft = draftOf(a);
      this.form.load(a.version, this.draft);
    }
  }

  override render() {
    const a = this.account;
    if (!a) return nothing;
    const e = this.form.errors;
    const d = this.draft;
    const id = `role-${a.id}`;
    return html`<form novalidate @submit=${this.submit} aria-labelledby=${`${id}-h`}>
      <h3 id=${`${id}-h`}>${t('accounts.changeTitle', { name: a.username })}</h3>
      ${this.form.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}</p>` : nothing}
      ${this.form.renderStale({
        draftOf, draft: d, apply: (draft) => { this.draft = draft; },
        label: (key) => (key === 'role' ? t('accounts.role') : key === 'county' ? t('accounts.county') : null),
        show: (key, value) => (key === 'role' ? t(`accountRole.${value as Role}`) : countyName(value as string)),
      })}
      <div class="row">
        ${selectField({ id: `${id}-role`, label: t('accounts.role'), value: d.role, choices: choices.accountRoles(), error: e.role,
          hint: t(`accountRole.hint.${d.role}`), onInput: (v) => { this.draft = { ...this.draft, role: v as Role }; } })}
        ${d.role === 'official' ? selectField({ id: `${id}-county`, label: t('accounts.county'), value: d.county, required: true,
          choices: choices.counties(), placeholder: t('form.choose'), error: e.county,
          onInput: (v) => { this.draft = { ...this.draft, county: v as CountyCode | '' }; } }) : nothing}
      </div>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.form.busy}>${t('accounts.changeSubmit')}</button>
        <button type="button" @click=${this.cancel}>${t('accounts.changeCancel')}</button>
      </div>
    </form>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    const a = this.account;
    const version = this.form.version;
    if (!a || version === undefined) return;
    this.form.failure = '';
    const body = { role: this.draft.role, county: this.draft.role === 'official' && this.draft.county !== '' ? this.draft.county : null };
    const check = UserUpdate.safeParse(body);
    const countyMissing = body.role === 'official' && body.county === null;
    this.form.errors = countyMissing ? { county: t('err.required') } : check.success ? {} : fieldErrors(check.error.issues);
    if (countyMissing || !check.success) return;
    let saved = null as User | null;
    const ok = await this.form.send(async () => {
      saved = await accountApi.updateUser({ id: a.id, version }, check.data);
    });
    if (ok && saved) {
      this.dispatchEvent(new CustomEvent<User>('gi-account-changed', { detail: saved, bubbles: true, composed: true }));
    } else if (this.form.stale) {
      // The list shows the account as it is now too.
      this.dispatchEvent(new CustomEvent('gi-account-stale', { bubbles: true, composed: true }));
    }
  }

  private cancel() {
    this.dispatchEvent(new CustomEvent('gi-account-change-cancelled', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-account-role-form': GiAccountRoleForm }
}
