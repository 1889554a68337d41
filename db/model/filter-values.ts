/**
 * The values the product filters accept (GET /api/products, the map's clusters and the map's URL): plain
 * checks over the vocabulary's lists, no zod, so the map page reads its URL without it. ProductFilter
 * (registry.ts) is the same rule as a schema, built from the same lists and bound; test/db/filter-values.test.ts
 * holds the two to the same answers.
 */
import { CATEGORIES, COUNTY_CODE_PATTERN, GI_TYPES, STATUS_FILTERS } from './vocabulary-lists';

/** The longest search text, once trimmed, in characters (code points, as zod counts a string's length). */
export const SEARCH_MAX_LENGTH = 100;

/** A filter's name (a parameter of GET /api/products and of the map's URL). */
export type FilterName = 'type' | 'status' | 'county' | 'category' | 'q';

const inList = (list: readonly string[]) => (raw: string) => (list.includes(raw) ? raw : undefined);

const ACCEPT: Readonly<Record<FilterName, (raw: string) => string | undefined>> = {
  type: inList(GI_TYPES),
  status: inList(STATUS_FILTERS),
  county: (raw) => (COUNTY_CODE_PATTERN.test(raw) ? raw : undefined),
  category: inList(CATEGORIES),
  q: (raw) => {
    const q = raw.trim();
    // A code point is one or two UTF-16 units: only between the bound and twice it is the count in doubt.
    const fits = q.length <= SEARCH_MAX_LENGTH || (q.length <= 2 * SEARCH_MAX_LENGTH && [...q].length <= SEARCH_MAX_LENGTH);
    return fits ? q : undefined;
  },
};

/** A filter's value as ProductFilter reads it (a search text trimmed), or undefined when it refuses the text. */
export function acceptedFilterValue(name: FilterName, raw: string): string | undefined {
  return ACCEPT[name](raw);
}
