import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ProductFigure } from '../../db/model';
import { freeText } from '../lib/free-text';
import { lang, LocaleController, t } from '../i18n';
import { renderDate } from '../i18n/dates';
import { renderSources, sourceListStyles } from './gi-source-list';
import { sharedStyles } from '../lib/shared-styles';

const COLUMNS = ['households', 'areaMu', 'yieldKgPerMu', 'outputTonnes', 'valueWanYuan'] as const;

/** The table's columns: yield per mu only when some year has it (most products have none; a column of dashes says nothing). */
function figureColumns(figures: readonly ProductFigure[]): (typeof COLUMNS)[number][] {
  const withYield = figures.some((f) => f.yieldKgPerMu !== null);
  return COLUMNS.filter((c) => c !== 'yieldKgPerMu' || withYield);
}

/** A product's industry figures by year as a small read-only table, each year with its note and sources. */
@customElement('gi-product-figures')
export class GiProductFigures extends LitElement {
  static override styles = [sharedStyles, sourceListStyles, css`
    :host { display: block; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
    caption { text-align: left; color: var(--gi-muted); font-size: 0.85rem; padding-bottom: 0.25rem; }
    th, td { border-bottom: 1px solid var(--gi-border); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
    td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.about { min-width: 16rem; }
    .note { margin: 0 0 0.25rem; }
  `];

  /** The figures, oldest year first. */
  @property({ attribute: false }) figures: ProductFigure[] = [];

  private readonly i18n = new LocaleController(this);

  override render() {
    const fmt = new Intl.NumberFormat(lang() === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 });
    const cell = (v: number | null) => html`<td class="n">${v === null ? '—' : fmt.format(v)}</td>`;
    const columns = figureColumns(this.figures);
    // Wider than a phone: a region that scrolls, reachable by keyboard even when no source link is in it.
    return html`<div class="scroll" role="region" tabindex="0" aria-label=${t('product.figures.caption')}><table>
      <caption>${t('product.figures.caption')}</caption>
      <thead><tr><th scope="col">${t('product.figures.year')}</th>
        ${columns.map((c) => html`<th scope="col">${t(`product.figures.${c}`)}</th>`)}
        <th scope="col">${t('product.figures.about')}</th></tr></thead>
      <tbody>${this.figures.map((f) => html`<tr>
        <th scope="row">${renderDate(String(f.year))}</th>
        ${columns.map((c) => cell(f[c]))}
        <td class="about">${f.note ? html`<p class="note">${freeText(f.note, { marker: true })}</p>` : nothing}${renderSources(f.sources)}</td>
      </tr>`)}</tbody>
    </table></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-product-figures': GiProductFigures }
}
