/**
 * Draws the product markers of <gi-map>: places that are points (exact, village or township; a county-level
 * place is no point and never reaches here) and, on the registry map, the bubbles of the clusters the
 * server made (GET /api/clusters.geojson). Text reaches the DOM only through Lit or attributes.
 */
import L from 'leaflet';
import type { ClusterFeature, ClusterTile, PlaceFeature } from '../../db/model';
import type { ProductPointProperties } from '../lib/api';
import { clusterIcon, productIcons } from './leaflet-icons';
import { markerSpec } from './marker-icon';

/** A feature the layer draws: a place with its point, or a cluster of them. */
export type DrawnFeature = ClusterTile['features'][number] | (PlaceFeature & { geometry: NonNullable<PlaceFeature['geometry']> });

/** Whether a drawn feature is a cluster. */
const isCluster = (f: DrawnFeature): f is ClusterFeature => 'cluster' in f.properties;

/** What a product layer needs to know to draw itself. */
export interface ProductLayerOptions {
  markerLabel: (p: ProductPointProperties) => string;
  clusterLabel: (count: number) => string;
  popup: (p: ProductPointProperties) => HTMLElement;
  onSelect: (id: number) => void;
  /** A cluster chosen (click or Enter): where it is and the zoom at which it splits. */
  onCluster: (at: L.LatLng, zoom: number) => void;
  /** Where the `i`-th of `n` places sharing one spot is drawn, so that each can be seen and chosen. */
  spread: (at: L.LatLng, i: number, n: number) => L.LatLng;
}

/**
 * A product location's marker: it keeps its product's properties, and names its element after the
 * product when Leaflet draws it.
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

/** A cluster's bubble: how many places it stands for, and the zoom at which it splits. */
export class ClusterMarker extends L.Marker {
  constructor(latlng: L.LatLngExpression, options: L.MarkerOptions, readonly cluster: ClusterFeature['properties']) {
    super(latlng, options);
  }
}

/**
 * The markers of the places and clusters drawn. Each redraw keeps the markers of the features still there
 * (so a focused marker keeps its focus and an open popup stays open while the view moves), removes the
 * others and adds the new ones. One shared icon per look, and no handler or popup per marker: the group's
 * click and Enter handlers report the product and bind a marker's popup the first time it is opened.
 */
export class ProductLayer {
  /** The group to put on the map. */
  readonly layer = L.featureGroup();
  private readonly shown = new Map<string, ProductMarker | ClusterMarker>();
  private readonly iconFor = productIcons();
  private readonly optionsOf = new Map<string, L.MarkerOptions>();
  private readonly clusterIcons = new Map<number, L.DivIcon>();

  constructor(private readonly o: ProductLayerOptions) {
    this.layer.on('click', this.activate);
    this.layer.on('keypress', (e) => { if ((e as L.LeafletKeyboardEvent).originalEvent.key === 'Enter') this.activate(e); });
  }

  /** The product markers drawn now. */
  get markers(): ProductMarker[] {
    return [...this.shown.values()].filter((m): m is ProductMarker => m instanceof ProductMarker);
  }

  /** The cluster bubbles drawn now. */
  get clusters(): ClusterMarker[] {
    return [...this.shown.values()].filter((m): m is ClusterMarker => m instanceof ClusterMarker);
  }

  /** Draws exactly `features` (a feature's id says whether it is already drawn). */
  draw(features: readonly DrawnFeature[]): void {
    const next = new Map<string, DrawnFeature>();
    features.forEach((f, i) => next.set(String(f.id ?? `#${i}`), f));
    for (const [id, marker] of this.shown) {
      if (next.has(id)) continue;
      this.layer.removeLayer(marker);
      this.shown.delete(id);
    }
    // Places at one spot (two orchards at one address) are spread around it, each its own marker.
    const atSpot = new Map<string, string[]>();
    for (const [id, f] of next) {
      if (isCluster(f)) continue;
      const spot = f.geometry.coordinates.join();
      const ids = atSpot.get(spot);
      if (ids) ids.push(id); else atSpot.set(spot, [id]);
    }
    for (const ids of atSpot.values()) {
      ids.forEach((id, i) => {
        const f = next.get(id)! as Exclude<DrawnFeature, ClusterFeature>;
        const at = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
        const where = ids.length > 1 ? this.o.spread(at, i, ids.length) : at;
        const drawn = this.shown.get(id);
        if (!drawn) this.add(id, this.productMarker(f.properties, where));
        // Moved only when its place on screen changed (a move drags its open popup along, which may pan the map).
        else if (!drawn.getLatLng().equals(where)) drawn.setLatLng(where);
      });
    }
    for (const [id, f] of next) {
      if (!isCluster(f) || this.shown.has(id)) continue;
      const [lng, lat] = f.geometry.coordinates;
      this.add(id, new ClusterMarker([lat, lng], { icon: this.clusterIcon(f.properties.count), riseOnHover: true }, f.properties));
    }
  }

  /** Names every marker and bubble again (a new language, or the counties' names arriving), keeping their elements. */
  relabel(): void {
    this.clusterIcons.clear();
    for (const m of this.shown.values()) {
      if (m instanceof ClusterMarker) m.setIcon(this.clusterIcon(m.cluster.count));
      else m.getElement()?.setAttribute('aria-label', this.o.markerLabel(m.product));
    }
  }

  /** Puts the marker of feature `id` on the map, in place of one drawn for it before: a feature is never drawn twice. */
  private add(id: string, marker: ProductMarker | ClusterMarker) {
    const before = this.shown.get(id);
    if (before) this.layer.removeLayer(before);
    this.shown.set(id, marker);
    this.layer.addLayer(marker);
  }

  private productMarker(p: ProductPointProperties, at: L.LatLng): ProductMarker {
    const spec = markerSpec(p.designations);
    const approximate = p.precision !== 'exact';
    const key = `${spec.key}${approximate ? '~' : ''}`;
    // Marker options per look, shared by its markers (Leaflet copies them into each marker's own).
    let options = this.optionsOf.get(key);
    if (!options) this.optionsOf.set(key, options = { icon: this.iconFor(spec, approximate), riseOnHover: true });
    return new ProductMarker(at, options, p, this.o.markerLabel);
  }

  /** A cluster icon per count (clusters of the same size share one). */
  private clusterIcon(n: number): L.DivIcon {
    let icon = this.clusterIcons.get(n);
    if (!icon) this.clusterIcons.set(n, icon = clusterIcon(n, this.o.clusterLabel(n)));
    return icon;
  }

  // Events of the markers reach the group.
  private readonly activate = (e: L.LeafletEvent) => {
    const marker = (e as L.LeafletEvent & { propagatedFrom?: L.Layer }).propagatedFrom;
    if (marker instanceof ClusterMarker) {
      L.DomEvent.stop(e as L.LeafletMouseEvent);
      this.o.onCluster(marker.getLatLng(), marker.cluster.expansionZoom);
      return;
    }
    if (!(marker instanceof ProductMarker)) return;
    this.o.onSelect(marker.product.productId);
    if (marker.getPopup()) return; // bound earlier: Leaflet's own handler on the marker opens or closes it
    L.DomEvent.stop(e as L.LeafletMouseEvent); // as Leaflet's does: the map does not get the click too
    marker.bindPopup(() => this.o.popup(marker.product), { maxWidth: 280 });
    marker.openPopup();
  };
}
