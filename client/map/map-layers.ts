/**
 * The layers the map element (gi-map.ts) draws, built afresh from its properties on every draw: the basemap,
 * the counties (shaded polygons, the city outline carrying the boundaries' credit, the seats and the names),
 * a protected area and a pin. The element puts each in its slot; none touches the map itself.
 */
import L from 'leaflet';
import type { AreaGeometry, CountyCode, MapSummaryHead } from '../../db/model';
import type { ClientConfig, CountyCollection, CountyFeatureProperties } from '../lib/api';
import { lang, localName, t } from '../i18n';
import { chineseRuns } from '../lib/free-text';
import { CountyLabels } from './county-labels';
import { pinIcon } from './leaflet-icons';
import { cityOutlineLayer, countyPolygons, seatMarkers } from './leaflet-counties';
import { measureText } from './place-words';

/** Text made safe for Leaflet's attribution control, which takes HTML. */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The optional basemap: a tile layer per configured URL, the first credited (none configured: no layer). */
export function basemapLayer(tiles: ClientConfig['tiles']): L.Layer | undefined {
  return tiles ? L.layerGroup(tiles.urls.map((url, i) => L.tileLayer(url, {
    subdomains: tiles.subdomains, attribution: i === 0 ? tiles.attribution : undefined, maxZoom: 18,
  }))) : undefined;
}

/** What the county layers are drawn for: the map element's properties that shape them. */
export interface CountyLayerOptions {
  /** A product's own map (`place`): its counties filled, no counts, nothing to choose. */
  place: boolean;
  /** The registry map's numbers under the filters (null: the counties' own counts). */
  summary: MapSummaryHead | null;
  /** The county shown alone (the county filter). */
  selectedCounty: string | null;
  /** On a product's own map, the counties filled as its own. */
  focusCounties: readonly CountyCode[];
  /** Whether a basemap lies under the counties. */
  basemap: boolean;
  /** Whether a click on the map picks a location (the counties are then not buttons). */
  pickable: boolean;
  /** Whom the boundaries come from, credited on the city outline (null: no credit). */
  boundarySource: string | null;
  /** Called with the code of a county chosen on the registry map. */
  onSelect: (code: string) => void;
}

/** The county layers, one per slot, with the polygons by county code and the names to lay out. */
export interface CountyLayers {
  polygons: L.Layer;
  paths: Map<string, L.Path>;
  outline: L.Layer;
  seats: L.Layer;
  labels: CountyLabels;
}

/** Builds the county layers: polygons shaded by the map's measure, the city outline, the seats and the names. */
export function countyLayers(counties: CountyCollection, o: CountyLayerOptions): CountyLayers {
  const { place } = o;
  const selected = place ? null : o.selectedCounty;
  const summary = place ? null : o.summary;
  const count = (p: CountyFeatureProperties) => (summary ? summary.measure.counts[p.code] ?? 0 : p.inForce.total);
  const badge = (p: CountyFeatureProperties) => summary?.badges[p.code] ?? 0;
  const measure = (p: CountyFeatureProperties) => (place ? null : measureText(summary?.measure.kind ?? 'in_force', count(p)));
  const { layer, paths } = countyPolygons(counties, {
    selected, focus: place ? o.focusCounties : null, basemap: o.basemap, interactive: !o.pickable && !place, count,
    label: (p) => [t('map.countyButton', { name: localName(p), measure: measure(p) ?? '' }),
      ...(badge(p) > 0 ? [t('map.countyBadge', { n: badge(p) })] : [])].join(' · '),
    onSelect: o.onSelect,
  });
  // A source named in Chinese (高德地图) is marked so on an English page.
  const source = o.boundarySource ? chineseRuns(t('map.boundarySource', { source: o.boundarySource }))
    .map((r) => (r.zh && lang() === 'en' ? `<span lang="zh-CN">${escapeHtml(r.text)}</span>` : escapeHtml(r.text))).join('') : undefined;
  // The chosen county alone keeps its name and seat; the others step back without them.
  const shown = (p: CountyFeatureProperties) => selected === null || p.code === selected;
  return {
    polygons: layer,
    paths,
    outline: cityOutlineLayer(counties, source),
    seats: seatMarkers(counties, (p) => t('map.seat', { name: localName(p) }), shown),
    labels: new CountyLabels(counties, {
      name: (p) => localName(p), measure, badge, shown,
      first: (p) => p.code === selected || (place && o.focusCounties.includes(p.code)),
    }),
  };
}

/** A protected area, outlined and filled in its pane (none given: no layer). */
export function areaLayer(area: AreaGeometry | null): L.GeoJSON | undefined {
  return area ? L.geoJSON(area as GeoJSON.Geometry, { pane: 'area', style: { color: '#b3261e', weight: 2.5, fillOpacity: 0.25, fillColor: '#ff9f1c' } }) : undefined;
}

/** The location picker's pin, seen but not focusable or clickable (none given: no layer). */
export function pinLayer(at: { lat: number; lng: number } | null): L.Layer | undefined {
  return at ? L.marker([at.lat, at.lng], { icon: pinIcon(t('map.pin')), keyboard: false, interactive: false }) : undefined;
}
