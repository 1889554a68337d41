import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles';

/** The `?q=` of a page address, trimmed (the public search pages keep their query there, so a link reproduces the answer). */
export function searchQueryOf(search: string): string {
  return (new URLSearchParams(search).get('q') ?? '').trim();
}

/** What a search page shows around the form: its busy line, its summary, a "none found" box and the result cards. */
export const searchPageStyles = css`
  :host { display: block; padding: 1rem; width: 100%; box-sizing: border-box; margin: 0 auto; }
  h1 { font-size: 1.4rem; margin: 0.25rem 0 0.5rem; }
  .intro { color: var(--gi-muted); margin: 0 0 1rem; }
  .summary { margin: 1.25rem 0 0.5rem; font-weight: 600; }
  .none { margin-top: 1.25rem; border: 2px solid var(--gi-border); border-radius: 6px; padding: 0.75rem 1rem; }
  .none p { margin: 0.25rem 0; }
  .busy { margin-top: 1.25rem; border: 2px solid var(--gi-border); border-radius: 6px; padding: 0.75rem 1rem; }
  article { border: 1px solid var(--gi-border); border-radius: 8px; padding: 0.75rem 1rem; margin: 0.75rem 0; }
  article h2 { font-size: 1.15rem; margin: 0 0 0.25rem; overflow-wrap: anywhere; }
`;

/** Fired when the field changes (`detail`: what is typed) and when the form is sent (`detail`: the trimmed query). */
export type SearchEventDetail = string;

/**
 * The one-field search form of the public look-ups (/verify, /places), phone first: a labelled search
 * field with its button and its error beside it. Fires `gi-search-input` as the visitor types and
 * `gi-search-submit` with the trimmed query; the page decides what a valid query is and sets `error`.
 */
@customElement('gi-search-form')
export class GiSearchForm extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    form { display: flex; flex-direction: column; gap: 0.4rem; }
    label { font-weight: 600; }
    .search { display: flex; gap: 0.5rem; }
    input { flex: 1; min-width: 0; font-size: 1.1rem; padding: 0.55rem 0.6rem; border: 1px solid var(--gi-muted); border-radius: 6px; }
    input[aria-invalid='true'] { border-color: #8b1a10; }
    button[type='submit'] { font-size: 1.1rem; padding: 0.55rem 1.1rem; border-radius: 6px; border: 0; background: var(--gi-accent); color: #fff; font-weight: 600; }
    .field-error { color: #8b1a10; margin: 0; }
  `];

  /** The field's id (and its error's, with `-error`). */
  @property() fieldId = 'q';
  /** The field's label. */
  @property() label = '';
  /** The button's text. */
  @property() submitLabel = '';
  /** What the field holds. */
  @property() value = '';
  /** The error to show beside the field ('' for none). */
  @property() error = '';

  @query('input') private input!: HTMLInputElement;

  /** Puts the focus in the field (after a refused query). */
  focusField(): void {
    this.input.focus();
  }

  override render() {
    const errorId = `${this.fieldId}-error`;
    return html`<form role="search" novalidate @submit=${this.submit}>
        <label for=${this.fieldId}>${this.label}</label>
        <div class="search">
          <input id=${this.fieldId} name="q" type="search" enterkeyhint="search" autocomplete="off" spellcheck="false" maxlength="100"
            .value=${this.value} @input=${this.onInput} aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby=${this.error ? errorId : nothing} />
          <button type="submit">${this.submitLabel}</button>
        </div>
        ${this.error ? html`<p class="field-error" id=${errorId}><span aria-hidden="true">⚠ </span>${this.error}</p>` : nothing}
      </form>`;
  }

  private onInput(event: Event) {
    const detail: SearchEventDetail = (event.target as HTMLInputElement).value;
    this.dispatchEvent(new CustomEvent('gi-search-input', { detail, bubbles: true, composed: true }));
  }

  private submit(event: Event) {
    event.preventDefault();
    const detail: SearchEventDetail = this.input.value.trim();
    this.dispatchEvent(new CustomEvent('gi-search-submit', { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-search-form': GiSearchForm }
}
