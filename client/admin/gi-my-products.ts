import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import type { CountyCode, ProductSummary, Visibility } from '../../db/model';
import { lang, localName, LocaleController, t } from '../i18n';
import { CountiesController } from '../lib/counties';
import { withLang } from '../lib/router';
import { sharedStyles } from '../lib/shared-styles';
import { renderTask } from '../lib/task-view';
import type { SessionUser } from './admin-api';
import { adminApi } from './admin-api';
import { adminStyles } from './admin-styles';
import { selectField, textField } from './fields';
import { choices, countyName, joinList } from './labels';

/**
 * The products the signed-in user may change: their county's (an admin: all, filterable by county), drafts
 * or public ones apart with their counts. What comes first on the page (the to-do list) goes in the `first` slot.
 */
@customElement('gi-my-products')
export class GiMyProducts extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .top { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between; }
    a.button { display: inline-block; padding: 0.4rem 1rem; border-radius: 4px; background: var(--gi-accent); color: #fff; text-decoration: none; }
    .filters { display: flex; gap: 1rem; flex-wrap: wrap; align-items: center; }
    .check { display: flex; gap: 0.3rem; align-items: center; }
    fieldset.shown { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; border: 0; padding: 0; margin: 0.5rem 0; }
    fieldset.shown legend { float: left; margin-right: 0.5rem; padding: 0; }
  `];

  /** The signed-in account. */
  @property({ attribute: false }) user: SessionUser | null = null;

  @state() private county: CountyCode | '' = '';
  @state() private q = '';
  @state() private archived = false;
  /** Which products the list shows: all, drafts only or public ones only. */
  @state() private shown: Visibility | '' = '';

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly products = new Task(this, {
    // In English the list is alphabetical (the server orders it for `lang`); a switch of language reads it again.
    task: ([county, q, archived, language], { signal }) =>
      adminApi.myProducts({ county: county || undefined, q: q.trim() || undefined, archived, lang: language }, signal),
    args: () => [this.user?.role === 'admin' ? this.county : '', this.q, this.archived, lang()] as const,
  });

  override render() {
    const isAdmin = this.user?.role === 'admin';
    return html`<div class="top">
        <h1>${isAdmin ? t('products.titleAll') : t('products.titleCounty', { county: countyName(this.user?.county) })}</h1>
        <a class="button" href=${withLang('/admin/products/new')}>${t('admin.newProduct')}</a>
      </div>
      <slot name="first"></slot>
      <div class="filters" role="search" aria-label=${t('products.filters')}>
        ${isAdmin ? selectField({ id: 'county', label: t('products.county'), value: this.county, choices: choices.counties(),
          placeholder: t('products.allCounties'), onInput: (v) => { this.county = v as CountyCode | ''; } }) : nothing}
        ${textField({ id: 'q', label: t('products.search'), type: 'search', value: this.q, onInput: (v) => { this.q = v; } })}
        <label class="check"><input type="checkbox" .checked=${this.archived}
          @change=${(e: Event) => { this.archived = (e.target as HTMLInputElement).checked; }} />${t('products.showArchived')}</label>
      </div>
      ${renderTask(this.products, ({ items, total }) => (items.length === 0
        ? html`<p class="state">${this.archived ? t('products.noneArchived') : t('products.none')}</p>`
        : this.renderShown(items, total)))}`;
  }

  /** The visibility filter with each choice's count, then the products it lets through. */
  private renderShown(items: ProductSummary[], total: number) {
    const count = (v: Visibility) => items.filter((p) => p.visibility === v).length;
    const options: [Visibility | '', string][] = [
      ['', t('myProducts.all', { n: total })], ['draft', t('myProducts.drafts', { n: count('draft') })],
      ['public', t('myProducts.public', { n: count('public') })],
    ];
    const shown = this.shown ? items.filter((p) => p.visibility === this.shown) : items;
    return html`<fieldset class="shown"><legend>${t('myProducts.show')}</legend>
        ${options.map(([value, label]) => html`<label class="check"><input type="radio" name="shown" .checked=${this.shown === value}
          @change=${() => { this.shown = value; }} />${label}</label>`)}
      </fieldset>
      ${shown.length === 0 ? html`<p class="state">${t('products.none')}</p>` : this.renderTable(shown, shown.length)}`;
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
