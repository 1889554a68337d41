import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';

/**
 * The next step, offered once a step is done (the product created: its GI; the GI added: its dossier):
 * what was done and what comes next in a sentence, and a button that takes the official there. Every
 * step of the product editor offers its next one through this element. Focusing it focuses its button.
 */
@customElement('gi-editor-next-step')
export class GiEditorNextStep extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [sharedStyles, adminStyles, css`
    div { border-left: 4px solid var(--gi-accent); padding: 0.25rem 0.75rem 0.5rem; margin: 0.5rem 0 1rem; }
    p { margin: 0.25rem 0 0.5rem; }
  `];

  /** What was just done and what comes next, in a sentence. */
  @property() hint = '';
  /** The button's words: the next step itself. */
  @property() action = '';

  override render() {
    return html`<div><p>${this.hint}</p>
      <button type="button" class="primary" @click=${this.take}>${this.action}</button></div>`;
  }

  private take() {
    this.dispatchEvent(new CustomEvent('gi-next-step', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-editor-next-step': GiEditorNextStep }
  interface HTMLElementEventMap { 'gi-next-step': CustomEvent<void> }
}
