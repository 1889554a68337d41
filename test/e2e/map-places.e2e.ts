/**
 * The public map as places are known (issue 19), measured in Chromium in Chinese and English, on a phone
 * (390×844) and a desktop: the seeded products are all known only by county, so no marker stands for
 * one; the numbers the map shows (cluster bubbles, county badges, the several-counties count) add up to
 * the list; county labels never overlap (their bounding boxes) at the first view and two zoom levels out;
 * the 审图号 and the boundaries' source show without tiles, Leaflet's flag does not; a county filter
 * shows that county alone; the product page maps a product's county; axe finds nothing serious.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../server/domain/accounts/accounts';
import { startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';
import { labelBoxes, mapNumbers, mapZoom, overlapping } from './support/map-measure';

const APPROVAL = 'GS(2024)0001号';
const OFFICIAL_PASSWORD = 'terraced-tea-garden-1';
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const WORDS = {
  zh: { results: '筛选结果', count: (n: number) => `共 ${n} 个产品`, zoomOut: '缩小', approval: `审图号：${APPROVAL}`, boundaries: '县界：' },
  en: { results: 'Results', count: (n: number) => `${n} products`, zoomOut: 'Zoom out', approval: `Map approval no. ${APPROVAL}`, boundaries: 'Boundaries: ' },
} as const;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // No tiles configured, an approval number set: it must show over the bare counties.
  [server, browser] = await Promise.all([startServer({ env: { MAP_APPROVAL_NO: APPROVAL } }), launchBrowser()]);
  await createUser(server.db, null, { username: 'gaoping', password: OFFICIAL_PASSWORD, role: 'official', county: '140581' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Listed products in the results region (the list shows up to 100, more than the seeds). */
const listed = (page: Page, lang: 'zh' | 'en') =>
  page.getByRole('region', { name: WORDS[lang].results }).locator('gi-product-list li').count();

describe.each(['zh', 'en'] as const)('the map of places (%s)', (lang) => {
  describe.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])('on a %s', (device) => {
    it('counts every seeded product once, draws none known only by county as a marker, and keeps its labels apart', async () => {
      const { page, context, foreignRequests, consoleErrors } = await openPage(browser, server.url, { viewport: VIEWPORTS[device] });
      const w = WORDS[lang];
      await page.goto(`/?lang=${lang}`);
      await page.getByRole('status').filter({ hasText: w.count(16) }).waitFor();
      await expect.poll(() => listed(page, lang)).toBe(16);

      // Bubbles + markers + badges + the several-counties count = the list; no marker at all (every place is a county).
      await expect.poll(() => mapNumbers(page).then((n) => n.total)).toBe(16);
      const numbers = await mapNumbers(page);
      expect(numbers.markers).toBe(0);
      expect(numbers.clusters).toEqual([]);
      // 晋城药茶 is in all six counties: counted once, apart from any county.
      expect(numbers.multi).toBe(1);
      expect(numbers.badges.reduce((a, b) => a + b, 0)).toBe(15);
      expect(await page.locator('gi-map-legend p.summary').getAttribute('data-products')).toBe('16');

      // Labels: all six counties named at the first view, no two boxes overlapping; then two zoom levels out.
      const first = await labelBoxes(page);
      expect(first.map((b) => b.code).sort()).toEqual(['140502', '140521', '140522', '140524', '140525', '140581']);
      expect(overlapping(first)).toEqual([]);
      await saveShot(page, `map-places-${lang}-${device}-0`);
      await expect.poll(() => mapZoom(page)).not.toBeNull();
      const zoom = (await mapZoom(page))!;
      for (const out of [1, 2]) {
        await page.getByRole('button', { name: w.zoomOut, exact: true }).click();
        await expect.poll(() => mapZoom(page)).toBe(zoom - out);
        // Laid out again at zoomend: still apart, and at least one label still names its county.
        await expect.poll(async () => overlapping(await labelBoxes(page))).toEqual([]);
        expect((await labelBoxes(page)).length).toBeGreaterThan(0);
        await saveShot(page, `map-places-${lang}-${device}-out${out}`);
      }

      // The approval number without tiles, the boundaries credited, no flag before "Leaflet".
      await page.getByText(w.approval).waitFor();
      const attribution = page.locator('gi-map .leaflet-control-attribution');
      await expect.poll(() => attribution.textContent()).toContain(w.boundaries);
      expect(await attribution.locator('svg, img').count()).toBe(0);
      expect(await attribution.getByRole('link', { name: 'Leaflet' }).count()).toBe(1);

      expect(await seriousViolations(page)).toEqual([]);
      expect(foreignRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });

    it('shows a chosen county alone, its number the list’s', async () => {
      const { page, context, consoleErrors } = await openPage(browser, server.url, { viewport: VIEWPORTS[device] });
      await page.goto(`/?county=140521&lang=${lang}`);
      await page.getByRole('status').filter({ hasText: WORDS[lang].count(4) }).waitFor();
      // 沁水县's three products and 晋城药茶 (of all six): in this county, all four known only by it.
      await expect.poll(() => mapNumbers(page).then((n) => n.total)).toBe(4);
      expect((await mapNumbers(page)).badges).toEqual([4]);
      expect((await labelBoxes(page)).map((b) => b.code)).toEqual(['140521']);
      // The other five counties step back (dashed, unshaded), one county seat stays.
      const dashed = await page.locator('gi-map .leaflet-counties-pane path').evaluateAll((els) => els.map((e) => e.getAttribute('stroke-dasharray')));
      expect(dashed.filter((d) => d).length).toBe(5);
      expect(await page.locator('gi-map .gi-seat').count()).toBe(1);
      await saveShot(page, `map-places-${lang}-${device}-county`);
      expect(await seriousViolations(page)).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  });
});

describe('the shading and counts follow the filters', () => {
  it('counts the designations of the filtered status under each name, and shades by them', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url);
    await page.goto('/?status=in_progress');
    await page.getByRole('status').filter({ hasText: WORDS.zh.count(1) }).waitFor();
    // 陵川潞党参's protected-product filing is the one GI in progress.
    await expect.poll(() => page.locator('gi-map .county-label[data-code="140524"] .measure').textContent()).toBe('申报中 1 项');
    expect(await page.locator('gi-map .county-label[data-code="140521"] .measure').textContent()).toBe('申报中 0 项');
    await page.getByRole('heading', { name: '县域颜色：申报中的地理标志数' }).waitFor();
    expect((await mapNumbers(page)).total).toBe(1);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('a product’s own map', () => {
  it('fills the county a product is known in, with no pin, and shows the approval number and the credit', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url, { viewport: VIEWPORTS.phone });
    await page.goto('/products/1');
    await page.getByRole('heading', { level: 1, name: '沁水蜂蜜' }).waitFor();
    const map = page.locator('gi-place-map');
    await map.getByRole('region', { name: '沁水蜂蜜的地点地图' }).waitFor();
    await expect.poll(() => map.locator('.leaflet-counties-pane path').count()).toBe(6);
    const fills = await map.locator('.leaflet-counties-pane path').evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
    expect(fills.filter((f) => f === fills[1])).toHaveLength(1); // 沁水县, second in code order, alone in its colour
    expect(await map.locator('.gi-marker, .gi-pin, .gi-cluster').count()).toBe(0);
    await map.getByText(WORDS.zh.approval).waitFor();
    await expect.poll(() => map.locator('.leaflet-control-attribution').textContent()).toContain(WORDS.zh.boundaries);
    await saveShot(map, 'map-places-zh-product-map');
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('the workspace maps', () => {
  it('credit the boundaries and show the 审图号 in the location picker too, without tiles', async () => {
    const { page, context } = await openPage(browser, server.url, { viewport: VIEWPORTS.desktop });
    await page.goto('/admin/products/4');
    await page.getByLabel('用户名').fill('gaoping');
    await page.getByLabel('密码').fill(OFFICIAL_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '产品信息', exact: true }).click(); // the details' section, closed on load
    const picker = page.locator('gi-location-picker');
    await picker.locator('.leaflet-container').waitFor();
    await picker.getByText(WORDS.zh.approval).waitFor();
    await expect.poll(() => picker.locator('.leaflet-control-attribution').textContent()).toContain(WORDS.zh.boundaries);
    await context.close();
  });
});
