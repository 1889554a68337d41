/**
 * A product's public page as a visitor reads it: names and facts, each designation with its numbers
 * and timeline, the cooperative-farmer chain with totals, the protected area on a small map, the
 * way back to the map, English, a phone, the error and not-found states, and accessibility.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as schema from '../../db/schema';
import { startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage } from './support/browser';


let server: TestServer;
let browser: Browser;
const PEAR = 4; // 高平大黄梨: a trademark and a protected product, both granted

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // The seeds carry no farmer model or area polygon; give the pear one of each.
  server.db.insert(schema.participants).values([
    { productId: PEAR, position: 0, role: 'association', name: '高平市大黄梨协会', areaMu: 1200 },
    { productId: PEAR, position: 1, role: 'cooperative', name: '寺庄镇大黄梨专业合作社', households: 80, areaMu: 600, outputTonnes: 900, valueWanYuan: 360 },
    { productId: PEAR, position: 2, role: 'cooperative', name: '河西镇果业合作社', households: 45, areaMu: 300.5 },
    { productId: PEAR, position: 3, role: 'farmers', households: 320, areaMu: 1500, outputTonnes: 2000, valueWanYuan: 800 },
  ]).run();
  server.db.insert(schema.protectedAreas).values({
    productId: PEAR, text: '高平市寺庄镇、河西镇现辖行政区域。',
    geometry: { type: 'Polygon', coordinates: [[[112.85, 35.75], [112.98, 35.75], [112.98, 35.85], [112.85, 35.85], [112.85, 35.75]]] },
  }).run();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the product page', () => {
  it('shows facts, both designations with numbers and timelines, the chain with totals, the area, and the way back', async () => {
    const { page, context, foreignRequests, consoleErrors } = await openPage(browser, server.url);
    await page.goto(`/products/${PEAR}?type=trademark&county=140581`);
    await page.getByRole('heading', { level: 1, name: '高平大黄梨' }).waitFor();
    const facts = page.getByRole('region', { name: '基本信息' });
    await facts.getByText('Gaoping big yellow pear').waitFor();
    await facts.getByText('食用农林产品及食品').waitFor();

    const trademark = page.getByRole('article', { name: /地理标志商标（证明商标）/ });
    await trademark.getByText('高平市寺庄镇农村综合便民服务中心').waitFor();
    await trademark.getByText('2030-10-27', { exact: true }).waitFor(); // its notes quote the term too
    expect(await trademark.getByRole('listitem').filter({ has: page.locator('time') }).allTextContents())
      .toEqual([expect.stringContaining('培育中'), expect.stringContaining('已申报'), expect.stringContaining('已获批（当前）')]);
    const protectedProduct = page.getByRole('article', { name: /地理标志保护产品/ });
    await protectedProduct.getByText('质检总局2015年第143号公告').waitFor();

    const chain = page.getByRole('list', { name: '企业/协会 → 地理标志 → 合作社 → 农户' });
    await chain.getByText('高平市大黄梨协会').waitFor();
    await chain.getByText('合计：125 户 · 900.5 亩 · 900 吨 · 360 万元').waitFor();
    await chain.getByText('320 户 · 1,500 亩 · 2,000 吨 · 800 万元').waitFor();

    const area = page.getByRole('region', { name: '地域保护范围', exact: true });
    await area.getByText('寺庄镇、河西镇').waitFor();
    await expect.poll(() => area.locator('.leaflet-area-pane path').count()).toBe(1);

    expect(await seriousViolations(page)).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);

    await page.getByRole('link', { name: /返回地图/ }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('?type=trademark&county=140581');
    await expect.poll(() => page.getByLabel('县（市、区）', { exact: true }).inputValue()).toBe('140581');
    await context.close();
  });

  it('reads in English on a phone, and says when nothing is recorded', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
    await page.goto('/products/1?lang=en');
    await page.getByRole('heading', { level: 1, name: 'Qinshui honey' }).waitFor();
    await page.getByText('沁水蜂蜜').first().waitFor();
    await page.getByRole('article', { name: /GI trademark \(certification mark\)/ }).getByText('Granted (current)').waitFor();
    await page.getByText('No “enterprise (association) + GI + cooperative + farmers” model recorded yet.').waitFor();
    await page.getByText('No protected area recorded yet.').waitFor();
    expect(await page.getByRole('link', { name: /Back to the map/ }).getAttribute('href')).toBe('/?lang=en');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('offers a retry when loading fails, and says so when the product does not exist', async () => {
    const { page, context } = await openPage(browser, server.url);
    let fail = true;
    await page.route(`**/api/products/${PEAR}`, (route) => (fail
      ? route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":{"code":"boom","message":"服务器出错"}}' })
      : route.continue()));
    await page.goto(`/products/${PEAR}`);
    await page.getByRole('alert').getByText('服务器出错').waitFor();
    fail = false;
    await page.getByRole('button', { name: '重试' }).click();
    await page.getByRole('heading', { level: 1, name: '高平大黄梨' }).waitFor();

    // A product that is not there is the not-found page, answered 404 (test/e2e/public-pages.e2e.ts has more).
    expect((await page.goto('/products/99999'))!.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: '找不到该产品' }).waitFor();
    await context.close();
  });
});
