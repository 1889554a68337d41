import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ClientConfig, CountyCollection } from '../lib/api';
import { LocaleController, t } from '../i18n';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import type { FieldErrors } from './field-errors';
import { errorLine, selectField, textField } from './fields';
import { choices } from './labels';
import { parseNumber, type LocationDraft } from './product-draft';
import '../map/gi-map';

/** Detail of `gi-locations-change`: the locations after an edit. */
export interface LocationsChangeDetail { locations: LocationDraft[] }

/** Rounds a clicked coordinate to 6 decimals (about 0.1 m), the precision worth storing. */
const round6 = (n: number) => String(Math.round(n * 1e6) / 1e6);

/** A product's locations: picked by clicking the map (for the location being placed) or typed. */
@customElement('gi-location-picker')
export class GiLocationPicker extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    gi-map { display: block; height: 22rem; border: 1px solid var(--gi-border); margin: 0.5rem 0; }
    .loc { border-style: dashed; }
    .loc.active { border: 2px solid var(--gi-accent); }
    .loc .field { max-width: 14rem; }
  `];

  /** The locations as typed. */
  @property({ attribute: false }) locations: LocationDraft[] = [];
  /** The product form's errors (keys like `locations.0.lat`). */
  @property({ attribute: false }) errors: FieldErrors = {};
  /** County boundaries for the map. */
  @property({ attribute: false }) counties: CountyCollection | null = null;
  /** Basemap settings. */
  @property({ attribute: false }) tiles: ClientConfig['tiles'] = null;

  /** Which location a map click places. */
  @state() private active = 0;

  private readonly i18n = new LocaleController(this);

  override render() {
    const current = this.locations[this.active];
    const lat = current ? parseNumber(current.lat) : null;
    const lng = current ? parseNumber(current.lng) : null;
    const marker = lat !== null && lng !== null && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
    return html`<fieldset><legend>${t('loc.legend')}</legend>
      <p class="hint" id="map-hint">${current ? t('loc.mapHintRow', { n: this.active + 1 }) : t('loc.mapHintNew')}</p>
      <gi-map .counties=${this.counties}
        .tiles=${this.tiles} .marker=${marker} .pickable=${true} @gi-map-click=${this.mapClick}></gi-map>
      ${errorLine('locations', this.errors.locations)}
      ${this.locations.map((l, i) => this.renderRow(l, i))}
      <div class="actions"><button type="button" @click=${this.add}>${t('loc.add')}</button></div>
    </fieldset>`;
  }

  private renderRow(l: LocationDraft, i: number) {
    const e = (key: string) => this.errors[`locations.${i}.${key}`];
    // An error about the point as a whole (the server: it lies outside the product's counties) is shown
    // beside its latitude, the first of its coordinates, so the field is marked and described by it.
    const point = this.errors[`locations.${i}`];
    const n = i + 1;
    return html`<fieldset class="loc ${i === this.active ? 'active' : ''}"><legend>${t('loc.row', { n })}</legend>
      <div class="row">
        ${textField({ id: `lat-${i}`, label: t('loc.lat', { n }), value: l.lat, error: e('lat') ?? point, required: true, hint: t('loc.latHint'), onInput: (v) => this.update1(i, { lat: v }) })}
        ${textField({ id: `lng-${i}`, label: t('loc.lng', { n }), value: l.lng, error: e('lng'), required: true, hint: t('loc.lngHint'), onInput: (v) => this.update1(i, { lng: v }) })}
        ${selectField({ id: `precision-${i}`, label: t('loc.precision', { n }), value: l.precision, choices: choices.precisions(),
          error: e('precision'), onInput: (v) => this.update1(i, { precision: v as LocationDraft['precision'] }) })}
        ${textField({ id: `label-${i}`, label: t('loc.label', { n }), value: l.label, error: e('label'), onInput: (v) => this.update1(i, { label: v }) })}
      </div>
      <div class="actions">
        <button type="button" aria-pressed=${i === this.active ? 'true' : 'false'} @click=${() => { this.active = i; }}>
          ${i === this.active ? t('loc.placing', { n }) : t('loc.place', { n })}</button>
        <button type="button" class="danger" @click=${() => this.removeLocation(i)}>${t('loc.remove', { n })}</button>
      </div>
    </fieldset>`;
  }

  private emit(locations: LocationDraft[]) {
    this.dispatchEvent(new CustomEvent<LocationsChangeDetail>('gi-locations-change', { detail: { locations }, bubbles: true, composed: true }));
  }

  private update1(i: number, patch: Partial<LocationDraft>) {
    this.emit(this.locations.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  }

  private mapClick(event: CustomEvent<{ lat: number; lng: number }>) {
    const point = { lat: round6(event.detail.lat), lng: round6(event.detail.lng) };
    if (this.locations[this.active]) this.update1(this.active, point);
    else {
      this.active = this.locations.length;
      this.emit([...this.locations, { ...point, label: '', precision: 'exact' }]);
    }
  }

  private add() {
    this.active = this.locations.length;
    this.emit([...this.locations, { lat: '', lng: '', label: '', precision: 'exact' }]);
  }

  private removeLocation(i: number) {
    this.active = Math.max(0, Math.min(this.active, this.locations.length - 2));
    this.emit(this.locations.filter((_, j) => j !== i));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-location-picker': GiLocationPicker }
}
