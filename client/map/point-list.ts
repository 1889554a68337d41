/**
 * The result list of the map page, derived from the map's own places (/api/products.geojson), so the page
 * needs no second request: one item per product, by name in the page's language (db/model/product-search.ts),
 * although a product with several places has several features; each item says how precisely the
 * product is placed and where, at that precision.
 */
import type { CountyCode, Precision } from '../../db/model';
import { sortByName, type NameOrderLang } from '../../db/model/product-search';
import type { ProductPointCollection, ProductPointProperties } from '../lib/api';
import { PLACEMENTS, type Placement } from './place-tally';

/** One of a product's finest places, as the list names it. */
export interface ListedPlace {
  precision: Precision;
  /** The county it lies in or stands for (null: not known). */
  countyCode: CountyCode | null;
  /** The village or township it names, as coded (null: none). */
  divisionName: string | null;
  /** The official's own label. */
  label: string;
}

/** What the list shows of a product: names, designations, and how precisely it is placed where. */
export type ProductListItem = Pick<ProductPointProperties, 'nameZh' | 'nameEn' | 'namePinyin' | 'category' | 'counties' | 'designations'> & {
  id: number;
  /** Its finest place's precision, or `none` when it has no place. */
  placement: Placement;
  /** Its places of that precision (empty for `none`). */
  places: ListedPlace[];
};

/** The products of a place collection, each once, by name for a list in `lang` (pinyin in Chinese, alphabetical in English). */
export function productsOfPoints(points: ProductPointCollection, lang: NameOrderLang = 'zh'): ProductListItem[] {
  const items = new Map<number, ProductListItem>();
  for (const f of points.features) {
    const p = f.properties;
    let item = items.get(p.productId);
    if (!item) {
      items.set(p.productId, item = {
        id: p.productId, nameZh: p.nameZh, nameEn: p.nameEn, namePinyin: p.namePinyin, category: p.category, counties: p.counties,
        designations: p.designations, placement: 'none', places: [],
      });
    }
    if (p.precision === null) continue;
    const rank = PLACEMENTS.indexOf(p.precision);
    const current = PLACEMENTS.indexOf(item.placement);
    if (rank > current) continue;
    if (rank < current) {
      item.placement = p.precision;
      item.places = [];
    }
    item.places.push({ precision: p.precision, countyCode: p.countyCode, divisionName: p.divisionName, label: p.label });
  }
  return sortByName([...items.values()], lang);
}
