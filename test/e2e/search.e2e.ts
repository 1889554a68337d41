/**
 * Searching the public map's list as a visitor types, in Chinese and English, on a phone and a desktop
 * (issue 22): "沁水 蜂蜜" (two words), "qinshui" (pinyin) and "qsfm" (initials) each find 沁水蜂蜜, and the
 * last leads to its page; the list is by pinyin in Chinese and alphabetical in English, the order computed
 * here from pinyin-pro and the seeded names, not copied from the code under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { pinyin } from 'pinyin-pro';
import { map } from '../../client/i18n/map';
import { call, startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage } from './support/browser';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const spelled = (nameZh: string) => pinyin(nameZh, { toneType: 'none', type: 'array' }).join(' ').toLowerCase();
const byKey = <T>(items: T[], key: (item: T) => string) => [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } };

describe.each(['zh', 'en'] as const)('the public search (%s)', (lang) => {
  const words = map[lang] as Record<string, string>;
  const honey = lang === 'en' ? 'Qinshui honey' : '沁水蜂蜜';

  it.each(Object.entries(VIEWPORTS))('finds 沁水蜂蜜 by words, pinyin and initials, and reaches it (%s)', async (_, viewport) => {
    const { page, context, consoleErrors } = await openPage(browser, server.url, { viewport, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    await page.goto(lang === 'en' ? '/?lang=en' : '/');
    const results = page.getByRole('region', { name: words['list.label'] });
    const links = results.locator('gi-product-list').getByRole('link');
    await links.first().waitFor();

    // The list, before any search, in the language's order.
    const all = (await call(`${server.url}/api/products?limit=1000`)).body.items as { nameZh: string; nameEn: string | null }[];
    const expected = lang === 'en'
      ? byKey(all, (p) => (p.nameEn ?? spelled(p.nameZh)).toLowerCase()).map((p) => p.nameEn ?? p.nameZh)
      : byKey(all, (p) => spelled(p.nameZh)).map((p) => p.nameZh);
    await expect.poll(() => links.allTextContents()).toEqual(expected);
    if (lang === 'zh') {
      const at = (prefix: string) => expected.findIndex((n) => n.startsWith(prefix));
      expect(at('巴公')).toBeLessThan(at('高平'));
      expect(at('高平')).toBeLessThan(at('晋城'));
      expect(at('晋城')).toBeLessThan(at('陵川'));
      expect(at('陵川')).toBeLessThan(at('沁水'));
    }

    const search = page.getByRole('searchbox', { name: words['filters.q'] });
    for (const typed of ['沁水 蜂蜜', 'qinshui', 'qsfm']) {
      const found = (await call(`${server.url}/api/products?q=${encodeURIComponent(typed)}`)).body.total as number;
      expect(found).toBeLessThan(all.length);
      await search.fill(typed);
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(typed);
      await expect.poll(() => links.count()).toBe(found);
      expect(await links.allTextContents()).toContain(honey);
    }
    expect(await seriousViolations(page)).toEqual([]);

    await links.getByText(honey, { exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/products\/\d+$/);
    await page.getByRole('heading', { level: 1, name: honey }).waitFor();
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});
