/**
 * The map's cluster indexes (domain/products/product-clusters.ts), one per viewer's scope and filter,
 * kept on the event loop for the registry version their points were read at: every tile of a view is
 * then a lookup in memory. The points are read by a task worker (the same read as products.geojson); a
 * few indexes are kept, the least recently used dropped first.
 */
import type { CountyCode, ProductPoints } from '../../db/model';
import { clusterIndex, type ClusterIndex } from '../domain/products/product-clusters';
import { RecencyMap } from './recency-map';

/** Points read for an index, with the registry version they were read at. */
export interface ReadPlaces { version: number; places: ProductPoints }

interface Kept { version: number; index: Promise<ClusterIndex> }

/** Cluster indexes by key (a scope and a filter), current while the registry version stands. */
export class ClusterIndexCache {
  /** Kept indexes, least recently used first. */
  private readonly kept = new RecencyMap<string, Kept>();
  /** Indexes built since creation (tests read them). */
  readonly stats = { builds: 0 };

  constructor(private readonly currentVersion: () => number, private readonly maxIndexes = 8) {}

  /**
   * The index for `key` at the current version: kept, being built, or built now from the places `read`
   * gives, clustered for the map of `county` alone when there is one. Concurrent callers share one build.
   */
  index(key: string, read: () => Promise<ReadPlaces>, county: CountyCode | null): Promise<ClusterIndex> {
    const version = this.currentVersion();
    const found = this.kept.get(key);
    if (found && found.version >= version) return found.index;
    this.stats.builds++;
    const index = read().then(({ version: at, places }) => {
      entry.version = at;
      return clusterIndex(places, county);
    });
    const entry: Kept = { version, index };
    entry.index.catch(() => { if (this.kept.peek(key) === entry) this.kept.delete(key); });
    this.kept.set(key, entry);
    for (const [oldest] of this.kept) {
      if (this.kept.size <= this.maxIndexes) break;
      this.kept.delete(oldest);
    }
    return entry.index;
  }
}
