import { css, html, LitElement, svg, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { GI_TYPE_RULES, GI_TYPES, type GiShape, type GiType, type TallySeries } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { ChartTextController } from '../lib/chart-text';
import { perGiTypeCss } from '../lib/gi-type-styles';
import { sharedStyles } from '../lib/shared-styles';

const W = 640;
const H = 200;
const M = { left: 34, right: 150, top: 12, bottom: 26 };
/** Each type has its own dash pattern and end marker (its table's dash and shape), so the lines differ without colour. */
const MARK: Record<GiShape, (x: number, y: number) => ReturnType<typeof svg>> = {
  circle: (x, y) => svg`<circle cx=${x} cy=${y} r="4"></circle>`,
  square: (x, y) => svg`<rect x=${x - 4} y=${y - 4} width="8" height="8"></rect>`,
  triangle: (x, y) => svg`<path d="M${x} ${y - 5} L${x + 5} ${y + 4} L${x - 5} ${y + 4} Z"></path>`,
};
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** A small SVG line chart of the designations in force per GI type over a plan period. */
@customElement('gi-tally-chart')
export class GiTallyChart extends LitElement {
  static override styles = [sharedStyles, unsafeCSS(perGiTypeCss((giType, colour) => `.${giType} { stroke: ${colour}; fill: ${colour}; }`)), css`
    :host { display: block; }
    h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
    svg { width: 100%; max-width: 720px; height: auto; display: block; overflow: visible; }
    .axis { stroke: var(--gi-muted); stroke-width: 1; }
    .grid { stroke: var(--gi-border); stroke-width: 1; }
    text { font-size: calc(11px * var(--gi-chart-scale, 1)); fill: var(--gi-fg); font-family: var(--gi-font); }
    .line { fill: none; stroke-width: 2.5; }
    .series text { stroke: none; }
    .asof { stroke: var(--gi-fg); stroke-dasharray: 3 3; }
    @media print { h2 { font-size: 10pt; margin: 0; } svg { max-width: 100%; max-height: 42mm; } }
  `];

  /** The series from GET /api/tally/series. */
  @property({ attribute: false }) series!: TallySeries;
  /** The as-of date to mark, if it falls in the period. */
  @property() asOf = '';

  private readonly i18n = new LocaleController(this);
  /** Labels stay 11px however narrow the chart is drawn. */
  private readonly textSize = new ChartTextController(this, W);

  override render() {
    const { points, period } = this.series;
    const first = points[0];
    const last = points.at(-1)!;
    const lines = GI_TYPES.map((g) => t('tally.chartLine', { type: t(`giType.${g}`), start: first.inForce[g], end: last.inForce[g] })).join('；');
    return html`
      <h2 id="title">${t('tally.chart')}</h2>
      ${points.length < 2 ? html`<p class="state">${t('tally.chartEmpty')}</p>` : html`
        <svg viewBox="0 0 ${W} ${H}" preserveAspectRatio="xMinYMid meet" role="img" aria-labelledby="title desc">
          <desc id="desc">${t('tally.chartDesc', { from: first.on, to: last.on, lines })}</desc>
          ${this.renderPlot(first.on, period.endsOn)}
        </svg>`}
    `;
  }

  private renderPlot(from: string, to: string) {
    const { points } = this.series;
    const max = Math.max(1, ...points.flatMap((p) => GI_TYPES.map((g) => p.inForce[g])));
    const top = Math.ceil(max / 5) * 5;
    const x = (date: string) => M.left + ((ms(date) - ms(from)) / Math.max(1, ms(to) - ms(from))) * (W - M.left - M.right);
    const y = (n: number) => H - M.bottom - (n / top) * (H - M.top - M.bottom);
    const ticks = [0, top / 5, (2 * top) / 5, (3 * top) / 5, (4 * top) / 5, top];
    const years = [...new Set(points.map((p) => p.on.slice(0, 4)))].map((yr) => `${yr}-01-01`).filter((d) => d > from && d <= to);
    const lastPoint = points.at(-1)!;
    // End labels, nudged apart when two types end on the same count.
    const labelY = new Map<GiType, number>();
    [...GI_TYPES].sort((a, b) => lastPoint.inForce[b] - lastPoint.inForce[a]).forEach((g, i, arr) => {
      const prev = i > 0 ? labelY.get(arr[i - 1])! : -Infinity;
      labelY.set(g, Math.max(y(lastPoint.inForce[g]) + 4, prev + 13));
    });
    return svg`
      ${ticks.map((n) => svg`<line class="grid" x1=${M.left} x2=${W - M.right} y1=${y(n)} y2=${y(n)}></line>
        <text x=${M.left - 6} y=${y(n) + 4} text-anchor="end">${n}</text>`)}
      <line class="axis" x1=${M.left} x2=${W - M.right} y1=${y(0)} y2=${y(0)}></line>
      ${years.map((d) => svg`<line class="axis" x1=${x(d)} x2=${x(d)} y1=${y(0)} y2=${y(0) + 4}></line>
        <text x=${x(d)} y=${H - 8} text-anchor="middle">${d.slice(0, 4)}</text>`)}
      ${this.asOf >= from && this.asOf <= to ? svg`<line class="asof" x1=${x(this.asOf)} x2=${x(this.asOf)} y1=${M.top} y2=${y(0)}></line>
        <text x=${W - M.right + 10} y=${H - 8}>┆ ${t('tally.chartAsOf')} ${this.asOf}</text>` : ''}
      ${GI_TYPES.map((g) => svg`<g class=${`series ${g}`}>
        <polyline class="line" stroke-dasharray=${GI_TYPE_RULES[g].dash || 'none'}
          points=${points.map((p) => `${x(p.on).toFixed(1)},${y(p.inForce[g]).toFixed(1)}`).join(' ')}></polyline>
        ${MARK[GI_TYPE_RULES[g].shape](x(lastPoint.on), y(lastPoint.inForce[g]))}
        <text x=${x(lastPoint.on) + 10} y=${labelY.get(g)!}>${t(`giType.${g}`)} ${lastPoint.inForce[g]}</text>
      </g>`)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-tally-chart': GiTallyChart }
}
