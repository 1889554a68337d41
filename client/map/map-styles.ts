/**
 * The styles <gi-map> adds on top of Leaflet's own (markers, clusters, county labels and badges, seats,
 * popups, overlays); kept apart so the element file stays about behaviour.
 */
import { css } from 'lit';

/** Styles of the map element's shadow root. */
export const mapStyles = css`
  :host { display: block; position: relative; min-height: 240px; }
  #map { position: absolute; inset: 0; background: #e9eef2; font: inherit; }
  .leaflet-container { font-family: var(--gi-font); }
  .leaflet-container a { color: var(--gi-accent); }
  .leaflet-container .leaflet-control-attribution { font-size: 11px; }
  .gi-marker { cursor: pointer; border-radius: 6px; }
  .gi-marker svg, .gi-cluster span, .gi-pin svg { display: block; }
  /* A point somewhere in a village or township, not the spot: a dashed ring round it. */
  .gi-marker.approximate { box-shadow: 0 0 0 3px #fff; outline: 2px dashed #1f2328; outline-offset: 3px; }
  .gi-marker:focus-visible, .gi-cluster:focus-visible { outline: 3px solid #1f2328; outline-offset: 2px; }
  .gi-marker.selected, .gi-cluster.selected {
    outline: 4px solid var(--gi-focus); outline-offset: 2px; z-index: 900 !important;
  }
  .gi-cluster {
    display: flex; align-items: center; justify-content: center; border-radius: 50%;
    background: #fff; border: 3px solid #1f2328; box-sizing: border-box; color: #1f2328;
    font-weight: 700; font-size: 14px; cursor: pointer; box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
  }
  .tiles-failed { position: absolute; left: 50%; bottom: 2rem; transform: translateX(-50%); z-index: 1000; margin: 0;
    background: #fff; padding: 0.25rem 0.75rem; border: 1px solid var(--gi-border); border-radius: 4px; }
  .county-label-icon { width: 0; height: 0; }
  .county-label {
    position: absolute; left: 0; top: 0; display: flex; flex-direction: column; align-items: center;
    white-space: nowrap; line-height: 1.15; pointer-events: none; color: #1f2328;
    text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 2px #fff;
  }
  .county-label[hidden] { display: none; }
  /* Where a label sits against its point (label-layout.ts decides): centred, above or below. */
  .county-label.pos-center { transform: translate(calc(-50% + var(--dx, 0px)), -50%); }
  .county-label.pos-above { transform: translate(calc(-50% + var(--dx, 0px)), calc(-100% - 4px)); }
  .county-label.pos-below { transform: translate(calc(-50% + var(--dx, 0px)), 4px); }
  .county-label .title { display: flex; align-items: center; gap: 3px; }
  .county-label b { font-size: 14px; }
  .county-label small { font-size: 11px; }
  /* Its forms, fullest first: full name; short name; short name and badge; badge alone. */
  .county-label .short, .county-label.form-short .full, .county-label.form-compact .full,
  .county-label.form-compact .measure, .county-label.form-badge b, .county-label.form-badge .measure { display: none; }
  .county-label.form-short .short, .county-label.form-compact .short { display: inline; }
  /* A count on an area, not a spot: a dashed box, unlike a cluster's round bubble. */
  .county-badge {
    display: inline-block; min-width: 1.1em; padding: 0 4px; border: 1.5px dashed #1f2328; border-radius: 3px;
    background: #fff; color: #1f2328; font-weight: 700; font-size: 12px; line-height: 16px; text-align: center; text-shadow: none;
  }
  .gi-seat svg { display: block; }
  .seat-ring { fill: #fff; stroke: #1f2328; stroke-width: 1.5; }
  .seat-dot { fill: #1f2328; }
  path.product-selected { stroke: var(--gi-focus); stroke-width: 5; }
  .pin { fill: var(--gi-accent); stroke: #fff; stroke-width: 1.5; }
  .pin-dot { fill: #fff; }
  .popup { display: grid; gap: 0.2rem; font-size: 0.9rem; }
  .popup .muted { color: var(--gi-muted); font-size: 0.8rem; }
  .popup a { color: var(--gi-accent); }
  .popup .thumb { width: 200px; height: 150px; object-fit: cover; border-radius: 4px; background: var(--gi-surface); }
  @media (prefers-reduced-motion: reduce) { .leaflet-fade-anim .leaflet-popup { transition: none; } }
  /* Above the attribution, however many lines it wraps to (gi-map sets the height it measures). */
  .corner {
    position: absolute; left: 4px; bottom: calc(var(--gi-attribution-height, 18px) + 4px); z-index: 800; display: grid; gap: 4px; justify-items: start;
    max-width: calc(100% - 16px); font-size: 11px; color: #1f2328;
  }
  .approval { margin: 0; padding: 0 4px; background: rgb(255 255 255 / 0.85); }
  gi-map-legend { position: absolute; top: 10px; right: 10px; z-index: 800; max-width: calc(100% - 70px); }
`;
