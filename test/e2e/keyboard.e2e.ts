/**
 * The public pages with a keyboard alone (issue 22): a skip link first on every page, a map popup that
 * takes focus when opened from the keyboard, keeps Tab inside and closes with Escape back to its marker,
 * and focus on the workspace's heading after signing in (not fallen to `<body>`). Chinese and English,
 * phone and desktop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import * as schema from '../../db/schema';
import { createUser } from '../../server/domain/accounts/accounts';
import { startServer, type TestServer } from '../support/server';
import { launchBrowser, openPage } from './support/browser';

const PHONE = { width: 390, height: 844 };
const PASSWORD = 'keyboard-official-1';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await createUser(server.db, null, { username: 'keys', password: PASSWORD, role: 'official', county: '140521' });
  // A product alone at an exact spot in the far west of 沁水县, so its marker is no cluster at any zoom.
  const id = server.db.insert(schema.products).values({ nameZh: '键盘测试蜂蜜', nameEn: 'Keyboard test honey', category: 'food', visibility: 'public', sources: [] })
    .returning({ id: schema.products.id }).get().id;
  server.db.insert(schema.productCounties).values({ productId: id, countyCode: '140521' }).run();
  server.db.insert(schema.locations).values({ productId: id, position: 0, lat: 35.72, lng: 111.98, label: '西山蜂场', precision: 'exact' }).run();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What has focus, looking through shadow roots: its tag, accessible name or text. */
function focused(page: Page) {
  return page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a ? { tag: a.tagName.toLowerCase(), name: (a.getAttribute('aria-label') ?? a.textContent ?? '').trim() } : null;
  });
}

describe('the skip link', () => {
  it.each([
    { lang: 'zh', path: '/', text: '跳到主要内容', viewport: PHONE },
    { lang: 'en', path: '/tally?lang=en', text: 'Skip to main content', viewport: undefined },
    { lang: 'zh', path: '/verify', text: '跳到主要内容', viewport: undefined },
    { lang: 'en', path: '/admin?lang=en', text: 'Skip to main content', viewport: PHONE },
  ])('is the first thing Tab reaches and takes focus to the main content ($path)', async ({ path, text, viewport }) => {
    const { page, context } = await openPage(browser, server.url, viewport ? { viewport } : {});
    await page.goto(path);
    await page.locator('main h1, main gi-map').first().waitFor({ state: 'attached' }).catch(() => undefined);
    await page.getByRole('link', { name: text }).waitFor({ state: 'attached' });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ tag: 'a', name: text });
    // Shown while focused (off screen otherwise), and inside the page's width.
    const box = (await page.getByRole('link', { name: text }).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'main' });
    // The next Tab is inside the main content, not the header's navigation.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => {
      let a: Element | null = document.activeElement;
      const path: Element[] = [];
      while (a) { path.push(a); a = a.shadowRoot?.activeElement ?? null; }
      const app = document.querySelector('gi-app')!.shadowRoot!;
      const main = app.querySelector('main')!;
      return path.some((el) => main.contains(el) && el !== main);
    });
    expect(inMain).toBe(true);
    await context.close();
  });
});

describe('a map popup by keyboard', () => {
  it.each([
    { lang: 'zh', query: '', link: '查看详情', close: '关闭弹窗', viewport: undefined },
    { lang: 'en', query: '?lang=en', link: 'Open details', close: 'Close popup', viewport: PHONE },
  ])('takes focus, keeps Tab inside, and closes with Escape back to its marker ($lang)', async ({ query, link, close, viewport }) => {
    const { page, context, consoleErrors } = await openPage(browser, server.url, viewport ? { viewport } : {});
    await page.goto(`/${query}`);
    const marker = page.getByRole('button', { name: /^(键盘测试蜂蜜|Keyboard test honey)[：:]/ });
    await marker.focus();
    await page.keyboard.press('Enter');
    await page.locator('.leaflet-popup').getByRole('link', { name: link }).waitFor();
    expect(await focused(page)).toEqual({ tag: 'a', name: link });
    // Tab goes to the popup's close button (named in the page's language), then back to its link.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ tag: 'a', name: close });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ tag: 'a', name: link });
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toEqual({ tag: 'a', name: close });
    // Escape closes it and the marker has focus again.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.leaflet-popup').count()).toBe(0);
    expect((await focused(page))?.name).toMatch(/^(键盘测试蜂蜜|Keyboard test honey)[：:]/);
    // Opened again, Escape from the marker itself closes it too; Enter on the link opens the product.
    await page.keyboard.press('Enter');
    await page.locator('.leaflet-popup').getByRole('link', { name: link }).waitFor();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/products\/\d+/);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('the map drawn again', () => {
  /** The elements drawn for the keyboard test's product (a duplicate would be a second one at the same spot). */
  const drawnMarkers = (page: Page) => page.locator('.leaflet-marker-icon[aria-label^="键盘测试蜂蜜"]').count();
  /** Waits until the map has drawn what this view needs: no cluster tile under way, then two frames. */
  const settled = async (page: Page, pending: Set<string>) => {
    await expect.poll(() => pending.size).toBe(0);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  };

  it('draws a place once after its popup opens, the view moves and comes back, and a zoom in and out', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url);
    const pending = new Set<string>();
    page.on('request', (r) => { if (r.url().includes('/api/clusters.geojson')) pending.add(r.url()); });
    page.on('requestfinished', (r) => pending.delete(r.url()));
    page.on('requestfailed', (r) => pending.delete(r.url()));
    await page.goto('/');
    await expect.poll(() => drawnMarkers(page)).toBe(1);
    // Opening its popup selects the product (the page updates the map) and may pan the map to fit the popup.
    await page.locator('.leaflet-marker-icon[aria-label^="键盘测试蜂蜜"]').click();
    await page.locator('.leaflet-popup').getByRole('link', { name: '查看详情' }).waitFor();
    await settled(page, pending);
    expect(await drawnMarkers(page)).toBe(1);
    // Closed, then the view panned away and back by keyboard, zoomed in and out: still one marker.
    await page.keyboard.press('Escape');
    await page.locator('.leaflet-container').focus();
    for (const key of ['ArrowRight', 'ArrowLeft', 'Equal', 'Minus']) {
      await page.keyboard.press(key);
      await settled(page, pending);
    }
    await expect.poll(() => drawnMarkers(page)).toBe(1);
    expect(await page.getByRole('button', { name: /^键盘测试蜂蜜：/ }).count()).toBe(1);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('signing in', () => {
  it.each([
    { lang: 'zh', query: '', user: '用户名', password: '密码', submit: '登录', heading: /沁水县/, viewport: undefined },
    { lang: 'en', query: '?lang=en', user: 'Username', password: 'Password', submit: 'Sign in', heading: /Qinshui/, viewport: PHONE },
  ])('moves focus to the workspace heading ($lang)', async ({ query, user, password, submit, heading, viewport }) => {
    const { page, context } = await openPage(browser, server.url, viewport ? { viewport } : {});
    await page.goto(`/admin${query}`);
    await page.getByLabel(user).fill('keys');
    await page.getByLabel(password).fill(PASSWORD);
    await page.getByRole('button', { name: submit, exact: true }).press('Enter');
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', name: expect.stringMatching(heading) });
    await context.close();
  });
});
