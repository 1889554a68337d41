import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { freeTextLang } from '../lib/free-text';
import { lang, LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';

/** One thing someone else changed: the field's label and what it says now (null: not told, only named). */
export interface StaleChange { label: string; value: string | null }

/**
 * What a form shows when its save was refused because someone changed the same thing meanwhile (a 412,
 * server/versions.ts): the news, what is there now where it is cheap to say, and one button that takes
 * it (keeping what the official typed, when there is anything to keep). Reports the click as `gi-stale-reload`.
 */
@customElement('gi-stale-notice')
export class GiStaleNotice extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .stale { border: 2px solid #b3261e; background: #fff8f7; padding: 0.5rem 1rem; border-radius: 6px; margin: 0.5rem 0; }
    .stale p { margin: 0.25rem 0; }
    ul { margin: 0.25rem 0; padding-left: 1.25rem; }
    .value { white-space: pre-wrap; }
    .actions { margin: 0.5rem 0 0.25rem; }
  `];

  /** The fields someone else changed, each with what it says now (empty: not listed). */
  @property({ attribute: false }) changes: StaleChange[] = [];
  /** Whether the thing is not there any more (someone removed it). */
  @property({ type: Boolean }) gone = false;
  /** Whether the form keeps what was typed on reloading (a form with fields), or only reloads (a button). */
  @property({ type: Boolean }) keeps = true;

  private readonly i18n = new LocaleController(this);

  override render() {
    return html`<div class="stale" role="alert">
      <p><strong><span aria-hidden="true">⚠ </span>${t('stale.title')}</strong></p>
      ${this.gone ? html`<p>${t('stale.gone')}</p>` : nothing}
      ${this.changes.length ? html`<p>${t('stale.now')}</p><ul>${this.changes.map((c) => html`<li>${c.label}${c.value === null ? nothing : html`${lang() === 'zh' ? '：' : ': '}<span class="value"
        lang=${ifDefined(freeTextLang())}>${c.value || t('stale.empty')}</span>`}</li>`)}</ul>` : nothing}
      ${this.keeps ? html`<p class="hint">${t('stale.hint')}</p>` : nothing}
      <div class="actions"><button type="button" class="primary" @click=${this.reload}>${this.keeps ? t('stale.reload') : t('stale.reloadPlain')}</button></div>
    </div>`;
  }

  /**
   * Shown, it takes the focus to its button: the form it belongs to may be long (on a phone the save
   * button is screens below the notice), and the next step is to take what is there now.
   */
  override firstUpdated() {
    this.renderRoot.querySelector('button')?.focus();
  }

  private reload() {
    this.dispatchEvent(new CustomEvent('gi-stale-reload', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-stale-notice': GiStaleNotice }
  interface HTMLElementEventMap { 'gi-stale-reload': CustomEvent<void> }
}
