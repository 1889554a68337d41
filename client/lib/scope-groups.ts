/** A protected area's units grouped as people read an announcement: by county, then township, each with its listed villages. */
import type { ScopeUnit } from '../../db/model';

/** A township of the area: listed whole, or only as the township of the villages listed under it. */
export interface TownshipGroup {
  code: string;
  /** Its name, when the area lists it or `names` knows it. */
  name: string | null;
  whole: boolean;
  villages: ScopeUnit[];
}

/** A county's townships in the area. */
export interface CountyGroup { countyCode: string; townships: TownshipGroup[] }

/**
 * Groups units by county and township in code order; a village whose township the area does not list
 * gets a group of its own (not whole), named from `names` (township code → name) when known.
 */
export function scopeGroups(units: readonly ScopeUnit[], names: ReadonlyMap<string, string> = new Map()): CountyGroup[] {
  const townships = new Map<string, TownshipGroup & { countyCode: string }>();
  const sorted = [...units].sort((a, b) => a.code.localeCompare(b.code));
  const groupOf = (code: string, countyCode: string) => {
    let g = townships.get(code);
    if (!g) townships.set(code, g = { code, name: names.get(code) ?? null, whole: false, villages: [], countyCode });
    return g;
  };
  for (const u of sorted) {
    if (u.level === 'township') Object.assign(groupOf(u.code, u.countyCode), { name: u.name, whole: u.whole });
    else if (u.townshipCode) groupOf(u.townshipCode, u.countyCode).villages.push(u);
  }
  const counties = new Map<string, TownshipGroup[]>();
  for (const { countyCode, ...g } of [...townships.values()].sort((a, b) => a.code.localeCompare(b.code))) {
    counties.set(countyCode, [...(counties.get(countyCode) ?? []), g]);
  }
  return [...counties].map(([countyCode, list]) => ({ countyCode, townships: list }));
}

/** The townships a grouping needs a name for (those the area does not list itself). */
export function unnamedTownships(groups: readonly CountyGroup[]): string[] {
  return groups.flatMap((c) => c.townships.filter((t) => t.name === null).map((t) => t.code));
}

/** How many townships are listed whole, and how many villages besides. */
export function scopeCounts(units: readonly ScopeUnit[]): { townships: number; villages: number } {
  return {
    townships: units.filter((u) => u.level === 'township' && u.whole).length,
    villages: units.filter((u) => u.level === 'village').length,
  };
}
