import { css, html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ProductFigure } from '../../db/model';
import { firstRecorded, niceTop, pointsOf, SERIES, yearSlots, type Point, type Series } from '../lib/figures-scale';
import { lang, LocaleController, t } from '../i18n';
import { ChartTextController } from '../lib/chart-text';
import { sharedStyles } from '../lib/shared-styles';
import './gi-product-figures';

/** The drawing's size in its own units (it scales to the width it is given). */
const W = 640;
const H = 240;
const M = { left: 64, right: 12, top: 22, bottom: 30 };
/** Above this many bars, values are left to the table and only some years are labelled. */
const MAX_LABELS = 12;

/**
 * A product's industry figures by year as a bar chart, one series at a time (households, area,
 * output, value: a radio group picks it), years along the bottom with a gap for a year not known;
 * then the table of every year with the same numbers, its note and sources (what a screen reader
 * reads, and where the exact numbers are). One year is one bar.
 */
@customElement('gi-figures-chart')
export class GiFiguresChart extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    figure { margin: 0 0 1rem; }
    fieldset { border: none; padding: 0; margin: 0 0 0.5rem; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: center; }
    legend { float: left; margin-right: 0.5rem; color: var(--gi-muted); }
    label { display: inline-flex; gap: 0.3rem; align-items: center; cursor: pointer; }
    figcaption { font-weight: 600; margin-bottom: 0.25rem; }
    svg { display: block; width: 100%; max-width: 48rem; height: auto; }
    .axis { stroke: var(--gi-muted); stroke-width: 1; }
    .grid { stroke: var(--gi-border); stroke-width: 1; }
    .bar { fill: var(--gi-accent); }
    text { fill: var(--gi-fg); font-size: calc(12px * var(--gi-chart-scale, 1)); font-family: var(--gi-font); }
    text.tick { fill: var(--gi-muted); }
    .state { margin: 0.25rem 0; }
    @media print { fieldset { display: none; } }
  `];

  /** The figures by year (any order). */
  @property({ attribute: false }) figures: ProductFigure[] = [];

  @state() private series: Series = 'households';

  private readonly i18n = new LocaleController(this);
  /** Labels stay 12px however narrow the chart is drawn. */
  private readonly textSize = new ChartTextController(this, W);

  override willUpdate(changed: PropertyValues<this>): void {
    // A new product's figures start on the first series that has anything to show.
    if (changed.has('figures')) this.series = firstRecorded(this.figures);
  }

  override render() {
    if (this.figures.length === 0) return nothing;
    const points = pointsOf(this.figures, this.series);
    const name = t(`product.figures.${this.series}`);
    const first = points[0].year;
    const last = points.at(-1)!.year;
    const caption = first === last ? t('chart.titleOne', { series: name, year: first }) : t('chart.title', { series: name, from: first, to: last });
    const recorded = points.some((p) => p.value !== null);
    return html`
      <fieldset>
        <legend>${t('chart.show')}</legend>
        ${SERIES.map((s) => html`<label><input type="radio" name="series" value=${s} .checked=${s === this.series}
          @change=${() => { this.series = s; }} />${t(`product.figures.${s}`)}</label>`)}
      </fieldset>
      <figure>
        <figcaption id="chart-caption">${caption}</figcaption>
        ${recorded ? this.renderChart(points) : html`<p class="state">${t('chart.noData')}</p>`}
      </figure>
      <gi-product-figures .figures=${this.figures}></gi-product-figures>`;
  }

  /** The bars, the value axis with its grid, the years, and a description listing every value. */
  private renderChart(points: Point[]) {
    const fmt = new Intl.NumberFormat(lang() === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 2 });
    const compact = new Intl.NumberFormat(lang() === 'en' ? 'en' : 'zh-CN', { notation: 'compact', maximumFractionDigits: 1 });
    const plotW = W - M.left - M.right;
    const plotH = H - M.top - M.bottom;
    const top = niceTop(Math.max(...points.map((p) => p.value ?? 0)));
    const y = (v: number) => M.top + plotH - (v / top) * plotH;
    const { x, bar } = yearSlots(points[0].year, points.at(-1)!.year, plotW);
    const every = Math.ceil(points.length / MAX_LABELS);
    const description = points.map((p) => t('chart.point', { year: p.year, value: p.value === null ? t('chart.none') : fmt.format(p.value) }))
      .join(lang() === 'en' ? '; ' : '；');
    return html`<svg viewBox="0 0 ${W} ${H}" role="img" aria-labelledby="chart-caption chart-desc">
      <desc id="chart-desc">${description}</desc>
      ${[0, 0.25, 0.5, 0.75, 1].map((f) => svg`
        <line class=${f === 0 ? 'axis' : 'grid'} x1=${M.left} x2=${W - M.right} y1=${y(top * f)} y2=${y(top * f)}></line>
        <text class="tick" x=${M.left - 6} y=${y(top * f) + 4} text-anchor="end">${compact.format(top * f)}</text>`)}
      ${points.map((p, i) => {
        const cx = M.left + x(p.year);
        const label = i % every === 0 || i === points.length - 1;
        return svg`
          ${p.value === null ? nothing : svg`<rect class="bar" x=${cx - bar / 2} y=${y(p.value)} width=${bar}
            height=${Math.max(0, y(0) - y(p.value))}></rect>`}
          ${p.value !== null && points.length <= MAX_LABELS ? svg`<text x=${cx} y=${y(p.value) - 5} text-anchor="middle">${fmt.format(p.value)}</text>` : nothing}
          ${label ? svg`<text class="tick" x=${cx} y=${H - M.bottom + 18} text-anchor="middle">${p.year}</text>` : nothing}`;
      })}
    </svg>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-figures-chart': GiFiguresChart }
}
