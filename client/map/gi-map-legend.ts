import { css, html, LitElement, nothing, svg, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { GI_TYPES } from '../../db/model/vocabulary-lists';
import type { MapSummaryHead, MeasureKind } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { shadeLegend } from './county-style';
import { markerSpec } from './marker-icon';
import { glyphCss, glyphSvg } from './marker-svg';
import { sharedStyles } from '../lib/shared-styles';

/**
 * The map's legend: how many products are placed how precisely (every product of the list once), each
 * GI type's shape and colour, filled vs hollow, candidates, the county badge and the cluster bubble, the
 * reference marks (city boundary, county seats), and what the county shading measures under the filters.
 */
@customElement('gi-map-legend')
export class GiMapLegend extends LitElement {
  static override styles = [sharedStyles, unsafeCSS(glyphCss), css`
    details { background: rgb(255 255 255 / 0.95); border: 1px solid var(--gi-border); border-radius: 6px;
      padding: 0.25rem 0.5rem; font-size: 0.8rem; box-shadow: 0 1px 4px rgb(0 0 0 / 0.2); max-width: 15rem; }
    summary { cursor: pointer; font-weight: 600; }
    ul { list-style: none; margin: 0.25rem 0 0; padding: 0; display: grid; gap: 0.15rem; }
    li { display: flex; align-items: center; gap: 0.35rem; }
    svg { flex: none; }
    .swatch { stroke: #4d5966; }
    .summary { margin: 0.25rem 0 0; }
    .badge { flex: none; min-width: 1.1em; padding: 0 3px; border: 1.5px dashed #1f2328; border-radius: 3px; font-weight: 700;
      font-size: 11px; line-height: 14px; text-align: center; background: #fff; }
    .bubble { flex: none; width: 18px; height: 18px; border-radius: 50%; border: 2px solid #1f2328; box-sizing: border-box;
      display: grid; place-items: center; font-weight: 700; font-size: 10px; background: #fff; }
    .outline { stroke: #1f2328; stroke-width: 3; }
    .approximate { display: flex; outline: 2px dashed #1f2328; outline-offset: 1px; border-radius: 3px; margin: 0 2px; }
    .seat-ring { fill: #fff; stroke: #1f2328; stroke-width: 1.5; }
    .seat-dot { fill: #1f2328; }
    h2 { font-size: inherit; margin: 0.4rem 0 0; font-weight: 600; }
  `];

  /** Whether to explain the county shading and reference marks too. */
  @property({ attribute: false }) counties = true;
  /** The map's numbers of the products in view (null: no summary line). */
  @property({ attribute: false }) numbers: Pick<MapSummaryHead, 'total' | 'byPlacement' | 'points'> | null = null;
  /** What the county shading counts under the filters. */
  @property({ attribute: false }) measureKind: MeasureKind = 'in_force';

  private readonly i18n = new LocaleController(this);
  private readonly startOpen = typeof matchMedia === 'function' ? !matchMedia('(max-width: 700px)').matches : true;

  override render() {
    const glyph = (g: ReturnType<typeof markerSpec>['glyphs'][number]) => svg`<svg width="20" height="20" viewBox="0 0 22 22" aria-hidden="true">${glyphSvg(g)}</svg>`;
    return html`<details ?open=${this.startOpen}>
      <summary>${t('map.legend')}</summary>
      ${this.renderSummary()}
      <ul>
        ${GI_TYPES.map((type) => html`<li>${glyph(markerSpec([{ giType: type, status: 'granted' }]).glyphs[0])}${t(`giType.${type}`)}</li>`)}
        <li>${glyph(markerSpec([{ giType: GI_TYPES[0], status: 'granted' }]).glyphs[0])}${t('map.legend.filled')}</li>
        <li>${glyph(markerSpec([{ giType: GI_TYPES[0], status: 'filed' }]).glyphs[0])}${t('map.legend.hollow')}</li>
        <li>${glyph(markerSpec([]).glyphs[0])}${t('map.legend.candidate')}</li>
        <li><span class="approximate" aria-hidden="true">${glyph(markerSpec([{ giType: GI_TYPES[0], status: 'granted' }]).glyphs[0])}</span>${t('map.legend.approximate')}</li>
        <li><span class="bubble" aria-hidden="true">3</span>${t('map.legend.cluster')}</li>
        ${this.counties ? html`<li><span class="badge" aria-hidden="true">3</span>${t('map.legend.badge')}</li>
          <li><svg width="20" height="12" aria-hidden="true"><line class="outline" x1="1" y1="6" x2="19" y2="6"></line></svg>${t('map.legend.outline')}</li>
          <li><svg width="20" height="12" viewBox="-4 0 20 12" aria-hidden="true"><circle class="seat-ring" cx="6" cy="6" r="4.75"></circle>
            <circle class="seat-dot" cx="6" cy="6" r="1.9"></circle></svg>${t('map.legend.seat')}</li>` : nothing}
      </ul>
      ${this.counties ? html`<h2>${this.shadeTitle()}</h2>
        <ul>${shadeLegend().map((s) => html`<li>
          <svg width="20" height="14" aria-hidden="true"><rect class="swatch" x="0.5" y="0.5" width="19" height="13" fill=${s.colour}></rect></svg>
          ${s.to === null ? t('map.legend.open', { from: s.from }) : s.from === s.to ? String(s.from) : t('map.legend.range', { from: s.from, to: s.to })}
        </li>`)}</ul>` : nothing}
    </details>`;
  }

  /** "16 项产品：0 项精确位置，…": the same products as the list, each counted once by its finest place. */
  private renderSummary() {
    const numbers = this.numbers;
    if (!numbers) return nothing;
    const b = numbers.byPlacement;
    const pointProducts = b.exact + b.village + b.township;
    return html`<p class="summary" data-products=${numbers.total}>${t('map.summary', { n: numbers.total, ...b })}${
      b.none > 0 ? t('map.summary.none', { n: b.none }) : ''}${
      numbers.points > pointProducts ? t('map.summary.points', { n: numbers.points }) : ''}</p>`;
  }

  private shadeTitle(): string {
    const kind = this.measureKind;
    if (kind === 'in_force' || kind === 'in_progress' || kind === 'cultivating') return t(`map.legend.shade.${kind}`);
    return t('map.legend.shade.status', { status: t(`status.${kind}`) });
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-map-legend': GiMapLegend }
}
