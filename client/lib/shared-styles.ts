/**
 * Styles every element shares: state lines, focus rings, buttons, visually hidden text.
 */
import { css } from 'lit';

/** Shared element styles. */
export const sharedStyles = css`
  :host { font-family: var(--gi-font); color: var(--gi-fg); }
  :focus-visible { outline: 3px solid var(--gi-focus); outline-offset: 2px; }
  a { color: var(--gi-accent); }
  button, select, input, textarea { font: inherit; }
  button { cursor: pointer; }
  .state { color: var(--gi-muted); padding: 0.5rem 0; }
  .state.error { color: #8b1a10; display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; }
  .visually-hidden {
    position: absolute !important; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
  }
`;
