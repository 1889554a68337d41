/**
 * The county labels of <gi-map>: each county's name at its label point (inside the polygon), the count
 * the filters measure, and the badge of the products known there only by the county. Leaflet places the
 * elements; which form each takes (full, short name, name and badge, badge alone, hidden) and where
 * (centred, above, below) is decided at every zoom by label-layout.ts from their measured sizes, so no
 * two labels ever overlap. The labels are hidden from screen readers: the county buttons say the same.
 */
import L from 'leaflet';
import { html, nothing, render } from 'lit';
import type { CountyCollection, CountyFeatureProperties } from '../lib/api';
import { layoutLabels, shortCountyName, type Box, type LabelPosition } from './label-layout';

/** The forms a label can take, fullest first. */
const FORMS = ['full', 'short', 'compact', 'badge'] as const;
type LabelForm = (typeof FORMS)[number];

/** What each county's label says. */
export interface CountyLabelOptions {
  name: (p: CountyFeatureProperties) => string;
  /** The line under the name (null: none). */
  measure: (p: CountyFeatureProperties) => string | null;
  /** The badge's number (0: no badge). */
  badge: (p: CountyFeatureProperties) => number;
  /** Counties whose label shows at all (the chosen county alone, when there is one). */
  shown: (p: CountyFeatureProperties) => boolean;
  /** Counties placed first, e.g. the chosen one. */
  first: (p: CountyFeatureProperties) => boolean;
}

interface Label {
  code: string;
  marker: L.Marker;
  el: HTMLElement;
  forms: { form: LabelForm; width: number; height: number }[];
  priority: number;
}

const POSITION_CLASSES: readonly string[] = ['pos-center', 'pos-above', 'pos-below'];
const FORM_CLASSES: readonly string[] = FORMS.map((f) => `form-${f}`);

/** The county labels as a layer, with `place()` to lay them out for the map's current zoom. */
export class CountyLabels {
  /** The layer to add to the map (pane `labels`). */
  readonly layer: L.LayerGroup;
  private readonly labels: Label[];

  constructor(counties: CountyCollection, private readonly o: CountyLabelOptions) {
    const size = (f: CountyCollection['features'][number]) => {
      const b = L.geoJSON(f as GeoJSON.Feature).getBounds();
      return (b.getEast() - b.getWest()) * (b.getNorth() - b.getSouth());
    };
    const bySize = [...counties.features].sort((a, b) => size(b) - size(a)).map((f) => f.properties.code);
    this.labels = counties.features.filter((f) => o.shown(f.properties)).map((f) => {
      const p = f.properties;
      const badge = o.badge(p);
      const measure = o.measure(p);
      const el = document.createElement('div');
      render(html`<div class="county-label form-full pos-center" data-code=${p.code} aria-hidden="true">
        <span class="title"><b class="full">${o.name(p)}</b><b class="short">${shortCountyName(o.name(p))}</b>${badge > 0
          ? html`<span class="county-badge" data-count=${badge}>${badge}</span>` : nothing}</span>
        ${measure ? html`<small class="measure">${measure}</small>` : nothing}
      </div>`, el);
      const marker = L.marker([p.label.lat, p.label.lng], {
        icon: L.divIcon({ html: el, className: 'county-label-icon', iconSize: undefined }),
        interactive: false, keyboard: false, pane: 'labels',
      });
      // Labels with a badge carry numbers the map must show: they go before bigger counties without one.
      const priority = (o.first(p) ? 1000 : 0) + (badge > 0 ? 100 : 0) + (counties.features.length - bySize.indexOf(p.code));
      const forms = FORMS.filter((form) => (form === 'badge' ? badge > 0 : form !== 'compact' || measure !== null))
        .map((form) => ({ form, width: 0, height: 0 }));
      return { code: p.code, marker, el, forms, priority };
    });
    this.layer = L.layerGroup(this.labels.map((l) => l.marker));
  }

  /**
   * Lays the labels out for the map's zoom: measures each form once (the sizes do not change with the
   * zoom), then places them clear of each other and, where they can be, of `obstacles` (seats, controls).
   */
  place(map: L.Map, obstacles: readonly Box[]): void {
    const labels = this.labels.filter((l) => l.marker.getElement());
    for (const l of labels) if (l.forms[0].width === 0) this.measure(l);
    const placed = layoutLabels(labels.map((l) => ({
      id: l.code, priority: l.priority, forms: l.forms,
      anchor: map.latLngToContainerPoint(l.marker.getLatLng()),
    })), { obstacles, width: map.getSize().x });
    for (const l of labels) {
      const where = placed.get(l.code) ?? null;
      const box = label(l);
      box.hidden = where === null;
      if (where) setPlacement(box, where.form, where.position, where.dx);
    }
  }

  /** Makes the next `place()` measure the labels again (their font has changed). */
  forgetSizes(): void {
    for (const l of this.labels) for (const size of l.forms) size.width = 0;
  }

  private measure(l: Label): void {
    const box = label(l);
    box.hidden = false;
    for (const size of l.forms) {
      setPlacement(box, size.form, 'center');
      // Layout sizes, not the screen box: a zoom animation scales the pane, never the label.
      size.width = box.offsetWidth;
      size.height = box.offsetHeight;
    }
  }
}

/** The label box inside a label's Leaflet element. */
const label = (l: Label) => l.el.firstElementChild as HTMLElement;

function setPlacement(box: HTMLElement, form: LabelForm, position: LabelPosition, dx = 0): void {
  box.classList.remove(...FORM_CLASSES, ...POSITION_CLASSES);
  box.classList.add(`form-${form}`, `pos-${position}`);
  // The CSP refuses style attributes in markup; a CSSOM write (as Leaflet positions everything) is not one.
  box.style.setProperty('--dx', `${Math.round(dx)}px`);
}
