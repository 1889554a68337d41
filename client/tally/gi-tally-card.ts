import { css, html, LitElement, nothing, unsafeCSS } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { conversionSourcesOf, conversionTargetOf, type TallyType } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { perGiTypeCss } from '../lib/gi-type-styles';
import { sharedStyles } from '../lib/shared-styles';

/**
 * One GI type's card: what counts toward the target against it (TallyType.towardTarget: conversions aside,
 * what is in force), a progress bar with the baseline marked, what is in force now, how many were
 * converted away or came by conversion (for the types that convert, or are converted into), the pipeline.
 */
@customElement('gi-tally-card')
export class GiTallyCard extends LitElement {
  static override styles = [sharedStyles, unsafeCSS(perGiTypeCss((giType, colour) => `:host([data-type='${giType}']) { --type-color: ${colour}; }`)), css`
    :host { display: block; border: 1px solid var(--gi-border); border-left: 6px solid var(--type-color);
      border-radius: 6px; padding: 0.75rem 1rem; background: var(--gi-bg); break-inside: avoid; }
    h3 { margin: 0 0 0.25rem; font-size: 1rem; }
    .figure { font-size: 1.6rem; font-weight: 700; margin: 0; }
    .figure small { font-size: 0.9rem; font-weight: 400; color: var(--gi-muted); }
    svg.bar { display: block; width: 100%; height: 18px; margin: 0.5rem 0 0.1rem; overflow: visible; }
    .track { fill: var(--gi-surface); stroke: var(--gi-fg); stroke-width: 1; vector-effect: non-scaling-stroke; }
    .fill { fill: var(--type-color); }
    .baseline { stroke: var(--gi-fg); stroke-width: 2; stroke-dasharray: 3 2; vector-effect: non-scaling-stroke; }
    .target { stroke: var(--gi-fg); stroke-width: 2; vector-effect: non-scaling-stroke; }
    .legend { display: flex; justify-content: space-between; font-size: 0.75rem; color: var(--gi-muted); margin: 0 0 0.25rem; }
    .legend .b::before { content: '┆ '; }
    .legend .t::before { content: '│ '; }
    p { margin: 0.25rem 0; }
    .status { font-weight: 600; }
    .pipeline { margin: 0.5rem 0 0; font-size: 0.85rem; color: var(--gi-muted); }
    .in-force, .conversion { font-size: 0.9rem; }
    dl { display: flex; gap: 1rem; margin: 0.25rem 0 0; flex-wrap: wrap; }
    dl div { display: flex; gap: 0.3rem; }
    dt { color: var(--gi-muted); }
    dd { margin: 0; font-weight: 600; }
    @media print {
      :host { padding: 2mm 3mm; font-size: 8.5pt; line-height: 1.3; }
      h3 { font-size: 10pt; }
      .figure { font-size: 13pt; }
      p { margin: 0.5mm 0; }
      .pipeline { font-size: 8pt; margin-top: 1mm; }
      dl { gap: 0 2.5mm; }
      svg.bar { margin: 0.3rem 0 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    }
  `];

  /** The type's counts, as GET /api/tally gives them. */
  @property({ attribute: false }) item!: TallyType;

  private readonly i18n = new LocaleController(this);

  override render() {
    const { giType, inForce, towardTarget, converted, fromConversion, baseline, target, pipeline, remaining } = this.item;
    const scale = Math.max(target, towardTarget, baseline, 1);
    const pctOf = (n: number) => Math.min(100, (n / scale) * 100);
    const pct = target > 0 ? Math.round((towardTarget / target) * 100) : 0;
    const delta = towardTarget - baseline;
    const name = t(`giType.${giType}`);
    // Counted apart from what is in force only where a conversion moved a GI from one type to another.
    const apart = towardTarget !== inForce;
    const into = conversionTargetOf(giType);
    const sources = conversionSourcesOf(giType);
    return html`
      <section aria-labelledby="h">
        <h3 id="h">${name}</h3>
        <p class="figure"><span aria-hidden="true" data-toward-target=${towardTarget}>${target > 0
          ? html`${towardTarget}<small> / ${target}</small>`
          : html`${towardTarget}`}</span><span class="visually-hidden">${target > 0
          ? (apart ? t('conv.tally.towardOfTarget', { n: towardTarget, target }) : t('tally.inForceOfTarget', { n: inForce, target }))
          : t('tally.noTarget', { n: inForce })}</span></p>
        ${target > 0 ? html`
          <svg class="bar" viewBox="0 0 100 18" preserveAspectRatio="none" role="img"
            aria-label=${apart ? t('conv.tally.progressText', { n: towardTarget, target, pct, baseline }) : t('tally.progressText', { n: inForce, target, pct, baseline })}>
            <rect class="track" x="0" y="2" width="100" height="14"></rect>
            <rect class="fill" x="0" y="2" width=${pctOf(towardTarget)} height="14"></rect>
            <line class="baseline" x1=${pctOf(baseline)} x2=${pctOf(baseline)} y1="0" y2="18"></line>
            <line class="target" x1=${pctOf(target)} x2=${pctOf(target)} y1="0" y2="18"></line>
          </svg>
          <p class="legend" aria-hidden="true"><span class="b">${t('tally.baselineMark', { n: baseline })}</span><span class="t">${t('tally.targetMark', { n: target })}</span></p>
          <p class="status">${remaining > 0 ? t('tally.remaining', { n: remaining })
            : towardTarget > target ? t('tally.exceeded', { n: towardTarget - target }) : t('tally.reached')}</p>` : nothing}
        <p>${delta >= 0 ? t('tally.sinceStart', { n: delta }) : t('tally.sinceStartNegative', { n: -delta })}</p>
        <p class="in-force" data-in-force=${inForce}>${t('conv.tally.inForce', { n: inForce })}</p>
        ${into ? html`<p class="conversion" data-converted=${converted}>${t('conv.tally.converted', { type: t(`giType.${into}`), n: converted })}</p>` : nothing}
        ${sources.length > 0 ? html`<p class="conversion" data-from-conversion=${fromConversion}>${t('conv.tally.fromConversion',
          { from: sources.map((g) => t(`giType.${g}`)).join(' / '), n: fromConversion })}</p>` : nothing}
        <p class="pipeline" id="pl">${t('tally.pipeline')}</p>
        <dl aria-labelledby="pl">
          <div><dt>${t('status.cultivating')}</dt><dd>${pipeline.cultivating}</dd></div>
          <div class="ready"><dt>${t('pipeline.ready')}</dt><dd>${pipeline.readyToFile}</dd></div>
          <div><dt>${t('status.filed')}</dt><dd>${pipeline.filed}</dd></div>
          <div><dt>${t('status.published')}</dt><dd>${pipeline.published}</dd></div>
        </dl>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-tally-card': GiTallyCard }
}
