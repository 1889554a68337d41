/**
 * The reference layers of <gi-map> built from the counties: the county polygons (shaded by the measure the
 * filters choose, each a keyboard button), the city's outline (which carries the boundaries' credit), and
 * the six county seats as small reference points. Text reaches the DOM only through Lit or attributes.
 */
import L from 'leaflet';
import type { CountyCode } from '../../db/model';
import type { CountyCollection, CountyFeatureProperties } from '../lib/api';
import { cityOutline } from './city-outline';
import { countyStyle, focusStyle } from './county-style';
import { seatIcon } from './leaflet-icons';

/** How the polygons are drawn and what they say. */
export interface CountyPolygonOptions {
  /** The county filtered on: it alone is shaded, the others step back. */
  selected: string | null;
  /** Counties to fill as the subject's own (a product's map); null: shade by `count`. */
  focus: readonly string[] | null;
  basemap: boolean;
  interactive: boolean;
  /** The number a county is shaded by. */
  count: (p: CountyFeatureProperties) => number;
  /** A county button's accessible name. */
  label: (p: CountyFeatureProperties) => string;
  onSelect: (code: string) => void;
}

/** The county polygons (泽州县's hole keeps 城区 visible), with their path layers by code. */
export function countyPolygons(counties: CountyCollection, o: CountyPolygonOptions): { layer: L.GeoJSON; paths: Map<string, L.Path> } {
  const paths = new Map<string, L.Path>();
  const layer = L.geoJSON(counties as GeoJSON.FeatureCollection, {
    interactive: o.interactive,
    pane: 'counties',
    style: (f) => {
      const p = f!.properties as CountyFeatureProperties;
      if (o.focus) return focusStyle(o.focus.includes(p.code), { basemap: o.basemap });
      return countyStyle(o.count(p), {
        selected: p.code === o.selected,
        dimmed: o.selected !== null && p.code !== o.selected,
        basemap: o.basemap,
      });
    },
    onEachFeature: (f, path) => {
      const p = f.properties as CountyFeatureProperties;
      paths.set(p.code, path as L.Path);
      if (!o.interactive) return;
      const select = () => o.onSelect(p.code);
      path.on('click', select);
      // Keyboard users reach each county too: the polygon is a focusable toggle button.
      path.on('add', () => makeKeyboardButton((path as L.Path).getElement(), {
        label: o.label(p), pressed: p.code === o.selected, onPress: select,
      }));
    },
  });
  return { layer, paths };
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

/**
 * The city's outline, a thicker line round the six counties, so the map reads without tiles. It carries
 * the boundaries' credit (HTML, escaped by the caller), shown whenever the boundaries are on the map.
 */
export function cityOutlineLayer(counties: CountyCollection, attribution: string | undefined): L.GeoJSON {
  const lines = cityOutline(counties.features.map((f) => f.geometry));
  return L.geoJSON({ type: 'MultiLineString', coordinates: lines } as GeoJSON.MultiLineString, {
    pane: 'outline', interactive: false, attribution,
    style: { color: '#1f2328', weight: 3, opacity: 0.9, fill: false, lineJoin: 'round' },
  });
}

/** The county seats (each county's `seat`, its seat of government) as small reference points named for screen readers. */
export function seatMarkers(counties: CountyCollection, name: (p: CountyFeatureProperties) => string,
  shown: (p: CountyFeatureProperties) => boolean = () => true): L.LayerGroup {
  return L.layerGroup(counties.features.filter((f) => shown(f.properties)).map((f) => L.marker([f.properties.seat.lat, f.properties.seat.lng], {
    icon: seatIcon(name(f.properties)), pane: 'seats', interactive: false, keyboard: false,
  })));
}

/** The container-pixel boxes of the seats, for labels to keep clear of. */
export function seatBoxes(map: L.Map, counties: CountyCollection, size = 12): { code: CountyCode; x: number; y: number; width: number; height: number }[] {
  return counties.features.map((f) => {
    const pt = map.latLngToContainerPoint([f.properties.seat.lat, f.properties.seat.lng]);
    return { code: f.properties.code, x: pt.x - size / 2, y: pt.y - size / 2, width: size, height: size };
  });
}
