import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { LocaleController, t } from '../i18n';
import type { SessionWarning } from '../lib/session-timer';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';

/**
 * The warning before the session ends, as a modal <dialog> (role, trapped focus, Escape): before the idle
 * end "Stay signed in" (first, focused; Escape is the same) or "Sign out now"; before the absolute end,
 * which nothing can put off, "OK". Fires `gi-session-stay`, `gi-session-sign-out` or `gi-session-ok`; focus
 * goes back to where it was when the dialog closes.
 */
@customElement('gi-session-warning')
export class GiSessionWarning extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    dialog { max-width: min(30rem, 90vw); border: 2px solid var(--gi-focus); border-radius: 8px; padding: 1rem 1.25rem; }
    dialog::backdrop { background: rgb(0 0 0 / 0.45); }
    h2 { margin: 0 0 0.5rem; font-size: 1.15rem; }
    p { margin: 0.4rem 0; }
    .count { font-variant-numeric: tabular-nums; }
  `];

  /** The warning to show (null: no dialog). */
  @property({ attribute: false }) warning: SessionWarning | null = null;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('button.first') private firstButton!: HTMLButtonElement;

  private readonly i18n = new LocaleController(this);
  /** What had focus before the dialog took it. */
  private returnFocus: HTMLElement | null = null;

  override updated(changed: PropertyValues<this>) {
    if (!changed.has('warning')) return;
    const before = changed.get('warning') as SessionWarning | null | undefined;
    if (this.warning && !this.dialog.open) {
      this.returnFocus = deepActiveElement();
      this.dialog.showModal();
      this.firstButton.focus();
    } else if (this.warning && before && before.kind !== this.warning.kind) {
      this.firstButton.focus();
    } else if (!this.warning && this.dialog.open) {
      this.dialog.close();
      this.returnFocus?.focus();
      this.returnFocus = null;
    }
  }

  override render() {
    const w = this.warning;
    return html`<dialog aria-labelledby="session-h" aria-describedby="session-m session-x" @cancel=${this.onEscape}>
      ${w?.kind === 'end' ? this.renderEnd(w.secondsLeft) : this.renderIdle(w)}
    </dialog>`;
  }

  private renderIdle(w: Extract<SessionWarning, { kind: 'idle' }> | null) {
    return html`<h2 id="session-h"><span aria-hidden="true">⚠ </span>${t('session.warnTitle')}</h2>
      <p id="session-m" class="count">${w ? t('session.idleWarning', { minutes: w.idleMinutes, seconds: w.secondsLeft }) : nothing}</p>
      <p id="session-x">${t('session.idleWhy')}</p>
      <div class="actions">
        <button type="button" class="primary first" @click=${() => this.fire('gi-session-stay')}>${t('session.stay')}</button>
        <button type="button" @click=${() => this.fire('gi-session-sign-out')}>${t('session.signOutNow')}</button>
      </div>`;
  }

  private renderEnd(secondsLeft: number) {
    return html`<h2 id="session-h"><span aria-hidden="true">⚠ </span>${t('session.endTitle')}</h2>
      <p id="session-m" class="count">${t('session.endWarning', { minutes: Math.floor(secondsLeft / 60), seconds: secondsLeft % 60 })}</p>
      <p id="session-x">${t('session.endWhy')}</p>
      <div class="actions">
        <button type="button" class="primary first" @click=${() => this.fire('gi-session-ok')}>${t('session.endOk')}</button>
      </div>`;
  }

  private fire(name: 'gi-session-stay' | 'gi-session-sign-out' | 'gi-session-ok') {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  /** Escape means the gentlest answer: stay signed in (or, before the absolute end, OK). */
  private onEscape(event: Event) {
    event.preventDefault();
    this.fire(this.warning?.kind === 'end' ? 'gi-session-ok' : 'gi-session-stay');
  }
}

/** The focused element, looking through shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

declare global {
  interface HTMLElementTagNameMap { 'gi-session-warning': GiSessionWarning }
}
