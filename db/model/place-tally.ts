/**
 * What the map draws of a set of product places, and the numbers it shows, decided without Leaflet (the
 * server counts with it for /api/map-summary, the static copy in the browser):
 * points become markers (clusters count real places); a product with no point in view is shown on the
 * one county it is known in (a badge), or counted once among the products known in several counties; so
 * every product of the list is counted once on the map, and the legend says how precisely each is placed.
 */
import type { CountyCode } from './vocabulary';
import type { ProductPointFeature, ProductPointProperties } from './map-layers';

/** One feature of /api/products.geojson as the server writes it and the client reads it (its `id` not needed). */
export type PlaceFeature = Omit<ProductPointFeature, 'id'> & { id?: string | number };

/** A collection of product places (/api/products.geojson, or part of it). */
export interface PlaceCollection { features: readonly PlaceFeature[] }

/** How precisely a product is placed: its finest place in view, or `none` when it has no place recorded. */
export const PLACEMENTS = ['exact', 'village', 'township', 'county', 'none'] as const;
/** A product's placement. */
export type Placement = (typeof PLACEMENTS)[number];

/** A product shown on counties rather than at a spot, with the counties it is shown on. */
export interface CountyShownProduct { product: ProductPointProperties; counties: CountyCode[]; placement: 'county' | 'none' }

/** The map's share of a set of places. */
export interface PlaceTally {
  /** Distinct products (what the list counts). */
  products: number;
  /** Products by how precisely they are placed; adds up to `products`. */
  byPlacement: Record<Placement, number>;
  /** The features drawn as markers: points, in the chosen county when there is one. */
  points: PlaceFeature[];
  /** Products with no point in view that are known in exactly one county of the view: a badge on it. */
  byCounty: ReadonlyMap<CountyCode, CountyShownProduct[]>;
  /** Products with no point in view known in several counties: counted once, apart from any county. */
  multiCounty: CountyShownProduct[];
  /** Products the view has nowhere to show (no point and no county in it). */
  nowhere: ProductPointProperties[];
}

const FINER: readonly Placement[] = PLACEMENTS;

/** The counties a place stands for: its own, or (when the server could not tell) its product's. */
function countiesOfPlace(f: PlaceFeature): CountyCode[] {
  return f.properties.countyCode ? [f.properties.countyCode] : [...f.properties.counties];
}

/** Tallies the places of `points` for a view of every county, or of `county` alone. */
export function tallyPlaces(points: PlaceCollection, { county = null }: { county?: CountyCode | null } = {}): PlaceTally {
  const byProduct = new Map<number, PlaceFeature[]>();
  for (const f of points.features) {
    const list = byProduct.get(f.properties.productId);
    if (list) list.push(f);
    else byProduct.set(f.properties.productId, [f]);
  }
  const inView = (codes: readonly CountyCode[]) => (county ? codes.filter((c) => c === county) : [...codes]);
  const tally: PlaceTally = {
    products: byProduct.size,
    byPlacement: { exact: 0, village: 0, township: 0, county: 0, none: 0 },
    points: [], byCounty: new Map(), multiCounty: [], nowhere: [],
  };
  const byCounty = tally.byCounty as Map<CountyCode, CountyShownProduct[]>;
  for (const features of byProduct.values()) {
    const product = features[0].properties;
    const points = features.filter((f) => f.geometry && inView(countiesOfPlace(f)).length > 0);
    if (points.length > 0) {
      tally.points.push(...points);
      const finest = Math.min(...points.map((f) => FINER.indexOf(f.properties.precision ?? 'none')));
      tally.byPlacement[FINER[finest]]++;
      continue;
    }
    const placed = features.filter((f) => f.properties.precision !== null);
    // With no place in view, the product is still of its counties: shown there, never at a made-up spot.
    // Its county-level places in view, else its counties in view (a product of the chosen county whose places
    // all lie elsewhere is, in this county, known by the county alone).
    let known = inView([...new Set(placed.filter((f) => !f.geometry).flatMap(countiesOfPlace))]);
    if (known.length === 0) known = inView(product.counties);
    const placement = placed.length > 0 ? 'county' : 'none';
    tally.byPlacement[placement]++;
    const shown: CountyShownProduct = { product, counties: known, placement };
    if (known.length === 1) {
      const list = byCounty.get(known[0]);
      if (list) list.push(shown);
      else byCounty.set(known[0], [shown]);
    } else if (known.length > 1) tally.multiCounty.push(shown);
    else tally.nowhere.push(product);
  }
  return tally;
}

/** How many products the map shows on counties (badges and the several-counties count): with the points' products, the list's count. */
export function countyShownCount(tally: PlaceTally): number {
  let n = tally.multiCounty.length;
  for (const list of tally.byCounty.values()) n += list.length;
  return n;
}
