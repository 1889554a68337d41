import { css, html, LitElement, nothing, svg, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { GI_TYPES } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { shadeLegend } from './county-style';
import { markerSpec } from './marker-icon';
import { glyphCss, glyphSvg } from './marker-svg';
import { sharedStyles } from '../lib/shared-styles';

/** The map's legend: each GI type's shape and colour, filled vs hollow, candidates, and the county shading. */
@customElement('gi-map-legend')
export class GiMapLegend extends LitElement {
  static override styles = [sharedStyles, unsafeCSS(glyphCss), css`
    details { background: rgb(255 255 255 / 0.95); border: 1px solid var(--gi-border); border-radius: 6px;
      padding: 0.25rem 0.5rem; font-size: 0.8rem; box-shadow: 0 1px 4px rgb(0 0 0 / 0.2); }
    summary { cursor: pointer; font-weight: 600; }
    ul { list-style: none; margin: 0.25rem 0 0; padding: 0; display: grid; gap: 0.15rem; }
    li { display: flex; align-items: center; gap: 0.35rem; }
    svg { flex: none; }
    .swatch { stroke: #4d5966; }
    h3 { font-size: inherit; margin: 0.4rem 0 0; font-weight: 600; }
  `];

  /** Whether to explain the county shading too. */
  @property({ attribute: false }) counties = true;

  private readonly i18n = new LocaleController(this);
  private readonly startOpen = typeof matchMedia === 'function' ? !matchMedia('(max-width: 700px)').matches : true;

  override render() {
    const glyph = (g: ReturnType<typeof markerSpec>['glyphs'][number]) => svg`<svg width="20" height="20" viewBox="0 0 22 22" aria-hidden="true">${glyphSvg(g)}</svg>`;
    return html`<details ?open=${this.startOpen}>
      <summary>${t('map.legend')}</summary>
      <ul>
        ${GI_TYPES.map((type) => html`<li>${glyph(markerSpec([{ giType: type, status: 'granted' }]).glyphs[0])}${t(`giType.${type}`)}</li>`)}
        <li>${glyph(markerSpec([{ giType: GI_TYPES[0], status: 'granted' }]).glyphs[0])}${t('map.legend.filled')}</li>
        <li>${glyph(markerSpec([{ giType: GI_TYPES[0], status: 'filed' }]).glyphs[0])}${t('map.legend.hollow')}</li>
        <li>${glyph(markerSpec([]).glyphs[0])}${t('map.legend.candidate')}</li>
      </ul>
      ${this.counties ? html`<h3>${t('map.legend.shade')}</h3>
        <ul>${shadeLegend().map((s) => html`<li>
          <svg width="20" height="14" aria-hidden="true"><rect class="swatch" x="0.5" y="0.5" width="19" height="13" fill=${s.colour}></rect></svg>
          ${s.to === null ? t('map.legend.open', { from: s.from }) : s.from === s.to ? String(s.from) : t('map.legend.range', { from: s.from, to: s.to })}
        </li>`)}</ul>` : nothing}
    </details>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-map-legend': GiMapLegend }
}
