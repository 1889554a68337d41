/**
 * A product's change stamp: every write to a product or one of its parts (designations, marks,
 * documents, figures) moves its `updatedAt`, which the feed, the sitemap and the workspace lists read.
 * Below every writer, so writers of any subject can stamp without importing each other.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import * as t from '../../../db/schema';

/** The database's own clock, in the format of the timestamp columns. */
export const NOW_SQL = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** Marks a product as changed (any change to it or its parts). */
export function touchProduct(db: Db, productId: number): void {
  db.update(t.products).set({ updatedAt: NOW_SQL }).where(eq(t.products.id, productId)).run();
}
