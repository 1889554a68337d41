/**
 * A product's locations as the picker edits them: the precision the official chose (none until chosen),
 * the village or township a village or township location names, the county a county location is shown
 * on, and the point as typed or clicked; the request body, and the checks that say in words what is missing.
 */
import type { CountyCode, Location, Precision } from '../../db/model';
import { t } from '../i18n';
import { countyNamedZh, countyOf } from '../lib/counties';
import type { FieldErrors } from './field-errors';
import { parseNumber } from './typed-number';

/** A village or township picked from the code list: its code and the name shown for it. */
export interface DivisionChoice { code: string; name: string }

/** One location as the picker holds it: coordinates are strings until saved. */
export interface LocationDraft {
  /** None until the official chooses: a precision is never assumed. */
  precision: Precision | '';
  lat: string;
  lng: string;
  label: string;
  /** The village or township of a village or township location (its name may be '' until looked up). */
  division: DivisionChoice | null;
  /** The county a county location is shown on. */
  county: CountyCode | '';
}

/** Whether a precision names a village or township from the code list. */
export function namesDivision(p: Precision | ''): p is 'village' | 'township' {
  return p === 'village' || p === 'township';
}

/** A new location: nothing chosen, nothing placed. */
export function emptyLocation(point: { lat: string; lng: string } = { lat: '', lng: '' }): LocationDraft {
  return { precision: '', ...point, label: '', division: null, county: '' };
}

/** A county's Chinese name, the label a county location carries (client/lib/location-label.ts reads it back). */
export function countyLabel(code: CountyCode): string {
  return countyOf(code)?.nameZh ?? code;
}

/** The county whose Chinese name a label is, if any (the counties are read before a product's draft is made). */
function countyOfLabel(label: string): CountyCode | '' {
  return countyNamedZh(label)?.code ?? '';
}

/** The draft of a saved location. */
export function draftFromLocation(l: Location): LocationDraft {
  return {
    precision: l.precision, lat: String(l.lat), lng: String(l.lng), label: l.label,
    division: l.divisionCode ? { code: l.divisionCode, name: '' } : null,
    county: l.precision === 'county' ? countyOfLabel(l.label) : '',
  };
}

/** The JSON body of one location (before validation): a code only for a village or township, a county's name as a county's label. */
export function locationBody(d: LocationDraft): Record<string, unknown> {
  return {
    lat: parseNumber(d.lat),
    lng: parseNumber(d.lng),
    label: d.precision === 'county' && d.county ? countyLabel(d.county) : d.label.trim(),
    precision: d.precision === '' ? undefined : d.precision,
    divisionCode: namesDivision(d.precision) ? d.division?.code ?? null : null,
  };
}

/**
 * What is missing from each location, in words, keyed as the schema keys its issues
 * (`locations.0.precision`): no precision chosen, no village or township picked, no county chosen, no
 * point placed. These come first; the schema's own issues fill in the rest.
 */
export function locationErrors(locations: readonly LocationDraft[]): FieldErrors {
  const errors: FieldErrors = {};
  locations.forEach((d, i) => {
    const key = (field: string) => `locations.${i}.${field}`;
    const unplaced = d.lat.trim() === '' && d.lng.trim() === '';
    if (d.precision === '') errors[key('precision')] = t('loc.choosePrecision');
    else if (d.precision === 'county') {
      if (!d.county) errors[key('county')] = t('loc.chooseCounty');
      else if (unplaced) errors[key('county')] = t('loc.countyPointMissing');
    } else {
      if (namesDivision(d.precision) && !d.division) errors[key('divisionCode')] = t(`loc.choose.${d.precision}`);
      if (unplaced) errors[key('lat')] = t(d.precision === 'exact' ? 'loc.placeExact' : 'loc.placeInUnit');
    }
  });
  return errors;
}
