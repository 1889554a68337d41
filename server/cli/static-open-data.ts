/**
 * The open-data files of a static copy, one writer per path of the table that a static copy holds
 * (db/model/public-surface.ts, `static`): a path added there does not compile until it has its writer
 * here. Each writer makes the bytes the live server answers with, by the same builders
 * (public-snapshot.ts and its kin), in the public's view: public, unarchived products only.
 */
import { blockSpan, isDossierOpen, MAX_TILE_ZOOM, SERIES_STEPS, type ProductSummary, type StaticDataKey } from '../../db/model';
import type { Db } from '../../db/open';
import type { Config } from '../config';
import { getDossier } from '../domain/designations/dossiers';
import { verifyIndex } from '../domain/marks/verify';
import { placesIndex } from '../domain/places/place-lookup';
import { clusterIndex } from '../domain/products/product-clusters';
import { productPoints } from '../domain/products/product-places';
import { listPeriods } from '../domain/tally/periods';
import type { ReplayIndex } from '../domain/tally/tally-replay';
import { loadReplayIndex } from '../domain/tally/replay-store';
import { writeStaticDocuments } from '../documents/static-copy';
import { exportSheets, xlsxChunks } from '../exchange/export/export';
import { productPageUrl, qrSvg } from '../exchange/export/product-qr';
import { openApiDocument } from '../openapi';
import {
  clusterTileSnapshot, configSnapshot, countiesSnapshot, countyListSnapshot, feedSnapshot, periodsSnapshot, productListSnapshot,
  productPointsSnapshot, productSnapshot, productsCsvSnapshot, seriesSnapshot, tallySnapshot,
} from '../snapshot/public-snapshot';
import { markUseSnapshot } from '../snapshot/mark-use-snapshot';
import { writeStaticReports } from './static-reports';

/** What the writers share: the registry, the public products, the day, and where files go. */
export interface StaticDataContext {
  db: Db;
  /** Every public, current product (the public's list). */
  products: ProductSummary[];
  /** The map settings to publish as api/config.json. */
  config: Pick<Config, 'tiles' | 'approvalNo' | 'boundarySource' | 'site'>;
  /** Today in Asia/Shanghai: the default tally date and the series' end. */
  today: string;
  /** The site's absolute address (no trailing slash), or null when the build was given none. */
  origin: string | null;
  /** The replay index of the tally, made once for every tally file. */
  replay: () => ReplayIndex;
  /** Writes a file of the copy (a path under it, without the leading slash). */
  write: (file: string, content: string | Uint8Array) => void;
}

type Writer = (c: StaticDataContext) => void | Promise<void>;

const viewer = null;
const ALL = { limit: Number.MAX_SAFE_INTEGER, offset: 0 };

/** The writer of each open-data path a static copy holds, by its key in the table. */
export const STATIC_WRITERS: Record<StaticDataKey, Writer> = {
  config: ({ write, db, config }) => write('api/config.json', configSnapshot(db, config).text),
  counties: ({ write, db }) => write('api/counties.json', countyListSnapshot(db).text),
  countyShapes: ({ write, db }) => write('api/counties.geojson', countiesSnapshot(db, viewer).text),
  products: ({ write, db }) => write('api/products.json', productListSnapshot(db, ALL, viewer).text),
  productPoints: ({ write, db }) => write('api/products.geojson', productPointsSnapshot(db, {}, viewer).text),
  // Every block the map asks for (span blockSpan(z)) of every zoom that holds something, unfiltered (the live
  // server's answer to the same block), and each zoom's list of them.
  productClusters: ({ write, db }) => {
    const index = clusterIndex(productPoints(db, {}, viewer));
    for (let z = 0; z <= MAX_TILE_ZOOM; z++) {
      const tiles = index.occupied(z, blockSpan(z));
      for (const tile of tiles) write(`api/clusters/${z}/${tile.x}/${tile.y}.geojson`, clusterTileSnapshot(index, tile).text);
      // Which tiles of the zoom the copy holds, so the client asks for no file that is not there.
      write(`api/clusters/${z}.json`, JSON.stringify(tiles.map((t) => `${t.x}/${t.y}`)));
    }
  },
  // Made in the browser from api/products.geojson (written above), with the server's rule (db/model/map-summary.ts).
  mapSummary: () => {},
  product: ({ write, db, products, today }) => {
    for (const { id } of products) write(`api/products/${id}.json`, productSnapshot(db, id, viewer, today).text);
  },
  // A QR code carries the site's whole address: none without one (the card then prints the address alone).
  productQr: async ({ write, products, origin }) => {
    if (origin) for (const { id } of products) write(`api/products/${id}/qr.svg`, await qrSvg(productPageUrl(origin, id)));
  },
  // The product page shows the yearly usage returns as aggregates, as the live server answers the public.
  markUse: ({ write, db, products }) => {
    for (const { id } of products) write(`api/products/${id}/mark-use.json`, markUseSnapshot(db, id, viewer).text);
  },
  // The product page shows each candidate's dossier progress, as GET /api/designations/:id/dossier answers the public.
  dossier: ({ write, db, products, today }) => {
    for (const d of products.flatMap((p) => p.designations).filter((x) => isDossierOpen(x.status))) {
      write(`api/designations/${d.id}/dossier.json`, JSON.stringify(getDossier(db, viewer, d.id, today)));
    }
  },
  // Verification in the browser: the client searches this index with the server's own rule (db/model/verify-match.ts).
  verify: ({ write, db, today }) => write('api/verify.json', JSON.stringify(verifyIndex(db, today))),
  // The place lookup in the browser: every unit with its areas, searched with the server's rule (db/model/place-match.ts).
  placesLookup: ({ write, db }) => write('api/places.json', JSON.stringify(placesIndex(db))),
  // Public documents and photos with their thumbnails, named by type (a static server knows no other way to tell it).
  document: ({ write, db, products }) => { writeStaticDocuments(db, products, write); },
  documentThumbnail: () => {}, // written with each document, above
  tally: ({ write, db, today, replay }) => {
    if (listPeriods(db).length === 0) return; // no period, no tally: the page says so, as the server's 404 makes it
    write('api/tally.json', tallySnapshot(db, replay(), { today }).text);
    for (const { id } of listPeriods(db)) write(`api/tally/period/${id}.json`, tallySnapshot(db, replay(), { period: id, today }).text);
  },
  tallySeries: ({ write, db, today, replay }) => {
    if (listPeriods(db).length === 0) return;
    write('api/tally/series.json', seriesSnapshot(db, replay(), { step: 'month', today }).text);
    for (const step of SERIES_STEPS) write(`api/tally/series/current-${step}.json`, seriesSnapshot(db, replay(), { step, today }).text);
    for (const { id } of listPeriods(db)) {
      for (const step of SERIES_STEPS) write(`api/tally/series/${id}-${step}.json`, seriesSnapshot(db, replay(), { period: id, step, today }).text);
    }
  },
  periods: ({ write, db }) => write('api/periods.json', periodsSnapshot(db).text),
  // Every year's report from the first recorded fact, as JSON and as Word and Excel in each language.
  annualReport: async ({ write, db, today, replay }) => { await writeStaticReports(db, replay(), today, write); },
  annualReportDocx: () => {}, // written with the year's JSON, above
  annualReportXlsx: () => {}, // written with the year's JSON, above
  productsCsv: ({ write, db }) => write('api/export/products.csv', productsCsvSnapshot(db).text),
  productsXlsx: async ({ write, db }) => {
    const xlsx: Uint8Array[] = [];
    for await (const chunk of xlsxChunks(exportSheets(db, {}))) xlsx.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    write('api/export/products.xlsx', Buffer.concat(xlsx));
  },
  // Also at the root, where feed readers look first; absolute links when the build knows the site's address.
  feed: ({ write, db, origin }) => {
    const { text } = feedSnapshot(db, { baseUrl: origin ?? undefined });
    write('feed.atom', text);
    write('api/feed.atom', text);
  },
  // The contract of the open data, as the live server answers it (the public pages link to it).
  openApi: ({ write }) => write('api/openapi.json', JSON.stringify(openApiDocument())),
};

/** A replay index made on first use and kept for the rest of the build. */
export function replayOnce(db: Db): () => ReplayIndex {
  let index: ReplayIndex | null = null;
  return () => (index ??= loadReplayIndex(db));
}
