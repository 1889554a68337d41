/**
 * The frame of the map element (gi-map.ts): the Leaflet map with its panes, what its view is fitted to, and
 * where places at one spot are spread so each can be seen. Plain functions over a map and the element's state.
 */
import L from 'leaflet';

/** Leaflet's attribution prefix without its flag: a plain link to the library. */
const LEAFLET_PREFIX = '<a href="https://leafletjs.com" title="A JavaScript library for interactive maps">Leaflet</a>';

/** Creates the Leaflet map in `el`: Jincheng in view, no zoom control yet, the panes that keep the layers' stacking. */
export function createLeafletMap(el: HTMLElement): L.Map {
  const map = L.map(el, { zoomControl: false, zoomSnap: 0.25, minZoom: 6, maxZoom: 17, center: [35.6, 112.8], zoom: 9 });
  // No flag: the prefix names the library alone.
  map.attributionControl.setPrefix(LEAFLET_PREFIX);
  // Panes keep the stacking fixed whatever order the data arrives in: counties, the city outline, an area,
  // county seats, county names, then the product markers (markerPane, 600) above them all.
  map.createPane('counties').style.zIndex = '350';
  map.createPane('outline').style.zIndex = '360';
  map.createPane('area').style.zIndex = '420';
  map.createPane('labels').style.zIndex = '560';
  map.createPane('seats').style.zIndex = '550';
  return map;
}

/** What a map's view may be fitted to: the element's state that decides it. */
export interface ViewState {
  /** Whether the counties are drawn (no view to fit without them). */
  hasCounties: boolean;
  /** A product's own map (`place`) rather than the registry's. */
  place: boolean;
  /** On a product's own map, its counties. */
  focusCounties: readonly string[];
  /** The protected area's layer, when one is drawn. */
  area: L.GeoJSON | null;
  /** The product markers drawn. */
  markers: readonly L.Marker[];
  /** The county shown alone (the county filter). */
  selectedCounty: string | null;
  /** The county polygons, by code. */
  paths: ReadonlyMap<string, L.Path>;
}

/**
 * What the view shows, with a key naming it (`all`, a county code, `area`, `place:…`): the chosen county, a
 * product's places and area, or the whole city (null: no counties yet).
 */
export function viewBounds(v: ViewState): { key: string; bounds: L.LatLngBounds } | null {
  if (!v.hasCounties) return null;
  const countyBounds = (codes: readonly string[]) => {
    const b = L.latLngBounds([]);
    for (const code of codes) { const path = v.paths.get(code) as L.Polygon | undefined; if (path) b.extend(path.getBounds()); }
    return b;
  };
  if (v.place) {
    const b = countyBounds(v.focusCounties);
    if (v.area) b.extend(v.area.getBounds());
    for (const m of v.markers) b.extend(m.getLatLng());
    const key = `place:${v.focusCounties.join()}:${v.area ? 'area' : ''}:${v.markers.length}`;
    return b.isValid() ? { key, bounds: b } : { key: 'all', bounds: countyBounds([...v.paths.keys()]) };
  }
  if (v.area) return { key: 'area', bounds: v.area.getBounds() };
  if (v.selectedCounty && v.paths.has(v.selectedCounty)) return { key: v.selectedCounty, bounds: countyBounds([v.selectedCounty]) };
  return { key: 'all', bounds: countyBounds([...v.paths.keys()]) };
}

/** Where the `i`-th of `n` places at one spot goes: round it, 14 pixels and more apart, so each can be seen and chosen. */
export function spreadAt(map: L.Map, at: L.LatLng, i: number, n: number): L.LatLng {
  const zoom = map.getZoom();
  const radius = 14 + 4 * n;
  const angle = (2 * Math.PI * i) / n - Math.PI / 2;
  return map.unproject(map.project(at, zoom).add([radius * Math.cos(angle), radius * Math.sin(angle)]), zoom);
}
