import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { ProductFilter } from '../../db/model';
import { GI_TYPE_RULES } from '../../db/model/gi-types';
import { NO_SITE_INFO } from '../../db/model/no-site-info';
import { GI_TYPES } from '../../db/model/vocabulary-lists';
import { api, type ClientConfig, type ProductPointCollection } from '../lib/api';
import type { CountySelectDetail } from '../map/gi-map';
import type { FilterChangeDetail } from './gi-map-filters';
import type { ProductSelectDetail } from './gi-product-list';
import { lang, LocaleController, t } from '../i18n';
import '../i18n/map';
import { markerSpec } from '../map/marker-icon';
import { productsOfPoints, type ProductListItem } from '../map/point-list';
import { filterQuery, parseFilter, withFilter } from '../map/url-state';
import { currentRoute, LocationController, navigate } from '../lib/router';
import { appHref } from '../lib/base-path';
import { sharedStyles } from '../lib/shared-styles';
import { renderError, renderTask } from '../lib/task-view';
import type { TileSource } from '../map/cluster-tiles';
import '../map/gi-map';
import './gi-map-filters';
import './gi-product-list';

/** How many more products the list shows at a time (the map shows them all; the count covers them all). */
const LIST_PAGE = 100;

/** The page's list: every product of the points, how many of each type, and the ones listed so far. */
interface ProductList {
  points: ProductPointCollection;
  /** The language it is ordered for. */
  lang: 'zh' | 'en';
  all: ProductListItem[];
  byType: Record<string, number>;
  shown: ProductListItem[];
}

function productList(points: ProductPointCollection): ProductList {
  const all = productsOfPoints(points, lang());
  const byType: Record<string, number> = { candidate: 0, ...Object.fromEntries(GI_TYPES.map((g) => [g, 0])) };
  for (const p of all) {
    const spec = markerSpec(p.designations);
    if (spec.candidate) byType.candidate++;
    for (const g of spec.glyphs) if (g.giType) byType[g.giType]++;
  }
  return { points, lang: lang(), all, byType, shown: [] };
}

/** How many of the list are of each GI type (each type's word from its table) and candidates, in one line. */
function byTypeLine(byType: Record<string, number>): string {
  const types = GI_TYPES.map((g) => `${GI_TYPE_RULES[g].countLabel[lang()]} ${byType[g]}`).join(' · ');
  return t('list.byType', { types, candidate: byType.candidate });
}

/**
 * The public home page: filters, the map of the six counties with each product at the precision its
 * places are known (a marker per real place, clustered by the server tile by tile, a count on the county
 * for a product known only by county), and the list of the same products. The list, the legend and the
 * county numbers are made from products.geojson (one request for all three); the markers and bubbles come
 * from the cluster tiles of the view. The list shows the first products and more on request. The filters
 * live in the URL (same names as /api/products).
 */
@customElement('gi-map-page')
export class GiMapPage extends LitElement {
  static override styles = [sharedStyles, css`
    :host { flex: 1; display: flex; flex-direction: column; min-height: 0; }
    .bar { padding: 0.5rem 1rem; border-bottom: 1px solid var(--gi-border); display: grid; gap: 0.25rem; }
    h1 { font-size: 1.1rem; margin: 0; }
    .body { flex: 1 1 0; display: grid; grid-template-columns: minmax(0, 1fr) 22rem; grid-template-rows: minmax(0, 1fr);
      min-height: 420px; }
    .map-area { position: relative; display: flex; flex-direction: column; min-height: 0; }
    gi-map { flex: 1; }
    .map-area > .state { padding: 1rem; }
    .overlay { position: absolute; left: 50%; top: 0.5rem; transform: translateX(-50%); z-index: 1000;
      background: #fff; padding: 0.25rem 0.75rem; border: 1px solid var(--gi-border); border-radius: 4px; }
    .results { border-left: 1px solid var(--gi-border); display: flex; flex-direction: column; min-height: 0; }
    .results h2 { font-size: 1rem; margin: 0; padding: 0.5rem 0.75rem 0; }
    .counts { margin: 0; padding: 0 0.75rem 0.5rem; color: var(--gi-muted); font-size: 0.85rem; border-bottom: 1px solid var(--gi-border); }
    .list { overflow: auto; flex: 1; min-height: 0; }
    .results .state { padding: 0.75rem; }
    .more { margin: 0.5rem 0.75rem; }
    .open-data { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; margin: 0; padding: 0.5rem 0.75rem;
      border-top: 1px solid var(--gi-border); font-size: 0.85rem; list-style: none; }
    @media (max-width: 700px) {
      .body { display: flex; flex-direction: column; flex: none; min-height: 0; }
      .map-area { height: 55vh; flex: none; }
      .results { border-left: none; border-top: 1px solid var(--gi-border); }
    }
  `];

  @state() private filter: ProductFilter = parseFilter(location.search);
  @state() private selectedId: number | null = null;
  /** How many products the list shows (reset with each new set of points). */
  @state() private listed = LIST_PAGE;

  private readonly i18n = new LocaleController(this);
  private readonly navigation = new LocationController(this, () => this.onNavigate());
  private readonly config = new Task(this, {
    task: ([], { signal }) => api.config(signal).catch((): ClientConfig => ({ tiles: null, approvalNo: null, boundarySource: null, site: NO_SITE_INFO })),
    args: () => [] as const,
  });
  private readonly counties = new Task(this, {
    task: ([], { signal }) => api.countiesGeoJson(signal),
    args: () => [] as const,
  });
  private readonly points = new Task(this, {
    task: ([query], { signal }) => api.productPoints(parseFilter(query), signal),
    args: () => [filterQuery(this.filter)] as const,
  });
  /** The list made from the points last drawn, kept while they are the same object. */
  private list?: ProductList;
  /** The map's cluster tiles under the filters, a new source for each new set of filters. */
  private tiles: { query: string; source: TileSource } | null = null;

  override render() {
    const counties = this.counties.value?.features.map((f) => f.properties) ?? [];
    return html`<div class="bar">
        <h1>${t('map.title')}</h1>
        <gi-map-filters .filter=${this.filter} .counties=${counties} @gi-filter-change=${this.onFilterChange}></gi-map-filters>
      </div>
      <div class="body" @gi-select=${this.onSelect}>
        <div class="map-area">${this.renderMap()}</div>
        <section class="results" aria-labelledby="results-heading">
          <h2 id="results-heading">${t('list.label')}</h2>
          ${renderTask(this.points, (points) => this.renderList(points))}
          ${this.renderOpenData()}
        </section>
      </div>`;
  }

  private renderMap() {
    const config = this.config.value;
    return html`${renderTask(this.counties, (counties) => html`<gi-map .counties=${counties}
        .points=${this.points.value ?? null} .tileSource=${this.tileSource()} .filter=${this.filter} .selectedId=${this.selectedId} .selectedCounty=${this.filter.county ?? null}
        .tiles=${config?.tiles ?? null} .approvalNo=${config?.approvalNo ?? null} .boundarySource=${config?.boundarySource ?? null}
        .linkQuery=${filterQuery(this.filter)}
        @gi-county-select=${this.onCountySelect}></gi-map>`)}
      ${this.points.render({
        pending: () => html`<p class="overlay state" role="status">${t('state.loading')}</p>`,
        error: (e) => html`<div class="overlay">${renderError(e, () => this.points.run())}</div>`,
      })}`;
  }

  /** The tiles' source for the current filters (the same function while they stay the same). */
  private tileSource(): TileSource {
    const query = filterQuery(this.filter);
    if (this.tiles?.query !== query) {
      const filter = this.filter;
      this.tiles = { query, source: (tile) => api.clusterTile(tile, filter) };
    }
    return this.tiles.source;
  }

  override willUpdate(): void {
    // New points or a new language, new list: made once for each, and shown from its first page again.
    const points = this.points.value;
    if (points && (points !== this.list?.points || lang() !== this.list.lang)) {
      this.list = productList(points);
      this.listed = LIST_PAGE;
    }
  }

  private renderList(points: ProductPointCollection) {
    const list = this.list?.points === points && this.list.lang === lang() ? this.list : productList(points);
    const total = list.all.length;
    if (total === 0) {
      return html`<p class="counts" role="status">${t('products.count', { n: 0 })}</p>
        <div class="state"><p>${t('state.empty')}</p>
          <button type="button" @click=${() => this.apply({})}>${t('filters.clear')}</button></div>`;
    }
    // The same array while the same number is listed, so the list element is not redrawn for nothing.
    if (list.shown.length !== Math.min(total, this.listed)) list.shown = list.all.slice(0, this.listed);
    const items = list.shown;
    const more = Math.min(LIST_PAGE, total - items.length);
    return html`<p class="counts" role="status">${t('products.count', { n: total })}${total > items.length ? html` · ${t('list.shown', { n: items.length })}` : nothing}
        <br />${byTypeLine(list.byType)}</p>
      <div class="list"><gi-product-list .items=${items} .selected=${this.selectedId} .linkQuery=${filterQuery(this.filter)}></gi-product-list>
        ${more > 0 ? html`<button type="button" class="more" @click=${() => { this.listed += LIST_PAGE; }}>${t('list.more', { n: more })}</button>` : nothing}</div>`;
  }

  /** Downloads of the registry as the filters narrow it, and the API's description. */
  private renderOpenData() {
    const query = filterQuery(this.filter);
    return html`<ul class="open-data" aria-label=${t('data.label')}>
      <li><a href=${appHref(`/api/export/products.csv${query}`)} download>${t('data.csv')}</a></li>
      <li><a href=${appHref(`/api/export/products.xlsx${query}`)} download>${t('data.xlsx')}</a></li>
      <li><a href=${appHref('/api/openapi.json')} target="_blank" rel="noopener">${t('data.api')}</a></li>
    </ul>`;
  }

  private apply(filter: ProductFilter, replace = false) {
    navigate(`/${filterQuery(filter)}`, { replace });
  }

  private onFilterChange(e: CustomEvent<FilterChangeDetail>) {
    this.apply(e.detail.filter, e.detail.replace);
  }

  private onCountySelect(e: CustomEvent<CountySelectDetail>) {
    const code = e.detail.code === this.filter.county ? undefined : e.detail.code;
    this.apply(withFilter(this.filter, 'county', code));
  }

  private onSelect(e: CustomEvent<ProductSelectDetail>) {
    this.selectedId = e.detail.id;
    // A product chosen on the map is shown in the list too, however far down it comes.
    const index = this.list?.all.findIndex((p) => p.id === e.detail.id) ?? -1;
    if (index >= this.listed) this.listed = Math.ceil((index + 1) / LIST_PAGE) * LIST_PAGE;
  }

  private readonly onNavigate = () => {
    if (currentRoute().page !== 'map') return;
    const next = parseFilter(location.search);
    if (filterQuery(next) !== filterQuery(this.filter)) this.filter = next;
  };
}

declare global {
  interface HTMLElementTagNameMap { 'gi-map-page': GiMapPage }
}
