/**
 * Builds the Leaflet layers of <gi-map> from API data: the county polygons with their labels, and
 * the product markers (clustered or not). Text reaches the DOM only through Lit or textContent.
 */
import L from 'leaflet';
import 'leaflet.markercluster';
import { html, render } from 'lit';
import type { CountyCollection, ProductPointCollection, ProductPointProperties } from '../api';
import { countyStyle, labelPlacement } from './county-style';
import { clusterIcon, productIcon } from './leaflet-icons';
import { markerSpec } from './marker-icon';

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

/** The product markers, and each product's markers by id (a product may have several locations). */
export function productLayer(points: ProductPointCollection, o: ProductLayerOptions): {
  layer: L.FeatureGroup; byId: Map<number, L.Marker[]>;
} {
  const byId = new Map<number, L.Marker[]>();
  const markers = points.features.map((f) => {
    const p = f.properties;
    const [lng, lat] = f.geometry.coordinates;
    const marker = L.marker([lat, lng], {
      icon: productIcon(markerSpec(p.designations), o.markerLabel(p)),
      keyboard: true,
      riseOnHover: true,
    });
    marker.bindPopup(() => o.popup(p), { maxWidth: 280 });
    marker.on('click', () => o.onSelect(p.id));
    marker.on('keypress', (e) => { if ((e as L.LeafletKeyboardEvent).originalEvent.key === 'Enter') o.onSelect(p.id); });
    const list = byId.get(p.id);
    if (list) list.push(marker); else byId.set(p.id, [marker]);
    return marker;
  });
  if (!o.cluster) return { layer: L.featureGroup(markers), byId };
  const layer = L.markerClusterGroup({
    chunkedLoading: true,
    chunkInterval: 100,
    showCoverageOnHover: false,
    // Wider clusters when the whole city is in view, tighter ones once zoomed in.
    maxClusterRadius: (zoom: number) => (zoom < 11 ? 64 : 44),
    spiderfyOnMaxZoom: true,
    removeOutsideVisibleBounds: true,
    iconCreateFunction: (cluster) => clusterIcon(cluster.getChildCount(), o.clusterLabel(cluster.getChildCount())),
  });
  layer.addLayers(markers);
  return { layer, byId };
}
