/**
 * The six counties, as a list and as GeoJSON carrying each county's counts.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { GI_TYPES, perGiType, type County, type CountyCollection, type CountyCounts, type CountyGeometry, type GiType } from '../../../db/model';
import * as t from '../../../db/schema';
import { readableProducts } from '../access/permissions';
import type { Viewer } from '../access/viewer';

type CountyRow = typeof t.counties.$inferSelect;

function presentCounty(c: CountyRow): County {
  return {
    code: c.code, nameZh: c.nameZh, nameEn: c.nameEn,
    seat: { lat: c.seatLat, lng: c.seatLng }, label: { lat: c.labelLat, lng: c.labelLng },
  };
}

/** The six counties in code order. */
export function listCounties(db: Db): County[] {
  return db.select().from(t.counties).orderBy(asc(t.counties.code)).all().map(presentCounty);
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

/** The counties as an RFC 7946 FeatureCollection; properties are the County fields plus counts (db/model/map-layers.ts). */
export function countiesGeoJson(db: Db, viewer: Viewer): CountyCollection {
  const { products, inForce } = countyCounts(db, viewer);
  const features = db.select().from(t.counties).orderBy(asc(t.counties.code)).all().map((c) => {
    const byType = perGiType(() => 0);
    for (const r of inForce) if (r.code === c.code) byType[r.giType] = r.n;
    const counts: CountyCounts = {
      products: products.find((r) => r.code === c.code)?.n ?? 0,
      inForce: { ...byType, total: GI_TYPES.reduce((s, g) => s + byType[g], 0) },
    };
    return { type: 'Feature' as const, id: c.code, properties: { ...presentCounty(c), ...counts }, geometry: c.geometry as CountyGeometry };
  });
  return { type: 'FeatureCollection' as const, features };
}
