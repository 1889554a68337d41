/**
 * The Chinese of the texts of the operations tagged `geography` (server/openapi/operations/geography.ts), keyed by
 * the English exactly as it is written there or in the schemas of db/model they answer with.
 */

/** The Chinese of the `geography` operations' texts, by their English. */
export const GEOGRAPHY_ZH: Readonly<Record<string, string>> = {
  // getProductPoints
  'Points of the filtered products (GeoJSON)':
    '筛选出的产品的位置点（GeoJSON）',
  'Searched as the list is (`q`); the products come in the order of a Chinese list (by the pinyin of their Chinese name), each feature carrying `namePinyin` for a list in another order.':
    '搜索方式与列表相同（`q`）；产品按中文列表的顺序排列（按中文名称的拼音），每个要素带有 `namePinyin`，便于按其他顺序排列。',
  'A FeatureCollection of points':
    '位置点的要素集合（`FeatureCollection`）',
  // getProductClusters
  'The map’s clusters in one tile (GeoJSON)':
    '地图上一个瓦片内的聚合点（GeoJSON）',
  'The places of `/api/products.geojson` that are points (exact, village and township; never county-level places), clustered by the server for a web-mercator tile (`z` 0–17, `x` and `y` as slippy-map tiles number them), with the same filters. A tile holds the clusters and single places whose centre lies in it, so the tiles of a zoom add up to every point once. With `span` (1 or 2; the map asks with 2) the answer is a block: the clusters drawn at zoom `z` whose centres lie in the tile `x`, `y` of zoom `z − span`, the same features as its 2^span × 2^span tiles of zoom `z` together, in one request. A cluster says how many places it stands for (`count`), how many of them are exact spots (`exact`; the rest are somewhere in their village or township), the zoom at which it splits (`expansionZoom`) and one of its products’ names; at zoom 17 every place stands alone.':
    '`/api/products.geojson` 中以点表示的位置（精确位置、村级和乡镇级；县级位置从不作为点），由服务器按 Web 墨卡托瓦片聚合（`z` 为 0–17，`x` 和 `y` 按通行的瓦片编号），筛选条件相同。一个瓦片包含中心落在其中的聚合点和单个位置，因此同一缩放级别的各瓦片合计恰好包含每个点一次。带 `span`（1 或 2；地图用 2）时返回一个区块：按缩放级别 `z` 聚合、中心落在缩放级别 `z − span` 的瓦片 `x`、`y` 内的聚合点和位置，与其所含的 `z` 级瓦片（`span` 为 1 时 4 个，为 2 时 16 个）合起来相同，一次请求取回。聚合点给出所代表的位置数（`count`）、其中精确位置的个数（`exact`；其余只知在所属村或乡镇内）、展开的缩放级别（`expansionZoom`）和其中一个产品的名称；缩放级别 17 时每个位置单独显示。',
  'A FeatureCollection of clusters and points':
    '聚合点和位置点的要素集合（`FeatureCollection`）',
  'An RFC 7946 FeatureCollection (WGS84) of the tile’s clusters (`properties.cluster: true`) and single places (the features of `/api/products.geojson` that are points). County-level places are never points, so never in a tile.':
    '瓦片内聚合点（`properties.cluster: true`）和单个位置（`/api/products.geojson` 中以点表示的要素）的 RFC 7946 要素集合（WGS84 坐标）。县级位置从不作为点，因此不会出现在瓦片中。',
  // getMapSummary
  'The map page’s numbers and a page of its list':
    '地图页的各项数字及其列表的一页',
  'What the public map shows beside its markers, made from the places of `/api/products.geojson` under the same filters: how many products, of each GI type (holding or seeking it) and candidates; how many are placed how precisely and how many places are drawn as points; each county’s number and shading (`measure`: designations of the chosen type in the chosen status, in force when none) and badge (products known in that county alone, with no point in view); the products known in several counties, counted apart; and a page of the list (`limit`, default 100), by name in `lang` (as `/api/products` orders it), from `offset` or, with `at`, the page holding that product (its `offset` a multiple of `limit`). A county filter maps that county alone.':
    '公开地图在标记之外显示的内容，由 `/api/products.geojson` 在相同筛选条件下的位置得出：产品数、各类地理标志（持有或正在申请）的产品数和培育对象数；各精确程度的产品数和作为点绘制的位置数；各县的数字和着色（`measure`：所选类型、所选状态的地理标志数，未选状态时计有效的）和县上标注（只知在该县、视野内无点的产品数）；只知在多个县的产品（单独计数）；以及列表的一页（`limit`，默认 100），按 `lang` 的名称顺序排列（与 `/api/products` 相同），从 `offset` 开始，或用 `at` 取得包含该产品的那一页（其 `offset` 为 `limit` 的倍数）。按县筛选时只显示该县的地图。',
  '`at` names a product that is not in the list under these filters.':
    '`at` 所指的产品不在此筛选条件下的列表中。',
  // listCounties
  'Every county, with the days division changes began and ended it':
    '所有县（市、区），附区划调整设立和撤销它们的日期',
  // getCountyBoundaries
  'County boundaries with counts per county (GeoJSON)':
    '县（市、区）边界及各县的数量（GeoJSON）',
  'A FeatureCollection of polygons':
    '多边形的要素集合（`FeatureCollection`）',
};
