/**
 * The record-conversion form's state: the day (not after today, not before the grant, as the server
 * checks), the announcement, the number and the designation it became (none: a new one), checked with
 * the shared ConversionCreate; and which of the product's designations may be what it became.
 */
import {
  ConversionCreate, conversionTargetOf, isDossierOpen, isNotBefore, todayInShanghai, type Designation,
} from '../../db/model';
import { t } from '../i18n';
import { showDate } from '../i18n/dates';
import { fieldErrors, type FieldErrors } from './field-errors';
import type { DraftCheck } from './product-draft';

/** The form as typed (`designationId` '' for a new designation). */
export interface ConversionDraft { on: string; announcement: string; number: string; designationId: string }

/** An empty form dated today, naming the conversion under way if there is one. */
export function emptyConversion(source: Pick<Designation, 'convertedTo'>, today = todayInShanghai()): ConversionDraft {
  return { on: today, announcement: '', number: '', designationId: source.convertedTo ? String(source.convertedTo.designationId) : '' };
}

/**
 * The product's designations a conversion of `source` may be recorded into: of the type it converts
 * into, in progress, and not converting another designation.
 */
export function conversionTargets<D extends Pick<Designation, 'id' | 'giType' | 'status' | 'convertedFrom'>>(
  source: Pick<Designation, 'id' | 'giType'>, designations: readonly D[],
): D[] {
  const into = conversionTargetOf(source.giType);
  return designations.filter((d) => d.giType === into && isDossierOpen(d.status)
    && (d.convertedFrom === null || d.convertedFrom.designationId === source.id));
}

/** Checks the form with the shared schema, then the day against today and the grant. */
export function checkConversion(d: ConversionDraft, grantedOn: string | null, today = todayInShanghai()): DraftCheck<ConversionCreate> {
  const on = d.on.trim();
  const body: Record<string, unknown> = { on, announcement: d.announcement };
  if (d.number.trim() !== '') body.number = d.number;
  if (d.designationId !== '') body.designationId = Number(d.designationId);
  const result = ConversionCreate.safeParse(body);
  const errors: FieldErrors = result.success ? {} : fieldErrors(result.error.issues);
  if (!errors.on && on > today) errors.on = t('conv.future');
  else if (!errors.on && grantedOn && !isNotBefore(on, grantedOn)) errors.on = t('conv.beforeGrant', { date: showDate(grantedOn) });
  if (result.success && Object.keys(errors).length === 0) return { ok: true, body: result.data };
  return { ok: false, errors };
}
