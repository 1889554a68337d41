import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { isWebAddress, sourceHost, type SourceValue } from '../../db/model';
import { freeText } from '../lib/free-text';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';

/** One source: a link (its title, or its host when it has none; the host shown beside a title) or a citation. */
function renderSource(s: SourceValue) {
  // The server only stores http(s) addresses; checked again so nothing else ever becomes an href.
  if (!s.url || !isWebAddress(s.url)) return html`${freeText(s.title ?? '')}`;
  const host = sourceHost(s);
  return html`<a href=${s.url} rel="noopener noreferrer external" target="_blank">${s.title ? freeText(s.title) : host}</a>${
    s.title && host ? html` <span class="host">${host}</span>` : nothing}`;
}

/** Renders sources inline as a list: links with their titles, citations as text. */
export function renderSources(sources: readonly SourceValue[]) {
  if (sources.length === 0) return html`<span class="muted">${t('product.noSources')}</span>`;
  return html`<ul class="sources">${sources.map((s) => html`<li>${renderSource(s)}</li>`)}</ul>`;
}

/** Styles for `renderSources` inside another element's shadow root. */
export const sourceListStyles = css`
  .sources { margin: 0; padding-left: 1.1rem; overflow-wrap: anywhere; }
  .sources .host { color: var(--gi-muted); font-size: 0.85em; }
  .muted { color: var(--gi-muted); }
`;

/** A labelled list of the sources of a fact. */
@customElement('gi-source-list')
export class GiSourceList extends LitElement {
  static override styles = [sharedStyles, sourceListStyles, css`
    :host { display: block; }
    h3 { font-size: 1rem; margin: 0 0 0.25rem; }
  `];

  /** The sources to list. */
  @property({ attribute: false }) sources: SourceValue[] = [];
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
