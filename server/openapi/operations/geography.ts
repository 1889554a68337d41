/**
 * The operations of the map and the counties (tag `geography`): GeoJSON layers, the map page’s numbers, the counties.
 */
import { z } from 'zod';
import * as m from '../../../db/model';
import { MEDIA, read, ok200, type Operation } from '../operation';

/** The map’s layers and numbers for the filtered products. */
export const MAP_LAYERS: Operation[] = [
  { operationId: 'getProductPoints', ...read('/api/products.geojson'), tag: 'geography', optionalSession: true, etag: true,
    summary: 'Points of the filtered products (GeoJSON)', query: m.ProductFilter,
    description: 'Searched as the list is (`q`); the products come in the order of a Chinese list (by the pinyin of their Chinese name), each feature carrying `namePinyin` for a list in another order.',
    ok: [{ status: 200, description: 'A FeatureCollection of points', media: MEDIA.geojson, schema: m.ProductPoints }], errors: [400] },
  { operationId: 'getProductClusters', ...read('/api/clusters.geojson'), tag: 'geography', optionalSession: true, etag: true,
    summary: 'The map\u2019s clusters in one tile (GeoJSON)', query: m.ClusterTileQuery,
    description: `The places of \`/api/products.geojson\` that are points (exact, village and township; never county-level places), clustered by the server for a web-mercator tile (\`z\` 0\u2013${m.MAX_TILE_ZOOM}, \`x\` and \`y\` as slippy-map tiles number them), with the same filters. A tile holds the clusters and single places whose centre lies in it, so the tiles of a zoom add up to every point once. With \`span\` (1 or 2; the map asks with ${m.BLOCK_SPAN}) the answer is a block: the clusters drawn at zoom \`z\` whose centres lie in the tile \`x\`, \`y\` of zoom \`z \u2212 span\`, the same features as its 2^span \u00d7 2^span tiles of zoom \`z\` together, in one request. A cluster says how many places it stands for (\`count\`), how many of them are exact spots (\`exact\`; the rest are somewhere in their village or township), the zoom at which it splits (\`expansionZoom\`) and one of its products\u2019 names; at zoom ${m.UNCLUSTERED_ZOOM} every place stands alone.`,
    ok: [{ status: 200, description: 'A FeatureCollection of clusters and points', media: MEDIA.geojson, schema: m.ClusterTile }], errors: [400] },
  { operationId: 'getMapSummary', ...read('/api/map-summary'), tag: 'geography', optionalSession: true, etag: true,
    summary: 'The map page\u2019s numbers and a page of its list', query: m.MapSummaryQuery,
    description: 'What the public map shows beside its markers, made from the places of `/api/products.geojson` under the same filters: how many products, of each GI type (holding or seeking it) and candidates; how many are placed how precisely and how many places are drawn as points; each county\u2019s number and shading (`measure`: designations of the chosen type in the chosen status, in force when none) and badge (products known in that county alone, with no point in view); the products known in several counties, counted apart; and a page of the list (`limit`, default 100), by name in `lang` (as `/api/products` orders it), from `offset` or, with `at`, the page holding that product (its `offset` a multiple of `limit`). A county filter maps that county alone.',
    ok: ok200(m.MapSummary), errors: [400, 404], why: { 404: '`at` names a product that is not in the list under these filters.' } },
];

/** The counties and their boundaries. */
export const COUNTY_OPERATIONS: Operation[] = [
  { operationId: 'listCounties', ...read('/api/counties'), tag: 'geography', etag: true,
    summary: 'Every county, with the days division changes began and ended it', ok: ok200(z.array(m.County)), errors: [] },
  { operationId: 'getCountyBoundaries', ...read('/api/counties.geojson'), tag: 'geography', optionalSession: true, etag: true,
    summary: 'County boundaries with counts per county (GeoJSON)',
    ok: [{ status: 200, description: 'A FeatureCollection of polygons', media: MEDIA.geojson, schema: m.CountyCollection }], errors: [] },
];
