/**
 * The map's views, one per viewer's scope and filter, kept on the event loop for the registry version
 * their points were read at: the cluster index (domain/products/product-clusters.ts), so every tile of a
 * view is a lookup in memory, and the map page's numbers and list in both orders (db/model/map-summary.ts,
 * packed: packed-lists.ts), so every page of it is a slice. The points are read once per view by a task worker (the same read as
 * products.geojson) and not kept; a few views are kept, the least recently used dropped first.
 */
import { mapLists, type ProductFilter, type ProductPoints } from '../../db/model';
import { clusterIndex, type ClusterIndex } from '../domain/products/product-clusters';
import { packLists, type PackedLists } from './packed-lists';
import { RecencyMap } from './recency-map';

/** Points read for a view, with the registry version they were read at. */
export interface ReadPlaces { version: number; places: ProductPoints }

/** What the map shows of one filter: its clusters, and its numbers and list (packed). */
export interface MapView { index: ClusterIndex; lists: PackedLists }

interface Kept { version: number; view: Promise<MapView> }

/** Map views by key (a scope and a filter), current while the registry version stands. */
export class ClusterIndexCache {
  /** Kept views, least recently used first. */
  private readonly kept = new RecencyMap<string, Kept>();
  /** Views built since creation (tests read them). */
  readonly stats = { builds: 0 };

  constructor(private readonly currentVersion: () => number, private readonly maxIndexes = 8) {}

  /**
   * The view for `key` at the current version: kept, being built, or built now from the places `read`
   * gives under `filter` (a county filter: the map of that county alone). Concurrent callers share one build.
   */
  view(key: string, read: () => Promise<ReadPlaces>, filter: ProductFilter): Promise<MapView> {
    const version = this.currentVersion();
    const found = this.kept.get(key);
    if (found && found.version >= version) return found.view;
    this.stats.builds++;
    const view = read().then(({ version: at, places }) => {
      entry.version = at;
      return { index: clusterIndex(places, filter.county ?? null), lists: packLists(mapLists(places, filter)) };
    });
    const entry: Kept = { version, view };
    entry.view.catch(() => { if (this.kept.peek(key) === entry) this.kept.delete(key); });
    this.kept.set(key, entry);
    for (const [oldest] of this.kept) {
      if (this.kept.size <= this.maxIndexes) break;
      this.kept.delete(oldest);
    }
    return entry.view;
  }

  /**
   * Lets go of every kept view (a national one holds a few MB of list and cluster trees): called when the
   * server falls quiet after a busy spell, just before it collects. A view asked for later is built again
   * (its tiles and pages already answered stay in the ready cache); a build in progress still reaches its callers.
   */
  release(): void {
    this.kept.clear();
  }
}
