/**
 * The counties, as a list (every county ever loaded, with the days it began and ended) and as GeoJSON
 * of the counties that exist today, carrying each county's counts.
 */
import { and, asc, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { GI_TYPES, perGiType, todayInShanghai, type County, type CountyCollection, type CountyCounts, type CountyGeometry, type GiType } from '../../../db/model';
import * as t from '../../../db/schema';
import { readableProducts } from '../access/permissions';
import type { Viewer } from '../access/viewer';
import { loadCountyHistory, type CountyHistory } from './county-history';

type CountyRow = Omit<typeof t.counties.$inferSelect, 'geometry'>;

function presentCounty(c: CountyRow, history: CountyHistory): County {
  const span = history.span(c.code);
  return {
    code: c.code, nameZh: c.nameZh, nameEn: c.nameEn,
    seat: { lat: c.seatLat, lng: c.seatLng }, label: { lat: c.labelLat, lng: c.labelLng },
    startedOn: span?.startedOn ?? null, endedOn: span?.endedOn ?? null,
  };
}

/** Every county ever loaded (those a division change ended too), in code order. */
export function listCounties(db: Db): County[] {
  const history = loadCountyHistory(db);
  const { geometry: _, ...columns } = getTableColumns(t.counties);
  return db.select(columns).from(t.counties).orderBy(asc(t.counties.code)).all().map((c) => presentCounty(c, history));
}

/** Per county: how many products the viewer may see, and how many GIs of each type are in force now. */
function countyCounts(db: Db, viewer: Viewer) {
  const visible = and(readableProducts(db, viewer), isNull(t.products.archivedAt));
  const products = db.select({ code: t.productCounties.countyCode, n: sql<number>`count(*)` })
    .from(t.productCounties).innerJoin(t.products, eq(t.products.id, t.productCounties.productId))
    .where(visible).groupBy(t.productCounties.countyCode).all();
  const inForce = db.select({ code: t.productCounties.countyCode, giType: t.designations.giType, n: sql<number>`count(*)` })
    .from(t.designations)
    .innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .innerJoin(t.productCounties, eq(t.productCounties.productId, t.products.id))
    .where(and(visible, eq(t.designations.status, 'granted')))
    .groupBy(t.productCounties.countyCode, t.designations.giType).all();
  return { products, inForce };
}

/**
 * The counties that exist on `today` as an RFC 7946 FeatureCollection; properties are the County fields
 * plus counts (db/model/map-layers.ts). Changes are recorded on or after their day, never ahead, so the
 * answer moves with the registry version.
 */
export function countiesGeoJson(db: Db, viewer: Viewer, today: string = todayInShanghai()): CountyCollection {
  const { products, inForce } = countyCounts(db, viewer);
  const history = loadCountyHistory(db);
  const current = new Set(history.existingOn(today));
  const rows = db.select().from(t.counties).orderBy(asc(t.counties.code)).all().filter((c) => current.has(c.code));
  const features = rows.map((c) => {
    const byType = perGiType(() => 0);
    for (const r of inForce) if (r.code === c.code) byType[r.giType] = r.n;
    const counts: CountyCounts = {
      products: products.find((r) => r.code === c.code)?.n ?? 0,
      inForce: { ...byType, total: GI_TYPES.reduce((s, g) => s + byType[g], 0) },
    };
    return { type: 'Feature' as const, id: c.code, properties: { ...presentCounty(c, history), ...counts }, geometry: c.geometry as CountyGeometry };
  });
  return { type: 'FeatureCollection' as const, features };
}
