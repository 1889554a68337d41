import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { DOSSIER_OPEN_STATUSES, GI_TYPES, type Cultivation, type CultivationItem } from '../../db/model';
import { lang, localName, LocaleController, t } from '../i18n';
import { CountiesController } from '../lib/counties';
import { LocationController, navigate, withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import type { SessionUser } from './admin-api';
import { adminStyles } from './admin-styles';
import {
  ariaSortOf, boardApiQuery, boardSearch, boardStateFromSearch, DEFAULT_BOARD, nextSort, sortRows,
  type BoardFilters, type BoardSortKey, type BoardState,
} from './cultivation-view';
import { dossierApi } from './dossier-api';
import { choices, countyName, joinList } from './labels';
import '../lib/gi-readiness-bar';
import './gi-conversion-list';
import './gi-signals-panel';

/**
 * The cultivation board at /admin/cultivation: every open candidate the viewer may work on (an
 * official's county, every county for an admin) with its readiness, next due date and overdue items;
 * filters and order kept in the URL; the same rows as XLSX.
 */
@customElement('gi-cultivation-board')
export class GiCultivationBoard extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; }
    .filters .field { margin-bottom: 0.5rem; }
    .check { display: flex; gap: 0.35rem; align-items: center; margin-bottom: 0.75rem; }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; margin: 0.5rem 0; }
    .fixed { margin: 0 0 0.5rem; }
    .wrap { overflow-x: auto; }
    th button { border: none; background: none; padding: 0; font: inherit; font-weight: 600; color: var(--gi-accent);
      text-decoration: underline; text-underline-offset: 2px; cursor: pointer; white-space: nowrap; }
    td.due { white-space: nowrap; }
    .badge.overdue { color: #8b1a10; background: #fff8f7; font-weight: 600; }
    .badge.incomplete { color: #6e4a00; background: #fff4d6; }
    tr.overdue td:first-child { box-shadow: inset 4px 0 0 #b3261e; }
    .muted { color: var(--gi-muted); }
  `];

  /** The signed-in account (an official's board is fixed to their county). */
  @property({ attribute: false }) user: SessionUser | null = null;

  @state() private view: BoardState = boardStateFromSearch(location.search);

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly location = new LocationController(this, () => { this.view = boardStateFromSearch(location.search); });
  private readonly board = new Task(this, {
    task: ([query], { signal }) => dossierApi.board(JSON.parse(query) as Record<string, string>, signal),
    // A string, so equal filters do not reload (the order is the page's own business).
    args: () => [JSON.stringify(this.apiQuery())] as const,
  });

  private get isAdmin() { return this.user?.role === 'admin'; }

  private apiQuery() {
    return boardApiQuery(this.view.filters, this.isAdmin);
  }

  override render() {
    const title = this.isAdmin ? t('board.titleAll') : t('board.titleCounty', { county: countyName(this.user?.county) });
    return html`<h1>${title}</h1>
      <p class="hint">${t('board.intro')}</p>
      ${this.renderFilters()}
      <div class="bar">
        <a href=${dossierApi.boardXlsxUrl(this.apiQuery(), lang())} download>${t('board.export')}</a>
        <button type="button" @click=${this.clear}>${t('board.clear')}</button>
      </div>
      ${renderTask(this.board, (board) => html`${this.renderTable(board)}
        <gi-conversion-list .items=${board.conversions}></gi-conversion-list>`)}
      <gi-signals-panel .user=${this.user}></gi-signals-panel>`;
  }

  private renderFilters() {
    const f = this.view.filters;
    const select = (key: 'county' | 'type' | 'status', label: string, all: string, choices: { value: string; label: string }[]) => html`
      <div class="field"><label for=${`b-${key}`}>${label}</label>
        <select id=${`b-${key}`} @change=${(e: Event) => this.setFilter({ [key]: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${f[key] === ''}>${all}</option>
          ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === f[key]}>${c.label}</option>`)}
        </select></div>`;
    return html`<div role="search" aria-label=${t('board.filters')}>
      ${this.isAdmin ? nothing : html`<p class="fixed">${t('board.countyFixed', { county: countyName(this.user?.county) })}</p>`}
      <div class="filters">
        ${this.isAdmin ? select('county', t('board.county'), t('board.allCounties'), choices.counties()) : nothing}
        ${select('type', t('board.type'), t('board.allTypes'), GI_TYPES.map((g) => ({ value: g, label: t(`giType.${g}`) })))}
        ${select('status', t('board.status'), t('board.allStatuses'), DOSSIER_OPEN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })))}
        <label class="check"><input type="checkbox" .checked=${f.overdue}
          @change=${(e: Event) => this.setFilter({ overdue: (e.target as HTMLInputElement).checked })} />${t('board.overdueOnly')}</label>
      </div>
    </div>`;
  }

  private renderTable(board: Cultivation) {
    if (board.items.length === 0) return html`<p class="state" role="status">${t('board.none')}</p>`;
    const rows = sortRows(board.items, this.view.sort, (r) => localName({ nameZh: r.productZh, nameEn: r.productEn }), lang() === 'en' ? 'en' : 'zh-CN');
    const sortable = (key: BoardSortKey, label: string) => html`<th scope="col" aria-sort=${ariaSortOf(this.view.sort, key) ?? nothing}>
      <button type="button" @click=${() => this.sortBy(key)}>${label}<span aria-hidden="true">${this.arrow(key)}</span></button></th>`;
    return html`<p role="status">${t('board.count', { n: board.items.length, asOf: board.asOf })}</p>
      <div class="wrap"><table>
        <caption class="visually-hidden">${t('board.caption')}</caption>
        <thead><tr>
          ${sortable('product', t('board.product'))}
          <th scope="col">${t('board.counties')}</th>
          <th scope="col">${t('board.giType')}</th>
          <th scope="col">${t('board.statusCol')}</th>
          ${sortable('readiness', t('board.readiness'))}
          ${sortable('due', t('board.nextDue'))}
        </tr></thead>
        <tbody>${rows.map((r) => this.renderRow(r))}</tbody>
      </table></div>`;
  }

  private renderRow(r: CultivationItem) {
    const type = t(`giType.${r.giType}`);
    return html`<tr class=${r.overdue ? 'overdue' : ''} data-designation=${r.designationId}>
      <td><a href=${withLang(`/admin/products/${r.productId}`)}>${localName({ nameZh: r.productZh, nameEn: r.productEn })}</a></td>
      <td>${joinList(r.counties.map(countyName))}</td>
      <td>${r.markKind ? t('desig.typeWithKind', { type, kind: t(`markKind.${r.markKind}`) }) : type}</td>
      <td>${t(`status.${r.status}`)}${r.filedIncomplete
        ? html` <span class="badge incomplete"><span aria-hidden="true">⚠ </span>${t('dossier.filedIncomplete')}</span>` : nothing}</td>
      <td><gi-readiness-bar .ready=${r.itemsReady} .needed=${r.itemsNeeded} show-percent></gi-readiness-bar></td>
      <td class="due">${r.nextDueOn ? html`<time datetime=${r.nextDueOn}>${r.nextDueOn}</time>` : html`<span class="muted">—</span>`}
        ${r.overdue ? html`<br /><span class="badge overdue"><span aria-hidden="true">⚠ </span>${t('board.overdueItems', { n: r.overdueItems })}</span>` : nothing}</td>
    </tr>`;
  }

  private arrow(key: BoardSortKey): string {
    const sort = ariaSortOf(this.view.sort, key);
    return sort === 'ascending' ? ' ▲' : sort === 'descending' ? ' ▼' : ' ↕';
  }

  private sortBy(key: BoardSortKey) {
    this.go({ ...this.view, sort: nextSort(this.view.sort, key) });
  }

  private setFilter(patch: Partial<BoardFilters>) {
    this.go({ ...this.view, filters: { ...this.view.filters, ...patch } });
  }

  private clear() {
    this.go({ ...DEFAULT_BOARD, sort: this.view.sort });
  }

  private go(view: BoardState) {
    this.view = view;
    navigate(`/admin/cultivation${boardSearch(view)}`, { replace: true });
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-cultivation-board': GiCultivationBoard }
}
