/**
 * Two officials of one county (two browser contexts: one in Chinese on a phone, one in English on a
 * desktop) open the same product. Both change its description: the first save goes through; the second,
 * based on what its page showed before, is refused with the "changed by someone else" notice, which shows
 * the first official's text. "Reload, keeping what you typed" keeps the second official's description and
 * takes the first's change of a field the second did not touch; saving again succeeds, knowingly. The same
 * for one dossier item. Then the other way round, so each language and screen sees the notice once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { cultivation } from '../../client/i18n/cultivation';
import type { Dossier, Product } from '../../db/model';
import { createUser } from '../../server/domain/accounts/accounts';
import { send, signIn } from '../server/fixtures';
import { startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot, type WatchedPage } from './support/browser';
import { useSession } from './support/session';

/** Each official: their language and screen, and a password the password rule takes. */
const OFFICIALS = {
  first: { username: 'qs-first', password: 'honey jars on the kiln wall', lang: 'zh', viewport: { width: 390, height: 844 }, locale: 'zh-CN' },
  second: { username: 'qs-second', password: 'millet drying by the river', lang: 'en', viewport: { width: 1280, height: 800 }, locale: 'en-US' },
} as const;
type Who = keyof typeof OFFICIALS;

let server: TestServer;
let browser: Browser;
const cookies = {} as Record<Who, string>;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  for (const who of ['first', 'second'] as const) {
    const o = OFFICIALS[who];
    await createUser(server.db, null, { username: o.username, password: o.password, role: 'official', county: '140521' });
    cookies[who] = await signIn(server.url, o.username, o.password);
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fail = (key: string): never => { throw new Error(`no string ${key}`); };
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = { ...common[lang], ...admin[lang], ...cultivation[lang] };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

/** An official's page of the product, in their language and on their screen. */
async function openProduct(who: Who, productId: number): Promise<{ page: Page; watched: WatchedPage; L: ReturnType<typeof strings> }> {
  const o = OFFICIALS[who];
  const watched = await openPage(browser, server.url, { viewport: o.viewport, locale: o.locale });
  await useSession(watched.context, server.url, cookies[who]);
  const page = watched.page;
  page.setDefaultTimeout(15_000);
  await page.goto(`/admin/products/${productId}${o.lang === 'en' ? '?lang=en' : ''}`);
  await page.locator('gi-product-editor').getByRole('heading', { level: 1 }).waitFor();
  return { page, watched, L: strings(o.lang) };
}

const product = async (id: number): Promise<Product> => (await send(server.url, 'GET', `/api/products/${id}`, undefined, cookies.first)).body;

describe.each([['first', 'second'], ['second', 'first']] as const)('two officials change one product (%s saves first)', (earlier, later) => {
  let productId: number;
  let itemKey: string;
  let itemTitle: Record<'zh' | 'en', string>;

  beforeAll(async () => {
    const created = await send(server.url, 'POST', '/api/products', {
      nameZh: `两人同改${earlier}`, category: 'food', counties: ['140521'], visibility: 'draft', description: '最初的介绍', quality: '最初的品质',
    }, cookies.first);
    expect(created.status).toBe(201);
    productId = created.body.id;
    const mark = await send(server.url, 'POST', `/api/products/${productId}/designations`, { giType: 'trademark', markKind: 'collective' }, cookies.first);
    expect(mark.status).toBe(201);
    const dossier: Dossier = (await send(server.url, 'GET', `/api/designations/${mark.body.id}/dossier`, undefined, cookies.first)).body;
    const item = dossier.items[0];
    itemKey = item.key;
    itemTitle = { zh: item.titleZh, en: item.titleEn || item.titleZh };
  });

  it('the later save shows what the earlier one wrote, keeps what was typed, and goes through knowingly', async () => {
    const a = await openProduct(earlier, productId);
    const b = await openProduct(later, productId);
    const details = (p: typeof a) => p.page.locator('gi-product-editor').getByRole('button', { name: p.L('editor.details'), exact: true });
    const form = (p: typeof a) => p.page.locator('gi-product-form');
    for (const p of [a, b]) await details(p).click();

    // Both have the form open on the same product; the earlier official changes its description and quality.
    await form(a).getByLabel(a.L('form.description')).fill('先保存的人写的介绍');
    await form(a).getByLabel(a.L('form.quality')).fill('先保存的人写的品质');
    await form(a).getByRole('button', { name: a.L('form.save'), exact: true }).click();
    await form(a).getByRole('status').filter({ hasText: a.L('form.saved') }).waitFor();

    // The later one, whose page still shows the first text, changes the description only.
    expect(await form(b).getByLabel(b.L('form.description')).inputValue()).toBe('最初的介绍');
    await form(b).getByLabel(b.L('form.description')).fill('后保存的人写的介绍');
    await form(b).getByRole('button', { name: b.L('form.save'), exact: true }).click();
    const notice = form(b).getByRole('alert').filter({ hasText: b.L('stale.title') });
    await notice.waitFor();
    // What is there now is told: the earlier official's text, under the field's label.
    await notice.getByText('先保存的人写的介绍').waitFor();
    expect(await notice.textContent()).toContain(b.L('form.description'));
    expect(await product(productId)).toMatchObject({ description: '先保存的人写的介绍', quality: '先保存的人写的品质' });
    expect(await b.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(OFFICIALS[later].viewport.width);
    // The notice takes the focus to its button (on a phone the form's top is screens above its save button).
    const reload = notice.getByRole('button', { name: b.L('stale.reload') });
    await expect.poll(() => reload.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    expect(await seriousViolations(b.page)).toEqual([]);
    await saveShot(notice, `two-sessions-${OFFICIALS[later].lang}-product-notice`);

    await reload.click();
    await notice.waitFor({ state: 'detached' });
    // What was typed stays; the field not touched shows the other's change.
    expect(await form(b).getByLabel(b.L('form.description')).inputValue()).toBe('后保存的人写的介绍');
    expect(await form(b).getByLabel(b.L('form.quality')).inputValue()).toBe('先保存的人写的品质');
    await form(b).getByRole('button', { name: b.L('form.save'), exact: true }).click();
    await form(b).getByRole('status').filter({ hasText: b.L('form.saved') }).waitFor();
    expect(await product(productId)).toMatchObject({ description: '后保存的人写的介绍', quality: '先保存的人写的品质' });

    // One dossier item, the same way: the earlier official names its owner, the later one writes a note.
    const item = (p: typeof a) => {
      const title = itemTitle[OFFICIALS[p === a ? earlier : later].lang];
      return { form: p.page.locator('gi-dossier-editor').getByRole('form', { name: title, exact: true }), title };
    };
    for (const p of [a, b]) {
      await p.page.locator('gi-product-editor').getByRole('button', { name: p.L('editor.designations'), exact: true }).click();
      const { form: f, title } = item(p);
      await f.getByRole('button', { name: title, exact: true }).click();
      await f.getByLabel(p.L('dossier.owner')).waitFor();
    }
    const first = item(a);
    await first.form.getByLabel(a.L('dossier.owner')).fill('县市场监管局');
    await first.form.getByRole('button', { name: a.L('dossier.save', { title: first.title }) }).click();
    await first.form.getByRole('status').filter({ hasText: a.L('form.saved') }).waitFor();

    const second = item(b);
    await second.form.getByLabel(b.L('dossier.note')).fill('资料已收齐一半');
    await second.form.getByRole('button', { name: b.L('dossier.save', { title: second.title }) }).click();
    const itemNotice = second.form.getByRole('alert').filter({ hasText: b.L('stale.title') });
    await itemNotice.waitFor();
    await itemNotice.getByText('县市场监管局').waitFor();
    await saveShot(itemNotice, `two-sessions-${OFFICIALS[later].lang}-item-notice`);
    await itemNotice.getByRole('button', { name: b.L('stale.reload') }).click();
    expect(await second.form.getByLabel(b.L('dossier.note')).inputValue()).toBe('资料已收齐一半');
    expect(await second.form.getByLabel(b.L('dossier.owner')).inputValue()).toBe('县市场监管局');
    await second.form.getByRole('button', { name: b.L('dossier.save', { title: second.title }) }).click();
    await second.form.getByRole('status').filter({ hasText: b.L('form.saved') }).waitFor();
    const dossier: Dossier = (await send(server.url, 'GET', `/api/designations/${(await product(productId)).designations[0].id}/dossier`, undefined, cookies.first)).body;
    expect(dossier.items.find((i) => i.key === itemKey)).toMatchObject({ owner: '县市场监管局', note: '资料已收齐一半' });

    expect(a.watched.consoleErrors.filter((e) => !/412|Precondition/.test(e))).toEqual([]);
    expect(b.watched.consoleErrors.filter((e) => !/412|Precondition/.test(e))).toEqual([]);
    await a.watched.context.close();
    await b.watched.context.close();
  });
});
