/**
 * "Is my village in a protected area?": every township and village of the 2023 codes with the protected
 * areas that include it. A unit is inside a designation's area when its own code is listed, or (for a
 * village) when its township is listed whole. Only granted designations of published products count:
 * an area is protected once the GI is granted. The matching is db/model/place-match.ts, shared with
 * the static copy, which holds the whole index (`api/places.json`).
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  lookupInPlacesIndex, type PlaceArea, type PlaceLookupAnswer, type PlacesIndex, type Source,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { publishedProducts } from '../access/permissions';
import { divisionIndex } from '../../../seeds/divisions/divisions';
import { presentUnit } from './division-units';

/** The statuses whose area is protected. */
const PROTECTING = 'granted';

/** Each listed code with the area it belongs to, of granted designations of published products. */
function areasByCode(db: Db): Map<string, { area: PlaceArea; whole: boolean }[]> {
  const rows = db.select({
    code: t.designationScopeUnits.code, whole: t.designationScopeUnits.whole,
    designationId: t.designations.id, giType: t.designations.giType, status: t.designations.status,
    announcement: t.designations.announcement, number: t.designations.number, sources: t.designations.sources,
    announcedOn: t.designationScopes.announcedOn, scopeSource: t.designationScopes.source,
    productId: t.products.id, productNameZh: t.products.nameZh, productNameEn: t.products.nameEn,
  }).from(t.designationScopeUnits)
    .innerJoin(t.designationScopes, eq(t.designationScopes.designationId, t.designationScopeUnits.designationId))
    .innerJoin(t.designations, eq(t.designations.id, t.designationScopeUnits.designationId))
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(and(publishedProducts(), eq(t.designations.status, PROTECTING)))
    .orderBy(asc(t.products.nameZh), asc(t.designations.id)).all();
  const granted = new Map<number, string | null>();
  const grantedOn = (id: number) => {
    if (!granted.has(id)) {
      granted.set(id, db.select({ on: t.transitions.on }).from(t.transitions)
        .where(and(eq(t.transitions.designationId, id), eq(t.transitions.toStatus, PROTECTING)))
        .orderBy(desc(t.transitions.id)).get()?.on ?? null);
    }
    return granted.get(id)!;
  };
  const out = new Map<string, { area: PlaceArea; whole: boolean }[]>();
  for (const r of rows) {
    const area: PlaceArea = {
      productId: r.productId, productNameZh: r.productNameZh, productNameEn: r.productNameEn,
      designationId: r.designationId, giType: r.giType, status: r.status,
      since: r.announcedOn ?? grantedOn(r.designationId),
      reference: r.announcement ?? r.number,
      sources: [...(r.scopeSource ? [r.scopeSource as Source] : []), ...(r.sources as Source[])],
    };
    out.set(r.code, [...(out.get(r.code) ?? []), { area, whole: r.whole }]);
  }
  return out;
}

/** Every unit with its areas, in code order: the lookup's index (and the static copy's `api/places.json`). */
export function placesIndex(db: Db): PlacesIndex {
  const index = divisionIndex();
  const counties = new Map(db.select().from(t.counties).all().map((c) => [c.code as string, c]));
  const byCode = areasByCode(db);
  return {
    units: index.all.map((d) => {
      const own = (byCode.get(d.code) ?? []).map((a) => a.area);
      const fromTownship = d.level === 'village' ? (byCode.get(d.parentCode) ?? []).filter((a) => a.whole).map((a) => a.area) : [];
      const seen = new Set<number>();
      const areas = [...own, ...fromTownship].filter((a) => !seen.has(a.designationId) && seen.add(a.designationId));
      const county = counties.get(d.countyCode);
      return {
        unit: presentUnit(d),
        countyNameZh: county?.nameZh ?? d.countyCode,
        countyNameEn: county?.nameEn ?? d.countyCode,
        townshipName: d.level === 'village' ? (index.byCode.get(d.parentCode)?.name ?? null) : null,
        areas,
      };
    }),
  };
}

/** GET /api/places/lookup?q=: the units whose name contains `q` (or whose code is or starts with it), with their areas. */
export function lookupPlaces(db: Db, q: string): PlaceLookupAnswer {
  return lookupInPlacesIndex(placesIndex(db), q);
}
