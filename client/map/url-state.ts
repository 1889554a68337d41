/**
 * The map page's state in the URL: the same parameter names as /api/products (type, status,
 * county, category, q), each read as the API reads it (db/model/filter-values.ts); an invalid value is
 * dropped, not fatal.
 */
import { acceptedFilterValue } from '../../db/model/filter-values';
import type { ProductFilter } from '../../db/model';

/** The filter parameters in the order they are written to a URL. */
export const FILTER_KEYS = ['type', 'status', 'county', 'category', 'q'] as const;
/** A filter parameter name. */
export type FilterKey = (typeof FILTER_KEYS)[number];

/** Reads the filters from a query string (or URLSearchParams); unknown and invalid parameters are ignored. */
export function parseFilter(search: string | URLSearchParams): ProductFilter {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filter: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const raw = params.get(key);
    if (raw === null) continue;
    const value = acceptedFilterValue(key, raw);
    if (value) filter[key] = value;
  }
  return filter as ProductFilter;
}

/** Writes the filters as a query string (`?type=…` or `''`), in a fixed order, leaving out empty ones. */
export function filterQuery(filter: ProductFilter): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filter[key]?.trim();
    if (value) params.set(key, value);
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** Whether two filters select the same products (same non-empty values). */
export function sameFilter(a: ProductFilter, b: ProductFilter): boolean {
  return filterQuery(a) === filterQuery(b);
}

/** The filter with one parameter set (or removed when the value is empty or undefined). */
export function withFilter(filter: ProductFilter, key: FilterKey, value: string | undefined): ProductFilter {
  return parseFilter(filterQuery({ ...filter, [key]: value || undefined } as ProductFilter).slice(1));
}
