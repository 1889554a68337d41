/**
 * `npm run build:static -- DIR [--base-url https://gi.example.cn[/gi]]`: the public side as plain files
 * that any static web server or CDN serves with no server behind it: the built client (its pages
 * marked `<meta name="gi-static">` so it reads the files below instead of the API), a page file for
 * every page of the table that a static copy holds (db/model/public-surface.ts: `index.html`,
 * `tally/index.html`, `products/<id>/index.html`, …) and `404.html`, and the open-data files the table
 * names (written by server/cli/static-open-data.ts with the same builders as the live server's answers,
 * compressed the same way, each with `.br` and `.gz` siblings for servers that send those), among them:
 *
 *   api/config.json  api/counties.json  api/counties.geojson  api/products.geojson  api/products.json
 *   api/products/<id>.json  api/periods.json  api/tally.json  api/tally/period/<id>.json
 *   api/tally/series.json  api/tally/series/<id|current>-<step>.json  api/export/products.csv
 *   api/export/products.xlsx  api/openapi.json  feed.atom (= api/feed.atom)  api/verify.json
 *   api/designations/<id>/dossier.json  api/documents/<id>.<type>  api/reports/annual/<year>.json …
 *   api/products/<id>/qr.svg, sitemap.xml (with --base-url only: they carry the site's whole address)  robots.txt
 *
 * The public's view: public, unarchived products only, whatever the database holds besides.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { notFoundTitle, OPEN_DATA, PAGES, pageFile, pageTitle, todayInShanghai } from '../../db/model';
import type { Db } from '../../db/open';
import { readConfig, type Config } from '../config';
import { listProducts } from '../domain/products/products-read';
import { robotsSnapshot, sitemapSnapshot } from '../snapshot/public-snapshot';
import { compressible, encodedBytes, makeReadyBody } from '../snapshot/ready-body';
import { CLIENT_DIR, pageHtml } from '../static';
import { replayOnce, STATIC_WRITERS } from './static-open-data';

/** The marker the client looks for (client/lib/static-api.ts). */
export const STATIC_MARKER = '<meta name="gi-static" content="1" />';

/** What a build is made from besides the database. */
export interface StaticBuildOptions {
  /** The built client (default dist/client). */
  clientDir?: string;
  /** The settings (tiles, approval number, the footer's lines) to publish as api/config.json. */
  config?: Pick<Config, 'tiles' | 'approvalNo' | 'boundarySource' | 'site'>;
  /** Today in Asia/Shanghai: the default tally date and the series' end. */
  today?: string;
  /** An absolute base URL for the feed's links (root-relative without) and the QR codes (none without). */
  baseUrl?: string;
  /**
   * The path the copy is served under (`/gi/`): its pages' `<base href>`, so their files and data load from
   * there. Default: the base URL's path, else `/`.
   */
  basePath?: string;
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
  const origin = options.baseUrl ? options.baseUrl.replace(/\/+$/, '') : null;
  const basePath = options.basePath ?? (origin ? `${new URL(origin).pathname.replace(/\/+$/, '')}/` : '/');
  const products = listProducts(db, { limit: Number.MAX_SAFE_INTEGER, offset: 0 }, null).items;

  // Pages: each page of the table a static copy holds, as a file holding the app marked as a static copy,
  // titled as the live server titles it (in Chinese: a static copy cannot read `?lang=en` before the client runs).
  const shell = markStatic(readFileSync(indexFile, 'utf8'));
  const page = (title: string) => pageHtml(shell, { title, lang: 'zh', basePath });
  for (const sitePage of PAGES.filter((p) => p.inStatic)) {
    if (!sitePage.path.includes(':id')) write(pageFile(sitePage), page(pageTitle(sitePage, 'zh')));
    else for (const item of products) write(pageFile(sitePage, item.id), page(pageTitle(sitePage, 'zh', item)));
  }
  write('404.html', page(notFoundTitle('zh')));
  // For crawlers: robots.txt always; the sitemap needs the site's absolute URL (--base-url).
  write('robots.txt', robotsSnapshot(origin).text);
  if (origin) write('sitemap.xml', sitemapSnapshot(db, origin).text);

  // The open data the table says a static copy holds, each by its writer.
  const context = { db, products, config: options.config ?? readConfig({}), today, origin, replay: replayOnce(db), write };
  for (const { key } of OPEN_DATA.filter((p) => p.static !== null)) await STATIC_WRITERS[key](context);

  // Compressed siblings of every text file worth compressing, as the server would send them.
  for (const file of listFiles(out)) {
    if (!TEXT_EXTENSIONS.test(file)) continue;
    const body = makeReadyBody('application/octet-stream', readFileSync(join(out, file)), []);
    if (!compressible(body)) continue;
    writeFileSync(join(out, `${file}.br`), encodedBytes(body, 'br'));
    writeFileSync(join(out, `${file}.gz`), encodedBytes(body, 'gzip'));
  }
  return { files: written, products: products.length };
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
    // Served under the base URL's path; without one, under BASE_PATH (default /).
    const basePath = baseUrl ? undefined : config.basePath;
    const { files, products } = await buildStaticSite(db, dir, { config, clientDir: config.clientDir ?? undefined, baseUrl, basePath });
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
