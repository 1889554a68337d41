/** Finding, for a seed file's row, the designation it names: its product by Chinese name and its GI type. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { GiType } from '../db/model';
import * as t from '../db/schema';

/** A transaction of the seed loader. */
export type SeedTx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The designation of type `gi_type` of the product named `product_zh` in a seed row, or null when the registry has none. */
export function designationOfRow(tx: SeedTx, row: Record<string, string>): { id: number; productId: number } | null {
  const product = tx.select({ id: t.products.id }).from(t.products).where(eq(t.products.nameZh, row.product_zh)).get();
  if (!product) return null;
  const d = tx.select({ id: t.designations.id }).from(t.designations)
    .where(and(eq(t.designations.productId, product.id), eq(t.designations.giType, GiType.parse(row.gi_type)))).get();
  return d ? { id: d.id, productId: product.id } : null;
}
