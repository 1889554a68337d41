/**
 * The static copy (`npm run build:static`) in Chromium, served by a plain file server (node:http,
 * no app code): the map draws the counties and every marker and filters, a product page opens from
 * the list and from a deep link, every open-data link of the map is a file of the copy, the tally page
 * shows its cards (and says a picked date needs the live server), /verify finds an authorised user in
 * the verification index, an unknown path gets the 404 page,
 * and nothing asks another origin or logs an error.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/open';
import { loadSeeds } from '../../seeds/loader';
import { and, eq } from 'drizzle-orm';
import * as schema from '../../db/schema';
import type { Db } from '../../db/open';
import { addAuthorizedUser } from '../../server/domain/marks/authorized-users';
import { addAccount } from '../server/fixtures';
import { buildStaticSite } from '../../server/cli/build-static';
import { CLIENT_DIR } from '../../server/static';
import { mapNumbers } from './support/map-measure';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.geojson': 'application/geo+json', '.csv': 'text/csv; charset=utf-8',
  '.atom': 'application/atom+xml', '.map': 'application/json',
};

/** What any static web server does: the file, or the folder's index.html, or 404.html with a 404. */
function fileServer(root: string): Server {
  return createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(root, '404.html');
    }
    res.writeHead(status, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
}

let dir: string;
let site: Server;
let url: string;
let browser: Browser;
/** Each page opened, with the path asked for and every answer of 400 or more it got. */
const opened: (WatchedPage & { path: string; failed: string[] })[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gi-static-e2e-'));
  const db = openDb(join(dir, 'registry.sqlite'));
  loadSeeds(db);
  await addVerifiableUser(db);
  await buildStaticSite(db, join(dir, 'site'), { clientDir: process.env.CLIENT_DIR ?? CLIENT_DIR });
  db.$client.close();
  site = fileServer(join(dir, 'site'));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const watched = { ...await openPage(browser, url), path, failed: [] as string[] };
  opened.push(watched);
  watched.page.on('response', (r) => { if (r.status() >= 400) watched.failed.push(new URL(r.url()).pathname); });
  await watched.page.goto(path);
  return watched.page;
}

/** Total locations on the map: single markers plus the counts inside clusters. */
async function markedLocations(page: Page): Promise<number> {
  const clusters = await page.locator('.gi-cluster').evaluateAll((els) => els.map((e) => Number(e.textContent)));
  return clusters.reduce((a, b) => a + b, 0) + await page.locator('.gi-marker').count();
}

const data = (path: string) => JSON.parse(readFileSync(join(dir, 'site', path), 'utf8'));

describe('the static copy of the public side', () => {
  it('draws the counties and every product once, and filters from the files', async () => {
    const page = await open('/');
    await expect.poll(() => page.locator('.leaflet-counties-pane path').count()).toBe(6);
    await page.locator('.county-label b', { hasText: '沁水县' }).waitFor();
    const points = data('api/products.geojson').features as { properties: { counties: string[]; productId: number } }[];
    expect(points).toHaveLength(21); // 16 seeded products, 晋城药茶 in six counties
    // Every seeded place is a county: no marker; each product counted once, on its county (or among several).
    await expect.poll(() => mapNumbers(page).then((n) => n.total)).toBe(16);
    expect(await markedLocations(page)).toBe(0);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '共 16 个产品' }).count()).toBe(1);

    await page.getByLabel('县（市、区）', { exact: true }).selectOption('140521');
    await expect.poll(() => new URL(page.url()).search).toBe('?county=140521');
    const inQinshui = new Set(points.filter((f) => f.properties.counties.includes('140521')).map((f) => f.properties.productId));
    await expect.poll(() => mapNumbers(page).then((n) => n.total)).toBe(inQinshui.size);
    // Only the admin-free public side: no workspace link.
    expect(await page.getByRole('link', { name: '管理' }).count()).toBe(0);
    // Every open-data link the map shows (CSV, Excel, the OpenAPI document) is a file of the copy.
    const links = await page.locator('.open-data a').evaluateAll((els) => els.map((a) => a.getAttribute('href')!));
    expect(links).toContain('/api/openapi.json');
    for (const href of links) expect((await fetch(`${url}${href.split('?')[0]}`)).status, href).toBe(200);
  });

  it('opens a product page from the list, and from a deep link', async () => {
    const page = await open('/');
    const list = page.getByRole('region', { name: '筛选结果' });
    await list.getByRole('link', { name: '阳城桑椹' }).click();
    await page.getByRole('heading', { level: 1, name: '阳城桑椹' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/products\/\d+$/);

    const pear = (data('api/products.json').items as { id: number; nameZh: string }[]).find((p) => p.nameZh === '高平大黄梨')!;
    const deep = await open(`/products/${pear.id}`);
    await deep.getByRole('heading', { level: 1, name: '高平大黄梨' }).waitFor();
    await deep.getByRole('region', { name: '基本信息' }).getByText('Gaoping big yellow pear').waitFor();
  });

  it('shows the tally cards with the numbers of the file', async () => {
    const page = await open('/tally');
    const tally = data('api/tally.json') as { types: { giType: string; inForce: number }[] };
    for (const { giType, inForce } of tally.types) {
      await expect.poll(() => page.locator(`gi-tally-card[data-type=${giType}] [data-in-force]`).getAttribute('data-in-force')).toBe(String(inForce));
    }
  });

  it('says a tally on a picked date needs the live server, not that there is no plan period', async () => {
    const page = await open('/tally?asOf=2024-06-30');
    await page.getByRole('alert').filter({ hasText: '所选日期的统计需连接在线系统' }).waitFor();
    expect(await page.getByText('尚未设置规划期').count()).toBe(0);
  });

  it('shows the annual report of a year from its file, opened from the tally page, with its Word file beside it', async () => {
    const page = await open('/tally');
    const year = (data('api/tally.json') as { asOf: string }).asOf.slice(0, 4);
    await page.getByRole('link', { name: `${year}年度报告` }).click();
    await page.getByRole('heading', { level: 1, name: `晋城市地理标志工作年度报告（${year}年）` }).waitFor();
    const report = data(`api/reports/annual/${year}.json`) as { totals: { inForce: number }[] };
    const inForce = page.locator('gi-annual-report section[data-section=totals] tbody tr td:nth-child(2)');
    await expect.poll(() => inForce.allTextContents()).toEqual(report.totals.map((x) => String(x.inForce)));
    const word = await page.getByRole('link', { name: '下载 Word 文件（.docx）' }).getAttribute('href');
    expect(word).toBe(`/api/reports/annual/${year}.zh.docx`);
    expect((await fetch(`${url}${word}`)).status).toBe(200);
  });

  it('answers /verify from its index: part of a name finds the user and says it may use the mark', async () => {
    const page = await open(`/verify?q=${encodeURIComponent('静态核验')}`);
    const card = page.getByRole('article', { name: '晋城静态核验蜂业有限公司' });
    await card.getByText('可以使用', { exact: true }).waitFor();
    expect(await card.textContent()).toContain('2024-03-01');
    await page.getByLabel('企业名称或统一社会信用代码').fill('没有这家公司');
    await page.getByRole('button', { name: '查询' }).click();
    // Not found among the copy's users (one user of one GI), as of the day its list last changed.
    await page.getByText(/^未在本登记簿收录的 1 家用标企业（1 件地理标志）中查到（截至 \d{4}-\d{2}-\d{2}）$/).waitFor();
  });

  it('answers an unknown path, and the workspace, with the not-found view', async () => {
    const res = await fetch(`${url}/no/such/page`);
    expect(res.status).toBe(404);
    for (const path of ['/no/such/page', '/admin']) {
      const page = await open(path);
      await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
      await page.getByRole('link', { name: '返回地图首页' }).waitFor();
      expect(await page.evaluate(() => document.title)).toBe('页面不存在 · 晋城地理标志');
    }
  });

  it('asked no other origin, found every file it asked for, and logged no other error', () => {
    const notFound = ['/no/such/page', '/admin'];
    for (const { path, foreignRequests, consoleErrors, failed } of opened) {
      expect(foreignRequests).toEqual([]);
      // A not-found page is itself a 404 (which Chromium logs); nothing it loads is missing.
      expect(failed, path).toEqual(notFound.includes(path) ? [path] : []);
      expect(consoleErrors.filter((e) => !/^Failed to load resource: .* 404 \(Not Found\)$/.test(e)), path).toEqual([]);
      expect(consoleErrors.length, path).toBe(failed.length);
    }
  });
});

/** An authorised user of the first public product's granted GI, as an official would add it. */
async function addVerifiableUser(db: Db): Promise<void> {
  const account = await addAccount(db, 'static-verify', 'admin');
  const granted = db.select({ id: schema.designations.id }).from(schema.designations)
    .innerJoin(schema.products, eq(schema.products.id, schema.designations.productId))
    .where(and(eq(schema.designations.status, 'granted'), eq(schema.products.visibility, 'public'))).get()!;
  addAuthorizedUser(db, { id: account.id, username: account.username, role: 'admin', county: null }, granted.id, {
    name: '晋城静态核验蜂业有限公司', creditCode: null, basis: 'approved_producer', reference: null, from: '2024-03-01', until: null, status: 'active',
    decisionReason: null, decisionNumber: null, decisionOn: null, displayWindow: null, decisionWithdrawnOn: null,
  }, '2026-01-01');
}
