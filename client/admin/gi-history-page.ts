import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task } from '@lit/task';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, CountyCode, type AuditEvent } from '../../db/model';
import { toQuery } from '../lib/api';
import { lang, LocaleController, t, type MessageKey } from '../i18n';
import { allCounties, CountiesController } from '../lib/counties';
import { LocationController, navigate } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderError, renderTask } from '../lib/task-view';
import { adminApi, type SessionUser } from './admin-api';
import { adminStyles } from './admin-styles';
import { countyName } from './labels';
import './gi-audit-event';
import { appHref } from '../lib/base-path';

/** The filters, as kept in the page's URL under the API's own names. */
interface Filters { county: string; user: string; entity: string; action: string; from: string; to: string }
const EMPTY: Filters = { county: '', user: '', entity: '', action: '', from: '', to: '' };
/** Entries fetched at a time ("load more" fetches the next ones). */
const PAGE = 50;
const DATE = /^\d{4}-\d\d-\d\d$/;

/** The filters in the current URL; unknown values are dropped, not sent. */
function filtersFromUrl(): Filters {
  const q = new URLSearchParams(location.search);
  const pick = (key: keyof Filters, ok: (v: string) => boolean) => {
    const v = (q.get(key) ?? '').trim();
    return ok(v) ? v : '';
  };
  return {
    county: pick('county', (v) => CountyCode.safeParse(v).success),
    user: pick('user', (v) => v.length <= 100),
    entity: pick('entity', (v) => (AUDIT_ENTITIES as readonly string[]).includes(v)),
    action: pick('action', (v) => (AUDIT_ACTIONS as readonly string[]).includes(v)),
    from: pick('from', (v) => DATE.test(v)),
    to: pick('to', (v) => DATE.test(v)),
  };
}

/** The city-wide history at /admin/history: filters kept in the URL, events newest first, Excel export. */
@customElement('gi-history-page')
export class GiHistoryPage extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr)); gap: 0 1rem; }
    .filters .field { max-width: none; margin-bottom: 0.5rem; }
    .filters input, .filters select { width: 100%; box-sizing: border-box; min-width: 0; }
    .fixed { margin: 0 0 0.5rem; }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 0.5rem 0; }
    ol { list-style: none; margin: 0; padding: 0; }
    ol > li { padding: 0.6rem 0; border-bottom: 1px solid var(--gi-border); }
  `];

  /** The signed-in account (an official's history is fixed to their county). */
  @property({ attribute: false }) user: SessionUser | null = null;

  @state() private filters: Filters = filtersFromUrl();
  @state() private items: AuditEvent[] = [];
  @state() private total = 0;
  @state() private moreState: 'idle' | 'loading' | Error = 'idle';

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly location = new LocationController(this, () => { this.filters = filtersFromUrl(); });
  private readonly firstPage = new Task(this, {
    task: async ([query], { signal }) => {
      const page = await adminApi.auditPage({ ...JSON.parse(query), limit: PAGE }, signal);
      this.items = page.items;
      this.total = page.total;
      this.moreState = 'idle';
      return page;
    },
    // A string, so equal filters do not reload.
    args: () => [JSON.stringify(this.apiFilters())] as const,
  });

  /** Whether the account reads the whole city's history (every role but a county's official: the admin, the auditor). */
  private get isAdmin() { return !!this.user && this.user.role !== 'official'; }

  /** The filters the API gets: set ones only; an official's county is implied by their account. */
  private apiFilters(): Partial<Filters> {
    const f: Partial<Filters> = { ...this.filters };
    if (!this.isAdmin) delete f.county;
    return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== '')) as Partial<Filters>;
  }

  override render() {
    const title = this.isAdmin ? t('history.titleAll') : t('history.titleCounty', { county: countyName(this.user?.county) });
    return html`<h1>${title}</h1>
      ${this.renderFilters()}
      <div class="bar">
        <a href=${appHref(`/api/audit/export.xlsx${toQuery({ ...this.apiFilters(), lang: lang() })}`)} download>${t('history.export')}</a>
        <button type="button" @click=${this.clear}>${t('history.clear')}</button>
      </div>
      ${renderTask(this.firstPage, () => this.renderList())}`;
  }

  private renderFilters() {
    const f = this.filters;
    const entities = this.isAdmin ? AUDIT_ENTITIES : (['product', 'designation'] as const);
    const select = (key: keyof Filters, label: string, all: string, choices: { value: string; label: string }[]) => html`
      <div class="field"><label for=${`h-${key}`}>${label}</label>
        <select id=${`h-${key}`} @change=${(e: Event) => this.set(key, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${f[key] === ''}>${all}</option>
          ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === f[key]}>${c.label}</option>`)}
        </select></div>`;
    const input = (key: keyof Filters, label: string, type: string, extra: { hint?: string; min?: string; max?: string } = {}) => html`
      <div class="field"><label for=${`h-${key}`}>${label}</label>
        <input id=${`h-${key}`} type=${type} .value=${live(f[key])} min=${extra.min ?? ''} max=${extra.max ?? ''}
          aria-describedby=${extra.hint ? `h-${key}-hint` : nothing}
          @change=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value.trim())} />
        ${extra.hint ? html`<p class="hint" id=${`h-${key}-hint`}>${extra.hint}</p>` : nothing}</div>`;
    return html`<div role="search" aria-label=${t('history.filters')}>
      ${this.isAdmin ? nothing : html`<p class="fixed">${t('history.countyFixed', { county: countyName(this.user?.county) })}</p>`}
      <div class="filters">
      ${this.isAdmin
        ? select('county', t('history.county'), t('history.allCounties'), allCounties().map((c) => ({ value: c.code, label: countyName(c.code) })))
        : nothing}
      ${input('user', t('history.user'), 'search', { hint: t('history.userHint') })}
      ${select('entity', t('history.entity'), t('history.allEntities'), entities.map((e) => ({ value: e, label: t(`history.entity.${e}` as MessageKey) })))}
      ${select('action', t('history.action'), t('history.allActions'), AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.action.${a}` as MessageKey) })))}
      ${input('from', t('history.from'), 'date', { max: f.to })}
      ${input('to', t('history.to'), 'date', { min: f.from })}
    </div></div>`;
  }

  private renderList() {
    if (this.items.length === 0) return html`<p class="state">${t('history.none')}</p>`;
    const more = this.moreState;
    return html`<p role="status">${this.items.length < this.total
        ? t('history.shown', { shown: this.items.length, n: this.total }) : t('history.count', { n: this.total })}</p>
      <ol aria-label=${t('history.list')}>
        ${this.items.map((e) => html`<li><gi-audit-event .event=${e} link-product></gi-audit-event></li>`)}
      </ol>
      ${more instanceof Error ? renderError(more, () => void this.loadMore()) : nothing}
      ${this.items.length < this.total ? html`<div class="bar">
        <button type="button" class="primary" ?disabled=${more === 'loading'} @click=${this.loadMore}>
          ${more === 'loading' ? t('history.loadingMore') : t('history.more')}</button></div>` : nothing}`;
  }

  private set(key: keyof Filters, value: string) {
    if (this.filters[key] === value) return;
    this.filters = { ...this.filters, [key]: value };
    navigate(`/admin/history${toQuery({ ...this.filters })}`, { replace: true });
  }

  private clear() {
    this.filters = { ...EMPTY };
    navigate('/admin/history', { replace: true });
  }

  private async loadMore() {
    this.moreState = 'loading';
    try {
      const page = await adminApi.auditPage({ ...this.apiFilters(), limit: PAGE, offset: this.items.length });
      const seen = new Set(this.items.map((e) => e.id));
      this.items = [...this.items, ...page.items.filter((e) => !seen.has(e.id))];
      this.total = page.total;
      this.moreState = 'idle';
    } catch (error) {
      this.moreState = error instanceof Error ? error : new Error(String(error));
    }
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-history-page': GiHistoryPage }
}
