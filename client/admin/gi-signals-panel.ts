import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { Signals, SilentUser, TermEnding, VolumeSignal } from '../../db/model';
import { localName, LocaleController, t } from '../i18n';
import { CountiesController } from '../lib/counties';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import { amount, ceilingBasis } from '../lib/mark-numbers';
import type { SessionUser } from './admin-api';
import { adminStyles } from './admin-styles';
import { countyName, joinList } from './labels';
import { signalsApi } from './signals-api';

/** How many entries a list shows before "show all". */
const SHORT = 8;

type ListKey = 'over' | 'unknown' | 'silent' | 'terms';

/**
 * What the yearly returns tell the signed-in official, compactly (on the workspace's home and the
 * cultivation board): GIs whose declared marked volume passed the ceiling of the year's figures,
 * years that cannot be checked, users silent for two years, and terms ending within 90 days — each
 * entry linking to the product in the workspace, where its users are kept.
 */
@customElement('gi-signals-panel')
export class GiSignalsPanel extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    section { border: 1px solid var(--gi-border); border-radius: 6px; padding: 0.25rem 1rem 0.75rem; margin: 0 0 1.5rem; }
    h2 { margin-top: 0.75rem; }
    ul { margin: 0.25rem 0 0.5rem; padding-left: 1.25rem; }
    li { margin: 0.2rem 0; }
    .flag { color: #8b1a10; font-weight: 600; }
    .muted, .none { color: var(--gi-muted); margin: 0.25rem 0 0.5rem; }
    button.more { border: none; background: none; color: var(--gi-accent); text-decoration: underline; padding: 0; }
  `];

  /** The signed-in account (an official's signals are their county's). */
  @property({ attribute: false }) user: SessionUser | null = null;

  @state() private expanded = new Set<ListKey>();

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly signals = new Task(this, {
    task: ([], { signal }) => signalsApi.signals(undefined, signal),
    args: () => [] as const,
  });

  override render() {
    const title = this.user?.role === 'official' ? t('signals.titleCounty', { county: countyName(this.user.county) }) : t('signals.title');
    return html`<section aria-labelledby="signals-title">
      <h2 id="signals-title">${title}</h2>
      ${renderTask(this.signals, (s) => this.renderSignals(s))}
    </section>`;
  }

  private renderSignals(s: Signals) {
    const over = s.volumes.filter((v) => v.exceeds);
    const unknown = s.volumes.filter((v) => v.ceiling.basis === 'unknown');
    return html`<p class="muted">${t('signals.asOf', { date: s.asOf })}</p>
      <h3>${t('signals.over')}</h3>
      ${this.renderList('over', over, t('signals.overNone'), (v) => html`${this.productEntry(v)}
        <span class="flag"><span aria-hidden="true">⚠ </span>${t('signals.overLine', {
          year: v.year, declared: amount(v.declaredTonnes), ceiling: amount(v.ceiling.tonnes ?? 0), basis: ceilingBasis(v.ceiling), n: v.returns,
        })}</span>`)}
      ${unknown.length ? html`<h3>${t('signals.unknown')}</h3>
        ${this.renderList('unknown', unknown, '', (v) => html`${this.productEntry(v)} ${t('signals.unknownLine', { year: v.year, declared: amount(v.declaredTonnes) })}`)}` : nothing}
      <h3>${t('signals.silent', { years: joinList(s.silentYears.map(String)) })}</h3>
      ${this.renderList('silent', s.silent, t('signals.silentNone'), (u) => html`${this.userEntry(u)}
        ${t('signals.silentLine', { years: joinList(u.yearsChecked.map(String)) })}`)}
      <h3>${t('signals.terms', { days: s.termDays })}</h3>
      ${this.renderList('terms', s.termsEnding, t('signals.termsNone', { days: s.termDays }), (u) => html`${this.userEntry(u)}
        ${u.daysLeft === 0 ? t('signals.termToday', { until: u.until }) : t('signals.termLine', { until: u.until, n: u.daysLeft })}`)}`;
  }

  /** A list, cut to SHORT entries until the official asks for all of them. */
  private renderList<T>(key: ListKey, items: readonly T[], none: string, entry: (item: T) => TemplateResult) {
    if (items.length === 0) return html`<p class="none">${none}</p>`;
    const all = this.expanded.has(key);
    const shown = all ? items : items.slice(0, SHORT);
    return html`<ul data-list=${key}>${shown.map((item) => html`<li>${entry(item)}</li>`)}</ul>
      ${items.length > SHORT && !all ? html`<button type="button" class="more" @click=${() => this.expand(key)}>
        ${t('signals.showAll', { n: items.length })}</button>` : nothing}`;
  }

  /** The product and its GI, linked to the product in the workspace. */
  private productEntry(v: VolumeSignal) {
    return html`<a href=${withLang(`/admin/products/${v.productId}`)}>${localName({ nameZh: v.productZh, nameEn: v.productEn })}</a>
      · ${t(`giType.${v.giType}`)} ·`;
  }

  /** A user, linked to its product in the workspace (where the users are kept), and its product. */
  private userEntry(u: SilentUser | TermEnding) {
    return html`<a href=${withLang(`/admin/products/${u.productId}`)}>${u.name}</a>
      · ${localName({ nameZh: u.productZh, nameEn: u.productEn })} ·`;
  }

  private expand(key: ListKey) {
    this.expanded = new Set([...this.expanded, key]);
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-signals-panel': GiSignalsPanel }
}
