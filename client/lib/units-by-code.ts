/** Names of villages and townships known only by their codes (a location's `divisionCode`, an area's township). */
import type { DivisionUnit } from '../../db/model';
import { api } from './api';
import { isStaticCopy } from './static-copy';

/** A unit and the name of its township (a village's; null for a township). */
export interface NamedUnit { unit: DivisionUnit; townshipName: string | null }

/** Each code's unit from the code list (GET /api/divisions?q=<code>, kept an hour by the browser). */
async function fromCodeList(codes: readonly string[], signal?: AbortSignal): Promise<Map<string, DivisionUnit>> {
  const lists = await Promise.all(codes.map((q) => api.divisions({ q }, signal)));
  return new Map(lists.flatMap((l, i) => l.units.filter((u) => u.code === codes[i]).map((u) => [u.code, u] as const)));
}

/**
 * Each code's unit and township name. The live site reads the code list (not rate-limited, cached); a
 * static copy has none and reads its lookup file instead (GET /api/places/lookup?q=<code>). A code
 * neither knows is left out.
 */
export async function unitsByCode(codes: readonly string[], signal?: AbortSignal): Promise<Map<string, NamedUnit>> {
  const unique = [...new Set(codes)];
  if (isStaticCopy()) {
    const answers = await Promise.all(unique.map((code) => api.placesLookup(code, signal)));
    return new Map(answers.flatMap((a, i) => a.units.filter((u) => u.unit.code === unique[i])
      .map((u) => [u.unit.code, { unit: u.unit, townshipName: u.townshipName }] as const)));
  }
  const units = await fromCodeList(unique, signal);
  const townshipCodes = [...new Set([...units.values()].flatMap((u) => (u.townshipCode ? [u.townshipCode] : [])))];
  const townships = await fromCodeList(townshipCodes, signal);
  return new Map([...units].map(([code, unit]) => [code, {
    unit, townshipName: unit.townshipCode ? townships.get(unit.townshipCode)?.name ?? null : null,
  }] as const));
}
