import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';

/**
 * The question asked before filing a designation whose dossier is not complete: a modal <dialog>
 * with the server's message, "file anyway (recorded as incomplete)" and "not now". Focus starts on
 * "not now" (filing cannot be taken back); Escape is "not now". Fires `gi-filing-confirmed` or
 * `gi-filing-cancelled`; the caller puts focus back where it was.
 */
@customElement('gi-filing-confirm')
export class GiFilingConfirm extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    dialog { max-width: min(32rem, 90vw); border: 1px solid var(--gi-border); border-radius: 8px; padding: 1rem 1.25rem; }
    dialog::backdrop { background: rgb(0 0 0 / 0.35); }
    h2 { margin: 0 0 0.5rem; font-size: 1.15rem; }
    p { margin: 0.4rem 0; }
  `];

  /** Whether the question is asked. */
  @property({ type: Boolean }) open = false;
  /** Why the dossier holds the filing up, as the server said it (in the page's language). */
  @property() message = '';
  /** Set while the confirmed filing is being sent. */
  @property({ type: Boolean }) busy = false;

  @query('dialog') private dialog!: HTMLDialogElement;
  @query('button.cancel') private cancelButton!: HTMLButtonElement;

  private readonly i18n = new LocaleController(this);

  override updated(changed: PropertyValues<this>) {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) {
      this.dialog.showModal();
      this.cancelButton.focus();
    } else if (!this.open && this.dialog.open) {
      this.dialog.close();
    }
  }

  override render() {
    return html`<dialog aria-labelledby="filing-h" aria-describedby="filing-m filing-x" @cancel=${this.onCancel}>
      <h2 id="filing-h"><span aria-hidden="true">⚠ </span>${t('filing.title')}</h2>
      <p id="filing-m">${this.message}</p>
      <p id="filing-x">${t('filing.explain')}</p>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.busy} @click=${this.confirm}>${t('filing.confirm')}</button>
        <button type="button" class="cancel" ?disabled=${this.busy} @click=${this.cancel}>${t('filing.cancel')}</button>
      </div>
    </dialog>`;
  }

  private confirm() {
    this.dispatchEvent(new CustomEvent('gi-filing-confirmed', { bubbles: true, composed: true }));
  }

  private cancel() {
    this.dialog.close();
    this.dispatchEvent(new CustomEvent('gi-filing-cancelled', { bubbles: true, composed: true }));
  }

  /** Escape closes the dialog: the same as "not now". */
  private onCancel(event: Event) {
    event.preventDefault();
    this.cancel();
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-filing-confirm': GiFilingConfirm }
}
