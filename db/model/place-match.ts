/**
 * How the place lookup reads a query and matches units, in one place for the server (GET
 * /api/places/lookup, GET /api/divisions) and the static copy (its `api/places.json`, searched in the
 * browser), so both answer the same: a 12-digit code exactly, the first 9–11 digits of codes, or a part
 * of a name (NFKC, trimmed, no spaces). Pure: no pinyin, no guessing.
 */
import { MAX_DIVISION_RESULTS, type PlaceLookupAnswer, type PlacesIndex } from './places';

/** What a query asks for: units with this code, units whose code starts so, or units whose name contains this. */
export type PlaceQuery =
  | { by: 'code'; code: string }
  | { by: 'prefix'; prefix: string }
  | { by: 'name'; name: string };

/** A name as compared: NFKC (full-width digits and letters become half-width), without any white space. */
export function comparablePlaceName(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, '');
}

/** Reads a query: 12 digits are a code, 9–11 digits a code's start, anything else a part of a name; empty → null. */
export function placeQuery(q: string): PlaceQuery | null {
  const plain = comparablePlaceName(q);
  if (!plain) return null;
  if (/^\d{12}$/.test(plain)) return { by: 'code', code: plain };
  if (/^\d{9,11}$/.test(plain)) return { by: 'prefix', prefix: plain };
  return { by: 'name', name: plain };
}

/** Whether a unit (its code and name) answers a read query. */
export function matchesPlace(unit: { code: string; name: string }, query: PlaceQuery): boolean {
  switch (query.by) {
    case 'code': return unit.code === query.code;
    case 'prefix': return unit.code.startsWith(query.prefix);
    case 'name': return comparablePlaceName(unit.name).includes(query.name);
  }
}

/** The first `limit` items (in their order) that match `q`, and whether more did. */
export function firstMatches<T extends { code: string; name: string }>(
  items: readonly T[], q: string, limit = MAX_DIVISION_RESULTS,
): { items: T[]; truncated: boolean } {
  const query = placeQuery(q);
  if (!query) return { items: [], truncated: false };
  const out: T[] = [];
  for (const item of items) {
    if (!matchesPlace(item, query)) continue;
    if (out.length === limit) return { items: out, truncated: true };
    out.push(item);
  }
  return { items: out, truncated: false };
}

/** Searches a places index as GET /api/places/lookup searches the registry (the static copy's answer). */
export function lookupInPlacesIndex(index: PlacesIndex, q: string): PlaceLookupAnswer {
  const { items, truncated } = firstMatches(index.units.map((u) => ({ code: u.unit.code, name: u.unit.name, u })), q);
  return { query: q.trim(), units: items.map((i) => i.u), truncated };
}
