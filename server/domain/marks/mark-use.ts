/**
 * The public side of the yearly usage returns: per designation of a product and per year, how many
 * users declared a marked volume and their total against the ceiling of the year's figures. Only
 * aggregates: a year with fewer than MIN_REPORTERS reporters has its total withheld, so no company's
 * own volume can be read off it (nor, by one reporter, its neighbour's from a total of two).
 * README "Public aggregates of the returns".
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { MIN_REPORTERS, toKilogram, volumeCeiling, type MarkUse } from '../../../db/model';
import * as t from '../../../db/schema';
import { notFound } from '../../errors';
import { readableProducts } from '../access/permissions';
import type { Viewer } from '../access/viewer';
import { declaredVolumes, figuresKey, figuresOf } from './declared-volumes';

/** Where the totals come from (the figures' own sources come with each year's ceiling). */
const RETURNS_SOURCE = {
  title: '晋城市地理标志登记簿：用标企业年度用标情况报告（经县级审核接受）',
  url: null,
};

/** GET /api/products/:id/mark-use: the product's yearly aggregates (404 when the viewer may not read the product). */
export function productMarkUse(db: Db, productId: number, viewer: Viewer): MarkUse {
  const product = db.select({ id: t.products.id }).from(t.products)
    .where(and(eq(t.products.id, productId), readableProducts(db, viewer))).get();
  if (!product) throw notFound('product');
  const designations = db.select({ designationId: t.designations.id, giType: t.designations.giType, markKind: t.designations.markKind })
    .from(t.designations).where(eq(t.designations.productId, productId)).orderBy(asc(t.designations.id)).all();
  const declared = declaredVolumes(db, designations.map((d) => d.designationId));
  const figures = figuresOf(db, [productId]);
  return {
    productId,
    minReporters: MIN_REPORTERS,
    designations: designations.map((d) => ({
      ...d,
      years: declared.filter((y) => y.designationId === d.designationId).map((y) => {
        const year = figures.get(figuresKey(productId, y.year));
        const withheld = y.reporters < MIN_REPORTERS;
        return {
          year: y.year, reporters: y.reporters, markedTonnes: withheld ? null : toKilogram(y.tonnes), withheld,
          ceiling: volumeCeiling(year ?? null), ceilingSources: year?.sources ?? [],
        };
      }),
    })).filter((d) => d.years.length > 0),
    sources: [RETURNS_SOURCE],
  };
}
