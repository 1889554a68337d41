import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { readinessPercent } from './dossier-text';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from './shared-styles';

/**
 * A dossier's readiness: a bar and, beside it, the same in words ("已齐备 3/7", with the percentage
 * when asked), so the bar is decoration and the text carries the meaning.
 */
@customElement('gi-readiness-bar')
export class GiReadinessBar extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: inline-flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; }
    svg { width: 7rem; height: 0.8rem; flex: none; overflow: visible; }
    .track { fill: var(--gi-surface); stroke: var(--gi-fg); stroke-width: 1; vector-effect: non-scaling-stroke; }
    .fill { fill: #2f7d5b; }
    :host([complete]) .fill { fill: #0b6e4f; }
    .text { font-variant-numeric: tabular-nums; white-space: nowrap; }
    @media print { svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
  `];

  /** Items ready. */
  @property({ type: Number }) ready = 0;
  /** Items needed (all but those not needed). */
  @property({ type: Number }) needed = 0;
  /** Whether the percentage is written too ("43% · 已齐备 3/7"). */
  @property({ type: Boolean, attribute: 'show-percent' }) showPercent = false;
  /** Set while every needed item is ready (for styles). */
  @property({ type: Boolean, reflect: true }) complete = false;

  private readonly i18n = new LocaleController(this);

  override willUpdate(): void {
    this.complete = this.needed > 0 && this.ready >= this.needed;
  }

  override render() {
    const pct = readinessPercent(this.ready, this.needed);
    if (pct === null) return html`<span class="text">${t('readiness.none')}</span>`;
    const words = t('readiness.text', { ready: this.ready, needed: this.needed });
    return html`<svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
        <rect class="track" x="0" y="0" width="100" height="10"></rect>
        <rect class="fill" x="0" y="0" width=${pct} height="10"></rect>
      </svg><span class="text">${this.showPercent ? `${t('readiness.percent', { pct })} · ${words}` : words}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-readiness-bar': GiReadinessBar }
}
