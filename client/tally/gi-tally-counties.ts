import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { GI_TYPES, type County, type Tally, type TallyType } from '../../db/model';
import { LocaleController, localName, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { conversionSuffix } from './conversion-note';

/** The tally by county: per county and GI type, in force, at the start, and the pipeline, then the authorised users in force; the city total last. */
@customElement('gi-tally-counties')
export class GiTallyCounties extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    .scroll { overflow-x: auto; }
    table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 700; padding-bottom: 0.25rem; }
    th, td { border: 1px solid var(--gi-border); padding: 0.25rem 0.5rem; text-align: right; }
    th[scope='row'], thead th:first-child { text-align: left; }
    thead th { background: var(--gi-surface); font-weight: 600; }
    tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--gi-fg); }
    .pipe { color: var(--gi-muted); white-space: nowrap; }
    @media print { caption { font-size: 10pt; } th, td { padding: 0.3mm 1mm; font-size: 7.5pt; line-height: 1.25; } th[scope='row'] { white-space: nowrap; } thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
  `];

  /** The tally to show. */
  @property({ attribute: false }) tally!: Tally;
  /** Every county (those a division change ended too: a tally before the change has their rows), for their names. */
  @property({ attribute: false }) counties: County[] = [];

  private readonly i18n = new LocaleController(this);

  override render() {
    const name = (code: string) => {
      const c = this.counties.find((x) => x.code === code);
      return c ? localName(c) : code;
    };
    // Wider than a phone: the scrolling box takes the keyboard focus so it can be scrolled without a mouse.
    return html`<div class="scroll" role="region" tabindex="0" aria-label=${t('tally.counties')}>
      <table>
        <caption>${t('tally.counties')}</caption>
        <thead>
          <tr>
            <th scope="col" rowspan="2">${t('tally.county')}</th>
            ${GI_TYPES.map((g) => html`<th scope="colgroup" colspan="3">${t(`giType.${g}`)}</th>`)}
            <th scope="col" rowspan="2">${t('marks.tallyUsersCol')}</th>
          </tr>
          <tr>
            ${GI_TYPES.map(() => html`
              <th scope="col">${t('tally.colInForce')}</th>
              <th scope="col">${t('tally.colBaseline')}</th>
              <th scope="col">${t('tally.colPipeline')}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${this.tally.counties.map((c) => html`<tr data-county=${c.code}><th scope="row">${name(c.code)}</th>${c.types.map(this.cells)}<td data-users>${c.authorizedUsers}</td></tr>`)}
        </tbody>
        <tfoot>
          <tr><th scope="row">${t('tally.cityTotal')}</th>${this.tally.types.map(this.cells)}<td data-users>${this.tally.authorizedUsers}</td></tr>
        </tfoot>
      </table>
    </div>`;
  }

  private readonly cells = (x: TallyType) => html`
    <td>${x.inForce}${conversionSuffix(x)}</td><td>${x.baseline}</td>
    <td class="pipe">${t('pipeline.cell', { cultivating: x.pipeline.cultivating, ready: x.pipeline.readyToFile, filed: x.pipeline.filed, published: x.pipeline.published })}</td>`;
}

declare global {
  interface HTMLElementTagNameMap { 'gi-tally-counties': GiTallyCounties }
}
