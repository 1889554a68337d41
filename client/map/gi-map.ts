import { html, LitElement, nothing, render, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import L from 'leaflet';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import clusterCss from 'leaflet.markercluster/dist/MarkerCluster.css?inline';
import type { AreaGeometry } from '../../db/model';
import type { ClientConfig, CountyCollection, ProductPointCollection, ProductPointProperties } from '../lib/api';
import { lang, localName, LocaleController, t } from '../i18n';
import { shownLabel } from '../lib/location-label';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { pinIcon } from './leaflet-icons';
import { countyLayers, productLayer, type ProductMarker } from './leaflet-layers';
import { markerSpec } from './marker-icon';
import { glyphCss } from './marker-svg';
import { mapStyles } from './map-styles';
import './gi-map-legend';

/** Detail of `gi-select`: the product whose marker was chosen. */
export interface MapSelectDetail { id: number }
/** Detail of `gi-county-select`: the county clicked. */
export interface CountySelectDetail { code: string }
/** Detail of `gi-map-click`: where a pickable map was clicked. */
export interface MapClickDetail { lat: number; lng: number }

type Layers = Partial<Record<'tiles' | 'counties' | 'labels' | 'points' | 'area' | 'pin', L.Layer>>;

/**
 * The only element that touches Leaflet: counties, product markers, an optional area and pin, an
 * optional basemap. Properties down; `gi-select`, `gi-county-select` and `gi-map-click` up.
 */
@customElement('gi-map')
export class GiMap extends LitElement {
  static override styles = [unsafeCSS(leafletCss), unsafeCSS(clusterCss), unsafeCSS(glyphCss), sharedStyles, mapStyles];

  /** The county polygons with their counts (from /api/counties.geojson). */
  @property({ attribute: false }) counties: CountyCollection | null = null;
  /** Product locations to mark (from /api/products.geojson). */
  @property({ attribute: false }) points: ProductPointCollection | null = null;
  /** The product to highlight. */
  @property({ attribute: false }) selectedId: number | null = null;
  /** The county to outline (the county filter). */
  @property({ attribute: false }) selectedCounty: string | null = null;
  /** A protected area to draw and fit the view to. */
  @property({ attribute: false }) area: AreaGeometry | null = null;
  /** A single pin (the officials' location picker). */
  @property({ attribute: false }) marker: { lat: number; lng: number } | null = null;
  /** An optional basemap under the counties (null: nothing is loaded from any other host). */
  @property({ attribute: false }) tiles: ClientConfig['tiles'] = null;
  /** The map's approval number (审图号), shown bottom left when tiles are drawn. */
  @property({ attribute: false }) approvalNo: string | null = null;
  /** Whether crowded markers cluster. */
  @property({ attribute: false }) cluster = true;
  /** Whether a click on the map reports a location with `gi-map-click`. */
  @property({ attribute: false }) pickable = false;
  /** Whether to show the legend (when there are points) and keep room for it. */
  @property({ attribute: false }) legend = true;
  /** Query string kept on product links in popups (the map's filters). */
  @property({ attribute: false }) linkQuery = '';

  private map?: L.Map;
  private zoom?: L.Control.Zoom;
  private layers: Layers = {};
  private markers: ProductMarker[] = [];
  private highlighted: HTMLElement[] = [];
  private drawnLang = lang();
  private fitted = false;
  private readonly i18n = new LocaleController(this);
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
    this.map?.remove();
    this.map = undefined;
    this.layers = {};
    this.markers = [];
    this.fitted = false;
    super.disconnectedCallback();
  }

  override firstUpdated(): void {
    this.createMap();
  }

  override updated(changed: PropertyValues<this>): void {
    if (!this.map) return;
    const relabel = this.drawnLang !== lang();
    this.drawnLang = lang();
    if (relabel) this.addZoomControl();
    if (changed.has('tiles')) this.drawTiles();
    if (relabel || changed.has('counties') || changed.has('selectedCounty') || changed.has('pickable') || changed.has('tiles')) this.drawCounties();
    // Popups are built when opened, so a new linkQuery needs no redraw (the points that follow it do).
    if (relabel || changed.has('points') || changed.has('cluster')) this.drawPoints();
    if (changed.has('area')) this.drawArea();
    if (relabel || changed.has('marker')) this.drawPin();
    if (changed.has('selectedId') || changed.has('points')) this.highlight();
  }

  override render() {
    return html`<div id="map" role="region" aria-label=${t('map.label')}></div>
      ${this.points && this.legend ? html`<gi-map-legend .counties=${this.counties !== null}></gi-map-legend>` : nothing}
      ${this.tiles && this.approvalNo ? html`<p class="approval">${t('map.approvalNo', { no: this.approvalNo })}</p>` : nothing}`;
  }

  private createMap() {
    const el = this.renderRoot.querySelector<HTMLElement>('#map')!;
    this.map = L.map(el, { zoomControl: false, zoomSnap: 0.25, minZoom: 6, maxZoom: 17, center: [35.6, 112.8], zoom: 9 });
    // Panes keep the stacking fixed whatever order the data arrives in: counties, an area, markers, county names.
    this.map.createPane('counties').style.zIndex = '350';
    this.map.createPane('area').style.zIndex = '420';
    this.map.createPane('labels').style.zIndex = '650';
    this.addZoomControl();
    this.map.on('click', this.onMapClick);
    this.map.on('keypress', this.onMapKey);
    this.map.on('moveend zoomend', this.highlight, this);
    this.resizeObserver.observe(el);
    this.drawTiles();
    this.drawCounties();
    this.drawPoints();
    this.drawArea();
    this.drawPin();
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
    const tiles = this.tiles;
    this.setLayer('tiles', tiles ? L.layerGroup(tiles.urls.map((url, i) => L.tileLayer(url, {
      subdomains: tiles.subdomains, attribution: i === 0 ? tiles.attribution : undefined, maxZoom: 18,
    }))) : undefined);
  }

  private drawCounties() {
    if (!this.counties) {
      this.setLayer('counties', undefined);
      this.setLayer('labels', undefined);
      return;
    }
    const { polygons, labels } = countyLayers(this.counties, {
      selected: this.selectedCounty, basemap: !!this.tiles, interactive: !this.pickable,
      name: (p) => localName(p), inForceText: (n) => t('map.inForce', { n }),
      onSelect: (code) => this.emit<CountySelectDetail>('gi-county-select', { code }),
    });
    this.setLayer('counties', polygons);
    this.setLayer('labels', labels);
    if (!this.fitted && !this.area) this.fit(polygons.getBounds());
  }

  private drawPoints() {
    this.markers = [];
    if (!this.points) return this.setLayer('points', undefined);
    const { layer, markers, fill } = productLayer(this.points, {
      cluster: this.cluster,
      markerLabel: (p) => t('map.marker', { name: localName(p), types: this.typesText(p) }),
      clusterLabel: (n) => t('map.cluster', { n }),
      popup: (p) => this.popup(p),
      onSelect: (id) => this.emit<MapSelectDetail>('gi-select', { id }),
    });
    this.markers = markers;
    this.setLayer('points', layer);
    fill();
    layer.on('animationend spiderfied', this.highlight, this);
  }

  private drawArea() {
    if (!this.area) return this.setLayer('area', undefined);
    const area = L.geoJSON(this.area as GeoJSON.Geometry, { pane: 'area', style: { color: '#b3261e', weight: 2.5, fillOpacity: 0.25, fillColor: '#ff9f1c' } });
    this.setLayer('area', area);
    this.fitted = false;
    this.fit(area.getBounds());
  }

  private drawPin() {
    const m = this.marker;
    this.setLayer('pin', m ? L.marker([m.lat, m.lng], { icon: pinIcon(t('map.pin')), keyboard: false, interactive: false }) : undefined);
  }

  private fit(bounds: L.LatLngBounds) {
    if (!bounds.isValid() || this.map!.getSize().x === 0) return;
    // Leave room for the legend (top right) on a wide map.
    const legend = this.legend && !this.pickable && !this.area && this.map!.getSize().x > 700 ? 200 : 12;
    this.map!.fitBounds(bounds, { paddingTopLeft: [12, 12], paddingBottomRight: [legend, 12], animate: false });
    this.fitted = true;
  }

  /** Marks the selected product's markers (or the clusters hiding them) with the `selected` class. */
  private highlight() {
    for (const el of this.highlighted) el.classList.remove('selected');
    this.highlighted = [];
    if (this.selectedId === null) return;
    const group = this.layers.points;
    for (const m of this.markers) {
      if (m.product.productId !== this.selectedId) continue;
      const shown = group instanceof L.MarkerClusterGroup ? group.getVisibleParent(m) : m;
      const el = shown?.getElement();
      if (el) {
        el.classList.add('selected');
        this.highlighted.push(el);
      }
    }
  }

  private typesText(p: ProductPointProperties): string {
    const spec = markerSpec(p.designations);
    if (spec.candidate) return t('map.candidate');
    return spec.glyphs.map((g) => `${t(`giType.${g.giType!}`)} ${t(g.state === 'in_force' ? 'status.in_force' : 'status.in_progress')}`).join(t('product.separator'));
  }

  private popup(p: ProductPointProperties): HTMLElement {
    const el = document.createElement('div');
    const label = shownLabel(p);
    render(html`<div class="popup">
      ${p.thumbnailUrl ? html`<img class="thumb" src=${p.thumbnailUrl} alt=${t('docs.popupPhoto', { name: localName(p) })} width="200" height="150" />` : nothing}
      <strong>${localName(p)}</strong>
      <div>${this.typesText(p)}</div>
      <div class="muted">${label.text ? html`<span lang=${label.lang ?? nothing}>${label.text}</span> · ` : nothing}${t(`precision.${p.precision}`)}</div>
      <a href=${withLang(`/products/${p.productId}${this.linkQuery}`)}>${t('map.popupOpen')}</a>
    </div>`, el);
    return el;
  }

  private readonly onResize = () => {
    this.map?.invalidateSize({ pan: false });
    if (!this.fitted) {
      const bounds = (this.layers.area ?? this.layers.counties) as L.GeoJSON | undefined;
      if (bounds) this.fit(bounds.getBounds());
    }
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
