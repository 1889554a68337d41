/**
 * Places in the browser, in Chinese and English, on a 390×844 phone and a desktop: a visitor asks
 * whether a village is in a protected area — 柳庄 (under 龙港镇, in 沁水黄小米's stored area) is, with the GI,
 * since when and its announcement; 郭家川 of 陵川县 is in none, in those words — and the address keeps the
 * query. An official pastes 沁水黄小米's announcement into the designation's scope editor and reads exactly
 * two vanished townships, one misspelt and the box off the county; saving is refused until each is
 * resolved; once resolved and saved, the public product page lists the townships. The location picker
 * refuses a location without a chosen precision, takes a township from the code list, and the public page
 * says each location's precision in words (never coordinates for a township or a county). axe is clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { marks } from '../../client/i18n/marks';
import { places } from '../../client/i18n/places';
import { product } from '../../client/i18n/product';
import { scope } from '../../client/i18n/scope';
import type { Product } from '../../db/model';
import { addAccount, PASSWORD, send, signIn } from '../server/fixtures';
import { startServer, type TestServer } from '../support/server';
import { countyStrings } from '../support/seeded-counties';
import { formatMessage } from '../../client/i18n/format';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';

/** The scope_text of 沁水黄小米 (AGI2010-09-00509), verbatim as seeds/scopes.csv and the server's tests have it. */
const QINSHUI_MILLET = '沁水县的中村镇、土沃乡、张村乡、龙港镇、樊村河乡、苏庄乡、郑庄镇、端氏镇、加丰镇、郑村镇、胡底乡、固县乡、十里乡、柿庄镇等14个乡镇，涉及251个行政村。地理坐标为东经112°47′00″~115°55′00″，北纬35°24′00″~36°04′00″';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const OFFICIAL = 'qs-places';

let server: TestServer;
let browser: Browser;
let cookie: string;
let milletId: number;
let milletDesignation: number;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addAccount(server.db, OFFICIAL, 'official', '140521');
  cookie = await signIn(server.url, OFFICIAL);
  const list = await send(server.url, 'GET', `/api/products?q=${encodeURIComponent('沁水黄小米')}`);
  milletId = list.body.items.find((p: { nameZh: string }) => p.nameZh === '沁水黄小米').id;
  const millet = (await send(server.url, 'GET', `/api/products/${milletId}`)).body as Product;
  const d = millet.designations.find((x) => x.giType === 'agricultural_product')!;
  milletDesignation = d.id;
  // The seeds keep the 11 townships the text names for certain, and no box.
  expect(d.status).toBe('granted');
  expect(d.scope?.units.map((u) => u.name)).toContain('龙港镇');
  expect(d.scope?.units).toHaveLength(11);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fail = (key: string): never => { throw new Error(`no string ${key}`); };

/** The pages' strings in one language, filled like t() does. */
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = { ...common[lang], ...admin[lang], ...product[lang], ...marks[lang], ...places[lang], ...scope[lang], ...countyStrings(lang) };
  return (key: string, vars: Record<string, string | number> = {}) =>
    formatMessage(all[key] ?? fail(key), vars, lang);
}

/** A page in a fresh context, in the language's locale. */
async function visit(lang: 'zh' | 'en', viewport: { width: number; height: number }) {
  const watched = await openPage(browser, server.url, { viewport, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  watched.page.setDefaultTimeout(15_000);
  return watched;
}

/** Signs the page's context in as the official. */
async function signInPage(page: Page) {
  const res = await page.context().request.post('/api/session', { data: { username: OFFICIAL, password: PASSWORD } });
  expect(res.status()).toBe(200);
}

const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe.each(['zh', 'en'] as const)('the lookup (%s)', (lang) => {
  const L = strings(lang);
  const q = lang === 'en' ? '&lang=en' : '';

  it.each([['phone', PHONE], ['desktop', DESKTOP]] as const)('on a %s: a village of 沁水县 is in 沁水黄小米’s area, one of 陵川县 in none', async (device, viewport) => {
    const { page, context, consoleErrors } = await visit(lang, viewport);
    await page.goto(`/${lang === 'en' ? '?lang=en' : ''}`);
    // Linked from every page's navigation.
    await page.getByRole('navigation', { name: L('nav.main') }).getByRole('link', { name: L('places.nav') }).click();
    await page.getByRole('heading', { level: 1, name: L('places.heading') }).waitFor();
    expect(await page.evaluate(() => document.title)).toBe(`${L('places.title')} · ${L('app.title')}`);
    await page.getByText(L('places.honest')).waitFor();

    const field = page.getByLabel(L('places.label'));
    await field.fill('柳庄');
    await page.getByRole('button', { name: L('places.submit') }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === '柳庄');
    const village = page.getByRole('article', { name: '柳庄社区居委会' });
    await village.getByText(L('places.inAreas', { n: 1 })).waitFor();
    const link = village.getByRole('link', { name: L('places.productLink', { name: lang === 'en' ? 'Qinshui yellow millet' : '沁水黄小米' }) });
    expect(await link.getAttribute('href')).toBe(`/products/${milletId}${lang === 'en' ? '?lang=en' : ''}`);
    const text = (await village.textContent())!;
    expect(text).toContain('龙港镇');
    expect(text).toContain(L('county.140521'));
    expect(text).toContain('140521100001');
    await village.getByText(`${L('giType.agricultural_product')} · ${L('status.granted')}`, { exact: true }).waitFor();
    await village.getByText('AGI2010-09-00509', { exact: true }).waitFor();
    expect(await noSideways(page)).toBeLessThanOrEqual(viewport.width);
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page, `${lang}-places-1-in-${device}`, true);

    // The address reproduces the answer.
    await page.reload();
    await page.getByRole('article', { name: '柳庄社区居委会' }).getByText(L('places.inAreas', { n: 1 })).waitFor();
    expect(await page.getByLabel(L('places.label')).inputValue()).toBe('柳庄');

    await page.getByLabel(L('places.label')).fill('郭家川');
    await page.getByLabel(L('places.label')).press('Enter');
    const outside = page.getByRole('article', { name: '郭家川村委会' });
    await outside.getByText(L('places.notInAny'), { exact: true }).waitFor();
    expect(await outside.textContent()).toContain(L('county.140524'));
    expect(await outside.getByRole('link').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page, `${lang}-places-2-none-${device}`, true);

    // A name nothing has.
    await page.getByLabel(L('places.label')).fill('不存在的村');
    await page.getByLabel(L('places.label')).press('Enter');
    await page.getByRole('status').filter({ hasText: L('places.noUnitHint') }).waitFor();
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('finds a unit by its 12-digit code', async () => {
    const { page, context } = await visit(lang, PHONE);
    await page.goto(`/places?q=140521100000${q}`);
    await page.getByRole('article', { name: '龙港镇' }).getByText(L('places.inAreas', { n: 1 })).waitFor();
    await context.close();
  });
});

/** The scope editor of 沁水黄小米's agricultural-product GI in the workspace. */
function scopeEditor(page: Page): Locator {
  return page.locator('gi-scope-editor');
}

describe.each([['zh', DESKTOP, 'desktop'], ['en', PHONE, 'phone']] as const)('an official (%s) on a %s', (lang, viewport, device) => {
  const L = strings(lang);
  const q = lang === 'en' ? '?lang=en' : '';

  it('pastes 沁水黄小米’s announcement, resolves each flag, saves, and the public page lists the townships by name', async () => {
    const { page, context } = await visit(lang, viewport);
    await signInPage(page);
    await page.goto(`/admin/products/${milletId}${q}`);
    await page.getByRole('button', { name: L('editor.designations'), exact: true }).click(); // the GIs' section, closed on load
    const editor = scopeEditor(page);
    await editor.getByRole('heading', { name: L('scope.heading') }).waitFor();
    // The stored area, by township.
    await editor.getByRole('list', { name: L('scope.stored') }).getByText('龙港镇').waitFor();

    await editor.getByText(L('scope.edit')).click();
    await editor.getByLabel(L('scope.text')).fill(QINSHUI_MILLET);
    await editor.getByLabel(L('scope.sourceTitle')).fill('农业部公告第1459号');
    await editor.getByLabel(L('scope.sourceUrl')).fill('https://m.ipa361.com/baike/2305852');
    await editor.getByLabel(L('scope.announcedOn')).fill('2010-09');
    await editor.getByRole('button', { name: L('scope.check') }).click();
    await editor.getByRole('heading', { name: L('scope.result', { n: 14 }) }).waitFor();

    // Exactly two vanished, one misspelt, eleven matched; the box off the county.
    const flag = (text: string) => editor.locator('gi-scope-name .flag').filter({ hasText: text });
    expect(await flag(L('scope.kind.vanished')).count()).toBe(2);
    expect(await flag(L('scope.kind.misspelt', { name: '嘉峰镇' })).count()).toBe(1);
    expect(await flag(L('scope.kind.matched')).count()).toBe(11);
    const box = (await editor.locator('gi-scope-box .words').textContent())!;
    expect(box).toContain(lang === 'en' ? 'outside Qinshui County' : '在沁水县以外');
    expect(box).toMatch(lang === 'en' ? /28\d km to the east/ : /东侧 28\d km/);
    expect(await editor.getByRole('group', { name: /.+/ }).filter({ has: page.getByRole('radio') }).count()).toBe(4); // 3 names + the box
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(editor, `${lang}-scope-1-checked-${device}`);

    // Saving first is refused, saying what is left.
    await editor.getByRole('button', { name: L('scope.save') }).click();
    await editor.getByRole('alert').getByText(L('scope.unresolved', { n: 3 })).waitFor();
    const misspelt = editor.getByRole('group', { name: L('scope.how', { name: '加丰镇' }) });
    expect(await misspelt.getByRole('radio').first().getAttribute('aria-invalid')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);

    // Resolve: take 嘉峰镇, leave out (or replace) the two vanished townships, and leave out the box.
    await misspelt.getByLabel(L('scope.accept', { name: '嘉峰镇' })).check();
    await editor.getByRole('group', { name: L('scope.how', { name: '苏庄乡' }) }).getByLabel(L('scope.drop')).check();
    const merged = editor.getByRole('group', { name: L('scope.how', { name: '樊村河乡' }) });
    if (lang === 'zh') {
      // Or replaced from the code list (here by a township the text already names: it is kept once).
      await merged.getByLabel(L('scope.other')).check();
      await merged.getByLabel(L('scope.otherSearch', { name: '樊村河乡' })).fill('郑庄');
      await merged.getByRole('radio', { name: '郑庄镇' }).check();
      await merged.getByText(L('div.chosen')).waitFor();
    } else {
      await merged.getByLabel(L('scope.drop')).check();
    }
    await editor.getByRole('group', { name: L('scope.boxHow') }).getByLabel(L('scope.boxLeaveOut')).check();
    await editor.getByText(L('scope.codes', { n: 12 })).waitFor();
    await editor.getByRole('button', { name: L('scope.save') }).click();
    await editor.getByRole('list', { name: L('scope.stored') }).getByText('嘉峰镇').waitFor();

    const stored = (await send(server.url, 'GET', `/api/products/${milletId}`, undefined, cookie)).body as Product;
    const s = stored.designations.find((d) => d.id === milletDesignation)!.scope!;
    expect(s.text).toBe(QINSHUI_MILLET);
    expect(s.box).toBeNull();
    expect(s.announcedOn).toBe('2010-09');
    expect(s.source).toEqual({ title: '农业部公告第1459号', url: 'https://m.ipa361.com/baike/2305852' });
    expect(s.units.map((u) => u.name)).toHaveLength(12);
    expect(s.units.map((u) => u.name)).toContain('嘉峰镇');
    expect(s.units.map((u) => u.name)).not.toContain('苏庄乡');
    await saveShot(editor, `${lang}-scope-2-saved-${device}`);

    // The public page lists the townships, each whole, with the announcement; the text in a disclosure.
    await page.goto(`/products/${milletId}${q}`);
    const gi = L('giType.agricultural_product');
    const list = page.getByRole('list', { name: L('area.listLabel', { gi }) });
    await list.getByRole('listitem').filter({ hasText: '嘉峰镇' }).getByText(L('area.wholeTownship')).waitFor();
    expect(await list.getByRole('listitem').count()).toBe(12);
    const area = page.getByRole('article', { name: L('area.of', { gi }) });
    expect(await area.textContent()).toContain('农业部公告第1459号');
    await area.getByText(L('area.verbatim')).click();
    await area.getByText(QINSHUI_MILLET).waitFor();
    await page.getByRole('link', { name: L('places.fromProduct') }).first().waitFor();
    expect(await noSideways(page)).toBeLessThanOrEqual(viewport.width);
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page.locator('section[aria-labelledby=area]').first(), `${lang}-scope-3-public-${device}`);
    await context.close();
  });
});

describe.each([['zh', PHONE, 'phone'], ['en', DESKTOP, 'desktop']] as const)('the location picker (%s) on a %s', (lang, viewport, device) => {
  const L = strings(lang);
  const q = lang === 'en' ? '?lang=en' : '';
  const nameZh = `精度测试小米${lang}`;

  it('refuses a location without a chosen precision; a township comes from the code list; the public page says the precision', async () => {
    const { page, context } = await visit(lang, viewport);
    await signInPage(page);
    await page.goto(`/admin/products/new${q}`);
    await page.getByLabel(L('form.nameZh')).fill(nameZh);
    await page.getByLabel(L('form.category')).selectOption({ label: L('category.food') });
    await page.getByLabel(L('form.visibility')).selectOption({ label: L('visibility.public') });
    await page.getByRole('button', { name: L('loc.add') }).click();
    const first = page.locator('gi-location-row').nth(0);
    await page.getByRole('button', { name: L('form.create') }).click();
    const precision = first.getByRole('group', { name: L('loc.precisionOf', { n: 1 }) });
    await precision.getByText(L('loc.choosePrecision')).waitFor();
    expect(await precision.getByRole('radio').first().getAttribute('aria-invalid')).toBe('true');
    expect(await precision.getByRole('radio').evaluateAll((radios) => radios.some((r) => (r as HTMLInputElement).checked))).toBe(false);
    expect(page.url()).toContain('/admin/products/new');
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(first, `${lang}-picker-1-refused-${device}`);

    // A township: picked from the code list, then placed (typed here: 35.69, 112.19 lies in 沁水县).
    await precision.getByLabel(L('loc.p.township')).check();
    await first.getByText(L('loc.noBoundary')).waitFor();
    await first.getByLabel(L('div.township', { n: 1 })).fill('龙港');
    await first.getByRole('radio', { name: '龙港镇' }).check();
    await first.getByText('龙港镇', { exact: true }).first().waitFor();
    await first.getByLabel(L('loc.lat', { n: 1 })).fill('35.69');
    await first.getByLabel(L('loc.lng', { n: 1 })).fill('112.19');
    // A county location: no click, no coordinates asked.
    await page.getByRole('button', { name: L('loc.add') }).click();
    const second = page.locator('gi-location-row').nth(1);
    await second.getByRole('group', { name: L('loc.precisionOf', { n: 2 }) }).getByLabel(L('loc.p.county')).check();
    expect(await second.getByLabel(L('loc.lat', { n: 2 })).count()).toBe(0);
    await saveShot(page.locator('gi-location-picker'), `${lang}-picker-2-chosen-${device}`);
    await page.getByRole('button', { name: L('form.create') }).click();
    await page.waitForURL(/\/admin\/products\/\d+/);
    const id = Number(/\/admin\/products\/(\d+)/.exec(page.url())![1]);

    // The workspace says each saved location's precision in words (in the details' section, closed on load).
    await page.getByRole('button', { name: L('editor.details'), exact: true }).click();
    const township = L('locw.township', { name: '龙港镇' });
    await page.locator('gi-location-row').nth(0).getByText(L('loc.summary', { n: 1, words: township })).waitFor();
    await page.locator('gi-location-row').nth(1).getByText(L('loc.summary', { n: 2, words: L('locw.county', { name: L('county.140521') }) })).waitFor();
    const saved = (await send(server.url, 'GET', `/api/products/${id}`, undefined, cookie)).body as Product;
    expect(saved.locations.map((l) => [l.precision, l.divisionCode, l.label])).toEqual([['township', '140521100000', ''], ['county', null, '沁水县']]);

    await page.goto(`/products/${id}${q}`);
    const locations = page.locator('gi-product-locations');
    await locations.getByText(township).waitFor();
    await locations.getByText(L('locw.county', { name: L('county.140521') })).waitFor();
    expect(await locations.textContent()).not.toMatch(/35\.69|112\.19/);
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page, `${lang}-picker-3-public-${device}`, true);
    await context.close();
  });
});
