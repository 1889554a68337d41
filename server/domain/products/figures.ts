/**
 * A product's industry figures by year (households, area, yield per mu, output, value, each year with
 * its note and sources), replaced as a whole by the product's officials. The tally and the annual report
 * sum the latest year known, so a new year here moves them; area × yield is the signals' ceiling.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/open';
import type { ProductFigure, ProductFigures } from '../../../db/model';
import * as t from '../../../db/schema';
import { recordAudit } from '../access/audit';
import { productForWrite } from '../access/permissions';
import { getProduct } from './products-read';
import { touchProduct } from './product-stamp';
import type { SignedIn } from '../access/viewer';
import type { VersionCheck } from '../../versions';
import { currentFigures } from '../access/resource-versions';

/** The series as PUT /api/products/:id/figures takes it, checked. */
export type FigureSeries = z.infer<typeof ProductFigures>;

/**
 * What an official enters is the office's own figure, so it is stored as `good`: the column grades
 * how far a seeded figure from a public source can be trusted, and an office's own return is the
 * source the seeds would have cited.
 */
const ENTERED_CONFIDENCE = 'good';

/**
 * Replaces the whole series of a product (county-scoped), in one transaction with its audit entry;
 * `check` (the route's If-Match) sees the series' version first.
 */
export function replaceFigures(db: Db, viewer: SignedIn, productId: number, series: FigureSeries, check?: VersionCheck): ProductFigure[] {
  return db.transaction(() => {
    productForWrite(db, viewer, productId);
    const before = getProduct(db, productId, viewer)!.figures;
    if (check) {
      const current = currentFigures(before);
      check(current.version, current);
    }
    db.delete(t.productFigures).where(eq(t.productFigures.productId, productId)).run();
    if (series.length > 0) {
      db.insert(t.productFigures).values(series.map((f) => ({ productId, ...f, confidence: ENTERED_CONFIDENCE } as const))).run();
    }
    touchProduct(db, productId);
    const after = getProduct(db, productId, viewer)!.figures;
    recordAudit(db, viewer, { action: 'replace_figures', entity: 'product', entityId: productId, before, after });
    return after;
  });
}
