import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Password, type SessionAnswer } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { ApiRequestError } from '../lib/api';
import { sharedStyles } from '../lib/shared-styles';
import { accountApi } from './account-api';
import { adminStyles } from './admin-styles';
import { issueText, type FieldErrors } from './field-errors';
import { textField } from './fields';
import { FormSender } from './form-sender';

/** The answers of POST /api/session/password that belong beside one field. */
const FIELD_OF_CODE: Record<string, { field: keyof Fields; message: 'password.wrong' | 'password.reused' }> = {
  wrong_password: { field: 'currentPassword', message: 'password.wrong' },
  password_reused: { field: 'newPassword', message: 'password.reused' },
};

interface Fields { currentPassword: string; newPassword: string; repeat: string }
const EMPTY: Fields = { currentPassword: '', newPassword: '', repeat: '' };

/**
 * Changing one's own password: current, new and repeated, with the rule beside the new one and each
 * refusal beside its field. `expired` makes it the page an expired password leads to before anything
 * else. Reports `gi-password-changed` (detail: the account and its session now).
 */
@customElement('gi-password-change')
export class GiPasswordChange extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    :host { max-width: 34rem; }
    form { border: 1px solid var(--gi-border); border-radius: 8px; padding: 1rem 1.25rem; background: var(--gi-surface); }
    h1 { font-size: 1.4rem; margin: 0 0 0.5rem; }
  `];

  /** Whether the password has expired (the workspace waits for the change). */
  @property({ type: Boolean }) expired = false;

  @state() private fields: Fields = { ...EMPTY };
  @state() private done = false;

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);

  override render() {
    const e = this.form.errors;
    const set = (key: keyof Fields) => (value: string) => { this.fields = { ...this.fields, [key]: value }; this.done = false; };
    return html`<form novalidate @submit=${this.submit} aria-labelledby="password-h" aria-describedby=${this.expired ? 'password-why' : nothing}>
      <h1 id="password-h">${this.expired ? t('password.expiredTitle') : t('password.title')}</h1>
      ${this.expired ? html`<p id="password-why" class="note">${t('password.expiredWhy')}</p>` : nothing}
      ${this.done ? html`<p class="saved" role="status">✓ ${t('password.changed')}</p>` : nothing}
      ${this.form.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.form.failure}</p>` : nothing}
      ${textField({ id: 'pw-current', label: t('password.current'), type: 'password', value: this.fields.currentPassword, required: true,
        autocomplete: 'current-password', error: e.currentPassword, onInput: set('currentPassword') })}
      ${textField({ id: 'pw-new', label: t('password.new'), type: 'password', value: this.fields.newPassword, required: true,
        autocomplete: 'new-password', hint: t('password.rule'), error: e.newPassword, onInput: set('newPassword') })}
      ${textField({ id: 'pw-repeat', label: t('password.repeat'), type: 'password', value: this.fields.repeat, required: true,
        autocomplete: 'new-password', error: e.repeat, onInput: set('repeat') })}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.form.busy}>${t('password.submit')}</button></div>
    </form>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    this.done = false;
    const errors = this.check();
    this.form.errors = errors;
    if (Object.keys(errors).length) return;
    let answer = null as SessionAnswer | null;
    await this.form.send(async () => {
      try {
        answer = await accountApi.changePassword({ currentPassword: this.fields.currentPassword, newPassword: this.fields.newPassword });
      } catch (err) {
        const placed = err instanceof ApiRequestError ? FIELD_OF_CODE[err.code] : undefined;
        if (placed) this.form.errors = { [placed.field]: t(placed.message) };
        throw err;
      }
    });
    if (!answer) return;
    this.fields = { ...EMPTY };
    this.done = true;
    this.dispatchEvent(new CustomEvent<SessionAnswer>('gi-password-changed', { detail: answer, bubbles: true, composed: true }));
  }

  /** What can be said before sending: each field filled, the length, the two new ones alike. */
  private check(): FieldErrors {
    const f = this.fields;
    const errors: FieldErrors = {};
    if (f.currentPassword === '') errors.currentPassword = t('err.required');
    const rule = Password.safeParse(f.newPassword);
    if (!rule.success) errors.newPassword = issueText(rule.error.issues[0]!);
    if (f.repeat === '') errors.repeat = t('err.required');
    else if (f.repeat !== f.newPassword) errors.repeat = t('password.mismatch');
    return errors;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-password-change': GiPasswordChange }
}
