/**
 * The styles <gi-map> adds on top of Leaflet's own (markers, clusters, county labels, popups,
 * overlays); kept apart so the element file stays about behaviour.
 */
import { css } from 'lit';

/** Styles of the map element's shadow root. */
export const mapStyles = css`
  :host { display: block; position: relative; min-height: 240px; }
  #map { position: absolute; inset: 0; background: #e9eef2; font: inherit; }
  .leaflet-container { font-family: var(--gi-font); }
  .leaflet-container a { color: var(--gi-accent); }
  .gi-marker { cursor: pointer; border-radius: 6px; }
  .gi-marker svg, .gi-cluster span, .gi-pin svg { display: block; }
  .gi-marker:focus-visible, .gi-cluster:focus-visible { outline: 3px solid #1f2328; outline-offset: 2px; }
  .gi-marker.selected, .gi-cluster.selected {
    outline: 4px solid var(--gi-focus); outline-offset: 2px; z-index: 900 !important;
  }
  .gi-cluster {
    display: flex; align-items: center; justify-content: center; border-radius: 50%;
    background: #fff; border: 3px solid #1f2328; box-sizing: border-box; color: #1f2328;
    font-weight: 700; font-size: 14px; cursor: pointer; box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
  }
  .county-label-icon { width: 0; height: 0; }
  .county-label {
    position: absolute; transform: translate(-50%, 14px); display: flex; flex-direction: column;
    align-items: center; white-space: nowrap; line-height: 1.15; pointer-events: none; color: #1f2328;
    text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff;
  }
  .county-label.above { transform: translate(-50%, calc(-100% - 14px)); }
  .county-label b { font-size: 14px; }
  .county-label small { font-size: 11px; }
  .county-label.selected b { text-decoration: underline; }
  .pin { fill: var(--gi-accent); stroke: #fff; stroke-width: 1.5; }
  .pin-dot { fill: #fff; }
  .popup { display: grid; gap: 0.2rem; font-size: 0.9rem; }
  .popup .muted { color: var(--gi-muted); font-size: 0.8rem; }
  .popup a { color: var(--gi-accent); }
  .popup .thumb { width: 200px; height: 150px; object-fit: cover; border-radius: 4px; background: var(--gi-surface); }
  @media (prefers-reduced-motion: reduce) { .leaflet-fade-anim .leaflet-popup { transition: none; } }
  .approval {
    position: absolute; left: 4px; bottom: 4px; z-index: 800; margin: 0; padding: 0 4px;
    background: rgb(255 255 255 / 0.85); font-size: 11px; color: #1f2328;
  }
  gi-map-legend { position: absolute; top: 10px; right: 10px; z-index: 800; max-width: calc(100% - 70px); }
`;
