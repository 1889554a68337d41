import { css, html, LitElement, nothing, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { isDossierOpen, type Product } from '../../db/model';
import { api, ApiRequestError, type CountyCollection } from '../lib/api';
import { localName, LocaleController, t } from '../i18n';
// This page's catalogs, loaded with it (client/i18n/catalog.ts).
import '../i18n/conversion';
import '../i18n/cultivation';
import '../i18n/documents';
import '../i18n/figures';
import '../i18n/guide';
import '../i18n/marks';
import '../i18n/places';
import '../i18n/product';
import '../i18n/signals';
import '../i18n/specifications';
import '../i18n/verify-act';
import { CountiesController, countyName } from '../lib/counties';
import { markerSpec } from '../map/marker-icon';
import { glyphCss, markerSvg } from '../map/marker-svg';
import { filterQuery, parseFilter } from '../map/url-state';
import { setPageTitle } from '../lib/page-title';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderSources, sourceListStyles } from './gi-source-list';
import { freeText } from '../lib/free-text';
import { renderError } from '../lib/task-view';
import './gi-authorized-users';
import './gi-designation-area';
import './gi-product-locations';
import './gi-designation-timeline';
import './gi-designation-specification';
import './gi-dossier-progress';
import '../map/gi-place-map';
import './gi-not-found-page';
import '../lib/gi-product-chain';
import '../lib/gi-product-documents';
import './gi-figures-chart';
import './gi-mark-use';

/**
 * A product's public page: names, counties, category, description and quality; its locations in words
 * at their precision; each designation with its numbers and status timeline; the cooperative-farmer
 * chain; a small map of its places (and a drawn protected area) above each designation's protected area
 * as a list by township; the sources; and a link back to the map view it came from (its filters kept).
 */
@customElement('gi-product-page')
export class GiProductPage extends LitElement {
  static override styles = [sharedStyles, sourceListStyles, unsafeCSS(glyphCss), css`
    :host { display: block; padding: 1rem; max-width: 62rem; width: 100%; box-sizing: border-box; margin: 0 auto; }
    h1 { margin: 0.5rem 0 0; display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; }
    .other-name { color: var(--gi-muted); margin: 0; }
    section { margin-top: 1.5rem; }
    h2 { font-size: 1.15rem; border-bottom: 1px solid var(--gi-border); padding-bottom: 0.25rem; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.3rem 1rem; }
    dt { color: var(--gi-muted); }
    dd { margin: 0; white-space: pre-line; overflow-wrap: anywhere; }
    article { border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.75rem 1rem; margin-bottom: 1rem; }
    article h3, h3.unchecked { margin: 0 0 0.5rem; font-size: 1.05rem; }
    .badge { font-size: 0.85rem; border: 1px solid currentColor; border-radius: 999px; padding: 0 0.5rem; margin-left: 0.5rem; }
    .badge.granted { background: #e6f4ea; }
    .badge.converted { background: #eef1f4; }
    gi-place-map { margin-bottom: 1rem; }
    @media (max-width: 700px) { dl.facts { grid-template-columns: 1fr; } dt { margin-top: 0.4rem; } }
  `];

  /** The product to show. */
  @property({ type: Number }) productId = 0;

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly product = new Task(this, {
    task: ([id], { signal }) => api.product(id, signal),
    args: () => [this.productId] as const,
  });
  private readonly counties = new Task(this, {
    task: ([], { signal }) => api.countiesGeoJson(signal).catch((): CountyCollection | null => null),
    args: () => [] as const,
  });

  override updated(): void {
    // The page is titled with the product's name (the not-found page titles itself).
    const p = this.product.value;
    if (p && p.id === this.productId) setPageTitle(localName(p));
  }

  override render() {
    const error = this.product.status === TaskStatus.ERROR ? this.product.error : null;
    if (error instanceof ApiRequestError && error.status === 404) return html`<gi-not-found-page what="product"></gi-not-found-page>`;
    const back = withLang(`/${filterQuery(parseFilter(location.search))}`);
    return html`<p><a href=${back}>← ${t('product.back')}</a></p>
      ${this.product.render({
        pending: () => html`<p class="state" role="status" aria-live="polite">${t('state.loading')}</p>`,
        error: (e) => renderError(e, () => this.product.run()),
        complete: (p) => this.renderProduct(p),
      })}`;
  }

  private renderProduct(p: Product) {
    const other = localName(p) === p.nameZh ? p.nameEn : p.nameZh;
    const text = (v: string) => (v.trim() ? freeText(v, { marker: true }) : t('product.notRecorded'));
    return html`
      <h1>${markerSvg(markerSpec(p.designations))}<span>${localName(p)}</span></h1>
      ${other ? html`<p class="other-name" lang=${other === p.nameZh ? 'zh-CN' : 'en'}>${other}</p>` : nothing}
      ${p.visibility === 'public' && !p.archived ? html`<p><a href=${withLang(`/products/${p.id}/card`)}>${t('card.link')}</a></p>` : nothing}
      <section aria-labelledby="facts"><h2 id="facts">${t('product.facts')}</h2>
        <dl class="facts">
          <dt>${t('product.nameZh')}</dt><dd lang="zh-CN">${p.nameZh}</dd>
          <dt>${t('product.nameEn')}</dt><dd lang="en">${p.nameEn ?? t('product.notRecorded')}</dd>
          <dt>${t('product.counties')}</dt><dd>${p.counties.map(countyName).join(t('product.separator'))}</dd>
          <dt>${t('product.category')}</dt><dd>${t(`category.${p.category}`)}</dd>
          <dt>${t('product.description')}</dt><dd>${text(p.description)}</dd>
          <dt>${t('product.quality')}</dt><dd>${text(p.quality)}</dd>
          <dt>${t('product.locations')}</dt><dd><gi-product-locations .locations=${p.locations}></gi-product-locations></dd>
          <dt>${t('product.sources')}</dt><dd>${renderSources(p.sources)}</dd>
        </dl>
      </section>
      <section aria-labelledby="designations"><h2 id="designations">${t('product.designations')}</h2>
        ${p.designations.length === 0 ? html`<p class="state">${t('product.noDesignations')}</p>` : p.designations.map((d) => html`
          <article aria-labelledby="d${d.id}">
            <h3 id="d${d.id}" tabindex="-1">${t(`giType.${d.giType}`)}${d.markKind ? t('product.paren', { x: t(`markKind.${d.markKind}`) }) : ''}
              <span class="badge ${d.status}">${t(`status.${d.status}`)}</span></h3>
            <gi-designation-timeline .designation=${d}></gi-designation-timeline>
            <gi-designation-specification .designation=${d} .documents=${p.documents}></gi-designation-specification>
            ${isDossierOpen(d.status) ? html`<gi-dossier-progress .designationId=${d.id}></gi-dossier-progress>` : nothing}
            <gi-authorized-users .designation=${d} .users=${p.authorizedUsers.filter((u) => u.designationId === d.id)}></gi-authorized-users>
          </article>`)}
      </section>
      <section aria-labelledby="chain"><h2 id="chain">${t('product.chain')}</h2>
        <gi-product-chain .participants=${p.participants} .designations=${p.designations}></gi-product-chain>
      </section>
      ${p.figures.length > 0 ? html`<section aria-labelledby="figures"><h2 id="figures">${t('product.figures')}</h2>
        <gi-figures-chart .figures=${p.figures}></gi-figures-chart>
      </section>` : nothing}
      <gi-mark-use .productId=${p.id}></gi-mark-use>
      <gi-product-documents .documents=${p.documents}></gi-product-documents>
      <section aria-labelledby="area"><h2 id="area">${t('product.area')}</h2>
        <gi-place-map .product=${p} .area=${p.protectedArea?.geometry ?? null} .counties=${this.counties.value ?? null}></gi-place-map>
        ${p.designations.map((d) => html`<gi-designation-area .designation=${d}></gi-designation-area>`)}
        ${p.protectedArea?.text ? html`<h3 class="unchecked">${t('area.unchecked')}</h3><p>${freeText(p.protectedArea.text, { marker: true })}</p>` : nothing}
        ${!p.designations.some((d) => d.scope) && !p.protectedArea?.text && !p.protectedArea?.geometry
          ? html`<p class="state">${t('product.noArea')}</p>` : nothing}
        <p><a href=${withLang('/places')}>${t('places.fromProduct')}</a></p>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-product-page': GiProductPage }
}
