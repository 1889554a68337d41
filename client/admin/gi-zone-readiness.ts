import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task, TaskStatus } from '@lit/task';
import { formatPartialDate, type CriterionResult, type ZoneReadiness, type ZoneReadinessItem } from '../../db/model';
import { lang, localName, LocaleController, t } from '../i18n';
import { CountiesController } from '../lib/counties';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import { amount, percent } from '../lib/mark-numbers';
import type { SessionUser } from './admin-api';
import { adminStyles } from './admin-styles';
import { countyName, joinList } from './labels';
import { signalsApi } from './signals-api';
import './gi-readiness-settings-form';

type Criterion = 'producers' | 'output' | 'years';
const CRITERIA: readonly Criterion[] = ['producers', 'output', 'years'];

/**
 * The demonstration-zone readiness at /admin/readiness: the GIs closest to eligible (the city's for
 * an admin, the county's for an official), then every GI in force with its three conditions, each
 * met, not met or not known, with the figures and the basis behind it; admins change the thresholds here.
 */
@customElement('gi-zone-readiness')
export class GiZoneReadiness extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .wrap { overflow-x: auto; }
    ol { padding-left: 1.5rem; }
    li { margin: 0.25rem 0; }
    .result { display: inline-block; white-space: nowrap; border-radius: 999px; padding: 0 0.5rem; font-size: 0.85rem; border: 1px solid currentColor; }
    .result.pass { color: #0b6e4f; background: #e6f4ee; }
    .result.fail { color: #8b1a10; background: #fff8f7; }
    .result.unknown { color: #59636e; background: #eef1f4; }
    .detail { display: block; color: var(--gi-muted); font-size: 0.9rem; }
    tr.eligible td:first-child { box-shadow: inset 4px 0 0 #0b6e4f; }
  `];

  /** The signed-in account (an official sees their county; an admin the city and the thresholds form). */
  @property({ attribute: false }) user: SessionUser | null = null;

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly readiness = new Task(this, {
    task: ([], { signal }) => signalsApi.readiness(undefined, signal),
    args: () => [] as const,
  });

  private get isAdmin() { return this.user?.role === 'admin'; }

  override render() {
    const title = this.isAdmin ? t('zone.title') : t('zone.titleCounty', { county: countyName(this.user?.county) });
    return html`<h1>${title}</h1>
      <p class="hint">${t('zone.intro')}</p>
      ${this.readiness.status === TaskStatus.PENDING && this.readiness.value
        // Asked again after the thresholds changed: the last answer stays (and the form with its "saved") until the new one comes.
        ? this.renderReadiness(this.readiness.value)
        : renderTask(this.readiness, (r) => this.renderReadiness(r))}`;
  }

  private renderReadiness(r: ZoneReadiness) {
    const byId = new Map(r.items.map((i) => [i.designationId, i]));
    const eligible = r.items.filter((i) => i.eligible).length;
    return html`<p>${t('zone.thresholds', {
      producers: percent(r.settings.producerShare), output: percent(r.settings.outputShare), years: r.settings.minYears, year: r.year, date: r.asOf,
    })}</p>
      <section aria-labelledby="zone-closest">
        <h2 id="zone-closest">${this.isAdmin ? t('zone.closestCity') : t('zone.closest')}</h2>
        ${eligible ? html`<p>${t('zone.eligibleCount', { n: eligible })}</p>` : nothing}
        ${r.closest.length === 0 ? html`<p class="state">${t('zone.closestNone')}</p>` : html`<ol>
          ${r.closest.map((id) => byId.get(id)!).map((i) => html`<li>${this.productLink(i)} · ${t('zone.metOf', { n: i.met })} ·
            ${t('zone.missing', { list: joinList(CRITERIA.filter((c) => i[c].result !== 'pass').map((c) => t('zone.missingItem', { criterion: t(`zone.${c}`), result: this.resultText(i[c].result) }))) })}</li>`)}
        </ol>`}
      </section>
      <section aria-labelledby="zone-table">
        <h2 id="zone-table">${t('zone.table')}</h2>
        ${r.items.length === 0 ? html`<p class="state">${t('zone.none')}</p>` : html`<div class="wrap"><table>
          <caption class="visually-hidden">${t('zone.table')}</caption>
          <thead><tr>
            <th scope="col">${t('zone.product')}</th><th scope="col">${t('zone.counties')}</th>
            ${CRITERIA.map((c) => html`<th scope="col">${t(`zone.${c}`)}</th>`)}<th scope="col">${t('zone.met')}</th>
          </tr></thead>
          <tbody>${r.items.map((i) => this.renderRow(i, r.year))}</tbody>
        </table></div>`}
      </section>
      ${this.isAdmin ? html`<gi-readiness-settings-form .settings=${r.settings}
        @gi-readiness-settings-saved=${() => this.readiness.run()}></gi-readiness-settings-form>` : nothing}`;
  }

  private renderRow(i: ZoneReadinessItem, year: number) {
    const producers = i.producers.producers === null
      ? t('zone.producersNone', { users: i.producers.users })
      : t('zone.producersLine', { users: i.producers.users, producers: amount(i.producers.producers) });
    const basis = t(`zone.basis.${i.producers.basis}`, { year: i.producers.basisYear ?? '' });
    const output = i.output.outputTonnes === null
      ? t('zone.outputNone', { marked: amount(i.output.markedTonnes), year })
      : t('zone.outputLine', { marked: amount(i.output.markedTonnes), output: amount(i.output.outputTonnes), n: i.output.reporters });
    const years = i.years.grantedOn === null
      ? t('zone.yearsNone')
      : t('zone.yearsLine', { years: i.years.value ?? 0, date: formatPartialDate(i.years.grantedOn, lang()) });
    return html`<tr class=${i.eligible ? 'eligible' : ''} data-designation=${i.designationId}>
      <td>${this.productLink(i)}<span class="detail">${t(`giType.${i.giType}`)}</span></td>
      <td>${joinList(i.counties.map(countyName))}</td>
      <td>${this.result(i.producers.result, i.producers.value)}<span class="detail">${producers}</span><span class="detail">${basis}</span></td>
      <td>${this.result(i.output.result, i.output.value)}<span class="detail">${output}</span></td>
      <td>${this.result(i.years.result, null)}<span class="detail">${years}</span></td>
      <td>${i.eligible ? t('zone.eligible') : t('zone.metOf', { n: i.met })}</td>
    </tr>`;
  }

  /** A result in words (never colour alone), with the share when there is one. */
  private result(result: CriterionResult, share: number | null) {
    return html`<span class="result ${result}">${this.resultText(result)}${share !== null ? ` · ${percent(share)}` : ''}</span>`;
  }

  private resultText(result: CriterionResult) {
    return t(`zone.${result}`);
  }

  private productLink(i: ZoneReadinessItem) {
    return html`<a href=${withLang(`/admin/products/${i.productId}`)}>${localName({ nameZh: i.productZh, nameEn: i.productEn })}</a>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-zone-readiness': GiZoneReadiness }
}
