/**
 * The rows of the officials' "用标报告 Usage returns" sheet: every yearly return of the users of the
 * products an official manages (their county's; every county's for an admin), filtered like
 * /api/products, product by product in name order, then by user and year. One query stepped as it is
 * read, as the other sheets are (registry-rows.ts). Returns are private: never in the public export.
 */
import { and, asc, eq, exists } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { ProductFilter } from '../../../db/model';
import * as t from '../../../db/schema';
import type { SignedIn } from '../../domain/access/viewer';
import { productWhere } from '../../domain/products/products-read';
import type { ReturnRecord } from '../sheets/return-columns';

/** The condition on `products` that the viewer manages the product (its county's official, or an admin). */
function managedBy(db: Db, viewer: SignedIn) {
  if (viewer.role === 'admin') return undefined;
  return exists(db.select({ one: t.productCounties.productId }).from(t.productCounties)
    .where(and(eq(t.productCounties.productId, t.products.id), eq(t.productCounties.countyCode, viewer.county!))));
}

/** The returns of the products the viewer manages that match the filter, as the sheet's records. */
export function* iterateReturnRecords(db: Db, filter: ProductFilter, viewer: SignedIn): Generator<ReturnRecord> {
  const u = t.authorizedUsers;
  const r = t.usageReturns;
  const query = db.select({
    designationId: t.designations.id, productId: t.products.id, productZh: t.products.nameZh, giType: t.designations.giType,
    name: u.name, creditCode: u.creditCode, year: r.year, markedTonnes: r.markedTonnes, outputTonnes: r.outputTonnes,
    marksPrinted: r.marksPrinted, channels: r.channels, note: r.note, status: r.status, via: r.via, reviewNote: r.reviewNote, reviewedAt: r.reviewedAt,
  }).from(t.products)
    .innerJoin(t.designations, eq(t.designations.productId, t.products.id))
    .innerJoin(u, eq(u.designationId, t.designations.id))
    .innerJoin(r, eq(r.authorizedUserId, u.id))
    .where(and(productWhere(db, filter, viewer), managedBy(db, viewer)))
    .orderBy(asc(t.products.nameZh), asc(t.products.id), asc(t.designations.id), asc(u.name), asc(u.id), asc(r.year))
    .toSQL();
  const rows = db.$client.prepare(query.sql).raw().iterate(...query.params) as IterableIterator<unknown[]>;
  for (const [designationId, productId, productZh, giType, name, creditCode, year, markedTonnes, outputTonnes, marksPrinted, channels, note,
    status, via, reviewNote, reviewedAt] of rows) {
    yield {
      designationId, productId, productZh, giType, name, creditCode, year, markedTonnes, outputTonnes, marksPrinted,
      channels: JSON.parse(String(channels ?? '[]')) as string[], note, status, via, reviewNote, reviewedAt,
    } as ReturnRecord;
  }
}
