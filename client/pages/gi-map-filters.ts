import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { County, ProductFilter } from '../../db/model';
import { CATEGORIES, GI_TYPES } from '../../db/model/vocabulary-lists';
import { localName, LocaleController, t } from '../i18n';
import { filterQuery, withFilter, type FilterKey } from '../map/url-state';
import { sharedStyles } from '../lib/shared-styles';

/** Detail of `gi-filter-change`: the new filters; `replace` when typing (no new history entry per key). */
export interface FilterChangeDetail { filter: ProductFilter; replace: boolean }

/** The status filters the public map offers (the API also accepts each raw status). */
const STATUS_OPTIONS = ['in_force', 'in_progress', 'cultivating'] as const;

/**
 * The map page's filter form: GI type, status, county, category and a name search. Shows the
 * filters it is given and reports each change with `gi-filter-change`.
 */
@customElement('gi-map-filters')
export class GiMapFilters extends LitElement {
  static override styles = [sharedStyles, css`
    :host { display: block; }
    form { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: flex-end; }
    .field { display: grid; gap: 0.1rem; }
    label { font-size: 0.85rem; color: var(--gi-muted); }
    select, input { font-size: 0.95rem; padding: 0.3rem 0.4rem; border: 1px solid #8c959f; border-radius: 4px;
      background: #fff; color: var(--gi-fg); min-width: 8rem; }
    input { min-width: 12rem; }
    button { padding: 0.3rem 0.75rem; border: 1px solid #8c959f; border-radius: 4px; background: var(--gi-surface); }
    @media (max-width: 700px) { .field { flex: 1 1 45%; } select, input { min-width: 0; width: 100%; box-sizing: border-box; } }
  `];

  /** The filters currently applied. */
  @property({ attribute: false }) filter: ProductFilter = {};
  /** The counties to offer (names in both languages). */
  @property({ attribute: false }) counties: County[] = [];

  private readonly i18n = new LocaleController(this);
  private typing?: ReturnType<typeof setTimeout>;

  override disconnectedCallback(): void {
    clearTimeout(this.typing);
    super.disconnectedCallback();
  }

  override render() {
    const f = this.filter;
    const option = (value: string, label: string, current: string | undefined) =>
      html`<option value=${value} .selected=${live(value === (current ?? ''))}>${label}</option>`;
    return html`<form role="search" aria-label=${t('filters.label')} @submit=${this.onSubmit}>
      <div class="field"><label for="f-type">${t('filters.type')}</label>
        <select id="f-type" name="type" @change=${this.onSelect}>
          ${option('', t('filters.all'), f.type)}
          ${GI_TYPES.map((g) => option(g, t(`giType.${g}`), f.type))}
        </select></div>
      <div class="field"><label for="f-status">${t('filters.status')}</label>
        <select id="f-status" name="status" @change=${this.onSelect}>
          ${option('', t('filters.all'), f.status)}
          ${STATUS_OPTIONS.map((s) => option(s, t(`status.${s}`), f.status))}
          ${f.status && !(STATUS_OPTIONS as readonly string[]).includes(f.status) ? option(f.status, t(`status.${f.status}`), f.status) : ''}
        </select></div>
      <div class="field"><label for="f-county">${t('filters.county')}</label>
        <select id="f-county" name="county" @change=${this.onSelect}>
          ${option('', t('filters.all'), f.county)}
          ${this.counties.map((c) => option(c.code, localName(c), f.county))}
        </select></div>
      <div class="field"><label for="f-category">${t('filters.category')}</label>
        <select id="f-category" name="category" @change=${this.onSelect}>
          ${option('', t('filters.all'), f.category)}
          ${CATEGORIES.map((c) => option(c, t(`category.${c}`), f.category))}
        </select></div>
      <div class="field"><label for="f-q">${t('filters.q')}</label>
        <input id="f-q" name="q" type="search" .value=${live(f.q ?? '')} placeholder=${t('filters.qHint')} maxlength="100"
          autocomplete="off" @input=${this.onInput} />
      </div>
      <button type="button" ?disabled=${filterQuery(f) === ''} @click=${this.onClear}>${t('filters.clear')}</button>
    </form>`;
  }

  private emit(filter: ProductFilter, replace = false) {
    clearTimeout(this.typing);
    this.dispatchEvent(new CustomEvent<FilterChangeDetail>('gi-filter-change', {
      detail: { filter, replace }, bubbles: true, composed: true,
    }));
  }

  private onSelect(e: Event) {
    const select = e.target as HTMLSelectElement;
    this.emit(withFilter(this.filter, select.name as FilterKey, select.value));
  }

  /** Typing waits for a pause, then updates the results without a history entry per keystroke. */
  private onInput(e: Event) {
    const value = (e.target as HTMLInputElement).value;
    clearTimeout(this.typing);
    this.typing = setTimeout(() => this.emit(withFilter(this.filter, 'q', value), true), 300);
  }

  private onSubmit(e: SubmitEvent) {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name=q]')!;
    this.emit(withFilter(this.filter, 'q', input.value));
  }

  private onClear() {
    this.emit({});
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-map-filters': GiMapFilters }
}
