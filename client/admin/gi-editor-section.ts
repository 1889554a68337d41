import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { html as staticHtml, literal } from 'lit/static-html.js';
import { sharedStyles } from '../lib/shared-styles';

/**
 * One part of the product editor that folds away, so the page stays short on a phone: its heading is a
 * button that shows or hides what it holds (the disclosure pattern, `aria-expanded`), with a short line
 * saying what is inside whether it is open or not. What it holds stays in the page while closed (its
 * forms keep what is typed), only hidden.
 */
@customElement('gi-editor-section')
export class GiEditorSection extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; border-top: 1px solid var(--gi-border); }
    h2, h3 { margin: 0; }
    h2 { font-size: 1.2rem; }
    h3 { font-size: 1.05rem; }
    button { display: flex; gap: 0.5rem; align-items: center; width: 100%; min-height: 2.75rem; padding: 0.4rem 0;
      border: 0; background: none; color: inherit; font: inherit; font-weight: 600; text-align: left; cursor: pointer; }
    button:hover { color: var(--gi-accent); }
    .chevron { display: inline-block; width: 1em; color: var(--gi-accent); transition: transform 0.15s; }
    [aria-expanded='true'] .chevron { transform: rotate(90deg); }
    .note { margin: -0.35rem 0 0.5rem 1.6rem; color: var(--gi-muted); font-size: 0.9rem; }
    .body { padding: 0 0 1rem; }
    @media (prefers-reduced-motion: reduce) { .chevron { transition: none; } }
  `];

  /** The section's title: its heading, and the name of the button that opens it. */
  @property() heading = '';
  /** The heading's level: 2 for a part of the page, 3 for a part within one. */
  @property({ type: Number }) level: 2 | 3 = 2;
  /** A short line saying what the section holds (e.g. "3 documents"), shown open or closed; none when empty. */
  @property() note = '';
  /** Whether what the section holds is shown (the button toggles it, as a `<details>`' `open` does). */
  @property({ type: Boolean, reflect: true }) open = false;

  override render() {
    const tag = this.level === 3 ? literal`h3` : literal`h2`;
    return staticHtml`<section aria-labelledby="toggle">
      <${tag}><button id="toggle" type="button" aria-expanded=${String(this.open)} aria-controls="body"
        aria-describedby=${this.note ? 'note' : nothing} @click=${this.toggle}><span class="chevron" aria-hidden="true">▸</span>${this.heading}</button></${tag}>
      ${this.note ? html`<p id="note" class="note">${this.note}</p>` : nothing}
      <div id="body" class="body" ?hidden=${!this.open}><slot></slot></div>
    </section>`;
  }

  /** Opens the section and waits until what it holds is shown (so it can be scrolled to and focused). */
  async expand(): Promise<void> {
    this.open = true;
    await this.updateComplete;
  }

  /** Opens the section and brings its heading into view, the focus on its button (a link or the next step asked for it). */
  async reveal(): Promise<void> {
    await this.expand();
    const button = this.renderRoot.querySelector<HTMLElement>('button');
    button?.scrollIntoView({ block: 'start' });
    button?.focus({ preventScroll: true });
  }

  private toggle() {
    this.open = !this.open;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-editor-section': GiEditorSection }
}
