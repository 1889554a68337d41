import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { CountyCode, ProductSummary } from '../../db/model';
import { localName, LocaleController, t } from '../i18n';
import { CountiesController } from '../lib/counties';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import type { SessionUser } from './admin-api';
import { adminApi } from './admin-api';
import { adminStyles } from './admin-styles';
import { selectField, textField } from './fields';
import { choices, countyName, joinList } from './labels';

/** The products the signed-in user may change: their county's (an admin: all, filterable by county). */
@customElement('gi-my-products')
export class GiMyProducts extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .top { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; }
    a.button { display: inline-block; padding: 0.4rem 1rem; border-radius: 4px; background: var(--gi-accent); color: #fff; text-decoration: none; }
    .filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; }
    .check { display: flex; gap: 0.3rem; align-items: center; }
  `];

  /** The signed-in account. */
  @property({ attribute: false }) user: SessionUser | null = null;

  @state() private county: CountyCode | '' = '';
  @state() private q = '';
  @state() private archived = false;

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly products = new Task(this, {
    task: ([county, q, archived], { signal }) =>
      adminApi.myProducts({ county: county || undefined, q: q.trim() || undefined, archived }, signal),
    args: () => [this.user?.role === 'admin' ? this.county : '', this.q, this.archived] as const,
  });

  override render() {
    const isAdmin = this.user?.role === 'admin';
    return html`<div class="top">
        <h1>${isAdmin ? t('products.titleAll') : t('products.titleCounty', { county: countyName(this.user?.county) })}</h1>
        <a class="button" href=${withLang('/admin/products/new')}>${t('admin.newProduct')}</a>
      </div>
      <div class="filters" role="search" aria-label=${t('products.filters')}>
        ${isAdmin ? selectField({ id: 'county', label: t('products.county'), value: this.county, choices: choices.counties(),
          placeholder: t('products.allCounties'), onInput: (v) => { this.county = v as CountyCode | ''; } }) : nothing}
        ${textField({ id: 'q', label: t('products.search'), type: 'search', value: this.q, onInput: (v) => { this.q = v; } })}
        <label class="check"><input type="checkbox" .checked=${this.archived}
          @change=${(e: Event) => { this.archived = (e.target as HTMLInputElement).checked; }} />${t('products.showArchived')}</label>
      </div>
      ${renderTask(this.products, ({ items, total }) => (items.length === 0
        ? html`<p class="state">${this.archived ? t('products.noneArchived') : t('products.none')}</p>`
        : this.renderTable(items, total)))}`;
  }

  private renderTable(items: ProductSummary[], total: number) {
    return html`<table>
      <caption class="visually-hidden">${t('products.count', { n: total })}</caption>
      <thead><tr><th scope="col">${t('products.name')}</th><th scope="col">${t('products.counties')}</th>
        <th scope="col">${t('products.category')}</th><th scope="col">${t('products.state')}</th>
        <th scope="col">${t('products.designations')}</th></tr></thead>
      <tbody>${items.map((p) => html`<tr>
        <td><a href=${withLang(`/admin/products/${p.id}`)}>${localName(p)}</a></td>
        <td>${joinList(p.counties.map(countyName))}</td>
        <td>${t(`category.${p.category}`)}</td>
        <td><span class="badge ${p.visibility}">${t(`visibility.${p.visibility}`)}</span>
          ${p.archived ? html` <span class="badge archived">${t('products.archived')}</span>` : nothing}</td>
        <td>${p.designations.length === 0 ? t('products.noDesignation')
          : joinList(p.designations.map((d) => `${t(`giType.${d.giType}`)} · ${t(`status.${d.status}`)}`), true)}</td>
      </tr>`)}</tbody>
    </table>
    <p>${t('products.count', { n: total })}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-my-products': GiMyProducts }
}
