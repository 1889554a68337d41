/**
 * Which of the server's cluster tiles (GET /api/clusters.geojson) a view needs, and keeping those already
 * fetched, without Leaflet: the map asks for the tiles of its view at its zoom after each move, gets the
 * ones it has from memory, and draws their features together.
 */
import type { ClusterTile, TileAddress } from '../../db/model';
import { blockSpan, MAX_TILE_ZOOM, tileOf } from '../../db/model/tiles';

/** Fetches one tile (under the map's filters). */
export type TileSource = (tile: TileAddress) => Promise<ClusterTile>;

/** A view: its bounds in degrees and its (possibly fractional) zoom. */
export interface TileView { west: number; south: number; east: number; north: number; zoom: number }

/** Most tiles kept per source (a phone's view holds about 6, a wide screen's about 20). */
const KEPT_TILES = 400;

/** The tile zoom for a map zoom: the nearest whole zoom within the tiles' range. */
export function tileZoom(zoom: number): number {
  return Math.max(0, Math.min(MAX_TILE_ZOOM, Math.round(zoom)));
}

/**
 * The blocks a view covers at its tile zoom, row by row: the tiles of zoom z − blockSpan(z) that hold the
 * view's tiles of zoom z (each answered with the clusters of zoom z).
 */
export function tilesInView(view: TileView): TileAddress[] {
  const z = tileZoom(view.zoom);
  const span = blockSpan(z);
  const a = tileOf(view.west, view.north, z - span);
  const b = tileOf(view.east, view.south, z - span);
  const tiles: TileAddress[] = [];
  for (let y = a.y; y <= b.y; y++) for (let x = a.x; x <= b.x; x++) tiles.push(span ? { z, x, y, span } : { z, x, y });
  return tiles;
}

/**
 * The tiles of one source, fetched once each: a tile asked for again (panning back, a zoom revisited) comes
 * from memory; a tile that failed is asked again next time.
 */
export class TileStore {
  private readonly tiles = new Map<string, Promise<ClusterTile>>();

  constructor(readonly source: TileSource) {}

  /**
   * Every feature of the view's tiles, once they have all arrived. The world's one tile of zoom 0 is asked
   * first: it holds every place (clustered), so when it is empty every tile of every zoom is empty too, and
   * none is asked for (a registry whose places are all known by county, or a filter that leaves no point).
   */
  async features(view: TileView): Promise<ClusterTile['features']> {
    const world = await this.tile({ z: 0, x: 0, y: 0 });
    if (world.features.length === 0) return [];
    const tiles = await Promise.all(tilesInView(view).map((t) => this.tile(t)));
    return tiles.flatMap((t) => t.features);
  }

  private tile(address: TileAddress): Promise<ClusterTile> {
    const key = `${address.z}/${address.x}/${address.y}/${address.span ?? 0}`;
    let found = this.tiles.get(key);
    if (!found) {
      found = this.source(address);
      found.catch(() => this.tiles.delete(key));
      this.tiles.set(key, found);
      if (this.tiles.size > KEPT_TILES) this.tiles.delete(this.tiles.keys().next().value!);
    }
    return found;
  }
}
