/**
 * Builds the Leaflet layers of <gi-map> from API data: the county polygons with their labels, and
 * the product markers (clustered or not). Text reaches the DOM only through Lit or textContent.
 */
import L from 'leaflet';
import 'leaflet.markercluster';
import { html, render } from 'lit';
import type { CountyCollection, ProductPointCollection, ProductPointProperties } from '../lib/api';
import { countyStyle, labelPlacement } from './county-style';
import { clusterIcon, productIcons } from './leaflet-icons';
import { markerSpec, type MarkerSpec } from './marker-icon';

/** What a county layer needs to know to draw itself. */
export interface CountyLayerOptions {
  selected: string | null;
  basemap: boolean;
  interactive: boolean;
  name: (p: CountyCollection['features'][number]['properties']) => string;
  inForceText: (n: number) => string;
  onSelect: (code: string) => void;
}

/** The six counties as polygons (泽州县's hole keeps 城区 visible) plus a name-and-count label on each. */
export function countyLayers(counties: CountyCollection, o: CountyLayerOptions): { polygons: L.GeoJSON; labels: L.LayerGroup } {
  const polygons = L.geoJSON(counties as GeoJSON.FeatureCollection, {
    interactive: o.interactive,
    pane: 'counties',
    style: (f) => countyStyle(f?.properties.inForce.total ?? 0, {
      selected: f?.properties.code === o.selected,
      dimmed: o.selected !== null && f?.properties.code !== o.selected,
      basemap: o.basemap,
    }),
    onEachFeature: (f, layer) => {
      if (!o.interactive) return;
      const select = () => o.onSelect(f.properties.code);
      layer.on('click', select);
      // Keyboard users reach each county too: the polygon is a focusable toggle button.
      layer.on('add', () => makeKeyboardButton((layer as L.Path).getElement(), {
        label: `${o.name(f.properties)} · ${o.inForceText(f.properties.inForce.total)}`,
        pressed: f.properties.code === o.selected,
        onPress: select,
      }));
    },
  });
  const labels = L.layerGroup(counties.features.map((f) => {
    const p = f.properties;
    const el = document.createElement('div');
    render(html`<span class="county-label ${labelPlacement(p.code)} ${p.code === o.selected ? 'selected' : ''}"><b>${o.name(p)}</b>
      <small>${o.inForceText(p.inForce.total)}</small></span>`, el);
    return L.marker([p.label.lat, p.label.lng], {
      icon: L.divIcon({ html: el, className: 'county-label-icon', iconSize: undefined }),
      interactive: false, keyboard: false, pane: 'labels',
    });
  }));
  return { polygons, labels };
}

/** Makes an SVG shape a labelled toggle button that Enter and Space press. */
function makeKeyboardButton(el: Element | undefined, o: { label: string; pressed: boolean; onPress: () => void }): void {
  if (!el) return;
  el.setAttribute('tabindex', '0');
  el.setAttribute('role', 'button');
  el.setAttribute('aria-label', o.label);
  el.setAttribute('aria-pressed', String(o.pressed));
  el.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key !== 'Enter' && key !== ' ') return;
    event.preventDefault();
    o.onPress();
  });
}

/** What a product layer needs to know to draw itself. */
export interface ProductLayerOptions {
  cluster: boolean;
  markerLabel: (p: ProductPointProperties) => string;
  clusterLabel: (count: number) => string;
  popup: (p: ProductPointProperties) => HTMLElement;
  onSelect: (id: number) => void;
}

/**
 * A product location's marker: it keeps its product's properties, and names its element after the
 * product when Leaflet draws it (only markers in view are drawn, so labels are made for those only).
 */
export class ProductMarker extends L.Marker {
  constructor(latlng: L.LatLngExpression, options: L.MarkerOptions, readonly product: ProductPointProperties,
    private readonly label: (p: ProductPointProperties) => string) {
    super(latlng, options);
  }

  /** Leaflet's own (creates or reuses the icon's element), then the element's accessible name. */
  protected _initIcon(): void {
    (L.Marker.prototype as unknown as { _initIcon(this: L.Marker): void })._initIcon.call(this);
    this.getElement()?.setAttribute('aria-label', this.label(this.product));
  }
}

/**
 * The product markers (a product may have several locations, each a marker).
 * Built as cheaply as bare Leaflet + markercluster would: one shared icon per marker style, one
 * `addLayers` with chunked loading, and no handler or popup per marker: the group's click and Enter
 * handlers report the product and bind a marker's popup the first time it is opened.
 * Call `fill()` once the layer is on the map: markercluster then clusters the markers in chunks
 * straight away, whereas markers added before it is on a map are first queued with a duplicate
 * check that scans the queue (quadratic in their number).
 */
export function productLayer(points: ProductPointCollection, o: ProductLayerOptions): {
  layer: L.FeatureGroup; markers: ProductMarker[]; fill: () => void;
} {
  const iconFor = productIcons();
  // Marker options per look, shared by its markers (Leaflet copies them into each marker's own).
  const optionsOf = new Map<MarkerSpec, L.MarkerOptions>();
  const markers: ProductMarker[] = [];
  for (const f of points.features) {
    if (!f.geometry) continue;
    const p = f.properties;
    const spec = markerSpec(p.designations);
    let options = optionsOf.get(spec);
    if (!options) optionsOf.set(spec, options = { icon: iconFor(spec), riseOnHover: true });
    const c = f.geometry.coordinates;
    markers.push(new ProductMarker([c[1], c[0]], options, p, o.markerLabel));
  }
  const layer: L.FeatureGroup = o.cluster ? L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    // Wider clusters when the whole city is in view, tighter ones once zoomed in.
    maxClusterRadius: (zoom: number) => (zoom < 11 ? 64 : 44),
    spiderfyOnMaxZoom: true,
    removeOutsideVisibleBounds: true,
    iconCreateFunction: clusterIcons(o.clusterLabel),
  }) : L.featureGroup();
  // Events of the markers reach the group (clusters' come as clusterclick etc., which markercluster handles).
  const activate = (e: L.LeafletEvent) => {
    const marker = (e as L.LeafletEvent & { propagatedFrom?: L.Layer }).propagatedFrom;
    if (!(marker instanceof ProductMarker)) return;
    o.onSelect(marker.product.productId);
    if (marker.getPopup()) return; // bound earlier: Leaflet's own handler on the marker opens or closes it
    L.DomEvent.stop(e as L.LeafletMouseEvent); // as Leaflet's does: the map does not get the click too
    marker.bindPopup(() => o.popup(marker.product), { maxWidth: 280 });
    marker.openPopup();
  };
  layer.on('click', activate);
  layer.on('keypress', (e) => { if ((e as L.LeafletKeyboardEvent).originalEvent.key === 'Enter') activate(e); });
  const fill = () => {
    if (layer instanceof L.MarkerClusterGroup) layer.addLayers(markers);
    else for (const m of markers) layer.addLayer(m);
  };
  return { layer, markers, fill };
}

/** A cluster icon per count (clusters of the same size share one). */
function clusterIcons(label: (count: number) => string): (cluster: L.MarkerCluster) => L.DivIcon {
  const icons = new Map<number, L.DivIcon>();
  return (cluster) => {
    const n = cluster.getChildCount();
    let icon = icons.get(n);
    if (!icon) icons.set(n, icon = clusterIcon(n, label(n)));
    return icon;
  };
}
