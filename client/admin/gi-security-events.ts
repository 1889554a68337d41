import { css, html, LitElement, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task } from '@lit/task';
import { SECURITY_EVENT_KINDS, type SecurityEvent, type SecurityEventPage } from '../../db/model';
import { lang, LocaleController, t } from '../i18n';
import { ApiRequestError, toQuery } from '../lib/api';
import { appHref } from '../lib/base-path';
import { LocationController, navigate } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderError } from '../lib/task-view';
import { accountApi } from './account-api';
import { adminStyles } from './admin-styles';
import { shanghaiTime } from './labels';
import { detailLines } from './security-detail';
import { stackedTableStyles } from './stacked-table';

/** The filters and the page, as kept in the page's URL under the API's own names. */
interface Filters { kind: string; username: string; from: string; to: string; page: number }
const EMPTY: Filters = { kind: '', username: '', from: '', to: '', page: 1 };
/** The table's columns. */
const COLUMNS = ['security.at', 'security.event', 'security.user', 'security.address', 'security.detail'] as const;
/** Events a page. */
const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d\d-\d\d$/;

/** The filters in the current URL; unknown values are dropped, not sent. */
function filtersFromUrl(): Filters {
  const q = new URLSearchParams(location.search);
  const text = (key: string, ok: (v: string) => boolean) => {
    const v = (q.get(key) ?? '').trim();
    return ok(v) ? v : '';
  };
  const page = Number(q.get('page'));
  return {
    kind: text('kind', (v) => (SECURITY_EVENT_KINDS as readonly string[]).includes(v)),
    username: text('username', (v) => v.length <= 100),
    from: text('from', (v) => DATE.test(v)),
    to: text('to', (v) => DATE.test(v)),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The filters the API gets: set ones only. */
function apiFilters(f: Filters): Record<string, string> {
  const { page: _page, ...rest } = f;
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== ''));
}

/**
 * The auditor's security events at /admin/security-events: filters (kind, username, from, to) and the page
 * kept in the URL, a table newest first with the kinds named in the page's language, paging, and the same
 * events as an Excel file.
 */
@customElement('gi-security-events')
export class GiSecurityEvents extends LitElement {
  static override styles = [sharedStyles, adminStyles, stackedTableStyles, css`
    .filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 12rem), 1fr)); gap: 0 1rem; }
    .filters .field { max-width: none; margin-bottom: 0.5rem; }
    .filters input, .filters select { width: 100%; box-sizing: border-box; min-width: 0; }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 0.5rem 0; }
    td.kind { font-weight: 600; }
    td.when, td.address { white-space: nowrap; }
    dl.detail { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 0 0.5rem; }
    dl.detail dt { color: var(--gi-muted); }
    dl.detail dd { margin: 0; }
  `];

  @state() private filters: Filters = filtersFromUrl();

  private readonly i18n = new LocaleController(this);
  private readonly location = new LocationController(this, () => { this.filters = filtersFromUrl(); });
  private readonly events = new Task(this, {
    task: ([query], { signal }) => accountApi.securityEvents({ ...JSON.parse(query), pageSize: PAGE_SIZE }, signal),
    // A string, so equal filters do not reload.
    args: () => [JSON.stringify({ ...apiFilters(this.filters), page: this.filters.page })] as const,
  });

  override render() {
    return html`<h1>${t('security.title')}</h1>
      ${this.renderFilters()}
      <div class="bar">
        <a href=${appHref(`/api/security-events/export.xlsx${toQuery({ ...apiFilters(this.filters), lang: lang() })}`)} download>${t('security.export')}</a>
        <button type="button" @click=${this.clear}>${t('security.clear')}</button>
      </div>
      ${this.events.render({
        initial: () => nothing,
        pending: () => html`<p class="state" role="status" aria-live="polite">${t('state.loading')}</p>`,
        error: (error) => (error instanceof ApiRequestError && error.status === 403
          ? html`<p class="state error" role="alert">${t('security.notAllowed')}</p>`
          : renderError(error, () => void this.events.run())),
        complete: (page) => this.renderPage(page),
      })}`;
  }

  private renderFilters() {
    const f = this.filters;
    const input = (key: 'username' | 'from' | 'to', label: string, type: string, extra: { hint?: string; min?: string; max?: string } = {}) => html`
      <div class="field"><label for=${`s-${key}`}>${label}</label>
        <input id=${`s-${key}`} type=${type} .value=${live(f[key])} min=${extra.min ?? ''} max=${extra.max ?? ''}
          aria-describedby=${extra.hint ? `s-${key}-hint` : nothing}
          @change=${(e: Event) => this.set(key, (e.target as HTMLInputElement).value.trim())} />
        ${extra.hint ? html`<p class="hint" id=${`s-${key}-hint`}>${extra.hint}</p>` : nothing}</div>`;
    return html`<div role="search" aria-label=${t('security.filters')}><div class="filters">
      <div class="field"><label for="s-kind">${t('security.kind')}</label>
        <select id="s-kind" @change=${(e: Event) => this.set('kind', (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${f.kind === ''}>${t('security.allKinds')}</option>
          ${SECURITY_EVENT_KINDS.map((k) => html`<option value=${k} ?selected=${k === f.kind}>${t(`security.kind.${k}`)}</option>`)}
        </select></div>
      ${input('username', t('security.username'), 'search', { hint: t('security.usernameHint') })}
      ${input('from', t('security.from'), 'date', { max: f.to })}
      ${input('to', t('security.to'), 'date', { min: f.from })}
    </div></div>`;
  }

  private renderPage(page: SecurityEventPage) {
    if (page.total === 0) return html`<p class="state" role="status">${t('security.none')}</p>`;
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    const current = Math.min(this.filters.page, pages);
    return html`<p role="status">${t('security.count', { n: page.total })}</p>
      <table class="stacked" role="table">
        <caption class="visually-hidden">${t('security.caption')}</caption>
        <thead role="rowgroup"><tr role="row">${COLUMNS.map((key) => html`<th scope="col" role="columnheader">${t(key)}</th>`)}</tr></thead>
        <tbody role="rowgroup">${page.items.map((e) => this.renderEvent(e))}</tbody>
      </table>
      ${pages > 1 ? html`<nav class="bar" aria-label=${t('security.pages')}>
        <button type="button" ?disabled=${current <= 1} @click=${() => this.goTo(current - 1)}>${t('security.prev')}</button>
        <span>${t('security.page', { page: current, pages })}</span>
        <button type="button" ?disabled=${current >= pages} @click=${() => this.goTo(current + 1)}>${t('security.next')}</button>
      </nav>` : nothing}`;
  }

  private renderEvent(e: SecurityEvent) {
    const lines = detailLines(e.detail);
    return html`<tr role="row">
      <td role="cell" class="when" data-label=${t('security.at')}><time datetime=${e.at}>${shanghaiTime(e.at)}</time></td>
      <td role="cell" class="kind" data-label=${t('security.event')}>${t(`security.kind.${e.kind}`)}</td>
      <td role="cell" data-label=${t('security.user')}>${e.username ?? t('security.system')}</td>
      <td role="cell" class="address" data-label=${t('security.address')}>${e.address ?? '—'}</td>
      <td role="cell" data-label=${t('security.detail')}>${lines.length === 0 ? '—'
        : html`<dl class="detail">${lines.map((l) => html`<dt>${l.label}</dt><dd>${l.value}</dd>`)}</dl>`}</td>
    </tr>`;
  }

  private set(key: 'kind' | 'username' | 'from' | 'to', value: string) {
    if (this.filters[key] === value) return;
    this.go({ ...this.filters, [key]: value, page: 1 });
  }

  private goTo(page: number) {
    this.go({ ...this.filters, page });
  }

  private go(filters: Filters) {
    this.filters = filters;
    navigate(`/admin/security-events${toQuery({ ...apiFilters(filters), page: filters.page > 1 ? filters.page : undefined })}`, { replace: true });
  }

  private clear() {
    this.go({ ...EMPTY });
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-security-events': GiSecurityEvents }
}
