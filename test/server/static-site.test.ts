/**
 * `npm run build:static`: the files hold the same bytes the live server answers (the same builders),
 * every public product has its data file and its page file, drafts have neither, the compressed
 * siblings unpack to the same bytes, a second build of the same registry writes the same bytes, and
 * the client's static mode (client/lib/static-api.ts) filters the whole list as the server's queries do.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockSpan, MAX_TILE_ZOOM, todayInShanghai } from '../../db/model';
import { matchesFilter, staticFileOf } from '../../client/lib/static-api';
import { buildStaticSite, markStatic } from '../../server/cli/build-static';
import { PAGE_TITLES, pageHtml, productTitle } from '../../server/static';
import { atomFeed } from '../../server/exchange/export/feed';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

let server: TestServer;
let work: string;
let out: string;
let draftId: number;
const today = todayInShanghai();

const PAGE = '<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <meta charset="utf-8" />\n    <title>t</title>\n    <script type="module" src="/assets/index-AbCdEfGh.js"></script>\n  </head>\n  <body><gi-app></gi-app></body>\n</html>\n';

beforeAll(async () => {
  server = await startServer();
  await addAccount(server.db, 'qinshui', 'official', '140521');
  const cookie = await signIn(server.url, 'qinshui');
  draftId = (await send(server.url, 'POST', '/api/products', { nameZh: '静态测试草稿', category: 'food', counties: ['140521'] }, cookie)).body.id;
  // Two public products known at spots (every seeded place is county-level): the map's cluster tiles have something to hold.
  const counties = (await send(server.url, 'GET', '/api/counties')).body as { code: string; label: { lat: number; lng: number } }[];
  const at = counties.find((c) => c.code === '140521')!.label;
  for (const [i, nameZh] of ['静态测试果园', '静态测试基地'].entries()) {
    const locations = [{ ...at, label: '园', precision: 'exact' }, { lat: at.lat + 0.02 * (i + 1), lng: at.lng, label: '场', precision: 'exact' }];
    expect((await send(server.url, 'POST', '/api/products', { nameZh, category: 'food', counties: ['140521'], visibility: 'public', locations }, cookie)).status).toBe(201);
  }
  work = mkdtempSync(join(tmpdir(), 'gi-static-test-'));
  // A stand-in for dist/client: the build copies it whatever it holds.
  const client = join(work, 'client');
  mkdirSync(join(client, 'assets'), { recursive: true });
  writeFileSync(join(client, 'index.html'), PAGE);
  writeFileSync(join(client, 'assets', 'index-AbCdEfGh.js'), `console.log(${JSON.stringify('x'.repeat(4000))});\n`);
  out = join(work, 'site');
  await buildStaticSite(server.db, out, { clientDir: join(work, 'client'), config: server.config, today });
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const file = (path: string) => readFileSync(join(out, path));
const live = async (path: string) => Buffer.from(await (await fetch(`${server.url}${path}`)).arrayBuffer());

describe('npm run build:static', () => {
  it('writes the bytes the live server answers, for every public read', async () => {
    const pairs: [string, string][] = [
      ['api/config.json', '/api/config'],
      ['api/counties.json', '/api/counties'],
      ['api/counties.geojson', '/api/counties.geojson'],
      ['api/products.geojson', '/api/products.geojson'],
      ['api/periods.json', '/api/periods'],
      ['api/tally.json', '/api/tally'],
      ['api/tally/period/1.json', '/api/tally?period=1'],
      ['api/tally/series.json', '/api/tally/series'],
      ['api/tally/series/current-quarter.json', '/api/tally/series?step=quarter'],
      ['api/tally/series/1-year.json', '/api/tally/series?period=1&step=year'],
      ['api/export/products.csv', '/api/export/products.csv'],
    ];
    for (const [path, url] of pairs) expect(file(path).toString(), path).toBe((await live(url)).toString());
    const list = (await (await fetch(`${server.url}/api/products?limit=1000`)).json()) as { items: { id: number }[]; total: number };
    expect(JSON.parse(file('api/products.json').toString())).toEqual(list);
    for (const item of list.items as { id: number; nameZh: string; nameEn: string | null }[]) {
      expect(file(`api/products/${item.id}.json`).toString()).toBe((await live(`/api/products/${item.id}`)).toString());
      expect(file(`api/products/${item.id}/mark-use.json`).toString()).toBe((await live(`/api/products/${item.id}/mark-use`)).toString());
      // The product's page, titled with its name as the live server titles it.
      expect(file(`products/${item.id}/index.html`).toString()).toBe(markStatic(pageHtml(PAGE, { title: productTitle(item, 'zh'), lang: 'zh' })));
    }
    expect(file('robots.txt').toString()).toBe((await live('/robots.txt')).toString().replace(/\nSitemap: .*\n$/, ''));
    expect(file('feed.atom').toString()).toBe(atomFeed(server.db));
    expect(file('api/feed.atom')).toEqual(file('feed.atom'));
    expect(file('api/export/products.xlsx').subarray(0, 2).toString()).toBe('PK');
  });

  it('writes the map\'s cluster blocks that hold something, at every zoom, as the live server answers them', async () => {
    for (let z = 0; z <= MAX_TILE_ZOOM; z++) {
      const tiles = readdirSync(join(out, 'api/clusters', String(z)), { recursive: true }).map(String).filter((f) => f.endsWith('.geojson'));
      let count = 0;
      for (const tile of tiles) {
        const [x, y] = tile.replace('.geojson', '').split('/');
        const text = file(`api/clusters/${z}/${tile}`).toString();
        // The blocks the map asks for: the tiles of zoom z − blockSpan(z).
        expect(text, `${z}/${tile}`).toBe((await live(`/api/clusters.geojson?z=${z}&x=${x}&y=${y}&span=${blockSpan(z)}`)).toString());
        for (const f of JSON.parse(text).features) count += f.properties.cluster ? f.properties.count : 1;
      }
      expect(count, `zoom ${z}`).toBe(4);
      // The zoom's list names exactly the tiles written (the client asks for no other).
      expect((JSON.parse(file(`api/clusters/${z}.json`).toString()) as string[]).sort()).toEqual(tiles.map((t) => t.replace('.geojson', '')).sort());
    }
    // Zoomed out, one tile holds everything; at the deepest zoom each spot stands alone.
    expect(readdirSync(join(out, 'api/clusters/0/0'))).toEqual(['0.geojson']);
    expect(staticFileOf('/api/clusters.geojson?z=9&x=104&y=51&span=2')).toBe('/api/clusters/9/104/51.geojson');
    expect(staticFileOf('/api/clusters.geojson?z=1&x=1&y=0&span=1')).toBe('/api/clusters/1/1/0.geojson');
    expect(staticFileOf('/api/clusters.geojson?z=9&x=a&y=51&span=2')).toBeNull();
    // A span the map never asks for is not in the copy.
    expect(staticFileOf('/api/clusters.geojson?z=9&x=418&y=204')).toBeNull();
    expect(staticFileOf('/api/clusters.geojson?z=9&x=209&y=102&span=1')).toBeNull();
  });

  it('refuses to empty a folder that is not a static copy', async () => {
    const other = join(work, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    await expect(buildStaticSite(server.db, other, { clientDir: join(work, 'client'), today })).rejects.toThrow(/not empty/);
    expect(readFileSync(join(other, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('leaves drafts out, and writes every page path with the static marker', () => {
    expect(existsSync(join(out, `api/products/${draftId}.json`))).toBe(false);
    expect(existsSync(join(out, `products/${draftId}/index.html`))).toBe(false);
    for (const path of ['api/products.json', 'api/products.geojson', 'api/export/products.csv', 'feed.atom']) {
      expect(file(path).toString()).not.toContain('静态测试草稿');
    }
    const titles = { 'index.html': PAGE_TITLES.map.zh, '404.html': PAGE_TITLES.notFound.zh, 'tally/index.html': PAGE_TITLES.tally.zh };
    for (const [page, title] of Object.entries(titles)) {
      expect(file(page).toString()).toContain('<meta charset="utf-8" />\n    <meta name="gi-static" content="1" />');
      expect(file(page).toString()).toContain(`<title>${title}</title>`);
    }
    // Without a base URL there is no sitemap (its URLs must be absolute), and robots.txt names none.
    expect(existsSync(join(out, 'sitemap.xml'))).toBe(false);
    expect(file('robots.txt').toString()).not.toContain('Sitemap:');
    expect(file('assets/index-AbCdEfGh.js').length).toBeGreaterThan(4000);
  });

  it('writes the sitemap and its robots.txt line for a base URL, as the live server answers for that origin', async () => {
    const site = join(work, 'with-base');
    await buildStaticSite(server.db, site, { clientDir: join(work, 'client'), config: server.config, today, baseUrl: `${server.url}/` });
    expect(readFileSync(join(site, 'sitemap.xml'), 'utf8')).toBe((await live('/sitemap.xml')).toString());
    expect(readFileSync(join(site, 'robots.txt'), 'utf8')).toBe((await live('/robots.txt')).toString());
  });

  it('writes .br and .gz siblings that unpack to the same bytes', () => {
    for (const path of ['api/products.geojson', 'api/counties.geojson', 'api/products.json', 'api/tally.json', 'api/export/products.csv', 'assets/index-AbCdEfGh.js']) {
      expect(brotliDecompressSync(file(`${path}.br`)), path).toEqual(file(path));
      expect(gunzipSync(file(`${path}.gz`)), path).toEqual(file(path));
    }
  });

  it('writes the same bytes again from the same registry (stale files removed)', async () => {
    const again = join(work, 'again');
    const options = { clientDir: join(work, 'client'), config: server.config, today };
    await buildStaticSite(server.db, again, options);
    writeFileSync(join(again, 'api', 'stale.json'), '{}');
    const result = await buildStaticSite(server.db, again, options);
    expect(existsSync(join(again, 'api', 'stale.json'))).toBe(false);
    // Office files (XLSX, the annual reports' DOCX) carry the time they were written.
    for (const path of result.files.filter((f) => !f.endsWith('.xlsx') && !f.endsWith('.docx'))) {
      expect(readFileSync(join(again, path)), path).toEqual(file(path));
    }
  });
});

describe('the client in a static copy', () => {
  it('maps API paths to the files the build writes', () => {
    const cases: [string, string | null][] = [
      ['/api/products/12', '/api/products/12.json'],
      ['/api/products/12/mark-use', '/api/products/12/mark-use.json'],
      ['/api/products?type=trademark&limit=50', '/api/products.json'],
      ['/api/products.geojson?county=140521', '/api/products.geojson'],
      ['/api/counties.geojson', '/api/counties.geojson'],
      ['/api/counties', '/api/counties.json'],
      ['/api/config', '/api/config.json'],
      ['/api/periods', '/api/periods.json'],
      ['/api/tally', '/api/tally.json'],
      ['/api/tally?period=1', '/api/tally/period/1.json'],
      ['/api/tally?period=1&asOf=2024-01-01', null],
      ['/api/tally/series?period=1&step=month', '/api/tally/series/1-month.json'],
      ['/api/tally/series', '/api/tally/series.json'],
      ['/api/tally/series?step=year', '/api/tally/series/current-year.json'],
      ['/api/verify?q=%E8%9C%82%E4%B8%9A', '/api/verify.json'],
      ['/api/session', null],
      ['/api/audit', null],
    ];
    for (const [path, expected] of cases) {
      expect(staticFileOf(path), path).toBe(expected);
      if (expected) expect(existsSync(join(out, expected.slice(1))), expected).toBe(true);
    }
  });

  it('filters the whole list as the server does', async () => {
    const all = JSON.parse(file('api/products.json').toString()).items;
    const filters = [
      {}, { type: 'trademark' }, { status: 'in_force' }, { status: 'in_progress' }, { type: 'trademark', status: 'granted' },
      { county: '140521' }, { county: '140581', type: 'protected_product' }, { category: 'medicinal' },
      { q: '蜂蜜' }, { q: 'PEAR' }, { q: 'honey' }, { q: '%' },
    ] as const;
    for (const filter of filters) {
      const query = new URLSearchParams({ ...filter, limit: '1000' });
      const expected = (await (await fetch(`${server.url}/api/products?${query}`)).json()).items.map((p: { id: number }) => p.id);
      expect(all.filter((p: Parameters<typeof matchesFilter>[0]) => matchesFilter(p, filter)).map((p: { id: number }) => p.id), JSON.stringify(filter))
        .toEqual(expected);
    }
  });
});
