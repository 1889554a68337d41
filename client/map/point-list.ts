/**
 * The result list of the map page, derived from the map's own points (/api/products.geojson), so
 * the page needs no second request: one item per product, in the server's order (by Chinese name,
 * then id), although a product with several locations has several points.
 */
import type { ProductPointCollection, ProductPointProperties } from '../lib/api';

/** What the list shows of a product: names, designations, and whether it has a place on the map. */
export type ProductListItem = Pick<ProductPointProperties, 'nameZh' | 'nameEn' | 'category' | 'counties' | 'designations'> & {
  id: number;
  located: boolean;
};

/** The products of a point collection, each once, in the order of their first point. */
export function productsOfPoints(points: ProductPointCollection): ProductListItem[] {
  const seen = new Set<number>();
  const items: ProductListItem[] = [];
  for (const f of points.features) {
    const p = f.properties;
    if (seen.has(p.productId)) continue;
    seen.add(p.productId);
    items.push({
      id: p.productId, nameZh: p.nameZh, nameEn: p.nameEn, category: p.category, counties: p.counties,
      designations: p.designations, located: f.geometry !== null,
    });
  }
  return items;
}
