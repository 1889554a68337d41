/**
 * The GIs an official looks after, named as lists name them (DesignationRef): the designations of
 * current products of an official's county, or of every county (or the one asked) for an admin.
 * The signals and the demonstration-zone readiness read them.
 */
import { and, asc, eq, exists, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { CountyCode, Status } from '../../../db/model';
import type { DesignationRef } from '../../../db/model/designation-ref';
import * as t from '../../../db/schema';
import { forbidden } from '../../errors';
import type { SignedIn } from '../access/viewer';

/** A designation in view, with its status. */
export interface GiInView extends DesignationRef { status: Status }

/**
 * The county a viewer's lists cover: an official's own (403 when they name another), an admin's
 * choice, or null (every county) when an admin names none.
 */
export function countyInView(viewer: SignedIn, asked: CountyCode | undefined): CountyCode | null {
  if (viewer.role === 'admin') return asked ?? null;
  if (asked !== undefined && asked !== viewer.county) {
    throw forbidden(`县级账号只能查看本县（${viewer.county}） / Officials may only look at their own county (${viewer.county})`);
  }
  return viewer.county;
}

/** The designations of current (unarchived) products in a county (every county for null), by product name. */
export function gisInView(db: Db, county: CountyCode | null): GiInView[] {
  const rows = db.select({
    designationId: t.designations.id, productId: t.products.id, productZh: t.products.nameZh, productEn: t.products.nameEn,
    giType: t.designations.giType, markKind: t.designations.markKind, status: t.designations.status,
  }).from(t.designations).innerJoin(t.products, eq(t.products.id, t.designations.productId))
    .where(and(
      isNull(t.products.archivedAt),
      county === null ? undefined : exists(db.select({ one: t.productCounties.productId }).from(t.productCounties)
        .where(and(eq(t.productCounties.productId, t.products.id), eq(t.productCounties.countyCode, county)))),
    ))
    .orderBy(asc(t.products.nameZh), asc(t.designations.id)).all();
  const countiesOf = new Map<number, CountyCode[]>();
  for (const c of db.select().from(t.productCounties).orderBy(asc(t.productCounties.countyCode)).all()) {
    countiesOf.set(c.productId, [...(countiesOf.get(c.productId) ?? []), c.countyCode]);
  }
  return rows.map((r) => ({ ...r, counties: countiesOf.get(r.productId) ?? [] }));
}
