/**
 * The workspace home and the editor's guidance in the browser, in Chinese and English, on a phone and on a
 * desktop: an official's home lists their county's overdue dossier item and draft, and each link leads to the
 * place to act (the item's form, focused; the draft's editor); creating a product offers its GI next, and adding
 * the GI offers its dossier; another county's product opens read-only; "My products" filters drafts with counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { cultivation } from '../../client/i18n/cultivation';
import { workspace } from '../../client/i18n/workspace';
import { todayInShanghai } from '../../db/model';
import { addAccount, PASSWORD, send, signIn } from '../server/fixtures';
import { startServer, type TestServer } from '../support/server';
import { countyStrings } from '../support/seeded-counties';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';

let server: TestServer;
let browser: Browser;
let official: string;
let cityAdmin: string;
const today = todayInShanghai();
const threeDaysAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 3 * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addAccount(server.db, 'qs-home', 'official', '140521');
  await addAccount(server.db, 'city-home', 'admin');
  official = await signIn(server.url, 'qs-home');
  cityAdmin = await signIn(server.url, 'city-home');
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fail = (key: string): never => { throw new Error(`no string ${key}`); };
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = { ...common[lang], ...admin[lang], ...cultivation[lang], ...workspace[lang], ...countyStrings(lang) };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

/** Whether an element inside a shadow root has the focus there. */
const hasFocus = (locator: Locator) => locator.evaluate((el) => (el.getRootNode() as ShadowRoot | Document).activeElement === el);

const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;

describe.each([
  ['zh', 'phone'], ['en', 'desktop'], ['en', 'phone'], ['zh', 'desktop'],
] as const)('the workspace home (%s, %s)', (lang, device) => {
  const L = strings(lang);
  const q = lang === 'en' ? '?lang=en' : '';
  const draftName = `待办草稿${lang}${device}`;
  const otherName = `外县产品${lang}${device}`;
  let draftId: number;
  let designationId: number;
  let otherId: number;
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    const draft = await send(server.url, 'POST', '/api/products', { nameZh: draftName, category: 'food', counties: ['140521'], visibility: 'draft' }, official);
    expect(draft.status).toBe(201);
    draftId = draft.body.id;
    const designation = await send(server.url, 'POST', `/api/products/${draftId}/designations`, { giType: 'trademark', markKind: 'collective' }, official);
    expect(designation.status).toBe(201);
    designationId = designation.body.id;
    const item = await send(server.url, 'PUT', `/api/designations/${designationId}/dossier/mark_design`, { status: 'in_progress', dueOn: threeDaysAgo }, official);
    expect(item.status).toBe(200);
    const other = await send(server.url, 'POST', '/api/products', { nameZh: otherName, category: 'food', counties: ['140522'], visibility: 'public', description: '阳城县的产品。' }, cityAdmin);
    expect(other.status).toBe(201);
    otherId = other.body.id;

    watched = await openPage(browser, server.url, { viewport: VIEWPORTS[device], locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    page = watched.page;
    page.setDefaultTimeout(10_000);
    const res = await watched.context.request.post('/api/session', { data: { username: 'qs-home', password: PASSWORD } });
    expect(res.status()).toBe(200);
  });
  afterAll(() => watched?.context.close());

  const todo = () => page.locator('gi-todo-list');

  it('lists the overdue dossier item and the draft, counted; the item’s link opens its form, focused', async () => {
    await page.goto(`/admin${q}`);
    await todo().getByRole('heading', { name: L('todo.heading') }).waitFor();
    const overdue = todo().getByRole('list', { name: lang === 'en' ? /^Dossier items overdue \(\d+\)$/ : /^申报材料已逾期（\d+）$/ });
    const link = overdue.getByRole('link', { name: new RegExp(draftName) });
    await link.waitFor();
    expect(await todo().getByRole('list', { name: lang === 'en' ? /^Drafts not published \(\d+\)$/ : /^草稿尚未公开（\d+）$/ })
      .getByRole('link', { name: draftName, exact: true }).count()).toBe(1);
    expect(await todo().getByText(otherName).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await link.click();
    await page.waitForURL(new RegExp(`/admin/products/${draftId}.*#dossier-${designationId}-mark_design$`));
    const status = page.locator('gi-dossier-item').filter({ has: page.locator(`#dossier-${designationId}-mark_design`) })
      .getByLabel(L('dossier.status'), { exact: true });
    await status.waitFor();
    await expect.poll(() => hasFocus(status)).toBe(true);
    expect(await status.isVisible()).toBe(true);
    const box = await status.boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORTS[device].height);
  });

  it('the draft’s link opens its editor', async () => {
    await page.goto(`/admin${q}`);
    await todo().getByRole('link', { name: draftName, exact: true }).click();
    await page.waitForURL(new RegExp(`/admin/products/${draftId}.*#summary$`));
    await page.getByRole('heading', { level: 1, name: draftName }).waitFor();
    await page.getByRole('heading', { name: L('editor.details') }).first().waitFor();
    expect(await page.getByRole('form', { name: L('form.editTitle') }).count()).toBe(1);
  });

  it('“My products” shows drafts apart, with their count', async () => {
    await page.goto(`/admin${q}`);
    const list = page.locator('gi-my-products');
    await list.getByRole('table').waitFor();
    const drafts = list.getByRole('radio', { name: lang === 'en' ? /^Drafts \(\d+\)$/ : /^草稿（\d+）$/ });
    await drafts.check();
    const names = await list.getByRole('table').getByRole('row').allTextContents();
    expect(names.some((r) => r.includes(draftName))).toBe(true);
    expect(names.slice(1).every((r) => r.includes((lang === 'en' ? 'Draft' : '草稿')))).toBe(true);
    await list.getByRole('radio', { name: lang === 'en' ? /^Public \(\d+\)$/ : /^公开（\d+）$/ }).check();
    expect(await list.getByRole('table').getByText(draftName).count()).toBe(0);
  });

  it('after creating a product, its GI is offered next; after adding the GI, its dossier', async () => {
    await page.goto(`/admin/products/new${q}`);
    const form = page.locator('gi-product-form');
    await form.getByLabel(L('form.nameZh')).fill(`新建产品${lang}${device}`);
    await form.getByLabel(L('form.category')).selectOption({ index: 1 });
    await form.getByRole('button', { name: L('form.create') }).click();
    const next = page.getByRole('button', { name: L('editor.nextGi') });
    await next.waitFor();
    await expect.poll(() => hasFocus(next)).toBe(true);
    await next.click();
    const type = page.locator('gi-designation-editor').getByLabel(L('desig.giType'));
    await expect.poll(() => hasFocus(type)).toBe(true);
    await type.selectOption({ index: 2 });
    await page.locator('gi-designation-editor').getByRole('button', { name: L('desig.addSubmit') }).click();
    const dossier = page.getByRole('button', { name: L('editor.nextDossier') });
    await dossier.waitFor();
    await expect.poll(() => hasFocus(dossier)).toBe(true);
    await dossier.click();
    const heading = page.locator('gi-dossier-editor').getByRole('heading', { name: L('dossier.heading') });
    await expect.poll(() => hasFocus(heading)).toBe(true);
  });

  it('another county’s product opens read-only: the note, its GIs list, no textbox', async () => {
    await page.goto(`/admin/products/${otherId}${q}`);
    await page.getByRole('heading', { level: 1, name: otherName }).waitFor();
    await page.getByRole('note').filter({ hasText: L('editor.readOnly') }).waitFor();
    expect(await page.locator('gi-product-editor').getByRole('textbox').count()).toBe(0);
    expect(await page.locator('gi-product-editor').getByRole('combobox').count()).toBe(0);
    expect(await page.locator('gi-product-editor').getByRole('button').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
