/**
 * Builds the product markers of <gi-map> (clustered or not) from the places that are points: exact,
 * village or township places (a county-level place is no point and never reaches here). Text reaches
 * the DOM only through Lit or attributes.
 */
import L from 'leaflet';
import 'leaflet.markercluster';
import type { ProductPointProperties } from '../lib/api';
import { clusterIcon, productIcons } from './leaflet-icons';
import { markerSpec } from './marker-icon';
import type { PlaceFeature } from './place-tally';

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
 * The product markers (a product may have several places, each a marker).
 * Built as cheaply as bare Leaflet + markercluster would: one shared icon per marker style, one
 * `addLayers` with chunked loading, and no handler or popup per marker: the group's click and Enter
 * handlers report the product and bind a marker's popup the first time it is opened.
 * Call `fill()` once the layer is on the map: markercluster then clusters the markers in chunks
 * straight away, whereas markers added before it is on a map are first queued with a duplicate
 * check that scans the queue (quadratic in their number).
 */
export function productLayer(points: readonly PlaceFeature[], o: ProductLayerOptions): {
  layer: L.FeatureGroup; markers: ProductMarker[]; fill: () => void;
} {
  const iconFor = productIcons();
  // Marker options per look, shared by its markers (Leaflet copies them into each marker's own).
  const optionsOf = new Map<string, L.MarkerOptions>();
  const markers: ProductMarker[] = [];
  for (const f of points) {
    if (!f.geometry) continue;
    const p = f.properties;
    const spec = markerSpec(p.designations);
    const approximate = p.precision !== 'exact';
    const key = `${spec.key}${approximate ? '~' : ''}`;
    let options = optionsOf.get(key);
    if (!options) optionsOf.set(key, options = { icon: iconFor(spec, approximate), riseOnHover: true });
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
