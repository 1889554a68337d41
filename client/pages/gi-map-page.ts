import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { CountyCode, MapListItem, MapSummary, ProductFilter } from '../../db/model';
import { GI_TYPE_RULES } from '../../db/model/gi-types';
import { GI_TYPES } from '../../db/model/vocabulary-lists';
import { api } from '../lib/api';
import { mapConfig } from '../map/map-config';
import type { CountySelectDetail } from '../map/gi-map';
import type { FilterChangeDetail } from './gi-map-filters';
import type { ProductSelectDetail } from './gi-product-list';
import { lang, LocaleController, t } from '../i18n';
import '../i18n/map';
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

/** No counties: a product shown at a spot, or none selected. */
const NO_COUNTIES: readonly CountyCode[] = [];

/** The list as far as it is shown: the summary's first page and the pages asked for after it. */
interface Listed {
  first: MapSummary;
  /** The language the list is ordered for. */
  lang: 'zh' | 'en';
  items: MapListItem[];
}

/** A product chosen on the map that the list does not show yet: its item (alone) and its place in the list. */
interface Chosen { items: [MapListItem]; position: number }

/** How many of the list are of each GI type (each type's word from its table) and candidates, in one line. */
function byTypeLine(byType: MapSummary['byType']): string {
  const types = GI_TYPES.map((g) => `${GI_TYPE_RULES[g].countLabel[lang()]} ${byType[g]}`).join(' · ');
  return t('list.byType', { types, candidate: byType.candidate });
}

/**
 * The public home page: filters, the map of the six counties with each product at the precision its
 * places are known (a marker per real place, clustered by the server tile by tile, a count on the county
 * for a product known only by county), and the list of the same products. The counts, the legend, the
 * county numbers and the list's first page come in one small answer (/api/map-summary), more pages of the
 * list on request; the markers and bubbles come from the cluster tiles of the view. A product chosen on the
 * map that the list does not show yet is shown above it, with its place in the list. The filters live in
 * the URL (same names as /api/products).
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
    .chosen { border-bottom: 2px solid var(--gi-border); }
    .chosen h3 { font-size: 0.85rem; font-weight: 600; margin: 0; padding: 0.4rem 0.75rem 0; color: var(--gi-muted); }
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
  /** The list shown so far (a new one with each new summary). */
  @state() private listed: Listed | null = null;
  /** Whether the next page of the list is being asked for, or why it failed. */
  @state() private more: { loading: boolean; error: unknown } = { loading: false, error: null };
  /** The product chosen on the map, when the list does not show it yet. */
  @state() private chosen: Chosen | null = null;
  /** Counts the questions for a chosen product's place, so only the latest is answered. */
  private choosing = 0;

  private readonly i18n = new LocaleController(this);
  private readonly navigation = new LocationController(this, () => this.onNavigate());
  // Read once per page load, shared with the footer (a failure: nothing configured).
  private readonly config = new Task(this, { task: () => mapConfig(), args: () => [] as const });
  private readonly counties = new Task(this, {
    task: ([], { signal }) => api.countiesGeoJson(signal),
    args: () => [] as const,
  });
  private readonly summary = new Task(this, {
    task: ([query, language], { signal }) => api.mapSummary(parseFilter(query), { lang: language, limit: LIST_PAGE }, signal),
    args: () => [filterQuery(this.filter), lang()] as const,
  });
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
          ${renderTask(this.summary, (summary) => this.renderList(summary))}
          ${this.renderOpenData()}
        </section>
      </div>`;
  }

  private renderMap() {
    const config = this.config.value;
    return html`${renderTask(this.counties, (counties) => html`<gi-map .counties=${counties}
        .summary=${this.summary.value ?? null} .tileSource=${this.tileSource()} .selectedId=${this.selectedId}
        .selectedCounties=${this.selectedItem()?.shownOn ?? NO_COUNTIES} .selectedCounty=${this.filter.county ?? null}
        .tiles=${config?.tiles ?? null} .approvalNo=${config?.approvalNo ?? null} .boundarySource=${config?.boundarySource ?? null}
        .linkQuery=${filterQuery(this.filter)}
        @gi-county-select=${this.onCountySelect}></gi-map>`)}
      ${this.summary.render({
        pending: () => html`<p class="overlay state" role="status">${t('state.loading')}</p>`,
        error: (e) => html`<div class="overlay">${renderError(e, () => this.summary.run())}</div>`,
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
    // A new summary (new filters or a new language): the list from its first page again.
    const first = this.summary.value;
    if (first && first !== this.listed?.first) {
      this.listed = { first, lang: lang(), items: first.items };
      this.more = { loading: false, error: null };
      this.chosen = null;
    }
  }

  /** The selected product's item, when the list or the chosen box shows it. */
  private selectedItem(): MapListItem | undefined {
    if (this.selectedId === null) return undefined;
    if (this.chosen?.items[0].id === this.selectedId) return this.chosen.items[0];
    return this.listed?.items.find((p) => p.id === this.selectedId);
  }

  private renderList(first: MapSummary) {
    const total = first.total;
    if (total === 0) {
      return html`<p class="counts" role="status">${t('products.count', { n: 0 })}</p>
        <div class="state"><p>${t('state.empty')}</p>
          <button type="button" @click=${() => this.apply({})}>${t('filters.clear')}</button></div>`;
    }
    const items = this.listed?.first === first ? this.listed.items : first.items;
    const more = Math.min(LIST_PAGE, total - items.length);
    const chosen = this.chosen;
    return html`<p class="counts" role="status">${t('products.count', { n: total })}${total > items.length ? html` · ${t('list.shown', { n: items.length })}` : nothing}
        <br />${byTypeLine(first.byType)}</p>
      ${chosen ? html`<section class="chosen" aria-labelledby="chosen-heading"><h3 id="chosen-heading">${t('list.chosen', { n: chosen.position + 1 })}</h3>
        <gi-product-list .items=${chosen.items} .selected=${this.selectedId} .linkQuery=${filterQuery(this.filter)}></gi-product-list></section>` : nothing}
      <div class="list"><gi-product-list .items=${items} .selected=${this.selectedId} .linkQuery=${filterQuery(this.filter)}></gi-product-list>
        ${more > 0 ? this.more.error ? renderError(this.more.error, () => this.loadMore())
          : html`<button type="button" class="more" aria-disabled=${this.more.loading ? 'true' : 'false'} aria-busy=${this.more.loading ? 'true' : 'false'}
            @click=${() => this.loadMore()}>${t('list.more', { n: more })}</button>` : nothing}</div>`;
  }

  /** Asks for the list's next page and shows it below the rest. */
  private async loadMore() {
    const listed = this.listed;
    if (!listed || this.more.loading) return;
    this.more = { loading: true, error: null };
    try {
      const page = await api.mapSummary(this.filter, { lang: listed.lang, offset: listed.items.length, limit: LIST_PAGE });
      if (this.listed !== listed) return;
      this.listed = { ...listed, items: [...listed.items, ...page.items] };
      this.more = { loading: false, error: null };
    } catch (error) {
      if (this.listed === listed) this.more = { loading: false, error };
    }
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
    const id = e.detail.id;
    this.selectedId = id;
    if (this.chosen && this.chosen.items[0].id !== id) this.chosen = null;
    // A product chosen on the map that the list does not show yet is shown above it, with its place in the list.
    const listed = this.listed;
    if (!listed || this.chosen || listed.items.some((p) => p.id === id)) return;
    const asked = ++this.choosing;
    api.mapSummary(this.filter, { lang: listed.lang, at: id, limit: 1 }).then((page) => {
      if (asked !== this.choosing || this.listed !== listed || this.selectedId !== id || !page.items[0]) return;
      this.chosen = { items: [page.items[0]], position: page.offset };
    }, () => {
      // Not listed any more (a write since the list was made): the map's own highlight is all there is.
    });
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
