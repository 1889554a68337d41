/**
 * The product filters' values read without zod (db/model/filter-values.ts, the map page's URL) give the
 * answers of the ProductFilter schema (registry.ts, the API): the same value, or a refusal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedFilterValue, CATEGORIES, GI_TYPES, ProductFilter, STATUS_FILTERS, type FilterName } from '../../db/model';

const NAMES: FilterName[] = ['type', 'status', 'county', 'category', 'q'];

/** ProductFilter's answer for one parameter: its value, or undefined when it refuses it. */
function schemaAnswer(name: FilterName, raw: string): string | undefined {
  const parsed = ProductFilter.shape[name].safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

const CASES: string[] = [
  ...GI_TYPES, ...STATUS_FILTERS, ...CATEGORIES, '', ' ', 'foo', 'Trademark', ' granted', 'granted ', 'in_force\n',
  '140521', '14052', '1405211', '140521\n', ' 140521', '١٤٠٥٢١', 'abcdef',
  '蜂蜜', '  沁水 蜂蜜  ', 'x'.repeat(100), 'x'.repeat(101), ` ${'x'.repeat(100)} `, `${'蜜'.repeat(99)}🍯`, `${'蜜'.repeat(100)}🍯`,
];

describe('acceptedFilterValue', () => {
  it.each(NAMES)('answers %s as ProductFilter does, for a table of values', (name) => {
    for (const raw of CASES) expect([raw, acceptedFilterValue(name, raw)]).toEqual([raw, schemaAnswer(name, raw)]);
  });

  it('answers as ProductFilter does for any text', () => {
    fc.assert(fc.property(fc.constantFrom(...NAMES), fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 120 }), fc.string({ unit: 'binary', minLength: 90, maxLength: 210 }),
      fc.stringMatching(/^\s*\d{5,7}\s*$/)), (name, raw) => acceptedFilterValue(name, raw) === schemaAnswer(name, raw)), { numRuns: 2000 });
  });
});
