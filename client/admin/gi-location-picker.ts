import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CountyCode } from '../../db/model';
import type { ClientConfig, CountyCollection } from '../lib/api';
import { LocaleController, t } from '../i18n';
import { unitName } from '../lib/location-label';
import { sharedStyles } from '../lib/shared-styles';
import { unitsByCode } from '../lib/units-by-code';
import { adminStyles } from './admin-styles';
import type { FieldErrors } from './field-errors';
import { errorLine } from './fields';
import type { LocationChangeDetail, LocationIndexDetail } from './gi-location-row';
import { emptyLocation, type LocationDraft } from './location-draft';
import { parseNumber } from './typed-number';
import '../map/gi-map';
import './gi-location-row';

/** Detail of `gi-locations-change`: the locations after an edit. */
export interface LocationsChangeDetail { locations: LocationDraft[] }

/** Rounds a clicked coordinate to 6 decimals (about 0.1 m), the precision worth storing. */
const round6 = (n: number) => String(Math.round(n * 1e6) / 1e6);

/**
 * A product's locations: each with the precision its official chose (never assumed), placed by clicking
 * the map (for the location being placed) or typed; a county location needs no click.
 */
@customElement('gi-location-picker')
export class GiLocationPicker extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    gi-map { display: block; height: 22rem; border: 1px solid var(--gi-border); margin: 0.5rem 0; }
    gi-location-row { margin-bottom: 0.75rem; }
  `];

  /** The locations as typed. */
  @property({ attribute: false }) locations: LocationDraft[] = [];
  /** The product form's errors (keys like `locations.0.lat`). */
  @property({ attribute: false }) errors: FieldErrors = {};
  /** County boundaries for the map (and each county's centre, where a county location is shown). */
  @property({ attribute: false }) counties: CountyCollection | null = null;
  /** The product's counties, as checked in the form. */
  @property({ attribute: false }) productCounties: readonly CountyCode[] = [];
  /** The map settings (tiles, 审图号, boundary credit), as /api/config gives them. */
  @property({ attribute: false }) mapConfig: ClientConfig | null = null;

  /** Which location a map click places. */
  @state() private active = 0;
  /** Names of the villages and townships saved locations name by code only. */
  @state() private names = new Map<string, string>();

  private readonly i18n = new LocaleController(this);
  private readonly asked = new Set<string>();

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('locations')) this.lookUpNames();
  }

  override render() {
    const current = this.locations[this.active];
    const lat = current ? parseNumber(current.lat) : null;
    const lng = current ? parseNumber(current.lng) : null;
    const marker = lat !== null && lng !== null && Number.isFinite(lat) && Number.isFinite(lng) ? { lat, lng } : null;
    const countyPoints = new Map((this.counties?.features ?? []).map((f) => [f.properties.code, f.properties.label] as const));
    return html`<fieldset><legend>${t('loc.legend')}</legend>
      <p class="hint" id="map-hint">${this.mapHint(current)}</p>
      <gi-map .counties=${this.counties}
        .tiles=${this.mapConfig?.tiles ?? null} .approvalNo=${this.mapConfig?.approvalNo ?? null} .boundarySource=${this.mapConfig?.boundarySource ?? null} .marker=${marker} .pickable=${true} @gi-map-click=${this.mapClick}></gi-map>
      ${errorLine('locations', this.errors.locations)}
      ${this.locations.map((l, i) => html`<gi-location-row .location=${l} .index=${i} .errors=${this.errors}
        .productCounties=${this.productCounties} .countyPoints=${countyPoints} ?active=${i === this.active}
        .divisionName=${l.division ? this.names.get(l.division.code) ?? '' : ''}
        @gi-location-change=${this.changed} @gi-location-activate=${this.activate} @gi-location-remove=${this.removeLocation}></gi-location-row>`)}
      <div class="actions"><button type="button" @click=${this.add}>${t('loc.add')}</button></div>
    </fieldset>`;
  }

  private mapHint(current: LocationDraft | undefined): string {
    if (!current) return t('loc.mapHintNew');
    const n = this.active + 1;
    if (current.precision === 'county') return t('loc.mapHintCounty', { n });
    return current.precision === '' ? `${t('loc.mapHintRow', { n })} ${t('loc.newPrecision')}` : t('loc.mapHintRow', { n });
  }

  /** Looks up, once each, the names of the units saved locations name only by code. */
  private lookUpNames() {
    const codes = this.locations.flatMap((l) => (l.division && !l.division.name && !this.asked.has(l.division.code) ? [l.division.code] : []));
    if (codes.length === 0) return;
    for (const code of codes) this.asked.add(code);
    unitsByCode(codes).then((found) => {
      this.names = new Map([...this.names, ...[...found].map(([code, u]) => [code, unitName(u)] as const)]);
    }).catch(() => {
      // The code stands in for the name (the row shows it); asking again on the next change is allowed.
      for (const code of codes) this.asked.delete(code);
    });
  }

  private emit(locations: LocationDraft[]) {
    this.dispatchEvent(new CustomEvent<LocationsChangeDetail>('gi-locations-change', { detail: { locations }, bubbles: true, composed: true }));
  }

  private changed(event: CustomEvent<LocationChangeDetail>) {
    event.stopPropagation();
    const { index, location } = event.detail;
    this.emit(this.locations.map((l, j) => (j === index ? location : l)));
  }

  private activate(event: CustomEvent<LocationIndexDetail>) {
    event.stopPropagation();
    this.active = event.detail.index;
  }

  private mapClick(event: CustomEvent<{ lat: number; lng: number }>) {
    const point = { lat: round6(event.detail.lat), lng: round6(event.detail.lng) };
    const current = this.locations[this.active];
    // A county location is shown at its county's centre: a click does not move it.
    if (current?.precision === 'county') return;
    if (current) this.emit(this.locations.map((l, j) => (j === this.active ? { ...l, ...point } : l)));
    else {
      this.active = this.locations.length;
      this.emit([...this.locations, emptyLocation(point)]);
    }
  }

  private add() {
    this.active = this.locations.length;
    this.emit([...this.locations, emptyLocation()]);
  }

  private removeLocation(event: CustomEvent<LocationIndexDetail>) {
    event.stopPropagation();
    const i = event.detail.index;
    this.active = Math.max(0, Math.min(this.active, this.locations.length - 2));
    this.emit(this.locations.filter((_, j) => j !== i));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-location-picker': GiLocationPicker }
}
