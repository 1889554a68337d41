import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { ProductFigure } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { adminApi } from './admin-api';
import { adminStyles } from './admin-styles';
import { unplacedErrors } from './field-errors';
import { errorLine } from './fields';
import { FormSender } from './form-sender';
import { checkFigures, draftFromFigure, emptyFigure, FIGURE_MEASURES, placeSourceErrors, type FigureDraft } from './figures-draft';

/** The text columns of a row after the figures, with the key their errors come under. */
const TEXT_COLUMNS = [
  { key: 'sourceTitle', header: 'figEdit.colSourceTitle', type: 'text' },
  { key: 'sourceUrl', header: 'figEdit.colSourceUrl', type: 'url' },
  { key: 'note', header: 'figEdit.colNote', type: 'text' },
] as const;

type TextKey = Exclude<keyof FigureDraft, 'moreSources'>;

/**
 * A product's industry figures by year as an editable table: a row a year (households, area, yield per
 * mu, output, value, the source's title and link, a note), rows added and removed, checked with the
 * shared schema (errors beside their fields, in the page's language) and saved as a whole with PUT.
 */
@customElement('gi-figures-editor')
export class GiFiguresEditor extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    :host { display: block; min-width: 0; max-width: 100%; }
    form { min-width: 0; }
    .scroll { overflow-x: auto; max-width: 100%; position: relative; }
    table { min-width: 66rem; }
    td { padding: 0.25rem; }
    td input { width: 100%; min-width: 5rem; }
    td.year input { min-width: 4.5rem; }
    td.wide input { min-width: 10rem; }
    td button { white-space: nowrap; }
    .more { margin: 0.2rem 0 0; color: var(--gi-muted); font-size: 0.85rem; }
  `];

  /** The product the figures belong to. */
  @property({ type: Number }) productId = 0;
  /** The saved figures. */
  @property({ attribute: false }) figures: ProductFigure[] = [];
  /** Their version (the product's `figuresVersion`): a save is based on it. */
  @property() version: string | undefined;

  @state() private rows: FigureDraft[] = [];
  @state() private saved = false;

  private readonly i18n = new LocaleController(this);
  private readonly form = new FormSender(this);

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('figures') || changed.has('version')) {
      this.rows = this.figures.map(draftFromFigure);
      this.form.load(this.version, this.rows);
    }
  }

  override render() {
    const errors = this.form.errors;
    const placed = this.rows.flatMap((_, i) => ['year', ...FIGURE_MEASURES, ...TEXT_COLUMNS.map((c) => c.key)].map((k) => `${i}.${k}`));
    const unplaced = unplacedErrors(errors, placed);
    return html`<form novalidate @submit=${this.submit} aria-label=${t('figEdit.form')}>
      <p class="hint">${t('figEdit.intro')}</p>
      ${this.form.failure || Object.keys(errors).length ? html`<div class="form-errors" role="alert">
        <p><span aria-hidden="true">⚠ </span>${this.form.failure || t('form.fixErrors', { n: Object.keys(errors).length })}</p>
        ${unplaced.length ? html`<ul>${unplaced.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}</div>` : nothing}
      ${this.form.renderStale({
        draftOf: (now: { figures: ProductFigure[] }) => now.figures.map(draftFromFigure), draft: this.rows,
        apply: (rows) => { this.rows = rows; this.saved = false; },
        label: () => t('editor.noteFigures', { n: (this.form.stale?.current as { figures: ProductFigure[] }).figures.length }),
      })}
      ${this.rows.length === 0 ? html`<p class="state">${t('figEdit.none')}</p>` : html`<div class="scroll" role="region" tabindex="0" aria-label=${t('figEdit.caption')}><table>
        <caption class="visually-hidden">${t('figEdit.caption')}</caption>
        <thead><tr>
          <th scope="col">${t('figEdit.colYear')}</th>
          ${FIGURE_MEASURES.map((m) => html`<th scope="col">${t(`product.figures.${m}`)}</th>`)}
          ${TEXT_COLUMNS.map((c) => html`<th scope="col">${t(c.header)}</th>`)}
          <th scope="col"><span class="visually-hidden">${t('figEdit.colRemove')}</span></th>
        </tr></thead>
        <tbody>${this.rows.map((r, i) => this.renderRow(r, i))}</tbody>
      </table></div>`}
      <div class="actions">
        <button type="button" @click=${this.add}>${t('figEdit.add')}</button>
        <button type="submit" class="primary" ?disabled=${this.form.busy}>${t('figEdit.save')}</button>
        ${this.saved ? html`<span class="saved" role="status">✓ ${t('form.saved')}</span>` : nothing}
      </div>
    </form>`;
  }

  private renderRow(r: FigureDraft, i: number) {
    const n = i + 1;
    return html`<tr>
      <td class="year">${this.input(i, 'year', t('figEdit.colYear'), 'numeric')}</td>
      ${FIGURE_MEASURES.map((m) => html`<td>${this.input(i, m, t(`product.figures.${m}`), 'decimal')}</td>`)}
      ${TEXT_COLUMNS.map((c) => html`<td class="wide">${this.input(i, c.key, t(c.header), undefined, c.type)}
        ${c.key === 'sourceUrl' && r.moreSources.length ? html`<p class="more">${t('figEdit.moreSources', { n: r.moreSources.length })}</p>` : nothing}</td>`)}
      <td><button type="button" class="danger" aria-label=${t('figEdit.remove', { n })} @click=${() => this.removeRow(i)}>${t('figEdit.colRemove')}</button></td>
    </tr>`;
  }

  /** One cell's input, labelled with its column and row, its error beside it. */
  private input(i: number, key: TextKey, column: string, inputMode?: 'numeric' | 'decimal', type = 'text') {
    const id = `fig-${key}-${i}`;
    const error = this.form.errors[`${i}.${key}`];
    return html`<input id=${id} type=${type} inputmode=${ifDefined(inputMode)} .value=${live(this.rows[i][key])}
        aria-label=${t('figEdit.field', { field: column, n: i + 1 })} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}
        @input=${(e: Event) => this.setRow(i, { [key]: (e.target as HTMLInputElement).value })} />${errorLine(id, error)}`;
  }

  private setRow(i: number, patch: Partial<FigureDraft>) {
    this.rows = this.rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
    this.saved = false;
  }

  private add() {
    this.rows = [...this.rows, emptyFigure(this.rows)];
    this.saved = false;
  }

  private removeRow(i: number) {
    this.rows = this.rows.filter((_, j) => j !== i);
    // Errors are keyed by row: after a removal they would sit beside the wrong year.
    this.form.errors = {};
    this.saved = false;
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.form.failure = '';
    const check = checkFigures(this.rows);
    this.form.errors = check.ok ? {} : check.errors;
    if (!check.ok) return;
    const done = await this.form.send(async () => {
      await adminApi.putFigures(this.productId, check.body, this.form.version);
      this.saved = true;
      this.dispatchEvent(new CustomEvent('gi-product-changed', { bubbles: true, composed: true }));
    });
    if (!done) this.form.errors = placeSourceErrors(this.form.errors, this.rows);
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-figures-editor': GiFiguresEditor }
}
