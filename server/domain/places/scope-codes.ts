/**
 * Checks a protected area given as a list of township and village codes (what an official keeps once a
 * scope is reconciled): every code well formed, current, listed once and inside the product's counties.
 */
import { SCOPE_MAX_CODES } from '../../../db/model';
import { divisionIndex, type DivisionIndex } from '../../../seeds/divisions/divisions';
import type { Level } from '../../../seeds/divisions/names';

/** More codes than Jincheng has units (1,806) cannot be a scope (the contract's limit). */
export { SCOPE_MAX_CODES } from '../../../db/model';

/** One thing wrong with a code list; `index` is the code's position in the list. */
export type ScopeCodeError =
  | { kind: 'too_many_codes'; limit: number; actual: number }
  | { kind: 'bad_code'; index: number }
  | { kind: 'unknown_code'; index: number; code: string }
  | { kind: 'duplicate_code'; index: number; code: string; firstIndex: number }
  | { kind: 'outside_counties'; index: number; code: string; countyCode: string };

/** A code that passed, with what it names. */
export interface ScopeUnit { code: string; level: Level; countyCode: string; parentCode: string }

/** Either every code's unit, in the order given, or every problem found (never both). */
export type ScopeCodesResult = { ok: true; units: ScopeUnit[] } | { ok: false; errors: ScopeCodeError[] };

/** Checks a code list (as it arrives: anything) against the 2023 codes and the product's counties. */
export function checkScopeCodes(
  codes: readonly unknown[], productCounties: readonly string[], index: DivisionIndex = divisionIndex(),
): ScopeCodesResult {
  if (codes.length > SCOPE_MAX_CODES) {
    return { ok: false, errors: [{ kind: 'too_many_codes', limit: SCOPE_MAX_CODES, actual: codes.length }] };
  }
  const errors: ScopeCodeError[] = [];
  const units: ScopeUnit[] = [];
  const seen = new Map<string, number>();
  codes.forEach((value, i) => {
    if (typeof value !== 'string' || !/^\d{12}$/.test(value)) { errors.push({ kind: 'bad_code', index: i }); return; }
    const first = seen.get(value);
    if (first !== undefined) { errors.push({ kind: 'duplicate_code', index: i, code: value, firstIndex: first }); return; }
    seen.set(value, i);
    const d = index.byCode.get(value);
    if (!d) { errors.push({ kind: 'unknown_code', index: i, code: value }); return; }
    if (!productCounties.includes(d.countyCode)) {
      errors.push({ kind: 'outside_counties', index: i, code: value, countyCode: d.countyCode });
      return;
    }
    units.push({ code: d.code, level: d.level, countyCode: d.countyCode, parentCode: d.parentCode });
  });
  return errors.length ? { ok: false, errors } : { ok: true, units };
}
