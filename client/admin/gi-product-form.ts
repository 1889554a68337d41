import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CountyCode, Product, ProductCreate } from '../../db/model';
import { type ClientConfig, type CountyCollection } from '../lib/api';
import { LocaleController, t, type MessageKey } from '../i18n';
import { CountiesController, countyName, currentCounties } from '../lib/counties';
import { markChinese } from '../lib/free-text';
import { sharedStyles } from '../lib/shared-styles';
import { adminApi, type SessionUser } from './admin-api';
import { adminStyles } from './admin-styles';
import { unplacedErrors } from './field-errors';
import { errorLine, selectField, textField } from './fields';
import { FormSender } from './form-sender';
import { shortText } from './stale-draft';
import type { AreaChangeDetail } from './gi-area-upload';
import type { LocationsChangeDetail } from './gi-location-picker';
import { choices } from './labels';
import { checkProduct, draftFromProduct, emptyProductDraft, sourceLineError, type ProductDraft } from './product-draft';
import './gi-area-upload';
import './gi-location-picker';

/** Detail of `gi-product-saved`: the product as the server now has it. */
export interface ProductSavedDetail { product: Product; created: boolean }

const PLACED = ['nameZh', 'nameEn', 'category', 'counties', 'description', 'quality', 'visibility', 'locations', 'protectedArea', 'sources'];

/** How the notice after a 412 names a field of the draft, and shows what it says now. */
const STALE_LABELS: Record<string, MessageKey> = {
  nameZh: 'form.nameZh', nameEn: 'form.nameEn', category: 'form.category', counties: 'form.counties', description: 'form.description',
  quality: 'form.quality', visibility: 'form.visibility', sources: 'form.sources', locations: 'loc.legend', areaText: 'area.text',
  areaGeometry: 'area.file',
};
function staleValue(key: string, value: unknown): string | null {
  if (key === 'category' && value) return t(`category.${value as Exclude<ProductDraft['category'], ''>}`);
  if (key === 'visibility') return t(`visibility.${value as ProductDraft['visibility']}`);
  if (key === 'counties') return (value as CountyCode[]).map(countyName).join('、');
  return shortText(value);
}

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
  @state() private saved = false;

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);
  private readonly form = new FormSender(this);

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('product') || (changed.has('user') && !this.product)) {
      this.draft = this.product ? draftFromProduct(this.product) : emptyProductDraft(this.user?.role === 'official' ? this.user.county : null);
      // The product's own version: a save is based on it (server/versions.ts), whatever else of the product changes.
      this.form.load(this.product?.version, this.draft);
      this.form.errors = {};
    }
  }

  override render() {
    const d = this.draft;
    const e = this.form.errors;
    const failure = this.form.failure;
    const field = (key: 'nameZh' | 'nameEn' | 'description' | 'quality' | 'sources', extra: { required?: boolean; multiline?: boolean; hint?: string } = {}) =>
      textField({ id: key, label: t(`form.${key}`), value: d[key], error: key === 'sources' ? sourceLineError(e) : e[key],
        onInput: (v) => this.set({ [key]: v }), ...extra });
    const unplaced = unplacedErrors(e, PLACED);
    return html`<form novalidate @submit=${this.submit} aria-label=${this.product ? t('form.editTitle') : t('form.newTitle')}>
      ${Object.keys(e).length > 0 || failure ? html`<div class="form-errors" role="alert">
        <p><span aria-hidden="true">⚠ </span>${failure ? markChinese(failure) : t('form.fixErrors', { n: Object.keys(e).length })}</p>
        ${unplaced.length ? html`<ul>${unplaced.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}</div>` : nothing}
      ${this.form.renderStale({
        draftOf: (p: Product) => draftFromProduct(p), draft: d, apply: (draft) => { this.draft = draft; this.saved = false; },
        label: (key) => (STALE_LABELS[key] ? t(STALE_LABELS[key]) : null), show: staleValue,
      })}
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
        <button class="primary" type="submit" ?disabled=${this.form.busy}>${this.product ? t('form.save') : t('form.create')}</button>
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
    this.form.errors = Object.fromEntries(Object.entries(this.form.errors).filter(([key]) => {
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
    this.form.failure = '';
    const check = this.product ? checkProduct(this.draft, 'update') : checkProduct(this.draft, 'create');
    this.form.errors = check.ok ? {} : check.errors;
    if (!check.ok) return;
    // The server's message is in both languages: the page shows its own (refusalOf, in the sender).
    await this.form.send(async () => {
      const product = this.product
        ? await adminApi.updateProduct(this.product.id, check.body, this.form.version)
        : await adminApi.createProduct(check.body as ProductCreate);
      this.saved = true;
      this.dispatchEvent(new CustomEvent<ProductSavedDetail>('gi-product-saved', {
        detail: { product, created: !this.product }, bubbles: true, composed: true,
      }));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-product-form': GiProductForm }
}
