/**
 * `npm run build:static -- DIR [--base-url https://gi.example.cn]`: the public side as plain files
 * that any static web server or CDN serves with no server behind it: the built client (its pages
 * marked `<meta name="gi-static">` so it reads the files below instead of the API), a page file
 * for every path (`index.html`, `tally/index.html`, `verify/index.html`, `products/<id>/index.html`, `products/<id>/card/index.html`,
 * `404.html`), and the
 * open data, made by the same builders as the live server's answers (public-snapshot.ts) and
 * compressed the same way (ready-body.ts), each with `.br` and `.gz` siblings for servers that send those:
 *
 *   api/config.json  api/counties.json  api/counties.geojson  api/products.geojson  api/products.json
 *   api/products/<id>.json  api/periods.json  api/tally.json  api/tally/period/<id>.json
 *   api/tally/series.json  api/tally/series/<id|current>-<step>.json  api/export/products.csv
 *   api/export/products.xlsx  feed.atom (= api/feed.atom)  robots.txt  sitemap.xml (with --base-url)
 *   api/designations/<id>/dossier.json (each open designation of a public product: the public's dossier)
 *   api/verify.json (the verification index: every authorised user of a public product; /verify searches it)
 *   api/documents/<id>.<pdf|jpg|png|webp|docx|xlsx>  api/documents/<id>/thumbnail.webp (public files of public products)
 *   api/reports/annual/<year>.json and <year>.<zh|en>.<docx|xlsx> (each year from the first recorded fact: static-reports.ts)
 *   api/products/<id>/qr.svg (with --base-url only: a QR code must carry the site's whole address)
 *
 * The public's view: public, unarchived products only, whatever the database holds besides.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDossierOpen, SERIES_STEPS, todayInShanghai } from '../../db/model';
import type { Db } from '../../db/open';
import { readConfig, type Config } from '../config';
import { getDossier } from '../domain/designations/dossiers';
import { exportSheets, xlsxChunks } from '../exchange/export/export';
import { listPeriods } from '../domain/tally/periods';
import { listProducts } from '../domain/products/products-read';
import { loadReplayIndex } from '../domain/tally/tally-replay';
import { verifyIndex } from '../domain/marks/verify';
import {
  configSnapshot, countiesSnapshot, countyListSnapshot, feedSnapshot, periodsSnapshot, productListSnapshot,
  productPointsSnapshot, productSnapshot, productsCsvSnapshot, robotsSnapshot, seriesSnapshot, sitemapSnapshot,
  tallySnapshot, type SnapshotText,
} from '../snapshot/public-snapshot';
import { compressible, encodedBytes, makeReadyBody } from '../snapshot/ready-body';
import { writeStaticDocuments } from '../documents/static-copy';
import { writeStaticReports } from './static-reports';
import { CLIENT_DIR, PAGE_TITLES, pageHtml, productCardTitle, productTitle } from '../static';
import { productPageUrl, qrSvg } from '../exchange/export/product-qr';

/** The marker the client looks for (client/lib/static-api.ts). */
export const STATIC_MARKER = '<meta name="gi-static" content="1" />';

/** What a build is made from besides the database. */
export interface StaticBuildOptions {
  /** The built client (default dist/client). */
  clientDir?: string;
  /** The map settings (tiles, approval number) to publish as api/config.json. */
  config?: Pick<Config, 'tiles' | 'approvalNo'>;
  /** Today in Asia/Shanghai: the default tally date and the series' end. */
  today?: string;
  /** An absolute base URL for the feed's links (root-relative without) and the QR codes (none without). */
  baseUrl?: string;
}

/** What a build wrote. */
export interface StaticBuildResult { files: string[]; products: number }

/** Media types of the files a copy holds, by extension (for the compressed siblings' decision). */
const TEXT_EXTENSIONS = /\.(html|js|mjs|css|json|geojson|csv|atom|svg|txt|map|xml)$/;

/**
 * Builds the static copy into `outDir`: a new or empty folder, or an earlier copy (emptied first, so
 * nothing stale is left behind); any other folder is refused rather than emptied.
 */
export async function buildStaticSite(db: Db, outDir: string, options: StaticBuildOptions = {}): Promise<StaticBuildResult> {
  const clientDir = options.clientDir ?? CLIENT_DIR;
  const indexFile = join(clientDir, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`No built client at ${clientDir}: run \`npm run build\` first.`);
  const today = options.today ?? todayInShanghai();
  const out = resolve(outDir);
  // Emptied first so nothing stale stays; but only a folder that is new, empty, or an earlier copy.
  if (existsSync(out) && readdirSync(out).length > 0 && !isStaticCopy(out)) {
    throw new Error(`${out} is not empty and holds no earlier static copy: choose a new or empty folder.`);
  }
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync(clientDir, out, { recursive: true });

  const written: string[] = [];
  const write = (file: string, content: string | Uint8Array) => {
    const target = join(out, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
    written.push(file);
  };
  const writeText = (file: string, { text }: SnapshotText) => write(file, text);

  // Pages: every path the public side has is a file holding the app, marked as a static copy, titled
  // as the live server titles it (in Chinese: a static copy cannot read `?lang=en` before the client runs).
  const shell = markStatic(readFileSync(indexFile, 'utf8'));
  const page = (title: string) => pageHtml(shell, { title, lang: 'zh' });
  write('index.html', page(PAGE_TITLES.map.zh));
  write('404.html', page(PAGE_TITLES.notFound.zh));
  write('tally/index.html', page(PAGE_TITLES.tally.zh));
  write('reports/annual/index.html', page(PAGE_TITLES.annualReport.zh));
  write('verify/index.html', page(PAGE_TITLES.verify.zh));
  // For crawlers: robots.txt always; the sitemap needs the site's absolute URL (--base-url).
  const origin = options.baseUrl ? options.baseUrl.replace(/\/+$/, '') : null;
  writeText('robots.txt', robotsSnapshot(origin));
  if (origin) writeText('sitemap.xml', sitemapSnapshot(db, origin));

  // The open data, built as the server builds its answers (the public's view).
  const viewer = null;
  writeText('api/config.json', configSnapshot(options.config ?? readConfig({})));
  writeText('api/counties.json', countyListSnapshot(db));
  writeText('api/counties.geojson', countiesSnapshot(db, viewer));
  writeText('api/products.geojson', productPointsSnapshot(db, {}, viewer));
  const all = listProducts(db, { limit: Number.MAX_SAFE_INTEGER, offset: 0 }, viewer);
  writeText('api/products.json', productListSnapshot(db, { limit: Number.MAX_SAFE_INTEGER, offset: 0 }, viewer));
  for (const item of all.items) {
    writeText(`api/products/${item.id}.json`, productSnapshot(db, item.id, viewer));
    write(`products/${item.id}/index.html`, page(productTitle(item, 'zh')));
    write(`products/${item.id}/card/index.html`, page(productCardTitle(item, 'zh')));
    if (origin) write(`api/products/${item.id}/qr.svg`, await qrSvg(productPageUrl(origin, item.id)));
    // The product page shows each candidate's dossier progress (as GET /api/designations/:id/dossier answers the public).
    for (const d of item.designations.filter((x) => isDossierOpen(x.status))) {
      write(`api/designations/${d.id}/dossier.json`, JSON.stringify(getDossier(db, viewer, d.id, today)));
    }
  }
  // Their public documents and photos, named by type (a static server knows no other way to tell it).
  writeStaticDocuments(db, all.items, write);
  writeText('api/periods.json', periodsSnapshot(db));
  // Verification in the browser: the client searches this index with the server's own rule (db/model/verify-match.ts).
  write('api/verify.json', JSON.stringify(verifyIndex(db)));
  const index = loadReplayIndex(db);
  const periods = listPeriods(db);
  if (periods.length > 0) {
    writeText('api/tally.json', tallySnapshot(db, index, { today }));
    writeText('api/tally/series.json', seriesSnapshot(db, index, { step: 'month', today }));
    for (const step of SERIES_STEPS) writeText(`api/tally/series/current-${step}.json`, seriesSnapshot(db, index, { step, today }));
    for (const { id } of periods) {
      writeText(`api/tally/period/${id}.json`, tallySnapshot(db, index, { period: id, today }));
      for (const step of SERIES_STEPS) writeText(`api/tally/series/${id}-${step}.json`, seriesSnapshot(db, index, { period: id, step, today }));
    }
  }
  await writeStaticReports(db, index, today, write);
  writeText('api/export/products.csv', productsCsvSnapshot(db));
  const xlsx: Uint8Array[] = [];
  for await (const chunk of xlsxChunks(exportSheets(db, {}))) xlsx.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  write('api/export/products.xlsx', Buffer.concat(xlsx));
  const feed = feedSnapshot(db, { baseUrl: options.baseUrl });
  writeText('feed.atom', feed);
  writeText('api/feed.atom', feed);

  // Compressed siblings of every text file worth compressing, as the server would send them.
  for (const file of listFiles(out)) {
    if (!TEXT_EXTENSIONS.test(file)) continue;
    const body = makeReadyBody('application/octet-stream', readFileSync(join(out, file)), []);
    if (!compressible(body)) continue;
    writeFileSync(join(out, `${file}.br`), encodedBytes(body, 'br'));
    writeFileSync(join(out, `${file}.gz`), encodedBytes(body, 'gzip'));
  }
  return { files: written, products: all.items.length };
}

/** Whether a folder holds a static copy made by this build (its index.html carries the marker). */
function isStaticCopy(dir: string): boolean {
  const index = join(dir, 'index.html');
  return existsSync(index) && readFileSync(index, 'utf8').includes('name="gi-static"');
}

/** The app's page with the static-copy marker in its head. */
export function markStatic(html: string): string {
  if (html.includes('name="gi-static"')) return html;
  return html.replace(/<meta charset="utf-8"\s*\/?>/i, (m) => `${m}\n    ${STATIC_MARKER}`);
}

/** Every file under a folder, as paths relative to it with forward slashes. */
function listFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return found;
}

async function main(argv: string[]): Promise<void> {
  const args = argv.filter((a) => a !== '--');
  const baseAt = args.indexOf('--base-url');
  const baseUrl = baseAt >= 0 ? args.splice(baseAt, 2)[1] : undefined;
  const [dir, ...extra] = args;
  if (!dir || extra.length > 0 || dir.startsWith('-') || (baseAt >= 0 && !/^https?:\/\//.test(baseUrl ?? ''))) {
    console.error('Usage: npm run build:static -- DIR [--base-url https://host]   (reads DATABASE_PATH, default data/registry.sqlite)');
    process.exit(2);
  }
  const config = readConfig();
  if (!existsSync(config.databasePath)) {
    console.error(`No database at ${config.databasePath} (set DATABASE_PATH).`);
    process.exit(1);
  }
  const { openDb } = await import('../../db/open');
  const db = openDb(config.databasePath);
  try {
    const { files, products } = await buildStaticSite(db, dir, { config, clientDir: config.clientDir ?? undefined, baseUrl });
    console.log(`Wrote a static copy of the public side to ${resolve(dir)}: ${products} products, ${files.length} files (plus the client and .br/.gz siblings).`);
  } finally {
    db.$client.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`Static build failed: ${(error as Error).message}`);
    process.exit(1);
  });
}
