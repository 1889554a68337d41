/**
 * The public pages finished: the not-found page (a real 404, in Chinese and English, with its title),
 * a title for every page, location labels in the page's language, the workspace's product editor on a
 * phone without sideways scrolling, a tapped map marker that leaves the map in view, and the location
 * picker's error beside the field for a point outside the product's county. Accessibility checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as schema from '../../db/schema';
import { createUser } from '../../server/domain/accounts/accounts';
import { startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';

const PASSWORD = 'terraced-tea-garden-1';
const PHONE = { width: 390, height: 844 };
let server: TestServer;
let browser: Browser;
let deerId: number;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await createUser(server.db, null, { username: 'gaoping', password: PASSWORD, role: 'official', county: '140581' });
  // A public 陵川 product at a point of its own (a township label), 23 km from 陵川连翘's, listed after it.
  deerId = server.db.insert(schema.products).values({ nameZh: '鹿台山连翘', nameEn: 'Lutaishan forsythia', category: 'medicinal', visibility: 'public', sources: [] })
    .returning({ id: schema.products.id }).get().id;
  server.db.insert(schema.productCounties).values({ productId: deerId, countyCode: '140524' }).run();
  server.db.insert(schema.locations).values({ productId: deerId, position: 0, lat: 35.47, lng: 113.25, label: '古郊乡', precision: 'township', divisionCode: '140524207000' }).run();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const title = (page: Page) => page.evaluate(() => document.title);

async function signIn(page: Page) {
  await page.getByLabel('用户名').fill('gaoping');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('the not-found page', () => {
  it('answers an unknown path with 404 and the app\'s own page, titled, with a way home (Chinese)', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url);
    const response = await page.goto('/no/such/page');
    expect(response!.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
    expect(await title(page)).toBe('页面不存在 · 晋城地理标志');
    const home = page.getByRole('link', { name: '返回地图首页' });
    expect(await home.getAttribute('href')).toBe('/');
    expect(await seriousViolations(page)).toEqual([]);
    await home.click();
    await page.locator('gi-map').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => title(page)).toBe('地理标志地图 · 晋城');
    // The page's own 404 is logged by Chromium; nothing else went wrong.
    expect(consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await context.close();
  });

  it('reads in English, and a product nobody may see is a 404 too', async () => {
    const { page, context } = await openPage(browser, server.url);
    expect((await page.goto('/no/such/page?lang=en'))!.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await title(page)).toBe('Page not found · Jincheng GI');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('link', { name: 'Back to the map' }).getAttribute('href')).toBe('/?lang=en');
    expect(await seriousViolations(page)).toEqual([]);

    expect((await page.goto('/products/99999?lang=en'))!.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'No such product' }).waitFor();
    expect(await title(page)).toBe('Page not found · Jincheng GI');
    await page.getByRole('button', { name: /切换语言|switch language/ }).click();
    await page.getByRole('heading', { level: 1, name: '找不到该产品' }).waitFor();
    expect(await title(page)).toBe('页面不存在 · 晋城地理标志');
    await context.close();
  });
});

describe('titles', () => {
  it('names each page in the page\'s language as the visitor moves around', async () => {
    const { page, context } = await openPage(browser, server.url);
    await page.goto('/');
    await expect.poll(() => title(page)).toBe('地理标志地图 · 晋城');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '统计' }).click();
    await expect.poll(() => title(page)).toBe('规划目标统计 · 晋城地理标志');
    await page.goto('/products/4');
    await page.getByRole('heading', { level: 1, name: '高平大黄梨' }).waitFor();
    expect(await title(page)).toBe('高平大黄梨 · 晋城地理标志');
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gaoping big yellow pear' }).waitFor();
    await expect.poll(() => title(page)).toBe('Gaoping big yellow pear · Jincheng GI');
    await page.goto('/admin?lang=en');
    await expect.poll(() => title(page)).toBe('My products · Workspace · Jincheng GI');
    await page.goto('/admin/import?lang=en');
    await expect.poll(() => title(page)).toBe('Import · Workspace · Jincheng GI');
    await page.goto('/api/docs');
    expect(await title(page)).toBe('晋城地理标志 · 接口说明');
    await context.close();
  });
});

describe('location labels in the page\'s language', () => {
  it('shows a county-level point by the county\'s English name, and marks a Chinese label as Chinese', async () => {
    const { page, context } = await openPage(browser, server.url);
    await page.goto('/products/1?lang=en');
    const facts = page.getByRole('region', { name: 'Facts' });
    await facts.getByText('Known only to the county: Qinshui County').waitFor();
    await page.goto(`/products/${deerId}?lang=en`);
    const label = page.getByRole('region', { name: 'Facts' }).locator('span[lang="zh-CN"]', { hasText: '古郊乡' });
    await label.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The map's popup says the same.
    await page.goto('/?county=140524&lang=en');
    const marker = page.getByRole('button', { name: /^Lutaishan forsythia:/ });
    await marker.waitFor();
    await marker.press('Enter');
    const popup = page.locator('.leaflet-popup-content');
    await popup.locator('span[lang="zh-CN"]', { hasText: '古郊乡' }).waitFor();
    await context.close();
  });
});

describe('on a phone (390 × 844)', () => {
  it('the product editor never scrolls sideways', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url, { viewport: PHONE });
    await page.goto('/admin/products/4');
    await signIn(page);
    await page.getByRole('heading', { level: 1, name: '高平大黄梨' }).waitFor();
    await page.getByRole('heading', { level: 2, name: '修改记录' }).waitFor();
    await page.getByRole('button', { name: '产品信息', exact: true }).click(); // the details' section, closed on load
    await page.locator('gi-location-picker .leaflet-container').waitFor();
    await saveShot(page, 'phone-editor', true);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await page.goto('/admin/products/new');
    await page.getByRole('button', { name: '创建产品' }).waitFor();
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors.filter((e) => !/status of 401/.test(e))).toEqual([]);
    await context.close();
  });

  it('a tapped marker opens its popup and selects the product, and the map stays where it was', async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: PHONE, hasTouch: true, isMobile: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    // The two forsythias: the list runs below the map, the second item below the fold. 陵川连翘 is known only
    // by its county (a number on 陵川县, no marker); 鹿台山连翘 has a township point, its own marker.
    await page.goto('/?q=连翘');
    const marker = page.getByRole('button', { name: /^鹿台山连翘：/ });
    await marker.waitFor();
    await page.waitForTimeout(500); // the zoom animation
    const map = page.locator('gi-map');
    const before = (await map.boundingBox())!;
    expect(before.y).toBeGreaterThanOrEqual(0);
    await marker.tap();
    await page.locator('.leaflet-popup-content').getByRole('link', { name: '查看详情' }).waitFor();
    await expect.poll(() => page.locator('gi-product-list li[aria-current="true"]').textContent()).toContain('鹿台山连翘');
    await page.waitForTimeout(500); // any scrolling the selection would cause has happened by now
    const after = (await map.boundingBox())!;
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(Math.abs(after.y - before.y)).toBeLessThan(1);
    expect(after.y).toBeGreaterThanOrEqual(0);
    await context.close();
  });
});

describe('the location picker', () => {
  it('shows the server\'s refusal of a point outside the product\'s county beside the field', async () => {
    const { page, context } = await openPage(browser, server.url);
    await page.goto('/admin/products/new');
    await signIn(page);
    await page.getByRole('checkbox', { name: '高平市' }).waitFor();
    await page.getByLabel('中文名称').fill('高平位置测试');
    await page.getByLabel('产品类别').selectOption({ label: '中药材' });
    await page.getByRole('button', { name: '添加位置' }).click();
    await page.getByRole('group', { name: '位置 1 的精确程度' }).getByLabel('精确位置').check();
    await page.getByLabel('位置 1 纬度').fill('35.69');
    await page.getByLabel('位置 1 经度').fill('112.19');
    await page.getByRole('button', { name: '创建产品' }).click();
    const lat = page.getByLabel('位置 1 纬度');
    await expect.poll(() => lat.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await lat.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
    expect(await page.locator(`gi-location-picker #${describedBy}`).textContent())
      .toContain('位置 1（35.69, 112.19）在沁水县，不在本产品所属的高平市');
    expect(await seriousViolations(page)).toEqual([]);
    // In English, the English half.
    await page.getByRole('button', { name: '切换语言' }).click();
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.locator('gi-location-picker').getByText('Location 1 (35.69, 112.19) is in Qinshui County, not in Gaoping City').waitFor();
    await context.close();
  });
});
