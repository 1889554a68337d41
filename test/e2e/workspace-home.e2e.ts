/**
 * The workspace home and the editor's guidance in the browser, in Chinese and English, on a phone and on a
 * desktop: an official's home lists their county's overdue dossier item and draft, an authorised user whose
 * term ends soon and one whose yearly returns are missing, and each link leads to the place to act (the item's
 * form, focused; the draft's editor; the user's end date, focused; the user's returns, their heading focused);
 * creating a product offers its GI next, and adding the GI offers its dossier; another county's product opens
 * read-only; "My products" filters drafts with counts and, in English, is in alphabetical order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { cultivation } from '../../client/i18n/cultivation';
import { marks } from '../../client/i18n/marks';
import { returns } from '../../client/i18n/returns';
import { workspace } from '../../client/i18n/workspace';
import { TERM_SIGNAL_DAYS, todayInShanghai } from '../../db/model';
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
const dayOffset = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const threeDaysAgo = dayOffset(-3);

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
  const all: Record<string, string> = {
    ...common[lang], ...admin[lang], ...cultivation[lang], ...workspace[lang], ...marks[lang], ...returns[lang], ...countyStrings(lang),
  };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

/** A group heading's exact words with any count: `L(key)` with `{n}` standing for digits. */
const groupName = (L: ReturnType<typeof strings>, key: string, vars: Record<string, string | number> = {}) =>
  new RegExp(`^${L(key, { ...vars, n: '\u0000' }).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('\u0000', '\\d+')}$`);

/** Whether an element lies wholly inside the viewport. */
async function inView(locator: Locator, viewport: { height: number }) {
  const box = (await locator.boundingBox())!;
  return box.y >= 0 && box.y + box.height <= viewport.height;
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
  const sortZh = `阿胶排序${lang}${device}`;
  const sortEn = `Zz sort ${lang} ${device}`;
  const endingName = `期满企业${lang}${device}`;
  const silentName = `未报企业${lang}${device}`;
  let markedId: number;
  let endingId: number;
  let silentId: number;
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
    // A granted GI whose users need the official: one's term ends within the window, one has sent no returns.
    const marked = await send(server.url, 'POST', '/api/products', { nameZh: `用标产品${lang}${device}`, category: 'food', counties: ['140521'], visibility: 'public' }, official);
    expect(marked.status).toBe(201);
    markedId = marked.body.id;
    const gi = await send(server.url, 'POST', `/api/products/${markedId}/designations`, { giType: 'protected_product', startedOn: '2018-01-01' }, official);
    expect(gi.status).toBe(201);
    for (const move of [{ to: 'filed', on: '2019', note: '', confirmIncomplete: true }, { to: 'granted', on: '2020-03-01', note: '' }]) {
      expect((await send(server.url, 'POST', `/api/designations/${gi.body.id}/transitions`, move, official)).status).toBe(201);
    }
    const addUser = async (name: string, until?: string) => {
      const res = await send(server.url, 'POST', `/api/designations/${gi.body.id}/authorized-users`,
        { name, basis: 'approved_producer', from: '2020-01-01', ...(until ? { until } : {}) }, official);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as number;
    };
    endingId = await addUser(endingName, dayOffset(20));
    silentId = await addUser(silentName);
    // First by its pinyin (a), last by its English name (Zz): the two orders part.
    const sorted = await send(server.url, 'POST', '/api/products', { nameZh: sortZh, nameEn: sortEn, category: 'food', counties: ['140521'], visibility: 'public' }, official);
    expect(sorted.status).toBe(201);
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

  it('lists a user whose term ends soon and one whose returns are missing; their links open the end date and the returns, focused', async () => {
    await page.goto(`/admin${q}`);
    const ending = todo().getByRole('list', { name: groupName(L, 'todo.group.term_ending', { days: TERM_SIGNAL_DAYS }) })
      .getByRole('listitem').filter({ hasText: endingName });
    await ending.waitFor();
    expect(await ending.textContent()).toContain(L('todo.termUntil', { date: dayOffset(20) }));
    const missing = todo().getByRole('list', { name: groupName(L, 'todo.group.return_missing') }).getByRole('listitem').filter({ hasText: silentName });
    const year = Number(today.slice(0, 4));
    expect(await missing.textContent()).toContain(L('todo.yearsMissing', { years: lang === 'en' ? `${year - 2}, ${year - 1}` : `${year - 2}、${year - 1}` }));
    // The company's registered name is Chinese: marked so on an English page.
    expect(await ending.getByRole('link').locator('span[lang="zh-CN"]').count()).toBe(lang === 'en' ? 1 : 0);
    expect(await seriousViolations(page)).toEqual([]);

    await ending.getByRole('link', { name: endingName }).click();
    await page.waitForURL(new RegExp(`/admin/products/${markedId}.*#authorized-user-${endingId}$`));
    const until = page.locator('gi-authorized-user-row').filter({ has: page.locator(`#authorized-user-${endingId}`) }).getByLabel(L('aus.until'));
    await until.waitFor();
    await expect.poll(() => hasFocus(until)).toBe(true);
    expect(await until.inputValue()).toBe(dayOffset(20));
    expect(await inView(until, VIEWPORTS[device])).toBe(true);

    await page.goto(`/admin${q}`);
    await todo().getByRole('link', { name: silentName }).click();
    await page.waitForURL(new RegExp(`/admin/products/${markedId}.*#usage-returns-${silentId}$`));
    const heading = page.locator('gi-usage-returns').filter({ has: page.locator(`#usage-returns-${silentId}`) }).getByRole('heading', { name: L('ret.heading') });
    await heading.waitFor();
    await expect.poll(() => hasFocus(heading)).toBe(true);
    expect(await inView(heading, VIEWPORTS[device])).toBe(true);
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

  it('“My products” is in the page’s order: alphabetical by English name in English, by pinyin in Chinese', async () => {
    await page.goto(`/admin${q}`);
    const list = page.locator('gi-my-products');
    const names = list.getByRole('table').locator('tbody tr td:first-child');
    await names.first().waitFor();
    const shown = await names.allTextContents();
    if (lang === 'en') {
      // The names shown in English (the others are Chinese names, ordered by their pinyin) are alphabetical, Zz last.
      const english = shown.map((n) => n.trim()).filter((n) => /^[\x20-\x7e]+$/.test(n));
      expect(english).toContain('Qinshui honey');
      const key = (n: string) => n.toLowerCase();
      expect(english).toEqual([...english].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)));
      expect(english.indexOf(sortEn)).toBeGreaterThan(english.indexOf('Qinshui honey'));
    } else {
      expect(shown.indexOf(sortZh)).toBeGreaterThanOrEqual(0);
      expect(shown.indexOf(sortZh)).toBeLessThan(shown.indexOf('沁水蜂蜜'));
    }
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
