/**
 * Who may see and change what, decided in one place.
 */
import { and, eq, exists, isNull, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { productCounties, products } from '../../db/schema';
import type { Viewer } from './viewer';

/**
 * The condition on `products` that a viewer may read: the public sees public, unarchived products;
 * an official also sees drafts and archived products of their county; an admin sees everything.
 */
export function readableProducts(db: Db, viewer: Viewer): SQL | undefined {
  const published = and(eq(products.visibility, 'public'), isNull(products.archivedAt));
  if (!viewer) return published;
  if (viewer.role === 'admin') return undefined;
  const inMyCounty = exists(
    db.select({ one: productCounties.productId }).from(productCounties)
      .where(and(eq(productCounties.productId, products.id), eq(productCounties.countyCode, viewer.county!))),
  );
  return or(published, inMyCounty);
}
