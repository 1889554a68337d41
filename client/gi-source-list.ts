import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LocaleController, t } from './i18n';
import { sharedStyles } from './shared-styles';

/** Renders sources inline: web addresses (http/https only) become links, everything else stays text. */
export function renderSources(sources: readonly string[]) {
  if (sources.length === 0) return html`<span class="muted">${t('product.noSources')}</span>`;
  return html`<ul class="sources">${sources.map((s) => html`<li>${/^https?:\/\/\S+$/.test(s)
    ? html`<a href=${s} rel="noopener noreferrer external" target="_blank">${s}</a>` : s}</li>`)}</ul>`;
}

/** A labelled list of the sources of a fact. */
@customElement('gi-source-list')
export class GiSourceList extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    h3 { font-size: 1rem; margin: 0 0 0.25rem; }
    ul { margin: 0; padding-left: 1.25rem; overflow-wrap: anywhere; }
    .muted { color: var(--gi-muted); }
  `];

  /** The sources to list. */
  @property({ attribute: false }) sources: string[] = [];
  /** The heading above the list (none when empty). */
  @property() heading = '';

  private readonly i18n = new LocaleController(this);

  override render() {
    return html`${this.heading ? html`<h3>${this.heading}</h3>` : nothing}${renderSources(this.sources)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-source-list': GiSourceList }
}
