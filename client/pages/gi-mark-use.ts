import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { MarkUse, MarkUseYear } from '../../db/model';
import { apiGet } from '../lib/api';
import { LocaleController, t } from '../i18n';
import { amount, ceilingBasis } from '../lib/mark-numbers';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';
import { renderSources, sourceListStyles } from './gi-source-list';

/**
 * A product's use of its marks on its public page: per designation, per year with accepted yearly
 * returns, how many users reported and their total against the ceiling of that year's figures. Only
 * totals: a year with too few reporters says its total is not published, and why. Nothing while the
 * product has no accepted returns.
 */
@customElement('gi-mark-use')
export class GiMarkUse extends LitElement {
  static override styles = [sharedStyles, sourceListStyles, css`
    :host { display: block; }
    section { margin-top: 1.5rem; }
    h2 { font-size: 1.15rem; border-bottom: 1px solid var(--gi-border); padding-bottom: 0.25rem; }
    .hint { color: var(--gi-muted); font-size: 0.9rem; }
    table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
    caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
    th, td { text-align: left; padding: 0.3rem 0.4rem; border-bottom: 1px solid var(--gi-border); vertical-align: top; overflow-wrap: anywhere; }
    /* A year and a count never break ("20 / 25" on a phone). */
    tr > :first-child, td.n { white-space: nowrap; }
    .withheld { color: var(--gi-muted); }
  `];

  /** The product whose marks' use to show. */
  @property({ type: Number }) productId = 0;

  private readonly i18n = new LocaleController(this);
  private readonly use = new Task(this, {
    task: ([id], { signal }) => apiGet<MarkUse>(`/api/products/${id}/mark-use`, signal),
    args: () => [this.productId] as const,
  });

  override render() {
    return this.use.render({
      pending: () => nothing,
      error: (e) => html`<section>${renderError(e, () => this.use.run())}</section>`,
      complete: (use) => (use.designations.length === 0 ? nothing : this.renderUse(use)),
    });
  }

  private renderUse(use: MarkUse) {
    return html`<section aria-labelledby="mark-use">
      <h2 id="mark-use">${t('markUse.title')}</h2>
      <p class="hint">${t('markUse.intro', { n: use.minReporters })}</p>
      ${use.designations.map((d) => html`<table>
        <caption>${t('markUse.caption', { gi: t(`giType.${d.giType}`) })}</caption>
        <thead><tr>
          <th scope="col">${t('markUse.year')}</th><th scope="col">${t('markUse.reporters')}</th>
          <th scope="col">${t('markUse.marked')}</th><th scope="col">${t('markUse.ceiling')}</th>
        </tr></thead>
        <tbody>${d.years.map((y) => this.renderYear(y, use.minReporters))}</tbody>
      </table>`)}
      <p>${t('markUse.sources')}</p>${renderSources([...use.sources, ...uniqueSources(use)])}
    </section>`;
  }

  private renderYear(y: MarkUseYear, minReporters: number) {
    return html`<tr>
      <th scope="row">${y.year}</th>
      <td class="n">${amount(y.reporters)}</td>
      <td>${y.markedTonnes === null
        ? html`<span class="withheld">${t('markUse.withheld', { n: minReporters })}</span>`
        : t('markUse.tonnes', { n: amount(y.markedTonnes) })}</td>
      <td>${y.ceiling.tonnes === null ? t('markUse.noCeiling')
        : t('markUse.ceilingBasis', { tonnes: amount(y.ceiling.tonnes), basis: ceilingBasis(y.ceiling) })}</td>
    </tr>`;
  }
}

/** The figures' sources behind the ceilings, each once. */
function uniqueSources(use: MarkUse) {
  const seen = new Map<string, MarkUse['sources'][number]>();
  for (const s of use.designations.flatMap((d) => d.years.flatMap((y) => y.ceilingSources))) seen.set(`${s.title}|${s.url}`, s);
  return [...seen.values()];
}

declare global {
  interface HTMLElementTagNameMap { 'gi-mark-use': GiMarkUse }
}
