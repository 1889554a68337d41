import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PRECISIONS, type CountyCode, type Precision } from '../../db/model';
import { LocaleController, t } from '../i18n';
import { CountiesController, countyName } from '../lib/counties';
import { locationWords } from '../lib/location-label';
import { sharedStyles } from '../lib/shared-styles';
import { adminStyles } from './admin-styles';
import type { FieldErrors } from './field-errors';
import { errorLine, selectField, textField } from './fields';
import type { DivisionPickDetail } from './gi-division-picker';
import { countyLabel, namesDivision, type LocationDraft } from './location-draft';
import './gi-division-picker';

/** Detail of `gi-location-change`: the location after an edit. */
export interface LocationChangeDetail { index: number; location: LocationDraft }
/** Detail of `gi-location-remove` and `gi-location-activate`: which location. */
export interface LocationIndexDetail { index: number }

/**
 * One location of the picker: the precision the official must choose (each explained in a line), then
 * for a village or township the unit from the code list, for a county the county, and for the others the
 * point (clicked on the picker's map or typed). Reports `gi-location-change`, `gi-location-activate`
 * (the map places this one) and `gi-location-remove`.
 */
@customElement('gi-location-row')
export class GiLocationRow extends LitElement {
  static override styles = [sharedStyles, adminStyles, css`
    :host > fieldset { border-style: dashed; }
    :host([active]) > fieldset { border: 2px solid var(--gi-accent); }
    .precision { border: 0; padding: 0; margin: 0 0 0.75rem; }
    .choice { display: grid; grid-template-columns: auto 1fr; gap: 0 0.4rem; align-items: baseline; margin: 0.3rem 0; }
    .choice .hint { grid-column: 2; }
    .choice label { font-weight: 500; }
    .row .field { max-width: 14rem; }
  `];

  /** The location as the official has it so far. */
  @property({ attribute: false }) location!: LocationDraft;
  /** Its place in the list (0-based). */
  @property({ type: Number }) index = 0;
  /** The product form's errors (keys like `locations.0.precision`). */
  @property({ attribute: false }) errors: FieldErrors = {};
  /** The product's counties: the code list and the county choice are limited to them. */
  @property({ attribute: false }) productCounties: readonly CountyCode[] = [];
  /** Where a county location is shown: each county's centre (its label point). */
  @property({ attribute: false }) countyPoints: ReadonlyMap<string, { lat: number; lng: number }> = new Map();
  /** The name of the chosen village or township when the draft has only its code. */
  @property() divisionName = '';
  /** Whether the map places this location. */
  @property({ type: Boolean, reflect: true }) active = false;

  private readonly i18n = new LocaleController(this);
  private readonly countyNames = new CountiesController(this);

  override render() {
    const l = this.location;
    const n = this.index + 1;
    const i = this.index;
    const e = (key: string) => this.errors[`locations.${i}.${key}`];
    const words = l.precision === '' ? t('loc.notChosen') : locationWords(
      { precision: l.precision, lat: Number(l.lat), lng: Number(l.lng) },
      l.precision === 'county' ? (l.county ? countyName(l.county) : '') : (l.division?.name || this.divisionName),
    );
    return html`<fieldset><legend>${t('loc.summary', { n, words })}</legend>
      ${this.renderPrecision(n, e('precision'))}
      ${namesDivision(l.precision) ? html`<gi-division-picker .counties=${this.productCounties} level=${l.precision}
          fieldId="div-${i}" label=${t(`div.${l.precision}`, { n })} .value=${l.division ? { ...l.division, name: l.division.name || this.divisionName } : null}
          .error=${e('divisionCode')} @gi-division-pick=${this.picked}></gi-division-picker>
        <p class="note">${t('loc.noBoundary')}</p>` : nothing}
      ${l.precision === 'county' ? selectField({ id: `county-${i}`, label: t('loc.county', { n }), value: l.county, required: true,
        placeholder: t('form.choose'), hint: t('loc.countyHint'), error: e('county'),
        choices: this.productCounties.map((c) => ({ value: c, label: countyName(c) })), onInput: (v) => this.chooseCounty(v as CountyCode | '') }) : nothing}
      ${l.precision !== 'county' ? this.renderPoint(n) : nothing}
      <div class="actions">
        ${l.precision !== 'county' ? html`<button type="button" aria-pressed=${this.active ? 'true' : 'false'}
          @click=${() => this.report('gi-location-activate')}>${this.active ? t('loc.placing', { n }) : t('loc.place', { n })}</button>` : nothing}
        <button type="button" class="danger" @click=${() => this.report('gi-location-remove')}>${t('loc.remove', { n })}</button>
      </div>
    </fieldset>`;
  }

  private renderPrecision(n: number, error: string | undefined) {
    const id = `prec-${this.index}`;
    return html`<fieldset class="precision" aria-describedby=${ifDefined(error ? `${id}-error` : undefined)}>
      <legend>${t('loc.precisionOf', { n })}<span class="req" aria-hidden="true"> *</span></legend>
      ${PRECISIONS.map((p) => html`<div class="choice">
        <input type="radio" id="${id}-${p}" name=${id} value=${p} .checked=${this.location.precision === p} required
          aria-invalid=${error ? 'true' : 'false'} aria-describedby="${id}-${p}-hint" @change=${() => this.choosePrecision(p)} />
        <label for="${id}-${p}">${t(`loc.p.${p}`)}</label>
        <p class="hint" id="${id}-${p}-hint">${t(`loc.pHint.${p}`)}</p>
      </div>`)}
      ${errorLine(id, error)}
    </fieldset>`;
  }

  private renderPoint(n: number) {
    const l = this.location;
    const i = this.index;
    const e = (key: string) => this.errors[`locations.${i}.${key}`];
    // An error about the point as a whole (the server: it lies outside the product's counties) is shown
    // beside its latitude, the first of its coordinates, so the field is marked and described by it.
    const point = this.errors[`locations.${i}`];
    return html`<div class="row">
      ${textField({ id: `lat-${i}`, label: t('loc.lat', { n }), value: l.lat, error: e('lat') ?? point, required: true, hint: t('loc.latHint'), onInput: (v) => this.change({ lat: v }) })}
      ${textField({ id: `lng-${i}`, label: t('loc.lng', { n }), value: l.lng, error: e('lng'), required: true, hint: t('loc.lngHint'), onInput: (v) => this.change({ lng: v }) })}
      ${textField({ id: `label-${i}`, label: t('loc.label', { n }), value: l.label, error: e('label'), onInput: (v) => this.change({ label: v }) })}
    </div>`;
  }

  private choosePrecision(precision: Precision) {
    const was = this.location;
    if (was.precision === precision) return;
    // A county location's point is the county's centre, not a place anyone clicked: it goes with the county.
    const fromCounty = was.precision === 'county' ? { lat: '', lng: '', label: '', county: '' as const } : {};
    const next: LocationDraft = { ...was, ...fromCounty, precision, division: null };
    if (precision === 'county') {
      const only = this.productCounties.length === 1 ? this.productCounties[0] : '';
      this.emit({ ...next, ...this.countyPlace(only) });
    } else this.emit(next);
  }

  private chooseCounty(county: CountyCode | '') {
    this.emit({ ...this.location, ...this.countyPlace(county) });
  }

  /** The county, its centre as the point and its Chinese name as the label (nothing when none is chosen). */
  private countyPlace(county: CountyCode | ''): Pick<LocationDraft, 'county' | 'lat' | 'lng' | 'label'> {
    const at = county ? this.countyPoints.get(county) : undefined;
    return { county, lat: at ? String(at.lat) : '', lng: at ? String(at.lng) : '', label: county ? countyLabel(county) : '' };
  }

  private picked(event: CustomEvent<DivisionPickDetail>) {
    event.stopPropagation();
    this.emit({ ...this.location, division: event.detail.choice });
    this.report('gi-location-activate');
  }

  private change(patch: Partial<LocationDraft>) {
    this.emit({ ...this.location, ...patch });
  }

  private emit(location: LocationDraft) {
    this.dispatchEvent(new CustomEvent<LocationChangeDetail>('gi-location-change', { detail: { index: this.index, location }, bubbles: true, composed: true }));
  }

  private report(type: 'gi-location-activate' | 'gi-location-remove') {
    this.dispatchEvent(new CustomEvent<LocationIndexDetail>(type, { detail: { index: this.index }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap { 'gi-location-row': GiLocationRow }
}
