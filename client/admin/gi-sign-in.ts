import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import type { SignedInAnswer } from './account-api';
import { adminApi, SignInError } from './admin-api';
import { adminStyles } from './admin-styles';
import { textField } from './fields';

/** Detail of `gi-signed-in`: the account now signed in, with its session's clock. */
export interface SignedInDetail { user: SignedInAnswer }

/**
 * The sign-in form, with why the last session ended above it (`notice`) and each refusal said plainly (wrong
 * password, too many attempts, account locked); reports success with `gi-signed-in`.
 */
@customElement('gi-sign-in')
export class GiSignIn extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    :host { max-width: 26rem; }
    form { border: 1px solid var(--gi-border); border-radius: 8px; padding: 1rem 1.25rem; background: var(--gi-surface); }
  `];

  /** Why the official is here again (signed out after idling, session over), shown above the form. */
  @property() notice = '';

  @state() private username = '';
  @state() private password = '';
  @state() private errors: { username?: string; password?: string } = {};
  @state() private failure = '';
  @state() private busy = false;

  private readonly i18n = new LocaleController(this);

  override render() {
    return html`<form novalidate @submit=${this.submit} aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">${t('signIn.title')}</h2>
      ${this.notice ? html`<p class="note" role="alert">${this.notice}</p>` : nothing}
      ${this.failure ? html`<p class="form-errors" role="alert"><span aria-hidden="true">⚠ </span>${this.failure}</p>` : nothing}
      ${textField({ id: 'username', label: t('signIn.username'), value: this.username, required: true, autocomplete: 'username',
        error: this.errors.username, onInput: (v) => { this.username = v; } })}
      ${textField({ id: 'password', label: t('signIn.password'), value: this.password, required: true, type: 'password',
        autocomplete: 'current-password', error: this.errors.password, onInput: (v) => { this.password = v; } })}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>${t('signIn.submit')}</button></div>
    </form>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.failure = '';
    this.errors = {
      username: this.username.trim() === '' ? t('err.required') : undefined,
      password: this.password === '' ? t('err.required') : undefined,
    };
    if (this.errors.username || this.errors.password) return;
    this.busy = true;
    try {
      const user = await adminApi.signIn({ username: this.username.trim(), password: this.password }) as SignedInAnswer;
      this.password = '';
      this.dispatchEvent(new CustomEvent<SignedInDetail>('gi-signed-in', { detail: { user }, bubbles: true, composed: true }));
    } catch (e) {
      this.failure = this.failureText(e);
    } finally {
      this.busy = false;
    }
  }

  private failureText(e: unknown): string {
    if (e instanceof SignInError && e.status === 423) {
      return e.retryAfter ? t('signIn.locked', { minutes: Math.ceil(e.retryAfter / 60) }) : t('signIn.lockedNoWait');
    }
    if (e instanceof SignInError && e.status === 429) {
      return e.retryAfter ? t('signIn.tooManyWait', { minutes: Math.ceil(e.retryAfter / 60), seconds: e.retryAfter }) : t('signIn.tooMany');
    }
    if (e instanceof SignInError && (e.status === 401 || e.status === 400)) return t('signIn.wrong');
    return t('signIn.failed', { message: e instanceof Error ? e.message : String(e) });
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-sign-in': GiSignIn }
}
