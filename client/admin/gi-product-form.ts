import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CountyCode, Product, ProductCreate } from '../../db/model';
import { type ClientConfig, type CountyCollection } from '../lib/api';
import { LocaleController, t } from '../i18n';
import { CountiesController, countyName, currentCounties } from '../lib/counties';
import { markChinese } from '../lib/free-text';
import { sharedStyles } from '../lib/shared-styles';
import { adminApi, type SessionUser } from './admin-api';
import { adminStyles } from './admin-styles';
import { refusalOf, unplacedErrors, type FieldErrors } from './field-errors';
import { errorLine, selectField, textField } from './fields';
import type { AreaChangeDetail } from './gi-area-upload';
import type { LocationsChangeDetail } from './gi-location-picker';
import { choices } from './labels';
import { checkProduct, draftFromProduct, emptyProductDraft, sourceLineError, type ProductDraft } from './product-draft';
import './gi-area-upload';
import './gi-location-picker';

/** Detail of `gi-product-saved`: the product as the server now has it. */
export interface ProductSavedDetail { product: Product; created: boolean }

const PLACED = ['nameZh', 'nameEn', 'category', 'counties', 'description', 'quality', 'visibility', 'locations', 'protectedArea', 'sources'];

/** Creates or edits a product's details, checked with ProductCreate/ProductUpdate before sending. */
@customElement('gi-product-form')
export class GiProductForm extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    .counties { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; }
    .counties label { display: flex; gap: 0.3rem; align-items: center; }
  `];

  /** The product being edited, or null for a new one. */
  @property({ attribute: false }) product: Product | null = null;
  /** The signed-in account (an official's county is pre-checked). */
  @property({ attribute: false }) user: SessionUser | null = null;
  /** County boundaries for the maps. */
  @property({ attribute: false }) counties: CountyCollection | null = null;
  /** The map settings (tiles, 审图号, boundary credit), as /api/config gives them. */
  @property({ attribute: false }) mapConfig: ClientConfig | null = null;

  @state() private draft: ProductDraft = emptyProductDraft(null);
  @state() private errors: FieldErrors = {};
  @state() private failure = '';
  @state() private busy = false;
  @state() private saved = false;

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('product') || (changed.has('user') && !this.product)) {
      this.draft = this.product ? draftFromProduct(this.product) : emptyProductDraft(this.user?.role === 'official' ? this.user.county : null);
      this.errors = {};
    }
  }

  override render() {
    const d = this.draft;
    const e = this.errors;
    const field = (key: 'nameZh' | 'nameEn' | 'description' | 'quality' | 'sources', extra: { required?: boolean; multiline?: boolean; hint?: string } = {}) =>
      textField({ id: key, label: t(`form.${key}`), value: d[key], error: key === 'sources' ? sourceLineError(e) : e[key],
        onInput: (v) => this.set({ [key]: v }), ...extra });
    const unplaced = unplacedErrors(e, PLACED);
    return html`<form novalidate @submit=${this.submit} aria-label=${this.product ? t('form.editTitle') : t('form.newTitle')}>
      ${Object.keys(e).length > 0 || this.failure ? html`<div class="form-errors" role="alert">
        <p><span aria-hidden="true">⚠ </span>${this.failure ? markChinese(this.failure) : t('form.fixErrors', { n: Object.keys(e).length })}</p>
        ${unplaced.length ? html`<ul>${unplaced.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}</div>` : nothing}
      <fieldset><legend>${t('form.basics')}</legend>
        ${field('nameZh', { required: true })}
        ${field('nameEn')}
        ${selectField({ id: 'category', label: t('form.category'), value: d.category, choices: choices.categories(), required: true,
          placeholder: t('form.choose'), error: e.category, onInput: (v) => this.set({ category: v as ProductDraft['category'] }) })}
        ${selectField({ id: 'visibility', label: t('form.visibility'), value: d.visibility, choices: choices.visibilities(),
          hint: t('form.visibilityHint'), error: e.visibility, onInput: (v) => this.set({ visibility: v as ProductDraft['visibility'] }) })}
      </fieldset>
      <fieldset aria-describedby=${e.counties ? 'counties-error' : nothing} aria-invalid=${e.counties ? 'true' : 'false'}>
        <legend>${t('form.counties')}<span class="req" aria-hidden="true"> *</span></legend>
        <div class="counties">${this.offeredCounties().map((code) => html`<label>
          <input type="checkbox" .checked=${d.counties.includes(code)} @change=${(ev: Event) => this.toggleCounty(code, (ev.target as HTMLInputElement).checked)} />
          ${countyName(code)}</label>`)}</div>
        ${errorLine('counties', e.counties)}
      </fieldset>
      <fieldset><legend>${t('form.texts')}</legend>
        ${field('description', { multiline: true })}
        ${field('quality', { multiline: true })}
        ${field('sources', { multiline: true, hint: t('form.sourcesHint') })}
      </fieldset>
      <gi-location-picker .locations=${d.locations} .errors=${e} .counties=${this.counties} .productCounties=${d.counties}
        .mapConfig=${this.mapConfig} @gi-locations-change=${(ev: CustomEvent<LocationsChangeDetail>) => this.setLocations(ev.detail.locations)}></gi-location-picker>
      <gi-area-upload .text=${d.areaText} .geometry=${d.areaGeometry} .errors=${e} .counties=${this.counties} .mapConfig=${this.mapConfig}
        @gi-area-change=${(ev: CustomEvent<AreaChangeDetail>) => this.set({ areaText: ev.detail.text, areaGeometry: ev.detail.geometry })}></gi-area-upload>
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>${this.product ? t('form.save') : t('form.create')}</button>
        ${this.saved ? html`<span class="saved" role="status">✓ ${t('form.saved')}</span>` : nothing}
      </div>
    </form>`;
  }

  private set(patch: Partial<ProductDraft>) {
    this.draft = { ...this.draft, ...patch };
    this.saved = false;
  }

  /** Takes the picker's locations; the errors of a location the official changed go until the next save checks it again. */
  private setLocations(locations: ProductDraft['locations']) {
    const before = this.draft.locations;
    const stale = (i: number) => locations.length !== before.length || locations[i] !== before[i];
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([key]) => {
      const m = /^locations\.(\d+)(\.|$)/.exec(key);
      return !m || !stale(Number(m[1]));
    }));
    this.set({ locations });
  }

  /**
   * The counties a product may be put in (those that exist today), and any the product is still in
   * that a division change ended, so it can be taken off them.
   */
  private offeredCounties(): CountyCode[] {
    const current = currentCounties().map((c) => c.code);
    return [...current, ...this.draft.counties.filter((c) => !current.includes(c))].sort();
  }

  private toggleCounty(code: CountyCode, on: boolean) {
    const counties = on ? [...this.draft.counties, code] : this.draft.counties.filter((c) => c !== code);
    this.set({ counties: [...new Set(counties)].sort() });
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.failure = '';
    const check = this.product ? checkProduct(this.draft, 'update') : checkProduct(this.draft, 'create');
    this.errors = check.ok ? {} : check.errors;
    if (!check.ok) return;
    this.busy = true;
    try {
      const product = this.product
        ? await adminApi.updateProduct(this.product.id, check.body)
        : await adminApi.createProduct(check.body as ProductCreate);
      this.saved = true;
      this.dispatchEvent(new CustomEvent<ProductSavedDetail>('gi-product-saved', {
        detail: { product, created: !this.product }, bubbles: true, composed: true,
      }));
    } catch (err) {
      // The server's message is in both languages: the page shows its own (refusalOf).
      const refusal = refusalOf(err);
      if (refusal.errors) this.errors = refusal.errors;
      this.failure = refusal.failure;
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-product-form': GiProductForm }
}
