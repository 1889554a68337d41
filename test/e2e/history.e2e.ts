/**
 * The history people can read, in Chinese and in English: an official of 沁水县 changes a product's
 * category and counties and moves its designation to granted, then opens the history page, filters
 * it, reads the changes as sentences (never JSON), and the page fits a 390 px phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { cultivation } from '../../client/i18n/cultivation';
import { history } from '../../client/i18n/history';
import { createUser } from '../../server/domain/accounts/accounts';
import { createProduct } from '../../server/domain/products/products-write';
import { startServer, type TestServer } from '../support/server';
import { countyStrings } from '../support/seeded-counties';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';

const PASSWORD = 'honey-from-the-hills-2026';
let server: TestServer;
let browser: Browser;
const products: Record<'zh' | 'en', number> = { zh: 0, en: 0 };

beforeAll(async () => {
  server = await startServer();
  const official = await createUser(server.db, null, { username: 'qinshui', password: PASSWORD, role: 'official', county: '140521' });
  const viewer = { id: official.id, username: official.username, role: 'official' as const, county: official.county };
  products.zh = createProduct(server.db, viewer, { nameZh: '沁水端氏小米', category: 'other', counties: ['140521'] }).id;
  products.en = createProduct(server.db, viewer, { nameZh: '端氏小米', nameEn: 'Duanshi millet', category: 'other', counties: ['140521'] }).id;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fail = (key: string): never => { throw new Error(`no string ${key}`); };

/** The page's strings in one language, filled like t() does. */
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = { ...common[lang], ...admin[lang], ...history[lang], ...cultivation[lang], ...countyStrings(lang) };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

/** The text of every event block on the page (shadow roots included). */
const eventTexts = (page: Page) => page.locator('gi-history-page gi-audit-event p, gi-history-page gi-audit-event li').allTextContents();

describe.each(['zh', 'en'] as const)('the history page (%s)', (lang) => {
  const L = strings(lang);
  const q = lang === 'en' ? '?lang=en' : '';
  const name = lang === 'en' ? 'Duanshi millet' : '沁水端氏小米';
  const expected = lang === 'en'
    ? { moved: `Moved the GI trademark of ${name} to Granted`, status: 'Status: Filed → Granted (2025-06-02)',
        category: 'Category: Other → Food and edible farm products', counties: 'Counties: Qinshui County → Qinshui County, Yangcheng County' }
    : { moved: `将 ${name} 的 地理标志商标 推进到 已获批`, status: '状态：已申报 → 已获批（2025-06-02）',
        category: '产品类别：其他 → 食用农林产品及食品', counties: '所在县：沁水县 → 沁水县、阳城县' };

  it('an official edits a product, then reads the history as sentences, on a desk and on a phone', async () => {
    const { page, context, consoleErrors, foreignRequests } = await openPage(browser, server.url, { locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    page.setDefaultTimeout(10_000);
    await page.goto(`/admin${q}`);
    await page.getByLabel(L('signIn.username')).fill('qinshui');
    await page.getByLabel(L('signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: L('signIn.submit') }).click();
    await page.getByText(L('admin.signedInAs', { name: 'qinshui' })).waitFor();

    // Change the category and add a county.
    await page.goto(`/admin/products/${products[lang]}${q}`);
    // Its parts are closed on load: the details, the GIs and the history are opened.
    for (const part of ['editor.details', 'editor.designations', 'editor.history']) await page.getByRole('button', { name: L(part), exact: true }).click();
    await page.getByLabel(L('form.category')).selectOption({ label: L('category.food') });
    await page.getByRole('checkbox', { name: L('county.140522') }).check();
    await page.getByRole('button', { name: L('form.save'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: L('form.saved') }).waitFor();

    // Start a collective trademark and move it to filed, then granted.
    await page.getByLabel(L('desig.giType')).selectOption({ label: L('giType.trademark') });
    await page.getByLabel(L('desig.markKind')).selectOption({ label: L('markKind.collective') });
    await page.getByLabel(L('desig.startedOn')).fill('2025-01-10');
    await page.getByRole('button', { name: L('desig.addSubmit') }).click();
    const card = page.locator('gi-designation-card');
    await card.getByRole('heading', { name: L('status.cultivating') }).waitFor();
    for (const [status, on] of [['filed', '2025-06-01'], ['granted', '2025-06-02']]) {
      await card.getByLabel(L('desig.moveTo')).selectOption({ label: L(`status.${status}`) });
      await card.getByLabel(L('desig.moveOn')).fill(on);
      await card.getByRole('button', { name: L('desig.moveSubmit') }).click();
      // Its dossier is empty: filing it is confirmed, and recorded as filed incomplete.
      if (status === 'filed') await card.getByRole('button', { name: L('filing.confirm') }).click();
      await card.getByRole('heading', { name: L(`status.${status}`) }).waitFor();
    }
    // The product's own history tells the same sentences.
    await page.locator('gi-audit-history').getByText(expected.category).first().waitFor();

    // The history page from the workspace menu, filtered by action (kept in the URL).
    await page.getByRole('navigation', { name: L('admin.nav') }).getByRole('link', { name: L('history.nav') }).click();
    await page.getByRole('heading', { name: L('history.titleCounty', { county: L('county.140521') }) }).waitFor();
    const filters = page.getByRole('search', { name: L('history.filters') });
    expect(await filters.getByText(L('history.countyFixed', { county: L('county.140521') })).isVisible()).toBe(true);
    await filters.getByLabel(L('history.action'), { exact: true }).selectOption({ label: L('audit.action.transition') });
    await page.waitForURL(/action=transition/);
    await page.locator('gi-history-page gi-audit-event').getByText(expected.moved).waitFor();
    let texts = await eventTexts(page);
    expect(texts).toContain(expected.status);
    expect(texts.join('\n')).toContain(lang === 'en' ? 'Granted' : '已获批');

    await filters.getByLabel(L('history.action'), { exact: true }).selectOption({ label: L('audit.action.update') });
    await page.waitForURL(/action=update/);
    await page.locator('gi-history-page gi-audit-event').getByText(expected.category).first().waitFor();
    texts = await eventTexts(page);
    expect(texts).toContain(expected.counties);
    expect(texts.join('\n')).toContain(lang === 'en' ? 'Category' : '产品类别');
    expect(texts.join('\n')).not.toMatch(/[{}[\]]|"lat"|\b(food|other|trademark_|140521)\b(?! \w)/);
    const exportLink = page.getByRole('link', { name: L('history.export') });
    expect(await exportLink.getAttribute('href')).toBe(`/api/audit/export.xlsx?action=update&lang=${lang}`);
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page, `history-${lang}-desk`, true);

    // A reload keeps the filters; the keyboard reaches every control.
    await page.reload();
    expect(await page.getByLabel(L('history.action'), { exact: true }).inputValue()).toBe('update');
    await page.getByLabel(L('history.user')).focus();
    await page.keyboard.type('qinshui');
    await page.keyboard.press('Enter');
    await page.waitForURL(/user=qinshui/);
    await page.locator('gi-history-page gi-audit-event').getByText(expected.category).first().waitFor();

    // On a phone: no horizontal scrolling, and sentences are not squeezed to a character a line.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(200);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    for (const box of await Promise.all((await page.locator('gi-history-page gi-audit-event li').all()).map((l) => l.boundingBox()))) {
      expect(box!.width).toBeGreaterThan(250);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    const line = page.locator('gi-history-page gi-audit-event li').getByText(expected.counties).first();
    expect((await line.boundingBox())!.height).toBeLessThan(80); // two or three lines at most
    await saveShot(page, `history-${lang}-phone`, true);

    // 401: “who am I?” before signing in; 409: the filing held up for confirmation (its dossier is empty).
    expect(consoleErrors.filter((e) => !e.includes('401') && !e.includes('409'))).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
