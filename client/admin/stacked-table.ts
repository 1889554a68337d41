/**
 * A table that becomes one card per row on a phone: each cell on its own line, named by its column
 * (`data-label`), instead of six columns squeezed into 390 pixels. Its cells keep their roles (set on the
 * elements, since `display: block` makes some browsers forget a table's), so a screen reader still reads
 * rows and cells.
 */
import { css } from 'lit';

/** Styles of `table.stacked`: cells carry `data-label`; a row's forms go in a `tr.more` with one cell. */
export const stackedTableStyles = css`
  table.stacked tr.more > td { background: var(--gi-surface); }
  @media (max-width: 40rem) {
    table.stacked, table.stacked tbody, table.stacked tr, table.stacked td { display: block; width: auto; }
    table.stacked thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    table.stacked tr { border: 1px solid var(--gi-border); border-radius: 6px; margin: 0 0 0.75rem; padding: 0.25rem 0.5rem; }
    table.stacked tr.more { margin-top: -0.75rem; border-top: none; border-radius: 0 0 6px 6px; }
    table.stacked td { border: none; padding: 0.2rem 0; }
    table.stacked td[data-label]::before { content: attr(data-label); display: block; font-size: 0.85rem; font-weight: 400; color: var(--gi-muted); }
  }
`;
