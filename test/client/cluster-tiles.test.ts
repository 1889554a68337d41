import { describe, expect, it } from 'vitest';
import { tileOf, type ClusterTile, type TileAddress } from '../../db/model';
import { tilesInView, tileZoom, TileStore, type TileView } from '../../client/map/cluster-tiles';

/** Jincheng's six counties, about as the map first shows them. */
const JINCHENG: TileView = { west: 111.9, south: 35.2, east: 113.6, north: 36.1, zoom: 9.25 };

/** A single place at [lng, lat], as a tile holds it. */
function place(id: string, lng: number, lat: number): ClusterTile['features'][number] {
  return {
    type: 'Feature', id, geometry: { type: 'Point', coordinates: [lng, lat] },
    properties: { productId: 1, nameZh: '测试', nameEn: null, precision: 'exact' },
  } as unknown as ClusterTile['features'][number];
}

/** A source over `places` (each in the tile of its point at every zoom) that records what it is asked. */
function recordingSource(places: ClusterTile['features'], fail = new Set<string>()) {
  const asked: string[] = [];
  const source = async (t: TileAddress): Promise<ClusterTile> => {
    const key = `${t.z}/${t.x}/${t.y}/${t.span ?? 0}`;
    asked.push(key);
    if (fail.has(key)) { fail.delete(key); throw new Error('HTTP 503'); }
    const features = places.filter((f) => {
      const at = tileOf(f.geometry!.coordinates[0], f.geometry!.coordinates[1], t.z - (t.span ?? 0));
      return at.x === t.x && at.y === t.y;
    });
    return { type: 'FeatureCollection', features };
  };
  return { asked, source };
}

describe('the tiles of a view', () => {
  it('are the blocks (tiles of zoom z − 2) holding every tile of the view at the nearest whole zoom, within the tiles’ range', () => {
    expect(tileZoom(9.25)).toBe(9);
    expect(tileZoom(9.5)).toBe(10);
    expect(tileZoom(-1)).toBe(0);
    expect(tileZoom(19)).toBe(17);
    const blocks = tilesInView(JINCHENG);
    expect(blocks.every((t) => t.z === 9 && t.span === 2)).toBe(true);
    const a = tileOf(JINCHENG.west, JINCHENG.north, 7);
    const b = tileOf(JINCHENG.east, JINCHENG.south, 7);
    expect(blocks).toHaveLength((b.x - a.x + 1) * (b.y - a.y + 1));
    expect(new Set(blocks.map((t) => `${t.x}/${t.y}`)).size).toBe(blocks.length);
    // Every tile of zoom 9 in the view lies in one of the blocks, and there are fewer blocks than tiles.
    const [c, d] = [tileOf(JINCHENG.west, JINCHENG.north, 9), tileOf(JINCHENG.east, JINCHENG.south, 9)];
    for (let x = c.x; x <= d.x; x++) {
      for (let y = c.y; y <= d.y; y++) expect(blocks.some((t) => t.x === x >> 2 && t.y === y >> 2), `${x}/${y}`).toBe(true);
    }
    expect(blocks.length).toBeLessThan((d.x - c.x + 1) * (d.y - c.y + 1));
  });

  it('are the tiles themselves near the world’s tile, where a block would reach past it', () => {
    expect(tilesInView({ west: -170, south: -80, east: 170, north: 80, zoom: 1 }).every((t) => t.z === 1 && (t.span ?? 0) === 1)).toBe(true);
    expect(tilesInView({ west: -170, south: -80, east: 170, north: 80, zoom: 0 })).toEqual([{ z: 0, x: 0, y: 0 }]);
  });
});

describe('TileStore', () => {
  it('asks only for the world’s tile when it is empty (no place is a point)', async () => {
    const { asked, source } = recordingSource([]);
    const store = new TileStore(source);
    expect(await store.features(JINCHENG)).toEqual([]);
    expect(await store.features({ ...JINCHENG, zoom: 12 })).toEqual([]);
    expect(asked).toEqual(['0/0/0/0']);
  });

  it('gives every feature of the view’s tiles, asking for each tile once', async () => {
    const places = [place('1-0', 112.1, 35.7), place('2-0', 112.85, 35.5), place('3-0', 113.4, 35.9), place('4-0', 100, 30)];
    const { asked, source } = recordingSource(places);
    const store = new TileStore(source);
    const first = await store.features(JINCHENG);
    expect(first.map((f) => f.id).sort()).toEqual(['1-0', '2-0', '3-0']);
    const tiles = tilesInView(JINCHENG).map((t) => `${t.z}/${t.x}/${t.y}/${t.span}`);
    expect(asked).toEqual(['0/0/0/0', ...tiles]);
    // The same view again (a popup's pan and back): from memory.
    expect((await store.features(JINCHENG)).map((f) => f.id).sort()).toEqual(['1-0', '2-0', '3-0']);
    expect(asked).toHaveLength(1 + tiles.length);
  });

  it('asks again for a tile that failed', async () => {
    const places = [place('1-0', 112.85, 35.5)];
    const tile = tileOf(112.85, 35.5, 7);
    const { asked, source } = recordingSource(places, new Set([`9/${tile.x}/${tile.y}/2`]));
    const store = new TileStore(source);
    await expect(store.features(JINCHENG)).rejects.toThrow('HTTP 503');
    expect((await store.features(JINCHENG)).map((f) => f.id)).toEqual(['1-0']);
    expect(asked.filter((k) => k === `9/${tile.x}/${tile.y}/2`)).toHaveLength(2);
  });
});
