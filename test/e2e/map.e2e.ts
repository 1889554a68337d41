/**
 * The public map as a visitor uses it: counties with their reference marks, markers of the places known
 * as points, filters by control and by clicking a county, the list, a product and back, English, deep
 * links, a phone, a basemap, many products, and accessibility. (map-places.e2e.ts measures the numbers,
 * the labels and the credits in both languages on a phone and a desktop.)
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { call, startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';
import { mapNumbers } from './support/map-measure';

/** Places drawn as points: single markers plus the counts inside clusters. */
async function markedPlaces(page: Page): Promise<number> {
  const { clusters, markers } = await mapNumbers(page);
  return clusters.reduce((a, b) => a + b, 0) + markers;
}

/** Every product the map shows, each once: points' products (one point each here), county badges, the several-counties count. */
const shownProducts = async (page: Page) => (await mapNumbers(page)).total;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the public map', () => {
  it('draws six counties with labels, the city outline and the county seats, and every seeded product, from this origin only', async () => {
    const { page, context, foreignRequests, consoleErrors } = await openPage(browser, server.url);
    // The cluster tiles asked for (z/x/y): the world's tile says there is no point, so no other is asked.
    const tiles: string[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/clusters.geojson') tiles.push(['z', 'x', 'y'].map((k) => url.searchParams.get(k)).join('/'));
    });
    const world = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/clusters.geojson');
    await page.goto('/');
    await expect.poll(() => page.locator('.leaflet-counties-pane path').count()).toBe(6);
    for (const name of ['城区', '沁水县', '阳城县', '陵川县', '泽州县', '高平市']) {
      await page.locator('.county-label b', { hasText: name }).first().waitFor();
      // Each seat is a reference point named for screen readers, not a product and not focusable.
      await page.getByRole('img', { name: `${name}政府驻地` }).waitFor({ state: 'attached' });
    }
    expect(await page.locator('.gi-seat[tabindex]').count()).toBe(0);
    expect(await page.locator('.leaflet-outline-pane path').count()).toBe(1);
    // Every seeded place is a county: no point in the GeoJSON, no marker on the map, every product counted once.
    const features = (await call(`${server.url}/api/products.geojson`)).body.features as { geometry: unknown }[];
    expect(features.filter((f) => f.geometry !== null)).toEqual([]);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '共 16 个产品' }).count()).toBe(1);
    await expect.poll(() => shownProducts(page)).toBe(16);
    expect(await markedPlaces(page)).toBe(0);
    await (await world).finished();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(tiles).toEqual(['0/0/0']);

    expect(await seriousViolations(page)).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('filters by type and county through the controls and the map; the URL and back button follow', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url);
    await page.goto('/');
    const list = page.getByRole('region', { name: '筛选结果' });
    await list.getByRole('link', { name: '阳城桑椹' }).waitFor();

    await page.getByLabel('地理标志类型', { exact: true }).selectOption('trademark');
    await expect.poll(() => new URL(page.url()).search).toBe('?type=trademark');
    const trademarks = (await call(`${server.url}/api/products?type=trademark`)).body.total;
    await list.getByRole('status').filter({ hasText: `共 ${trademarks} 个产品` }).waitFor();
    await expect.poll(() => list.getByRole('link', { name: '阳城桑椹' }).count()).toBe(0);
    await expect.poll(() => shownProducts(page)).toBe(trademarks);

    await page.getByLabel('县（市、区）', { exact: true }).selectOption('140581');
    await expect.poll(() => new URL(page.url()).search).toBe('?type=trademark&county=140581');
    await expect.poll(() => list.locator('gi-product-list').getByRole('link').allTextContents()).toEqual(['高平大黄梨', '高平生猪', '晋城药茶']); // by pinyin

    // A click on 陵川县's polygon (the fourth in code order) filters by it.
    await page.locator('.leaflet-counties-pane path').nth(3).dispatchEvent('click');
    await expect.poll(() => new URL(page.url()).search).toBe('?type=trademark&county=140524');
    await expect.poll(() => page.getByLabel('县（市、区）', { exact: true }).inputValue()).toBe('140524');

    await page.getByLabel('名称搜索', { exact: true }).fill('连翘');
    await expect.poll(() => new URL(page.url()).search).toBe('?type=trademark&county=140524&q=%E8%BF%9E%E7%BF%98');
    await expect.poll(() => list.locator('gi-product-list').getByRole('link').allTextContents()).toEqual(['陵川连翘']);

    await page.getByLabel('名称搜索', { exact: true }).fill('没有这个产品');
    await list.getByText('没有符合条件的产品').waitFor();
    await list.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');

    await page.goBack();
    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('?type=trademark&county=140581');
    await expect.poll(() => page.getByLabel('县（市、区）', { exact: true }).inputValue()).toBe('140581');
    await expect.poll(() => list.locator('gi-product-list').getByRole('link').allTextContents()).toEqual(['高平大黄梨', '高平生猪', '晋城药茶']); // by pinyin
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('opens a product from the list and comes back to the same filtered view', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url);
    await page.goto('/?status=in_force&county=140581');
    await page.getByRole('link', { name: '高平大黄梨' }).click();
    await page.getByRole('heading', { level: 1, name: '高平大黄梨' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/products/4');
    expect(await page.getByRole('link', { name: /返回地图/ }).getAttribute('href')).toBe('/?status=in_force&county=140581');

    await page.goBack();
    await expect.poll(() => page.getByLabel('状态', { exact: true }).inputValue()).toBe('in_force');
    await expect.poll(() => page.getByRole('region', { name: '筛选结果' }).locator('gi-product-list').getByRole('link').allTextContents()).toEqual(['高平大黄梨']);
    await page.getByRole('link', { name: '高平大黄梨' }).click();
    await page.getByRole('link', { name: /返回地图/ }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?status=in_force&county=140581');
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('switches to English, and a deep link in English reproduces its view', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url);
    await page.goto('/?county=140524');
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByLabel('GI type', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.getByRole('link', { name: 'Lingchuan forsythia' }).waitFor();
    await page.locator('.county-label b', { hasText: 'Lingchuan County' }).waitFor();

    await page.goto('/?type=trademark&county=140581&lang=en');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByLabel('GI type', { exact: true }).inputValue()).toBe('trademark');
    await expect.poll(() => page.getByLabel('County', { exact: true }).inputValue()).toBe('140581');
    await expect.poll(() => page.getByRole('region', { name: 'Results' }).locator('gi-product-list').getByRole('link').allTextContents())
      .toEqual(['Gaoping big yellow pear', 'Gaoping pigs', 'Jincheng medicinal tea']); // alphabetical in English
    // 高平市 alone: its two products and 晋城药茶, all three known there only by the county.
    await page.locator('.county-label b', { hasText: 'Gaoping City' }).waitFor();
    await expect.poll(() => mapNumbers(page).then((n) => n.badges)).toEqual([3]);
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('fits a phone: the list sits below the map and the filters still work', async () => {
    const { page, context, foreignRequests, consoleErrors } = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
    await page.goto('/');
    const map = page.locator('gi-map');
    const results = page.getByRole('region', { name: '筛选结果' });
    await results.getByRole('link', { name: '沁水蜂蜜' }).waitFor();
    const [m, r] = [await map.boundingBox(), await results.boundingBox()];
    expect(m!.width).toBeGreaterThan(350);
    expect(r!.y).toBeGreaterThanOrEqual(m!.y + m!.height - 1);
    await page.getByLabel('产品类别', { exact: true }).selectOption('medicinal');
    await expect.poll(() => results.locator('gi-product-list').getByRole('link').allTextContents()).toEqual(['晋城药茶', '陵川连翘', '陵川潞党参', '陵川中药材', '阳城山茱萸']); // by pinyin
    expect(await seriousViolations(page)).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('lets a keyboard user pick a county on the map, and pick it again to clear it', async () => {
    const { page, context } = await openPage(browser, server.url);
    await page.goto('/');
    const lingchuan = page.getByRole('button', { name: /^陵川县 · / });
    await lingchuan.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('county')).toBe('140524');
    await expect.poll(() => page.getByRole('button', { name: /^陵川县 · / }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: /^陵川县 · / }).focus();
    await page.keyboard.press(' ');
    await expect.poll(() => new URL(page.url()).searchParams.get('county')).toBeNull();
    await context.close();
  });

  it('offers the filtered registry as open data (CSV with a BOM) and the API description', async () => {
    const { page, context } = await openPage(browser, server.url);
    await page.goto('/?county=140524');
    const openData = page.getByRole('list', { name: '开放数据' });
    const csvLink = openData.getByRole('link', { name: '下载 CSV' });
    expect(await csvLink.getAttribute('href')).toBe('/api/export/products.csv?county=140524');
    expect(await openData.getByRole('link', { name: '下载 Excel' }).getAttribute('href')).toBe('/api/export/products.xlsx?county=140524');
    const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('陵川连翘');
    expect(text).not.toContain('沁水蜂蜜');
    expect(await openData.getByRole('link', { name: /OpenAPI/ }).getAttribute('href')).toBe('/api/openapi.json');
    await context.close();
  });
});

describe('the map with places at every precision', () => {
  let mixed: TestServer;

  beforeAll(async () => {
    // The seeds, plus two products at one exact spot in 沁水县, one known to a township of 陵川县, one with no place.
    mixed = await startServer();
    const sqlite = mixed.db.$client;
    const add = (nameZh: string, nameEn: string, county: string, location?: [number, number, string, string, string | null]) => {
      const id = Number(sqlite.prepare(`INSERT INTO products (name_zh, name_en, category, visibility) VALUES (?, ?, 'food', 'public')`).run(nameZh, nameEn).lastInsertRowid);
      sqlite.prepare('INSERT INTO product_counties (product_id, county_code) VALUES (?, ?)').run(id, county);
      sqlite.prepare(`INSERT INTO designations (product_id, gi_type, status) VALUES (?, 'trademark', 'granted')`).run(id);
      if (location) {
        sqlite.prepare('INSERT INTO locations (product_id, position, lat, lng, label, precision, division_code) VALUES (?, 0, ?, ?, ?, ?, ?)').run(id, ...location);
      }
    };
    add('测试果园甲', 'Test orchard A', '140521', [35.7475, 112.3646, '甲果园', 'exact', null]);
    add('测试果园乙', 'Test orchard B', '140521', [35.7475, 112.3646, '乙果园', 'exact', null]);
    add('测试乡镇品', 'Test township product', '140524', [35.6835, 113.331, '', 'township', '140524100000']);
    add('测试无位置品', 'Test placeless product', '140522');
  });

  afterAll(async () => {
    await mixed?.close();
  });

  it('marks points only, rings a township’s point, says every precision, and still counts each product once', async () => {
    const { page, context, consoleErrors } = await openPage(browser, mixed.url);
    await page.goto('/');
    const list = page.getByRole('region', { name: '筛选结果' });
    await list.getByRole('status').filter({ hasText: '共 20 个产品' }).waitFor();
    await expect.poll(() => shownProducts(page)).toBe(20);
    await expect.poll(() => page.locator('gi-map-legend p.summary').textContent())
      .toBe('20 项产品：2 项精确位置，0 项村级，1 项乡镇级，16 项仅知县，1 项未录位置（标在所属县上）');
    // The list says where each is, at its precision.
    const tags = (name: string) => list.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) }).locator('.tag.place');
    expect(await tags('测试果园甲').textContent()).toBe('精确位置：甲果园');
    expect(await tags('测试乡镇品').textContent()).toBe('仅知乡镇：崇文镇');
    expect(await tags('测试无位置品').textContent()).toBe('未录位置');
    expect(await tags('沁水蜂蜜').textContent()).toBe('仅知县：沁水县');

    // The township's point carries a dashed ring and says it is no spot; its popup names the township and county.
    const township = page.getByRole('button', { name: '测试乡镇品：地理标志商标 有效 · 仅知乡镇：崇文镇' });
    expect(await township.getAttribute('class')).toContain('approximate');
    await township.press('Enter');
    await expect.poll(() => page.locator('.leaflet-popup .muted').textContent()).toBe('仅知乡镇：崇文镇 · 陵川县');

    // The two orchards share a spot: Enter on their cluster spreads them out; Enter on one selects it in the list.
    await page.getByRole('button', { name: /^此处 2 个产品位置/ }).press('Enter');
    const orchard = page.getByRole('button', { name: '测试果园甲：地理标志商标 有效 · 精确位置：甲果园' });
    await orchard.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => list.getByRole('listitem').filter({ has: page.getByRole('link', { name: '测试果园甲', exact: true }) })
      .getAttribute('aria-current')).toBe('true');
    // The township's popup fades out as the orchard's fades in: axe measures contrast, so wait for one, fully shown.
    const popup = page.locator('.leaflet-popup', { hasText: '测试果园甲' });
    await popup.getByRole('link', { name: '查看详情' }).waitFor();
    await expect.poll(() => page.locator('.leaflet-popup').count()).toBe(1);
    await expect.poll(() => popup.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await saveShot(page, 'map-every-precision');
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('hides the points outside a chosen county', async () => {
    const { page, context } = await openPage(browser, mixed.url);
    await page.goto('/?county=140524');
    await page.getByRole('status').filter({ hasText: '共 5 个产品' }).waitFor();
    // 陵川县's three, 晋城药茶 and the township product: one marker, four on the county.
    await expect.poll(() => mapNumbers(page).then((n) => [n.markers, n.badges])).toEqual([1, [4]]);
    await context.close();
  });
});

describe('the map with a basemap configured', () => {
  let tileHost: Server;
  let tiled: TestServer;

  beforeAll(async () => {
    // A 1×1 PNG served from another origin stands in for a tile server.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    tileHost = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(png)).listen(0, '127.0.0.1');
    await new Promise((resolve) => tileHost.once('listening', resolve));
    const { port } = tileHost.address() as AddressInfo;
    tiled = await startServer({ env: {
      MAP_TILE_URL: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`, MAP_TILE_ATTRIBUTION: '测试底图', MAP_APPROVAL_NO: 'GS(2024)0001号',
    } });
  });

  afterAll(async () => {
    await tiled?.close();
    await new Promise((resolve) => tileHost?.close(resolve));
  });

  it('draws tiles from the configured host only (the CSP lets them in) and shows the approval number', async () => {
    const { page, context, foreignRequests, consoleErrors } = await openPage(browser, tiled.url);
    await page.goto('/');
    await page.getByText('审图号：GS(2024)0001号').waitFor();
    await page.getByText('测试底图').waitFor();
    await expect.poll(() => page.locator('.leaflet-tile-loaded').count()).toBeGreaterThan(0);
    const tileOrigin = `http://127.0.0.1:${(tileHost.address() as AddressInfo).port}`;
    expect(foreignRequests.length).toBeGreaterThan(0);
    expect(foreignRequests.filter((u) => !u.startsWith(`${tileOrigin}/`))).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('the map with 10,000 products', () => {
  let big: TestServer;
  const EXTRA = 10_000;

  beforeAll(async () => {
    big = await startServer();
    // Deterministic pseudo-random spread over Jincheng, every type and status represented.
    const sqlite = big.db.$client;
    const product = sqlite.prepare(`INSERT INTO products (name_zh, name_en, category, visibility) VALUES (?, ?, 'food', 'public')`);
    const county = sqlite.prepare('INSERT INTO product_counties (product_id, county_code) VALUES (?, ?)');
    const location = sqlite.prepare(`INSERT INTO locations (product_id, position, lat, lng, label, precision) VALUES (?, 0, ?, ?, '', 'exact')`);
    const designation = sqlite.prepare('INSERT INTO designations (product_id, gi_type, status) VALUES (?, ?, ?)');
    const codes = ['140502', '140521', '140522', '140524', '140525', '140581'];
    const types = ['trademark', 'protected_product', 'agricultural_product'];
    const statuses = ['cultivating', 'filed', 'published', 'granted'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    sqlite.transaction(() => {
      for (let i = 0; i < EXTRA; i++) {
        const id = Number(product.run(`测试产品${i}`, `Test product ${i}`).lastInsertRowid);
        county.run(id, codes[i % 6]);
        location.run(id, 35.3 + random() * 0.7, 112.1 + random() * 1.3);
        designation.run(id, types[i % 3], statuses[i % 4]);
      }
    })();
  });

  afterAll(async () => {
    await big?.close();
  });

  it('stays readable: clusters account for every place and zooming in still works', async () => {
    const { page, context, consoleErrors } = await openPage(browser, big.url);
    // The list, its counts and the county numbers come from the map's summary a page at a time: never every
    // product (the list API or every point) for a first view.
    const listRequests: string[] = [];
    page.on('request', (req) => { if (['/api/products', '/api/products.geojson'].includes(new URL(req.url()).pathname)) listRequests.push(req.url()); });
    // Every point, read by the test (the page never reads them all), before the page's time starts.
    const points = (await call(`${big.url}/api/products.geojson`)).body.features.filter((f: { geometry: unknown }) => f.geometry).length;
    expect(points).toBe(EXTRA);
    const started = Date.now();
    await page.goto('/');
    await expect.poll(() => markedPlaces(page), { timeout: 15_000 }).toBe(points);
    // With the seeded 16 on their counties, the map's numbers are the list's.
    await expect.poll(() => shownProducts(page)).toBe(EXTRA + 16);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(await page.locator('.gi-cluster').count()).toBeLessThan(200);
    const results = page.getByRole('region', { name: '筛选结果' });
    await results.getByText(`共 ${EXTRA + 16} 个产品 · 列出前 100 个`).waitFor();
    await results.getByRole('button', { name: '再列出 100 个' }).click();
    await results.getByText(`共 ${EXTRA + 16} 个产品 · 列出前 200 个`).waitFor();
    expect(await results.locator('gi-product-list').getByRole('listitem').count()).toBe(200);
    expect(listRequests).toEqual([]);
    await page.getByRole('button', { name: '放大', exact: true }).click();
    await page.getByRole('button', { name: '放大', exact: true }).click();
    await expect.poll(() => page.locator('.gi-marker, .gi-cluster').count()).toBeGreaterThan(0);
    // A product chosen on the map that the list does not show yet is shown above it, with its place in the list.
    const listed = new Set(await results.locator('.list gi-product-list a.name').allTextContents());
    const names = await page.locator('gi-map .gi-marker').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    const name = names.map((n) => n.split('：')[0]).find((n) => n && !listed.has(n));
    expect(name).toBeDefined();
    await page.locator('gi-map .gi-marker').nth(names.findIndex((n) => n.startsWith(`${name}：`))).press('Enter');
    const chosen = results.getByRole('region', { name: /^地图上选中的产品（列表第 \d+ 个）$/ });
    await expect.poll(() => chosen.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) })
      .getAttribute('aria-current')).toBe('true');
    const position = Number((await chosen.getByRole('heading').textContent())!.match(/第 (\d+) 个/)![1]);
    expect(position).toBeGreaterThan(200);
    expect(listRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
