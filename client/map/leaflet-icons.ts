/**
 * Leaflet icons whose DOM is built with Lit (never an HTML string): a product marker from its
 * spec, a cluster bubble with its count, the location-picker pin, and a county seat.
 *
 * An icon renders its template once, into a prototype element, and gives Leaflet a clone of it each
 * time a marker using it is drawn; so one icon object serves every marker that looks the same
 * (`productIcons` keeps one per marker style), and drawing a marker costs a node clone, no more
 * than Leaflet's own icons. An icon may carry an accessible name (clusters, the pin); a product
 * marker's name is its product's, set by the marker itself (see leaflet-layers.ts).
 */
import L from 'leaflet';
import { html, render } from 'lit';
import { iconSize, type MarkerSpec } from './marker-icon';
import { markerSvg } from './marker-svg';

/** `role` for an icon that is no control (a plain div may not carry a name: `img` gives it one). */
interface ClonedIconOptions extends L.DivIconOptions { ariaLabel?: string; role?: string }

/** A div icon drawn from a Lit template rendered once; each marker gets a clone. */
class ClonedIcon extends L.DivIcon {
  private prototypeElement?: HTMLElement;

  constructor(private readonly template: () => unknown, options: ClonedIconOptions) {
    super(options);
  }

  override createIcon(oldIcon?: HTMLElement): HTMLElement {
    if (!this.prototypeElement) {
      this.prototypeElement = document.createElement('div');
      render(this.template(), this.prototypeElement);
    }
    const copy = this.prototypeElement.cloneNode(true) as HTMLElement;
    // Leaflet hands back a marker's element when the icon changes (a cluster's count): keep it, so focus stays.
    const div = oldIcon && oldIcon.tagName === 'DIV' ? oldIcon : copy;
    if (div !== copy) div.replaceChildren(...copy.childNodes);
    // setIconStyles sizes and anchors the element and sets its classes.
    (this as unknown as { _setIconStyles(el: HTMLElement, name: string): void })._setIconStyles(div, 'icon');
    const { ariaLabel: label, role } = this.options as ClonedIconOptions;
    if (label) div.setAttribute('aria-label', label);
    if (role) div.setAttribute('role', role);
    return div;
  }
}

/**
 * The icon of a product place that looks like `spec` (its accessible name is set by its marker). A place
 * known only to its village or township (`approximate`) gets a dashed ring: the point is somewhere in
 * that unit, not the spot.
 */
export function productIcon(spec: MarkerSpec, approximate = false): L.DivIcon {
  const size = iconSize(spec);
  return new ClonedIcon(() => markerSvg(spec), {
    className: `gi-marker${spec.candidate ? ' candidate' : ''}${approximate ? ' approximate' : ''}`,
    iconSize: size,
    iconAnchor: [size[0] / 2, size[1] / 2],
  });
}

/** One product icon per marker style and precision, made when first asked for. */
export function productIcons(): (spec: MarkerSpec, approximate?: boolean) => L.DivIcon {
  const icons = new Map<string, L.DivIcon>();
  return (spec, approximate = false) => {
    const key = `${spec.key}${approximate ? '~' : ''}`;
    let icon = icons.get(key);
    if (!icon) icons.set(key, icon = productIcon(spec, approximate));
    return icon;
  };
}

/** The bubble of a cluster of `count` locations; bigger bubbles for bigger clusters. */
export function clusterIcon(count: number, ariaLabel: string): L.DivIcon {
  const size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 46 : 54;
  return new ClonedIcon(() => html`<span aria-hidden="true">${count}</span>`, {
    className: 'gi-cluster',
    iconSize: [size, size],
    ariaLabel,
  });
}

/** The pin of a single chosen location (the officials' picker). */
export function pinIcon(ariaLabel: string): L.DivIcon {
  return new ClonedIcon(() => html`<svg width="26" height="36" viewBox="0 0 26 36" aria-hidden="true" focusable="false">
      <path class="pin" d="M13 1C6.4 1 1 6.3 1 12.8 1 21.5 13 35 13 35s12-13.5 12-22.2C25 6.3 19.6 1 13 1Z"></path>
      <circle class="pin-dot" cx="13" cy="13" r="4.5"></circle>
    </svg>`, { className: 'gi-pin', iconSize: [26, 36], iconAnchor: [13, 35], ariaLabel, role: 'img' });
}

/** A county seat: a small ringed dot, a reference point rather than a product (no focus, a name for screen readers). */
export function seatIcon(ariaLabel: string): L.DivIcon {
  return new ClonedIcon(() => html`<svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <circle class="seat-ring" cx="6" cy="6" r="4.75"></circle><circle class="seat-dot" cx="6" cy="6" r="1.9"></circle>
    </svg>`, { className: 'gi-seat', iconSize: [12, 12], iconAnchor: [6, 6], ariaLabel, role: 'img' });
}
