/**
 * What the county shading and the count under each county's name measure, following the map's filters:
 * the designations of the listed products, per county, of the chosen GI type and in the chosen status
 * (in force when no status is chosen). Made from the same places as the list, so they never disagree.
 */
import type { CountyCode, GiType, Status, StatusFilter } from './vocabulary';
import { statusesOf } from './vocabulary-lists';
import type { PlaceCollection } from './place-tally';

/** What a county's number counts: designations in force, in progress, being cultivated, or of one status. */
export type MeasureKind = 'in_force' | 'in_progress' | 'cultivating' | Exclude<Status, 'granted' | 'cultivating'>;

/** The measure of every county under a filter. */
export interface CountyMeasure {
  kind: MeasureKind;
  /** Per county; a county with none is absent (read it as 0). */
  counts: ReadonlyMap<CountyCode, number>;
}

/** The kind a status filter asks to count (a filter on `granted` is the same as in force). */
export function measureKind(status: StatusFilter | undefined): MeasureKind {
  if (!status || status === 'granted' || status === 'in_force') return 'in_force';
  return status;
}

/** Counts, per county, the designations of the products of `points` that the type and status filters select. */
export function countyMeasure(points: PlaceCollection, filter: { type?: GiType; status?: StatusFilter }): CountyMeasure {
  const kind = measureKind(filter.status);
  const statuses: readonly Status[] = kind === 'in_force' ? ['granted'] : statusesOf(kind);
  const counts = new Map<CountyCode, number>();
  const seen = new Set<number>();
  for (const { properties: p } of points.features) {
    // A product has a feature per place; its designations count once, in each of its counties (as the server counts).
    if (seen.has(p.productId)) continue;
    seen.add(p.productId);
    const n = p.designations.filter((d) => (!filter.type || d.giType === filter.type) && statuses.includes(d.status)).length;
    if (n === 0) continue;
    for (const code of p.counties) counts.set(code, (counts.get(code) ?? 0) + n);
  }
  return { kind, counts };
}
