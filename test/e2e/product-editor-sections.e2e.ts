/**
 * The product editor in sections, in Chinese and English, on a phone and on a desktop: the first screen
 * (no scrolling) shows the product at a glance and its GIs with their statuses; every part is closed and
 * the page is short; a GI of the summary opens its section at its card; a dossier item is a line that
 * opens its form when asked and saves on its own (another item's unsaved typing stays, unsent); after
 * creating a product the next step, its GI, is offered and leads to the GI form, then the GI's dossier.
 * axe finds nothing serious, sections closed and open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { cultivation } from '../../client/i18n/cultivation';
import { documents } from '../../client/i18n/documents';
import { figures } from '../../client/i18n/figures';
import { workspace } from '../../client/i18n/workspace';
import type { Dossier } from '../../db/model';
import { addAccount, PASSWORD, send, signIn } from '../server/fixtures';
import { startServer, type TestServer } from '../support/server';
import { countyStrings } from '../support/seeded-counties';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot, type WatchedPage } from './support/browser';

let server: TestServer;
let browser: Browser;
let official: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addAccount(server.db, 'qs-sections', 'official', '140521');
  official = await signIn(server.url, 'qs-sections');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fail = (key: string): never => { throw new Error(`no string ${key}`); };
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = {
    ...common[lang], ...admin[lang], ...cultivation[lang], ...documents[lang], ...figures[lang], ...workspace[lang], ...countyStrings(lang),
  };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (_, name: string, one: string, other: string) =>
      (lang === 'en' && Number(vars[name]) === 1 ? one : other)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

/** Whether an element inside a shadow root has the focus there. */
const hasFocus = (locator: Locator) => locator.evaluate((el) => (el.getRootNode() as ShadowRoot | Document).activeElement === el);

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;
/**
 * The page's height with every section closed. Before the sections, 沁水蜂蜜 (two GIs) took 13,885 px on a
 * phone and 10,022 px on a desktop in Chinese (14,997 and 10,148 in English); closed, it takes 1,172 and
 * 945 px (1,372 and 1,031).
 */
const CLOSED_HEIGHT_AT_MOST = { phone: 2_000, desktop: 1_500 } as const;
/** One dossier item's line, closed (it was a whole form of about 330 px each). */
const ITEM_LINE_AT_MOST = 90;

/** Whether an element lies wholly inside the viewport as the page first shows it. */
async function inFirstScreen(locator: Locator, viewport: { width: number; height: number }) {
  const box = (await locator.boundingBox())!;
  return box.y >= 0 && box.x >= 0 && box.y + box.height <= viewport.height && box.x + box.width <= viewport.width;
}

describe.each([
  ['zh', 'phone'], ['en', 'desktop'], ['en', 'phone'], ['zh', 'desktop'],
] as const)('the product editor in sections (%s, %s)', (lang, device) => {
  const L = strings(lang);
  const q = lang === 'en' ? '?lang=en' : '';
  const viewport = VIEWPORTS[device];
  const productName = `分节产品${lang}${device}`;
  const trademark = L('desig.typeWithKind', { type: L('giType.trademark'), kind: L('markKind.collective') });
  let productId: number;
  let trademarkId: number;
  let dossier: Dossier;
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    const product = await send(server.url, 'POST', '/api/products', {
      nameZh: productName, category: 'food', counties: ['140521'], visibility: 'public',
      description: '一段很长的产品描述。'.repeat(40),
    }, official);
    expect(product.status).toBe(201);
    productId = product.body.id;
    const mark = await send(server.url, 'POST', `/api/products/${productId}/designations`, { giType: 'trademark', markKind: 'collective' }, official);
    expect(mark.status).toBe(201);
    trademarkId = mark.body.id;
    const protectedProduct = await send(server.url, 'POST', `/api/products/${productId}/designations`, { giType: 'protected_product', startedOn: '2018-01-01' }, official);
    expect(protectedProduct.status).toBe(201);
    for (const move of [{ to: 'filed', on: '2019', note: '', confirmIncomplete: true }, { to: 'granted', on: '2020-03-01', note: '' }]) {
      expect((await send(server.url, 'POST', `/api/designations/${protectedProduct.body.id}/transitions`, move, official)).status).toBe(201);
    }
    dossier = (await send(server.url, 'GET', `/api/designations/${trademarkId}/dossier`, undefined, official)).body;
    expect(dossier.items.length).toBeGreaterThanOrEqual(5);

    watched = await openPage(browser, server.url, { viewport, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    page = watched.page;
    page.setDefaultTimeout(10_000);
    const res = await watched.context.request.post('/api/session', { data: { username: 'qs-sections', password: PASSWORD } });
    expect(res.status()).toBe(200);
  });
  afterAll(() => watched?.context.close());

  const editor = () => page.locator('gi-product-editor');
  const sectionButton = (name: string) => editor().getByRole('button', { name, exact: true });
  const SECTIONS = () => [L('editor.details'), L('editor.designations'), L('docs.editor'), L('editor.participants'), L('figEdit.form'), L('editor.history')];
  const titleOf = (key: string) => {
    const item = dossier.items.find((i) => i.key === key)!;
    return lang === 'en' && item.titleEn ? item.titleEn : item.titleZh;
  };
  const itemForm = (key: string) => page.locator('gi-dossier-editor').getByRole('form', { name: titleOf(key), exact: true });
  /** The words shown (not a hidden select's option) in an item's form. */
  const shownText = (form: Locator, text: string) => form.getByText(text, { exact: true }).filter({ visible: true });

  it('shows the product at a glance and its GIs with their statuses on the first screen, every part closed, the page short', async () => {
    await page.goto(`/admin/products/${productId}${q}`);
    const summary = editor().getByRole('heading', { level: 2, name: L('editor.summary') });
    await summary.waitFor();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await inFirstScreen(editor().getByRole('heading', { level: 1, name: productName }), viewport)).toBe(true);
    expect(await inFirstScreen(summary, viewport)).toBe(true);
    expect(await inFirstScreen(editor().getByRole('definition').filter({ hasText: L('county.140521') }), viewport)).toBe(true);
    const gisHeading = editor().getByRole('heading', { name: L('editor.summaryGis') });
    expect(await inFirstScreen(gisHeading, viewport)).toBe(true);
    const gis = editor().getByRole('list', { name: L('editor.summaryGis') }).getByRole('listitem');
    expect(await gis.count()).toBe(2);
    expect(await inFirstScreen(gis.filter({ hasText: trademark }).filter({ hasText: L('status.cultivating') }), viewport)).toBe(true);
    expect(await inFirstScreen(gis.filter({ hasText: L('giType.protected_product') }).filter({ hasText: L('status.granted') }), viewport)).toBe(true);

    for (const name of SECTIONS()) expect(await sectionButton(name).getAttribute('aria-expanded'), name).toBe('false');
    expect(await editor().getByRole('textbox').count()).toBe(0);
    expect(await editor().getByText(L('editor.noteGis', { n: 2 }), { exact: true }).isVisible()).toBe(true);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(CLOSED_HEIGHT_AT_MOST[device]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page, `${lang}-${device}-editor-sections-closed`, true);
  });

  it('opens a section by its button and closes it again', async () => {
    const documentsButton = sectionButton(L('docs.editor'));
    const upload = editor().getByRole('form', { name: L('docs.uploadForm') });
    expect(await upload.isVisible()).toBe(false);
    await documentsButton.click();
    expect(await documentsButton.getAttribute('aria-expanded')).toBe('true');
    await upload.waitFor();
    await documentsButton.click();
    await upload.waitFor({ state: 'hidden' });
    expect(await documentsButton.getAttribute('aria-expanded')).toBe('false');
  });

  it('a GI of the summary opens the GIs’ section at its card, its heading focused', async () => {
    await editor().getByRole('list', { name: L('editor.summaryGis') }).getByRole('link', { name: trademark }).click();
    await page.waitForURL(new RegExp(`#designation-${trademarkId}$`));
    expect(await sectionButton(L('editor.designations')).getAttribute('aria-expanded')).toBe('true');
    const heading = page.locator('gi-designation-card').getByRole('heading', { level: 3, name: `${trademark} · ${L('desig.statusIs', { status: L('status.cultivating') })}` });
    await expect.poll(() => hasFocus(heading)).toBe(true);
    const box = (await heading.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(-1); // scrolled to the top edge, give or take a fraction of a pixel
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  });

  it('lists the dossier’s items as short lines; one opens its form when asked and saves on its own', async () => {
    await page.goto(`/admin/products/${productId}${q}`);
    await sectionButton(L('editor.designations')).click();
    const list = page.locator('gi-dossier-editor').getByRole('list', { name: L('dossier.list') });
    await list.waitFor();
    // Every item a line: its title as a closed button, its status in words; no field shown.
    const lines = list.getByRole('listitem');
    expect(await lines.count()).toBe(dossier.items.length);
    for (const item of dossier.items) {
      const form = itemForm(item.key);
      expect(await form.getByRole('button', { name: titleOf(item.key), exact: true }).getAttribute('aria-expanded')).toBe('false');
      expect(await shownText(form, L('dossierStatus.missing')).count()).toBe(1);
    }
    expect(await list.getByRole('combobox').count()).toBe(0);
    const listBox = (await list.boundingBox())!;
    expect(listBox.height).toBeLessThan(dossier.items.length * ITEM_LINE_AT_MOST);

    // Another item's owner typed, not saved.
    const typed = itemForm('area_delimitation');
    await typed.getByRole('button', { name: titleOf('area_delimitation'), exact: true }).click();
    await typed.getByLabel(L('dossier.owner')).fill('县自然资源局');
    await typed.getByText(L('dossier.unsaved'), { exact: true }).waitFor();

    const form = itemForm('mark_design');
    const open = form.getByRole('button', { name: titleOf('mark_design'), exact: true });
    await open.click();
    expect(await open.getAttribute('aria-expanded')).toBe('true');
    await form.getByLabel(L('dossier.status'), { exact: true }).selectOption({ label: L('dossierStatus.ready') });
    await form.getByLabel(L('dossier.dueOn')).fill('2030-06-30');
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: L('dossier.save', { title: titleOf('mark_design') }) }).click();
    await form.getByRole('status').filter({ hasText: L('form.saved') }).waitFor();
    // Closed again, its line says so; the other item keeps what was typed, still unsaved, and the server has only this one.
    await open.click();
    expect(await open.getAttribute('aria-expanded')).toBe('false');
    expect(await shownText(form, L('dossierStatus.ready')).count()).toBe(1);
    expect(await shownText(form, L('editor.itemDue', { date: '2030-06-30' })).count()).toBe(1);
    expect(await typed.getByLabel(L('dossier.owner')).inputValue()).toBe('县自然资源局');
    expect(await typed.getByText(L('dossier.unsaved'), { exact: true }).isVisible()).toBe(true);
    const saved = (await send(server.url, 'GET', `/api/designations/${trademarkId}/dossier`, undefined, official)).body as Dossier;
    expect(saved.items.find((i) => i.key === 'mark_design')).toMatchObject({ status: 'ready', dueOn: '2030-06-30' });
    expect(saved.items.find((i) => i.key === 'area_delimitation')).toMatchObject({ status: 'missing', owner: null });
    await saveShot(page, `${lang}-${device}-editor-dossier-lines`, true);
  });

  it('after creating a product offers its GI next, which leads to the GI form; the added GI offers its dossier', async () => {
    await page.goto(`/admin/products/new${q}`);
    const form = page.locator('gi-product-form');
    await form.getByLabel(L('form.nameZh')).fill(`新建分节${lang}${device}`);
    await form.getByLabel(L('form.category')).selectOption({ label: L('category.food') });
    await form.getByRole('button', { name: L('form.create') }).click();
    await page.waitForURL(/#add-gi$/);
    const next = editor().getByRole('button', { name: L('editor.nextGi') });
    await next.waitFor();
    await expect.poll(() => hasFocus(next)).toBe(true);
    expect(await inFirstScreen(next, viewport)).toBe(true);
    await editor().getByText(L('editor.nextGiHint')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await next.click();
    expect(await sectionButton(L('editor.designations')).getAttribute('aria-expanded')).toBe('true');
    const adding = page.locator('gi-designation-editor').getByRole('form', { name: L('desig.add') });
    const type = adding.getByLabel(L('desig.giType'));
    await expect.poll(() => hasFocus(type)).toBe(true);
    expect(await type.isVisible()).toBe(true);
    await type.selectOption({ label: L('giType.trademark') });
    await adding.getByLabel(L('desig.markKind')).selectOption({ label: L('markKind.certification') });
    await adding.getByRole('button', { name: L('desig.addSubmit') }).click();

    const toDossier = editor().getByRole('button', { name: L('editor.nextDossier') });
    await toDossier.waitFor();
    await expect.poll(() => hasFocus(toDossier)).toBe(true);
    // The GI is in the summary, with its status.
    await editor().getByRole('list', { name: L('editor.summaryGis') }).getByRole('listitem')
      .filter({ hasText: L('status.cultivating') }).waitFor();
    await toDossier.click();
    const heading = page.locator('gi-dossier-editor').getByRole('heading', { name: L('dossier.heading') });
    await expect.poll(() => hasFocus(heading)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
  });
});
