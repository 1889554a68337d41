/**
 * Every public page of the site, as the public-surface table lists them (db/model/public-surface.ts
 * PAGES, so a page added there is checked here too), plus the verification page with a company found and
 * the API page: in Chinese and English, on a phone (390×844) and a desktop, with no axe violation of any
 * impact (the product page with its table of authorised users), the title the server sent, on an English
 * page no Chinese text that is not marked `zh-CN` (an untranslated 十四五, a company's name) and, on the
 * phone, nothing wider than the screen and no chart label under 11px; and no word missing (t() reports a key
 * whose catalog the page did not load: client/i18n/catalog.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { PAGES, SITE_NAME, type SitePage } from '../../db/model';
import * as schema from '../../db/schema';
import { startServer, type TestServer } from '../support/server';
import { launchBrowser, openPage } from './support/browser';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
let server: TestServer;
let browser: Browser;
let productId: number;
/** An authorised user of that product: its table on the product page, and a company the verification page finds. */
const COMPANY = '晋城每页测试蜂业有限公司';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // A public product with GIs, a chain, figures and authorised users: the seeded 高平大黄梨 or the first public one.
  const rows = server.db.select({ id: schema.products.id, nameZh: schema.products.nameZh, visibility: schema.products.visibility }).from(schema.products).all();
  productId = (rows.find((r) => r.nameZh === '高平大黄梨') ?? rows.find((r) => r.visibility === 'public'))!.id;
  const granted = server.db.select({ id: schema.designations.id }).from(schema.designations)
    .where(and(eq(schema.designations.productId, productId), eq(schema.designations.status, 'granted'))).get()!;
  server.db.insert(schema.authorizedUsers).values({ designationId: granted.id, name: COMPANY, nameKey: COMPANY, basis: 'collective_member', from: '2023-03-01', reference: '晋城市市场监督管理局公告第7号' }).run();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page's path to visit: a product's number for `:id`, the workspace's front door for `/*`. */
const visitPath = (path: string) => path.replace(':id', String(productId)).replace(/\/\*$/, '');

/** Text with Chinese in it whose language is not Chinese: the nearest `lang` (through shadow roots) is not zh. */
function unmarkedChinese(page: Page) {
  return page.evaluate(() => {
    const langOf = (node: Node): string => {
      let el: Element | null = node.parentElement;
      while (el) {
        const marked = el.closest('[lang]');
        if (marked) return marked.getAttribute('lang') ?? '';
        const root = el.getRootNode();
        el = root instanceof ShadowRoot ? root.host : null;
      }
      return '';
    };
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = texts.nextNode(); n; n = texts.nextNode()) {
        // A noscript's content is raw text while scripts run (never shown); style and script are not text.
        if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TITLE'].includes(n.parentElement?.tagName ?? '')) continue;
        if (/\p{Script=Han}/u.test(n.textContent ?? '') && !langOf(n).startsWith('zh')) found.push(`${n.parentElement?.tagName.toLowerCase()}: ${n.textContent!.trim()}`);
      }
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
    };
    walk(document);
    return found;
  });
}

/** Every axe violation (any impact), whole document and shadow roots, as `id (impact): targets`. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document): Promise<{ violations: { id: string; impact: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  });
}

/** The document's width beyond the screen, and the widest elements that cause it (for the failure message). */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const wide: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 0.5 && r.width > 0 && getComputedStyle(el).position !== 'fixed') wide.push(`${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.right)}`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: width, wide: wide.slice(0, 8) };
  });
}

/** The smallest text drawn in a scaled SVG chart, in screen pixels, with what it says (null: no such text). */
function smallestChartText(page: Page) {
  return page.evaluate(() => {
    let smallest: { px: number; text: string } | null = null;
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (!(el instanceof SVGTextElement) || !el.textContent?.trim()) continue;
        const svg = el.ownerSVGElement;
        const box = svg?.viewBox.baseVal;
        if (!svg || !box || box.width === 0) continue;
        const px = parseFloat(getComputedStyle(el).fontSize) * svg.getBoundingClientRect().width / box.width;
        if (px > 0 && (!smallest || px < smallest.px)) smallest = { px, text: el.textContent.trim() };
      }
    };
    walk(document);
    return smallest as { px: number; text: string } | null;
  });
}

/** Waits until a page has drawn what it shows: its first-level heading (or the map) and no requests in flight. */
async function settled(page: Page) {
  await page.locator('h1, gi-map .leaflet-container').first().waitFor();
  await page.waitForLoadState('networkidle');
  // Leaflet fades popups and markers in; give the last frame its time.
  await page.waitForTimeout(300);
}

const pages = [
  ...PAGES.map((p) => ({ key: p.key, path: p.path as string, title: (p as SitePage).title })),
  { key: 'verifyFound', path: `/verify?q=${encodeURIComponent('每页测试蜂业')}`, title: null },
  { key: 'apiDocs', path: '/api/docs', title: null },
];
const cases = pages.flatMap((p) => (['zh', 'en'] as const).flatMap((lang) =>
  [{ size: 'phone', viewport: PHONE }, { size: 'desktop', viewport: DESKTOP }].map((s) => ({ ...p, lang, ...s }))));

describe('every public page', () => {
  it.each(cases)('$path ($lang, $size): no axe violation, its own title, Chinese marked as such, nothing wider than the screen, no word missing', async ({ key, path, title, lang, viewport, size }) => {
    const { page, context, consoleErrors } = await openPage(browser, server.url, { viewport, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    const response = await page.goto(`${visitPath(path)}${path.includes('?') ? '&' : '?'}lang=${lang}`);
    expect(response!.status()).toBe(200);
    await settled(page);
    expect(await page.locator('html').getAttribute('lang')).toBe(lang === 'en' ? 'en' : 'zh-CN');
    // The page names itself as the server did (the tab, bookmarks, crawlers), a part of it (a year, a workspace page) maybe added.
    if (title && typeof title === 'object') expect(await page.title()).toContain(title[lang].replace(` · ${SITE_NAME[lang]}`, ''));
    if (key === 'verifyFound') await page.getByRole('heading', { level: 2, name: COMPANY }).waitFor();
    if (key === 'product') {
      // Its tables are there to be checked: the authorised users and the industry figures.
      await page.getByRole('rowheader', { name: COMPANY }).waitFor();
      expect(await page.getByRole('table').count()).toBeGreaterThanOrEqual(2);
    }
    expect(await axeViolations(page)).toEqual([]);
    // The API page is the OpenAPI document's own words, English with Chinese terms: not checked here.
    if (lang === 'en' && key !== 'apiDocs') expect(await unmarkedChinese(page)).toEqual([]);
    if (size === 'phone') {
      const o = await overflow(page);
      expect(o.scrollWidth, o.wide.join('\n')).toBeLessThanOrEqual(o.innerWidth);
      // A chart's labels are at least 11px on the screen, not scaled down with the chart.
      const text = await smallestChartText(page);
      if (key === 'tally') expect(text).not.toBeNull(); // the tally draws its chart
      if (text) expect(text.px, text.text).toBeGreaterThanOrEqual(10.95);
    }
    expect(consoleErrors.filter((e) => e.startsWith('No message for'))).toEqual([]);
    await context.close();
  });
});
