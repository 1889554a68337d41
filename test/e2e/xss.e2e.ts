/**
 * Stored XSS: markup typed into every text field of a product (names, texts, labels, sources,
 * designation fields, move notes, participant names) shows as text and never runs, on the public
 * pages and in the workspace. The CSP would block inline handlers anyway, so the test also checks
 * that no element was created from the payload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../server/domain/accounts/accounts';
import { startServer, type TestServer } from '../support/server';
import { launchBrowser, openPage, saveShot } from './support/browser';

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=1</script>';
const PASSWORD = 'honey-from-the-hills-2026';
let server: TestServer;
let browser: Browser;
let productId: number;

/** Every element and text under the document, shadow roots included. */
async function inspect(page: Page) {
  return page.evaluate(() => {
    const texts: string[] = [];
    let injected = 0;
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.matches('img[src="x"], [onerror]') || (el.tagName === 'SCRIPT' && el.textContent?.includes('__xss'))) injected++;
        if (el.shadowRoot) walk(el.shadowRoot);
      }
      const collect = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent ?? '');
        for (const child of node.childNodes) collect(child);
        if (node instanceof Element && node.shadowRoot) collect(node.shadowRoot);
        if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) texts.push(node.value);
      };
      if (root instanceof Document) collect(root.body);
    };
    walk(document);
    return { injected, text: texts.join('\n'), xss: (window as unknown as { __xss?: number }).__xss };
  });
}

beforeAll(async () => {
  server = await startServer();
  await createUser(server.db, null, { username: 'qinshui', password: PASSWORD, role: 'official', county: '140521' });
  browser = await launchBrowser();

  // Store the payloads through the API, as a signed-in official (writes over whatever is there: `If-Match: *`).
  const context = await browser.newContext({ baseURL: server.url, extraHTTPHeaders: { 'if-match': '*' } });
  const api = context.request;
  const ok = async (res: Awaited<ReturnType<typeof api.post>>): Promise<{ id: number }> => {
    if (!res.ok()) throw new Error(`${res.status()} ${await res.text()}`);
    return (await res.json()) as { id: number };
  };
  await ok(await api.post('/api/session', { data: { username: 'qinshui', password: PASSWORD } }));
  const product = await ok(await api.post('/api/products', { data: {
    nameZh: `蜂蜜${IMG}`, nameEn: `Honey ${SCRIPT}`, category: 'food', counties: ['140521'], visibility: 'public',
    description: `${IMG}${SCRIPT}`, quality: SCRIPT, sources: [IMG, SCRIPT],
    locations: [{ lat: 35.69, lng: 112.19, label: IMG, precision: 'township', divisionCode: '140521100000' }],
    protectedArea: { text: SCRIPT, geometry: null },
  } }));
  productId = product.id;
  const designation = await ok(await api.post(`/api/products/${productId}/designations`, { data: {
    giType: 'trademark', markKind: 'collective', holder: IMG, number: SCRIPT, announcement: IMG, notes: SCRIPT, startedOn: '2025-01-01',
  } }));
  await ok(await api.post(`/api/designations/${designation.id}/transitions`, { data: { to: 'filed', on: '2025-02-01', note: IMG, confirmIncomplete: true } }));
  await ok(await api.put(`/api/products/${productId}/participants`, { data: [
    { role: 'enterprise', name: IMG }, { role: 'cooperative', name: SCRIPT, households: 5 }, { role: 'farmers', households: 50 },
  ] }));
  await context.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('stored markup is inert', () => {
  it.each([
    ['the public product page', () => `/products/${productId}`, false],
    ['the public map page', () => '/?q=%E8%9C%82%E8%9C%9C', false],
    ['the workspace list', () => '/admin', true],
    ['the workspace product page', () => `/admin/products/${productId}`, true],
    ['the workspace product page in English', () => `/admin/products/${productId}?lang=en`, true],
  ])('%s', async (_, path, signIn) => {
    const { page, context } = await openPage(browser, server.url);
    page.setDefaultTimeout(10_000);
    if (signIn) {
      await page.goto('/admin');
      await page.getByLabel('用户名').fill('qinshui');
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('button', { name: '退出登录' }).waitFor();
    }
    await page.goto(path());
    await expect.poll(async () => (await inspect(page)).text.includes(IMG)).toBe(true);
    await page.waitForTimeout(500);
    const { injected, text, xss } = await inspect(page);
    await saveShot(page, `xss-${path().replace(/\W+/g, '_')}`, true);
    expect(xss).toBeUndefined();
    expect(injected).toBe(0);
    expect(text).toContain(IMG);
    if (path().startsWith('/admin/products')) expect(text).toContain(SCRIPT);
    await context.close();
  });
});
