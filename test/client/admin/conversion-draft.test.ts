/** The record-conversion form: the day's bounds as the server checks them, and which designations it may be recorded into. */
import { describe, expect, it } from 'vitest';
import { checkConversion, conversionTargets, emptyConversion } from '../../../client/admin/conversion-draft';
import type { ConversionRef, Designation } from '../../../db/model';
import '../../support/all-catalogs';

const today = '2026-11-24';
const form = { on: '2024-09-01', announcement: '第646号', number: '', designationId: '' };

describe('checking the form', () => {
  it('sends the day and announcement, the number and designation only when given', () => {
    expect(checkConversion(form, '2010', today)).toEqual({ ok: true, body: { on: '2024-09-01', announcement: '第646号' } });
    expect(checkConversion({ ...form, number: ' GI-1 ', designationId: '12' }, '2010', today))
      .toEqual({ ok: true, body: { on: '2024-09-01', announcement: '第646号', number: 'GI-1', designationId: 12 } });
  });

  it.each([
    ['no announcement', { announcement: '  ' }, 'announcement', '必填'],
    ['a day after today', { on: '2026-11-25' }, 'on', '转换日期不能晚于今天'],
    ['a day before the grant', { on: '2010-05-01' }, 'on', '转换日期不能早于获批日期（2010-06-01）'],
    ['no day', { on: '' }, 'on', undefined],
  ] as const)('refuses %s', (_, patch, field, message) => {
    const check = checkConversion({ ...form, ...patch }, '2010-06-01', today);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(Object.keys(check.errors)).toEqual([field]);
    if (message) expect(check.errors[field]).toContain(message);
  });

  it('accepts a day within a grant known only to the year', () => {
    expect(checkConversion({ ...form, on: '2010-03-01' }, '2010', today).ok).toBe(true);
  });
});

describe('what it may be recorded into', () => {
  const d = (id: number, giType: Designation['giType'], status: Designation['status'], convertedFrom: ConversionRef | null = null) =>
    ({ id, giType, status, convertedFrom });
  const source = { id: 1, giType: 'agricultural_product' as const };

  it('offers the in-progress designations of the type it converts into, not ended ones or those converting another', () => {
    const all = [
      d(1, 'agricultural_product', 'granted'), d(2, 'protected_product', 'cultivating'), d(3, 'protected_product', 'filed'),
      d(4, 'protected_product', 'granted'), d(5, 'protected_product', 'withdrawn'), d(6, 'trademark', 'cultivating'),
      d(7, 'protected_product', 'published', { designationId: 1, giType: 'agricultural_product', announcement: null, on: null }),
      d(8, 'protected_product', 'cultivating', { designationId: 99, giType: 'agricultural_product', announcement: null, on: null }),
    ];
    expect(conversionTargets(source, all).map((x) => x.id)).toEqual([2, 3, 7]);
    expect(conversionTargets({ id: 6, giType: 'trademark' }, all)).toEqual([]);
  });

  it('starts the form on the conversion under way', () => {
    expect(emptyConversion({ convertedTo: { designationId: 7, giType: 'protected_product', announcement: null, on: null } }, today).designationId).toBe('7');
    expect(emptyConversion({ convertedTo: null }, today)).toEqual({ on: today, announcement: '', number: '', designationId: '' });
  });
});
