import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { PlaceArea, SourceValue } from '../../db/model';
import { localName, LocaleController, t } from '../i18n';
import { showDate } from '../i18n/dates';
import { freeTextLang } from '../lib/free-text';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderSources, sourceListStyles } from './gi-source-list';

/** Sources without repeats: an address given bare is left out when a titled source links to it. */
export function distinctSources(sources: readonly SourceValue[]): SourceValue[] {
  const titled = new Set(sources.filter((s) => s.title && s.url).map((s) => s.url));
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.title ?? ''}\u0000${s.url ?? ''}`;
    if (seen.has(key) || (!s.title && s.url && titled.has(s.url))) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The protected areas one village or township lies in, as the lookup answers them: each GI with its
 * product (a link to its page), type, status, since when and from which announcement; or, plainly, that
 * it is in none of the registered areas.
 */
@customElement('gi-place-areas')
export class GiPlaceAreas extends LitElement {
  static override styles = [sharedStyles, sourceListStyles, css`
    :host { display: block; }
    .verdict { font-weight: 700; margin: 0.25rem 0; }
    .verdict.in { color: #0b6e4f; }
    .verdict.out { color: #59636e; }
    ul.areas { list-style: none; padding: 0; margin: 0; }
    ul.areas > li { border-top: 1px solid var(--gi-border); padding: 0.5rem 0 0.25rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.75rem; margin: 0.25rem 0 0; }
    dt { color: var(--gi-muted); }
    dd { margin: 0; overflow-wrap: anywhere; }
  `];

  /** The areas (empty: in none). */
  @property({ attribute: false }) areas: readonly PlaceArea[] = [];

  private readonly i18n = new LocaleController(this);

  override render() {
    if (this.areas.length === 0) return html`<p class="verdict out">${t('places.notInAny')}</p>`;
    return html`<p class="verdict in">${t('places.inAreas', { n: this.areas.length })}</p>
      <ul class="areas">${this.areas.map((a) => this.renderArea(a))}</ul>`;
  }

  private renderArea(a: PlaceArea) {
    const name = localName({ nameZh: a.productNameZh, nameEn: a.productNameEn });
    return html`<li>
      <a href=${withLang(`/products/${a.productId}`)} aria-label=${t('places.productLink', { name })}
        lang=${ifDefined(name === a.productNameZh ? freeTextLang() : undefined)}>${name}</a>
      <dl>
        <dt>${t('places.gi')}</dt><dd>${t(`giType.${a.giType}`)} · ${t(`status.${a.status}`)}</dd>
        ${a.since ? html`<dt>${t('places.since')}</dt><dd>${showDate(a.since)}</dd>` : nothing}
        ${a.reference ? html`<dt>${t('places.reference')}</dt><dd lang=${ifDefined(freeTextLang())}>${a.reference}</dd>` : nothing}
        ${a.sources.length ? html`<dt>${t('places.sources')}</dt><dd>${renderSources(distinctSources(a.sources))}</dd>` : nothing}
      </dl>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-place-areas': GiPlaceAreas }
}
