/**
 * The officials' journey, in Chinese and in English: an official of 沁水县 signs in, adds a candidate
 * product with a cooperative model and a location clicked on the map, starts a designation, files it,
 * has it granted, publishes the product, and a visitor then finds it on the public map page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { cultivation } from '../../client/i18n/cultivation';
import { map } from '../../client/i18n/map';
import { product } from '../../client/i18n/product';
import { scope } from '../../client/i18n/scope';
import { inJincheng } from '../../db/model';
import { createUser } from '../../server/domain/accounts/accounts';
import { startServer, type TestServer } from '../support/server';
import { countyStrings } from '../support/seeded-counties';
import { launchBrowser, openPage, saveShot } from './support/browser';

const PASSWORD = 'honey-from-the-hills-2026';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  await createUser(server.db, null, { username: 'qinshui', password: PASSWORD, role: 'official', county: '140521' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The page's strings in one language, filled like t() does. */
const fail = (key: string): never => { throw new Error(`no string ${key}`); };

function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = { ...common[lang], ...map[lang], ...product[lang], ...admin[lang], ...cultivation[lang], ...scope[lang], ...countyStrings(lang) };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

async function shot(page: Page, name: string) {
  await saveShot(page, name, true);
}

describe.each(['zh', 'en'] as const)('the officials’ journey (%s)', (lang) => {
  const L = strings(lang);
  const q = lang === 'en' ? '?lang=en' : '';
  const nameZh = lang === 'en' ? '端氏蜂蜜' : '沁水土蜂蜜';
  const nameEn = lang === 'en' ? 'Duanshi honey' : 'Qinshui wild honey';

  it('signs in, builds a product, moves its designation to granted, publishes it; a visitor finds it', async () => {
    const { page, context, consoleErrors, foreignRequests } = await openPage(browser, server.url, { locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    page.setDefaultTimeout(10_000);
    await page.goto(`/admin${q}`);
    await page.getByLabel(L('signIn.username')).fill('qinshui');
    await page.getByLabel(L('signIn.password')).fill(PASSWORD);
    await shot(page, `${lang}-1-sign-in`);
    await page.getByRole('button', { name: L('signIn.submit') }).click();
    await expect.poll(() => page.getByText(L('admin.signedInAs', { name: 'qinshui' })).isVisible()).toBe(true);
    await shot(page, `${lang}-2-my-products`);

    await page.getByRole('navigation', { name: L('admin.nav') }).getByRole('link', { name: L('admin.newProduct') }).click();
    await page.getByLabel(L('form.nameZh')).fill(nameZh);
    await page.getByLabel(L('form.nameEn')).fill(nameEn);
    await page.getByLabel(L('form.category')).selectOption({ label: L('category.food') });
    expect(await page.getByRole('checkbox', { name: L('county.140521') }).isChecked()).toBe(true);
    await page.getByLabel(L('form.quality')).fill('色泽浅黄，结晶细腻');

    // Pick the location by clicking the map at 沁水县's label point (its name is drawn beside it and lets
    // clicks through to the map): the point must lie in the product's county.
    const picker = page.locator('gi-location-picker gi-map');
    await picker.waitFor();
    await picker.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    const at = (await picker.locator('.county-label-icon').filter({ hasText: L('county.140521') }).boundingBox())!;
    await page.mouse.click(at.x, at.y);
    const lat = page.getByLabel(L('loc.lat', { n: 1 }));
    await expect.poll(() => lat.inputValue()).not.toBe('');
    const point = { lat: Number(await lat.inputValue()), lng: Number(await page.getByLabel(L('loc.lng', { n: 1 })).inputValue()) };
    expect(inJincheng(point.lat, point.lng)).toBe(true);
    // A click adds a location of no precision: the official says it is known only to its township, and which.
    await page.getByRole('group', { name: L('loc.precisionOf', { n: 1 }) }).getByLabel(L('loc.p.township')).check();
    await page.getByLabel(L('div.township', { n: 1 })).fill('端氏');
    await page.locator('gi-division-picker').getByRole('radio', { name: '端氏镇' }).check();
    await page.getByLabel(L('loc.label', { n: 1 })).fill('养蜂基地');
    await shot(page, `${lang}-3-new-product`);
    await page.getByRole('button', { name: L('form.create') }).click();
    await page.waitForURL(/\/admin\/products\/\d+/);
    const id = Number(/\/admin\/products\/(\d+)/.exec(page.url())![1]);
    await page.getByRole('heading', { name: L('editor.participants') }).waitFor();
    // Its parts are closed on load: the model, the GIs, the details and the history are opened.
    for (const part of ['editor.participants', 'editor.designations', 'editor.details', 'editor.history']) await page.getByRole('button', { name: L(part), exact: true }).click();

    // The cooperative-farmer model.
    await page.getByRole('button', { name: L('part.add') }).click();
    await page.getByLabel(L('part.name', { n: 1 })).fill('沁水县蜂业有限公司');
    await page.getByRole('button', { name: L('part.add') }).click();
    await page.getByLabel(L('part.name', { n: 2 })).fill('端氏养蜂专业合作社');
    await page.getByLabel(L('part.households', { n: 2 })).fill('45');
    await page.getByRole('button', { name: L('part.add') }).click();
    await page.getByLabel(L('part.role', { n: 3 })).selectOption({ label: L('role.farmers') });
    await page.getByLabel(L('part.households', { n: 3 })).fill('320');
    await page.getByRole('button', { name: L('part.save') }).click();
    await page.getByRole('status').filter({ hasText: L('form.saved') }).waitFor();
    await expect.poll(() => page.locator('gi-product-chain').getByText(L('product.households', { n: 320 })).count()).toBeGreaterThan(0);

    // A designation: the agricultural-product note, then a collective trademark.
    await page.getByLabel(L('desig.giType')).selectOption({ label: L('giType.agricultural_product') });
    expect(await page.getByRole('note').textContent()).toContain(L('desig.agriNote'));
    await page.getByLabel(L('desig.giType')).selectOption({ label: L('giType.trademark') });
    await page.getByLabel(L('desig.markKind')).selectOption({ label: L('markKind.collective') });
    await page.getByLabel(L('desig.holder'), { exact: true }).fill('沁水县养蜂协会');
    await page.getByLabel(L('desig.startedOn')).fill('2025-01-10');
    await page.getByRole('button', { name: L('desig.addSubmit') }).click();
    const card = page.locator('gi-designation-card');
    await card.getByRole('heading', { name: L('status.cultivating') }).waitFor();

    // Only the allowed moves are offered.
    const options = await card.getByLabel(L('desig.moveTo')).locator('option').allTextContents();
    expect(options.slice(1)).toEqual([L('status.filed'), L('status.withdrawn')]);
    await card.getByLabel(L('desig.moveTo')).selectOption({ label: L('status.filed') });
    await card.getByLabel(L('desig.moveOn')).fill('2025-06-01');
    await card.getByLabel(L('desig.moveNote')).fill('向国家知识产权局提交申请');
    await card.getByRole('button', { name: L('desig.moveSubmit') }).click();
    // Its dossier is empty: filing it is confirmed, and recorded as filed incomplete.
    await card.getByRole('button', { name: L('filing.confirm') }).click();
    await card.getByRole('heading', { name: L('status.filed') }).waitFor();
    await card.getByLabel(L('desig.moveTo')).selectOption({ label: L('status.granted') });
    await card.getByRole('button', { name: L('desig.moveSubmit') }).click();
    await card.getByRole('heading', { name: L('status.granted') }).waitFor();
    expect(await card.locator('article > ol > li').count()).toBe(3);

    // Publish.
    await page.getByLabel(L('form.visibility')).selectOption({ label: L('visibility.public') });
    await page.getByRole('button', { name: L('form.save'), exact: true }).click();
    await page.getByRole('link', { name: L('editor.publicPage') }).waitFor();
    await page.locator('gi-audit-history gi-audit-event').getByText(`${L('form.visibility')}${lang === 'en' ? ': ' : '：'}${L('visibility.draft')} → ${L('visibility.public')}`).waitFor();
    await shot(page, `${lang}-4-product-editor`);
    for (const part of ['gi-designation-editor', 'gi-participants-editor', 'gi-audit-history']) {
      await saveShot(page.locator(part), `${lang}-4-${part}`);
    }

    // A visitor, not signed in, finds it on the public page by name.
    const visitor = await openPage(browser, server.url, { locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    await visitor.page.goto(`/${q}`);
    await visitor.page.getByLabel(L('filters.q')).fill(nameZh);
    const link = visitor.page.getByRole('link', { name: lang === 'en' ? nameEn : nameZh }).first();
    await link.waitFor();
    await shot(visitor.page, `${lang}-5-public-map`);
    await link.click();
    await visitor.page.waitForURL(new RegExp(`/products/${id}`));
    await visitor.page.getByRole('heading', { name: lang === 'en' ? nameEn : nameZh }).waitFor();
    await shot(visitor.page, `${lang}-6-public-product`);
    expect(visitor.foreignRequests).toEqual([]);
    expect(visitor.consoleErrors).toEqual([]);
    await visitor.context.close();

    // The only errors are the 401 of "who am I?" before signing in and the 409 of the filing held up for confirmation.
    expect(consoleErrors.filter((e) => !e.includes('401') && !e.includes('409'))).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();
  });
});
