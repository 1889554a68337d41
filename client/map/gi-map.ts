import { html, LitElement, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import L from 'leaflet';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import type { AreaGeometry, CountyCode, MapSummaryHead } from '../../db/model';
import type { ClientConfig, CountyCollection, ProductPointCollection, ProductPointProperties } from '../lib/api';
import { lang, LocaleController, t } from '../i18n';
import { CountiesController, countiesRead } from '../lib/counties';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import type { CountyLabels } from './county-labels';
import { seatBoxes } from './leaflet-counties';
import { ProductLayer, type DrawnFeature, type ProductMarker } from './leaflet-layers';
import { TileStore, type TileSource } from './cluster-tiles';
import { areaLayer, basemapLayer, countyLayers, pinLayer } from './map-layers';
import { markerName, popupElement } from './map-popup';
import { createLeafletMap, spreadAt, viewBounds } from './map-view';
import { keyboardPopups } from './popup-keys';
import { glyphCss } from './marker-svg';
import { mapStyles } from './map-styles';
import './gi-map-legend';
import './gi-map-multi';

/** Detail of `gi-select`: the product whose marker was chosen. */
export interface MapSelectDetail { id: number }
/** Detail of `gi-county-select`: the county clicked. */
export interface CountySelectDetail { code: string }
/** Detail of `gi-map-click`: where a pickable map was clicked. */
export interface MapClickDetail { lat: number; lng: number }

/** What a map is about: the registry (shaded counties, counts, clusters) or one product's places. */
export type MapVariant = 'registry' | 'place';

type Layers = Partial<Record<'tiles' | 'counties' | 'outline' | 'seats' | 'labels' | 'points' | 'area' | 'pin', L.Layer>>;

/**
 * The only element that touches Leaflet: the counties (shaded, labelled, with the city outline and the
 * county seats for reference), product places at their precision (points as markers, county-level places
 * as a badge on their county), an optional area and pin, an optional basemap, and the boundaries' credit
 * and approval number whenever counties are drawn. Properties down; `gi-select`, `gi-county-select` and
 * `gi-map-click` up.
 */
@customElement('gi-map')
export class GiMap extends LitElement {
  static override styles = [unsafeCSS(leafletCss), unsafeCSS(glyphCss), sharedStyles, mapStyles];

  /** The county polygons with their counts (from /api/counties.geojson). */
  @property({ attribute: false }) counties: CountyCollection | null = null;
  /** Product places to draw as they are, unclustered (a product's own places; a registry map draws its tiles). */
  @property({ attribute: false }) points: ProductPointCollection | null = null;
  /**
   * On a registry map, its numbers under the filters (GET /api/map-summary): the legend's placements, each
   * county's number, shading and badge, the products counted apart from any county (null: none shown yet).
   */
  @property({ attribute: false }) summary: MapSummaryHead | null = null;
  /** The product to highlight. */
  @property({ attribute: false }) selectedId: number | null = null;
  /** The counties the highlighted product is shown on, when it has no point in view (its list item's `shownOn`). */
  @property({ attribute: false }) selectedCounties: readonly CountyCode[] = [];
  /** The county to show alone (the county filter). */
  @property({ attribute: false }) selectedCounty: string | null = null;
  /** `registry` (the public map) or `place` (one product: its counties filled, no counts or legend). */
  @property({ attribute: false }) variant: MapVariant = 'registry';
  /** On a `place` map, the counties to fill as the product's own. */
  @property({ attribute: false }) focusCounties: readonly CountyCode[] = [];
  /** A protected area to draw and fit the view to. */
  @property({ attribute: false }) area: AreaGeometry | null = null;
  /** A single pin (the officials' location picker). */
  @property({ attribute: false }) marker: { lat: number; lng: number } | null = null;
  /** An optional basemap under the counties (null: nothing is loaded from any other host). */
  @property({ attribute: false }) tiles: ClientConfig['tiles'] = null;
  /** The map's approval number (审图号), shown bottom left whenever the counties are drawn. */
  @property({ attribute: false }) approvalNo: string | null = null;
  /** Whom the county boundaries come from, credited whenever they are drawn (null: no credit is stated). */
  @property({ attribute: false }) boundarySource: string | null = null;
  /**
   * On a registry map, the server's cluster tiles under the map's filters: the markers and bubbles of the
   * view are drawn from them (null: the places of `points` are drawn as they are, unclustered).
   */
  @property({ attribute: false }) tileSource: TileSource | null = null;
  /** Whether a click on the map reports a location with `gi-map-click`. */
  @property({ attribute: false }) pickable = false;
  /** Whether to show the legend (on a registry map with places) and keep room for it. */
  @property({ attribute: false }) legend = true;
  /** Query string kept on product links in popups (the map's filters). */
  @property({ attribute: false }) linkQuery = '';
  /** The map region's accessible name (null: the public map's). */
  @property({ attribute: false }) label: string | null = null;

  private map?: L.Map;
  private zoom?: L.Control.Zoom;
  private layers: Layers = {};
  private markers: ProductMarker[] = [];
  private pointLayer?: ProductLayer;
  /** The tiles fetched from `tileSource`, kept while it stays the same. */
  private tileStore?: TileStore;
  /** Counts tile loads, so only the latest view's tiles are drawn. */
  private tileLoad = 0;
  /** Whether the tiles of the view could not be fetched (the map says so and offers to try again). */
  @state() private tilesFailed = false;
  private paths = new Map<string, L.Path>();
  private labels?: CountyLabels;
  private highlighted: Element[] = [];
  private drawnLang = lang();
  private drawnNames = countiesRead();
  /** What the view was last fitted to (`all`, a county code, `area`, `place`), so it is fitted again only when that changes. */
  private fittedTo: string | null = null;
  /** Undoes the popups' keyboard wiring (set while the map exists). */
  private unwirePopups?: () => void;
  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly resizeObserver = new ResizeObserver(() => this.onResize());

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && !this.map) this.createMap();
  }

  override disconnectedCallback(): void {
    this.resizeObserver.disconnect();
    // Layers first, so no animation or chunked loading outlives the map.
    for (const layer of Object.values(this.layers)) layer?.remove();
    // Leaflet 1.9 finishes a zoom animation from a timer that outlives map.remove() and then reads the
    // removed panes (Leaflet issue #9575); marking the animation done makes that timer return at once.
    if (this.map) (this.map as unknown as { _animatingZoom: boolean })._animatingZoom = false;
    this.map?.off('zoomend', this.placeLabels, this);
    this.map?.off('moveend', this.loadClusterTiles, this);
    this.unwirePopups?.();
    this.unwirePopups = undefined;
    this.map?.remove();
    this.map = undefined;
    this.layers = {};
    this.markers = [];
    this.pointLayer = undefined;
    this.paths.clear();
    this.labels = undefined;
    this.fittedTo = null;
    super.disconnectedCallback();
  }

  override firstUpdated(): void {
    this.createMap();
  }

  override updated(changed: PropertyValues<this>): void {
    if (!this.map) return;
    // A new language, or the counties' names arriving (marker labels name counties), redraws the labels.
    const relabel = this.drawnLang !== lang() || this.drawnNames !== countiesRead();
    this.drawnLang = lang();
    this.drawnNames = countiesRead();
    if (relabel) this.addZoomControl();
    if (changed.has('tiles')) this.drawTiles();
    if (relabel || ['counties', 'summary', 'selectedCounty', 'pickable', 'tiles', 'variant', 'focusCounties', 'boundarySource']
      .some((k) => changed.has(k as keyof GiMap))) this.drawCounties();
    // Popups are built when opened, so a new linkQuery needs no redraw (the points that follow it do). Drawn
    // from tiles, the markers follow the tiles' source (the filters) and not the points.
    const fromPoints = !this.usesTiles && (changed.has('points') || changed.has('selectedCounty'));
    // A new language or the counties' names rename the markers in place: a focused marker keeps its focus.
    if (fromPoints || changed.has('tileSource') || changed.has('variant') || !this.pointLayer) this.drawPoints();
    else if (relabel) this.pointLayer.relabel();
    if (changed.has('area')) this.drawArea();
    if (relabel || changed.has('marker')) this.drawPin();
    this.fitView();
    this.loadClusterTiles();
    if (changed.has('selectedId') || changed.has('selectedCounties') || changed.has('counties')) this.highlight();
    // The legend and corner boxes have just rendered: the labels keep clear of them.
    this.placeLabels();
  }

  override render() {
    const summary = this.variant === 'registry' ? this.summary : null;
    const multi = summary?.multiCounty ?? [];
    return html`<div id="map" role="region" aria-label=${this.label ?? t('map.label')}></div>
      ${summary && this.legend ? html`<gi-map-legend .counties=${this.counties !== null} .numbers=${summary}
        .measureKind=${summary.measure.kind}></gi-map-legend>` : nothing}
      ${this.counties && (multi.length > 0 || this.approvalNo) ? html`<div class="corner">
        ${multi.length > 0 ? html`<gi-map-multi .products=${multi} .linkQuery=${this.linkQuery}></gi-map-multi>` : nothing}
        ${this.approvalNo ? html`<p class="approval">${t('map.approvalNo', { no: this.approvalNo })}</p>` : nothing}
      </div>` : nothing}
      ${this.tilesFailed ? html`<p class="tiles-failed" role="alert">${t('map.tilesFailed')}
        <button type="button" @click=${() => this.loadClusterTiles()}>${t('state.retry')}</button></p>` : nothing}`;
  }

  private createMap() {
    const el = this.renderRoot.querySelector<HTMLElement>('#map')!;
    this.map = createLeafletMap(el);
    this.addZoomControl();
    this.map.on('click', this.onMapClick);
    this.map.on('keypress', this.onMapKey);
    this.unwirePopups = keyboardPopups(this.map, { closeLabel: () => t('map.popupClose') });
    this.map.on('moveend zoomend', this.highlight, this);
    this.map.on('zoomend', this.placeLabels, this);
    this.map.on('moveend', this.loadClusterTiles, this);
    this.resizeObserver.observe(el);
    this.drawTiles();
    this.drawCounties();
    this.drawPoints();
    this.drawArea();
    this.drawPin();
    this.fitView();
    this.loadClusterTiles();
    this.placeLabels();
    // Labels are measured once; a web font arriving later changes their widths.
    void document.fonts?.ready.then(() => {
      this.labels?.forgetSizes();
      this.placeLabels();
    });
  }

  private addZoomControl() {
    this.zoom?.remove();
    this.zoom = L.control.zoom({ zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(this.map!);
  }

  /** Puts a layer in its slot, replacing what was there. */
  private setLayer(slot: keyof Layers, layer: L.Layer | undefined) {
    this.layers[slot]?.remove();
    this.layers[slot] = layer;
    if (layer) layer.addTo(this.map!);
  }

  private drawTiles() {
    this.setLayer('tiles', basemapLayer(this.tiles));
  }

  private drawCounties() {
    const counties = this.counties;
    if (!counties) {
      for (const slot of ['counties', 'outline', 'seats', 'labels'] as const) this.setLayer(slot, undefined);
      this.labels = undefined;
      return;
    }
    const drawn = countyLayers(counties, {
      place: this.variant === 'place', summary: this.summary, selectedCounty: this.selectedCounty, focusCounties: this.focusCounties,
      basemap: !!this.tiles, pickable: this.pickable, boundarySource: this.boundarySource,
      onSelect: (code) => this.emit<CountySelectDetail>('gi-county-select', { code }),
    });
    this.paths = drawn.paths;
    this.setLayer('counties', drawn.polygons);
    this.setLayer('outline', drawn.outline);
    this.setLayer('seats', drawn.seats);
    this.labels = drawn.labels;
    this.setLayer('labels', this.labels.layer);
  }

  /** Whether the markers come from the server's cluster tiles (the registry map given a tile source). */
  private get usesTiles(): boolean {
    return this.variant === 'registry' && this.tileSource !== null;
  }

  private drawPoints() {
    const layer = new ProductLayer({
      markerLabel: markerName,
      clusterLabel: (n) => t('map.cluster', { n }),
      // A product's own map links nowhere: the reader is on its page.
      popup: (p) => popupElement(p, {
        at: this.coordinatesOf(p), href: this.variant === 'registry' ? withLang(`/products/${p.productId}${this.linkQuery}`) : null,
      }),
      onSelect: (id) => this.emit<MapSelectDetail>('gi-select', { id }),
      onCluster: (at, zoom) => this.map?.setView(at, Math.max(zoom, this.map.getZoom() + 1)),
      spread: (at, i, n) => spreadAt(this.map!, at, i, n),
    });
    this.pointLayer = layer;
    this.setLayer('points', layer.layer);
    if (this.usesTiles) {
      if (this.tileStore?.source !== this.tileSource) this.tileStore = new TileStore(this.tileSource!);
      this.markers = [];
      this.tileLoad++; // a load under way was for the layer just replaced
      return; // drawn once the view is known (loadClusterTiles)
    }
    layer.draw((this.points?.features ?? []).filter((f): f is DrawnFeature & typeof f => f.geometry !== null));
    this.markers = layer.markers;
  }

  /**
   * Draws the cluster tiles of the view at its zoom (after every move), from memory for the tiles fetched
   * before; only the latest view's are drawn when several loads overlap.
   */
  private loadClusterTiles() {
    const { map, tileStore: store, pointLayer: layer } = this;
    if (!map || !store || !layer || !this.usesTiles || map.getSize().x === 0) return;
    const load = ++this.tileLoad;
    const b = map.getBounds();
    store.features({ west: b.getWest(), south: b.getSouth(), east: b.getEast(), north: b.getNorth(), zoom: map.getZoom() }).then((features) => {
      if (load !== this.tileLoad) return;
      layer.draw(features);
      this.markers = layer.markers;
      this.tilesFailed = false;
      this.highlight();
    }, () => {
      if (load === this.tileLoad) this.tilesFailed = true;
    });
  }

  private drawArea() {
    if (!this.area) return this.setLayer('area', undefined);
    this.setLayer('area', areaLayer(this.area));
    this.fittedTo = null; // a new area: the view goes to it
  }

  private drawPin() {
    this.setLayer('pin', pinLayer(this.marker));
  }

  /** Fits the view when what it shows has changed (not on every redraw: a reader's own zoom stays). */
  private fitView(force = false) {
    const view = viewBounds({
      hasCounties: this.counties !== null, place: this.variant === 'place', focusCounties: this.focusCounties,
      area: this.area ? (this.layers.area as L.GeoJSON) : null, markers: this.markers, selectedCounty: this.selectedCounty, paths: this.paths,
    });
    if (!view || (!force && view.key === this.fittedTo) || !view.bounds.isValid() || this.map!.getSize().x === 0) return;
    // Leave room for the legend (top right, at most 15rem wide, 10px in) on a wide map.
    const legend = this.legend && this.variant === 'registry' && this.summary && !this.pickable && !this.area && this.map!.getSize().x > 700 ? 280 : 12;
    this.map!.fitBounds(view.bounds, { paddingTopLeft: [12, 12], paddingBottomRight: [legend, 12], animate: false, maxZoom: 13 });
    this.fittedTo = view.key;
  }

  /** Lays the county labels out for the current zoom, clear of the seats and the map's controls where they can be. */
  private placeLabels() {
    if (!this.map || !this.labels || !this.counties) return;
    const attribution = this.map.attributionControl.getContainer();
    this.style.setProperty('--gi-attribution-height', `${attribution?.offsetHeight ?? 18}px`);
    const origin = this.map.getContainer().getBoundingClientRect();
    const boxOf = (r: DOMRect) => ({ x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height });
    const controls = [...this.renderRoot.querySelectorAll('.leaflet-control, gi-map-legend, .corner')]
      .map((el) => boxOf(el.getBoundingClientRect())).filter((b) => b.width > 0);
    // A product's own few markers are kept clear too (the registry's thousands are left to the clusters).
    const markers = this.variant === 'place'
      ? this.markers.flatMap((m) => { const el = m.getElement(); return el ? [boxOf(el.getBoundingClientRect())] : []; }) : [];
    this.labels.place(this.map, [...seatBoxes(this.map, this.counties), ...controls, ...markers]);
  }

  /**
   * Marks the selected product with the `selected` class: its markers (or the clusters hiding them), or,
   * when it is shown on counties rather than at a spot, those counties' polygons.
   */
  private highlight() {
    for (const el of this.highlighted) el.classList.remove('selected', 'product-selected');
    this.highlighted = [];
    if (this.selectedId === null) return;
    // A place inside a cluster bubble is not marked: which bubble holds it is the server's to know.
    for (const m of this.markers) {
      if (m.product.productId !== this.selectedId) continue;
      const el = m.getElement();
      if (el) {
        el.classList.add('selected');
        this.highlighted.push(el);
      }
    }
    for (const code of this.selectedCounties) {
      const el = this.paths.get(code)?.getElement();
      if (el) {
        el.classList.add('product-selected');
        this.highlighted.push(el);
      }
    }
  }

  /** An exact place's [lng, lat], from its marker (only an exact place's coordinates are ever shown). */
  private coordinatesOf(p: ProductPointProperties): [number, number] | undefined {
    if (p.precision !== 'exact') return undefined;
    const ll = this.markers.find((m) => m.product === p)?.getLatLng();
    return ll ? [ll.lng, ll.lat] : undefined;
  }

  private readonly onResize = () => {
    this.map?.invalidateSize({ pan: false });
    // A map first laid out at no size (a hidden tab, a phone turning) fits once it has one.
    this.fitView(this.fittedTo === null);
    this.placeLabels();
  };

  private readonly onMapClick = (e: L.LeafletMouseEvent) => {
    if (this.pickable) this.emit<MapClickDetail>('gi-map-click', { lat: e.latlng.lat, lng: e.latlng.lng });
  };

  /** Keyboard picking: Enter on a focused pickable map picks its centre. */
  private readonly onMapKey = (e: L.LeafletKeyboardEvent) => {
    if (!this.pickable || e.originalEvent.key !== 'Enter' || e.originalEvent.target !== this.map?.getContainer()) return;
    const c = this.map.getCenter();
    this.emit<MapClickDetail>('gi-map-click', { lat: c.lat, lng: c.lng });
  };

  private emit<T>(type: string, detail: T) {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-map': GiMap }
}
