/**
 * Styles the workspace's forms and tables share.
 */
import { css } from 'lit';

/** Form and table styles of the workspace. */
export const adminStyles = css`
  :host { display: block; }
  h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
  h3 { font-size: 1.05rem; margin: 1rem 0 0.5rem; }
  /* A fieldset is as wide as its widest content by default (min-width: min-content): on a phone a file
     input or a long link would push the page sideways. Long text (links in notes and sources) wraps. */
  fieldset { border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.75rem 1rem; margin: 0 0 1rem; min-width: 0; }
  p, li, dd, dt, q, td, th, label, legend { overflow-wrap: anywhere; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  .field { display: flex; flex-direction: column; gap: 0.2rem; margin-bottom: 0.75rem; max-width: 40rem; }
  .field label { font-weight: 500; }
  .req { color: #8b1a10; }
  .hint { margin: 0; color: var(--gi-muted); font-size: 0.9rem; }
  input, select, textarea { padding: 0.35rem 0.5rem; border: 1px solid #8c959f; border-radius: 4px; background: #fff;
    max-width: 100%; box-sizing: border-box; }
  input[type='checkbox'], input[type='radio'] { padding: 0; }
  [aria-invalid='true'] { border: 2px solid #b3261e; background: #fff8f7; }
  .field-error { margin: 0; color: #8b1a10; font-size: 0.9rem; }
  .form-errors { border: 2px solid #b3261e; background: #fff8f7; padding: 0.5rem 1rem; border-radius: 6px; }
  .row { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; }
  .row .field { margin-bottom: 0.5rem; }
  .actions { display: flex; gap: 0.75rem; flex-wrap: wrap; align-items: center; margin: 0.75rem 0; }
  button { padding: 0.35rem 0.9rem; border: 1px solid #8c959f; border-radius: 4px; background: #fff; }
  button.primary { background: var(--gi-accent); border-color: var(--gi-accent); color: #fff; }
  button.danger { border-color: #b3261e; color: #8b1a10; }
  button:disabled { opacity: 0.6; cursor: not-allowed; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid var(--gi-border); vertical-align: top; }
  th { background: var(--gi-surface); font-weight: 600; }
  .badge { display: inline-block; white-space: nowrap; border: 1px solid currentColor; border-radius: 999px; padding: 0 0.5rem; font-size: 0.85rem; }
  .badge.draft { color: #6e4a00; background: #fff4d6; }
  .badge.public { color: #0b6e4f; background: #e6f4ee; }
  .badge.archived { color: #59636e; background: #eef1f4; }
  .note { border-left: 4px solid var(--gi-focus); background: #fff8e6; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
  .saved { color: #0b6e4f; }
`;
