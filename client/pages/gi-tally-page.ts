import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { periodName, type County, type Period, type Tally, type TallySeries, type User } from '../../db/model';
import { api, ApiRequestError } from '../lib/api';
import { loadCounties } from '../lib/counties';
import { lang, LocaleController, t } from '../i18n';
// This page's catalogs, loaded with it (client/i18n/catalog.ts).
import '../i18n/conversion';
import '../i18n/cultivation';
import '../i18n/marks';
import '../i18n/report';
import '../i18n/tally';
import { reportPageUrl } from '../report/report-api';
import { LocationController, navigate, withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';
import type { TallyChangeEvent } from '../tally/gi-tally-controls';
import { readTallyParams, tallyUrl, type TallyParams } from '../tally/tally-url';
import { conversionNote } from '../tally/conversion-note';
import '../report/gi-report-issuer-form';
import '../tally/gi-period-editor';
import '../tally/gi-tally-card';
import '../tally/gi-tally-chart';
import '../tally/gi-tally-controls';
import '../tally/gi-tally-counties';
import '../tally/gi-tally-renewals';

interface Meta { periods: Period[]; counties: County[]; user: User | null }
interface Data { tally: Tally; series: TallySeries }

/** The tally page (/tally): every GI type against the period's targets on a date, by county, printable as a one-page report. */
@customElement('gi-tally-page')
export class GiTallyPage extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; padding: 1rem; max-width: 72rem; margin: 0 auto; width: 100%; box-sizing: border-box; }
    h1 { font-size: 1.5rem; margin: 0 0 0.25rem; }
    h2 { font-size: 1.1rem; margin: 0 0 0.5rem; }
    .intro, .note { color: var(--gi-muted); font-size: 0.9rem; margin: 0 0 0.75rem; }
    .ended { border-left: 4px solid var(--gi-accent); padding: 0.4rem 0.75rem; margin: 0 0 0.75rem; font-weight: 600; }
    .report-title { font-size: 1.2rem; margin: 1rem 0 0.5rem; }
    .annual { margin: 0 0 0.75rem; }
    .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 1rem; }
    .totals { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 1rem 0; }
    .totals div { display: flex; flex-direction: column; }
    .totals dt { color: var(--gi-muted); }
    .totals dd { margin: 0; font-size: 1.4rem; font-weight: 700; }
    section { margin-top: 1.25rem; }
    details { margin-top: 1.5rem; border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.5rem 1rem; }
    summary { font-weight: 600; cursor: pointer; }
    @media print {
      :host { padding: 0; max-width: none; font-size: 10pt; }
      h1, .intro, .ended, details, .screen-only { display: none; }
      .report-title { margin: 0 0 3mm; font-size: 14pt; }
      .cards { grid-template-columns: repeat(3, 1fr); gap: 3mm; }
      .totals { margin: 2mm 0 0; }
      .totals dt { font-size: 8.5pt; }
      .totals dd { font-size: 12pt; }
      .note { font-size: 8pt; margin: 0 0 1mm; }
      section { margin-top: 3mm; break-inside: avoid; }
    }
  `];

  @state() private params: TallyParams = readTallyParams(location.search);
  @state() private version = 0;

  private readonly i18n = new LocaleController(this);
  private readonly navigation = new LocationController(this, () => this.onLocation());
  private readonly onLocation = () => {
    this.params = readTallyParams(location.search);
  };

  private readonly meta = new Task(this, {
    task: async (_args: readonly [number], { signal }): Promise<Meta> => {
      const [periods, counties, user] = await Promise.all([api.periods(signal), loadCounties(), api.signedInUser(signal)]);
      return { periods, counties: [...counties], user };
    },
    args: () => [this.version] as const,
  });

  private readonly data = new Task(this, {
    task: async ([period, asOf]: readonly [number | undefined, string | undefined, number], { signal }): Promise<Data | null> => {
      try {
        const tally = await api.tally({ period, asOf }, signal);
        return { tally, series: await api.tallySeries({ period: tally.period.id, step: 'month' }, signal) };
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 404 && period === undefined) return null; // no period at all
        throw error;
      }
    },
    args: () => [this.params.period, this.params.asOf, this.version] as const,
  });



  override render() {
    const meta = this.meta.value;
    const shown = this.data.value?.tally;
    return html`
      <h1>${t('tally.title')}</h1>
      ${shown?.periodEnded && meta ? html`<p class="ended" role="note">${this.endedText(shown, meta.periods)}</p>` : nothing}
      <p class="intro">${t('tally.intro')}</p>
      ${meta && meta.periods.length > 0 ? html`<gi-tally-controls .periods=${meta.periods}
        .period=${shown?.period.id ?? this.params.period ?? 0} .asOf=${this.params.asOf ?? shown?.asOf ?? ''}
        ?asOfChosen=${this.params.asOf !== undefined} @tally-change=${this.onChange}></gi-tally-controls>` : nothing}
      ${this.meta.render({
        pending: () => html`<p class="state" role="status">${t('state.loading')}</p>`,
        error: (e) => renderError(e, () => this.meta.run()),
        complete: (m) => this.data.render({
          pending: () => html`<p class="state" role="status" aria-live="polite">${t('state.loading')}</p>`,
          error: (e) => renderError(e, () => this.data.run()),
          complete: (d) => (d ? this.renderTally(d, m) : html`<p class="state">${t('tally.noPeriod')}
            ${m.user?.role === 'admin' ? t('tally.noPeriodAdmin') : nothing}</p>`),
        }),
      })}
      ${meta?.user?.role === 'admin' ? this.renderAdmin(meta.periods) : nothing}
    `;
  }

  private renderTally({ tally, series }: Data, meta: Meta) {
    return html`
      <h2 class="report-title">${t('tally.reportTitle', { period: periodName(tally.period, lang()), asOf: tally.asOf })}</h2>
      <p class="screen-only annual"><a href=${withLang(reportPageUrl(Number(tally.asOf.slice(0, 4))))}
        title=${t('report.ofYearHint', { year: tally.asOf.slice(0, 4) })}>${t('report.ofYear', { year: tally.asOf.slice(0, 4) })}</a></p>
      <div class="cards" role="list" aria-label=${t('tally.byType')}>
        ${tally.types.map((x) => html`<gi-tally-card role="listitem" data-type=${x.giType} .item=${x}></gi-tally-card>`)}
      </div>
      ${conversionNote()}
      <dl class="totals">
        <div><dt>${t('tally.productsInForce')}</dt><dd data-total="products">${tally.productsInForce}</dd></div>
        <div><dt>${t('tally.households')}</dt><dd data-total="households">${tally.households.toLocaleString()}</dd></div>
        <div><dt>${t('marks.tallyUsers')}</dt><dd data-total="authorized-users">${tally.authorizedUsers.toLocaleString()}</dd></div>
        <div><dt>${t('marks.tallyLatestHouseholds')}</dt><dd data-total="latest-households">${tally.latestHouseholds.toLocaleString()}</dd></div>
      </dl>
      <p class="note">${t('tally.householdsNote')}</p>
      <section><gi-tally-chart .series=${series} .asOf=${tally.asOf}></gi-tally-chart></section>
      <section>
        <gi-tally-counties .tally=${tally} .counties=${meta.counties}></gi-tally-counties>
        <p class="note">${t('tally.countiesNote')}</p>
      </section>
      <section><gi-tally-renewals .items=${tally.renewalsDue}></gi-tally-renewals></section>
    `;
  }

  /** Says the period shown has ended: as of its end or of the date picked, and whether a next one exists yet. */
  private endedText(tally: Tally, periods: Period[]) {
    const { period, asOf } = tally;
    const next = periods.some((p) => p.startsOn > period.endsOn);
    const key = asOf === period.endsOn ? (next ? 'tally.ended.atEnd' : 'tally.ended.atEndNoNext') : (next ? 'tally.ended.asOf' : 'tally.ended.asOfNoNext');
    return t(key, { name: periodName(period, lang()), endsOn: period.endsOn, asOf });
  }

  private renderAdmin(periods: Period[]) {
    const current = periods.find((p) => p.id === this.data.value?.tally.period.id) ?? null;
    return html`
      ${current ? html`<details><summary>${t('tally.edit')}（${periodName(current, lang())}）</summary>
        <gi-period-editor .period=${current} @period-saved=${this.onSaved}></gi-period-editor></details>` : nothing}
      <details><summary>${t('tally.add')}</summary>
        <gi-period-editor .period=${null} @period-saved=${this.onSaved}></gi-period-editor></details>
      <details><summary>${t('report.issuerSettings')}</summary><gi-report-issuer-form></gi-report-issuer-form></details>
    `;
  }

  private onChange(e: TallyChangeEvent) {
    navigate(tallyUrl(e.detail));
  }

  private onSaved(e: CustomEvent<Period>) {
    this.version++;
    if (this.params.period !== e.detail.id) navigate(tallyUrl({ period: e.detail.id }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-tally-page': GiTallyPage }
}
