/**
 * Leaflet icons whose DOM is built with Lit (never an HTML string): a product marker from its
 * spec, a cluster bubble with its count, and the location-picker pin. Each carries an accessible name.
 */
import L from 'leaflet';
import { html, render } from 'lit';
import { iconSize, type MarkerSpec } from './marker-icon';
import { markerSvg } from './marker-svg';

interface LabelledIconOptions extends L.DivIconOptions { ariaLabel: string }

/** A div icon that renders a Lit template into a fresh element each time Leaflet asks for one. */
class TemplateIcon extends L.DivIcon {
  constructor(private readonly template: () => unknown, options: LabelledIconOptions) {
    super(options);
  }

  override createIcon(oldIcon?: HTMLElement): HTMLElement {
    const div = oldIcon && oldIcon.tagName === 'DIV' ? oldIcon : document.createElement('div');
    render(this.template(), div);
    // setIconStyles sizes and anchors the element and adds className.
    (this as unknown as { _setIconStyles(el: HTMLElement, name: string): void })._setIconStyles(div, 'icon');
    div.setAttribute('aria-label', (this.options as LabelledIconOptions).ariaLabel);
    return div;
  }
}

/** The icon of one product location. */
export function productIcon(spec: MarkerSpec, ariaLabel: string): L.DivIcon {
  const size = iconSize(spec);
  return new TemplateIcon(() => markerSvg(spec), {
    className: `gi-marker${spec.candidate ? ' candidate' : ''}`,
    iconSize: size,
    iconAnchor: [size[0] / 2, size[1] / 2],
    ariaLabel,
  });
}

/** The bubble of a cluster of `count` locations; bigger bubbles for bigger clusters. */
export function clusterIcon(count: number, ariaLabel: string): L.DivIcon {
  const size = count < 10 ? 34 : count < 100 ? 40 : count < 1000 ? 46 : 54;
  return new TemplateIcon(() => html`<span aria-hidden="true">${count}</span>`, {
    className: 'gi-cluster',
    iconSize: [size, size],
    ariaLabel,
  });
}

/** The pin of a single chosen location (the officials' picker). */
export function pinIcon(ariaLabel: string): L.DivIcon {
  return new TemplateIcon(() => html`<svg width="26" height="36" viewBox="0 0 26 36" aria-hidden="true" focusable="false">
      <path class="pin" d="M13 1C6.4 1 1 6.3 1 12.8 1 21.5 13 35 13 35s12-13.5 12-22.2C25 6.3 19.6 1 13 1Z"></path>
      <circle class="pin-dot" cx="13" cy="13" r="4.5"></circle>
    </svg>`, { className: 'gi-pin', iconSize: [26, 36], iconAnchor: [13, 35], ariaLabel });
}
