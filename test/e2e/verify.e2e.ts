/**
 * Authorised users and public verification in the browser, in Chinese and in English: a county
 * official adds a user of a collective mark in the workspace (a wrong credit code is refused beside
 * its field in the page's language; only the bases that fit the mark are offered) and suspends
 * another; a buyer on a 390×844 phone types part of the name on /verify and reads "可以使用" with the
 * GI, its number and since when; the one suspended without a decision reads "不能使用（目前不是有效用标企业）"
 * and is not on the product page (a decision is shown only with its number and window: verify-act.e2e.ts);
 * an unknown name gets the not-found sentence with the registry's size; the address holds the query, so a
 * reload gives the same answer; the product page lists the users in words; past the rate limit the page
 * says to try again later. axe is clean on the editor and the verification page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { marks } from '../../client/i18n/marks';
import { product } from '../../client/i18n/product';
import { verifyAct } from '../../client/i18n/verify-act';
import type { AuthorizedUser } from '../../db/model';
import { addAccount, creditCode, PASSWORD, send, signIn } from '../server/fixtures';
import { startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot, type WatchedPage } from './support/browser';

let server: TestServer;
let browser: Browser;
let officialCookie: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addAccount(server.db, 'qs-verify', 'official', '140521');
  officialCookie = await signIn(server.url, 'qs-verify');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fail = (key: string): never => { throw new Error(`no string ${key}`); };

/** The pages' strings in one language, filled like t() does. */
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = { ...common[lang], ...admin[lang], ...product[lang], ...marks[lang], ...verifyAct[lang] };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

describe.each(['zh', 'en'] as const)('authorised users and verification (%s)', (lang) => {
  const L = strings(lang);
  const q = lang === 'en' ? '?lang=en' : '';
  const tag = lang === 'en' ? '乙' : '甲';
  const productZh = `验证测试蜂蜜${tag}`;
  const productEn = `Verification honey ${tag}`;
  const shownProduct = lang === 'en' ? productEn : productZh;
  const member = `沁水县蜜源${tag}蜂业专业合作社`;
  const suspended = `沁水县停用${tag}蜂产品有限公司`;
  const memberCode = creditCode(lang === 'en' ? '93140521MA0KXRE11' : '93140521MA0KXRB11');
  const number = lang === 'en' ? '第71234号' : '第61234号';

  let productId: number;
  let designationId: number;
  let official: WatchedPage;
  let page: Page;
  let context: BrowserContext;
  let phone: Page;

  beforeAll(async () => {
    const created = await send(server.url, 'POST', '/api/products', {
      nameZh: productZh, nameEn: productEn, category: 'food', counties: ['140521'], visibility: 'public',
    }, officialCookie);
    expect(created.status).toBe(201);
    productId = created.body.id;
    const d = await send(server.url, 'POST', `/api/products/${productId}/designations`,
      { giType: 'trademark', markKind: 'collective', number, startedOn: '2015-01-01' }, officialCookie);
    designationId = d.body.id;
    for (const [to, on] of [['filed', '2016-03'], ['granted', '2017-05-20']]) {
      const moved = await send(server.url, 'POST', `/api/designations/${designationId}/transitions`, { to, on, note: '', confirmIncomplete: true }, officialCookie);
      expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    }
    const other = await send(server.url, 'POST', `/api/designations/${designationId}/authorized-users`,
      { name: suspended, basis: 'approved_producer', from: '2020-01-01' }, officialCookie);
    expect(other.status).toBe(201);
    official = await openPage(browser, server.url, { locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    const res = await official.context.request.post('/api/session', { data: { username: 'qs-verify', password: PASSWORD } });
    expect(res.status()).toBe(200);
    ({ page, context } = official);
    page.setDefaultTimeout(10_000);
    const buyer = await openPage(browser, server.url, { viewport: { width: 390, height: 844 }, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    phone = buyer.page;
    phone.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await context?.close();
    await phone?.context().close();
  });

  const usersNow = async () => ((await send(server.url, 'GET', `/api/products/${productId}`, undefined, officialCookie)).body.authorizedUsers as AuthorizedUser[]);

  it('an official adds a user of the collective mark, the credit code checked beside its field, and suspends another', async () => {
    await page.goto(`/admin/products/${productId}${q}`);
    await page.getByRole('button', { name: L('editor.designations'), exact: true }).click(); // the GIs' section, closed on load
    const editor = page.locator('gi-authorized-users-editor');
    await editor.getByRole('heading', { name: L('aus.heading', { n: 1 }) }).waitFor();
    await editor.getByText(L('aus.add'), { exact: true }).click();
    const form = editor.getByRole('form', { name: L('aus.add') });
    await form.getByLabel(L('aus.name')).fill(member);
    await form.getByLabel(L('aus.creditCode')).fill(`${memberCode.slice(0, 17)}${memberCode[17] === '0' ? '1' : '0'}`);
    // Only the bases a collective mark can have are offered.
    const bases = await form.getByLabel(L('aus.basis')).locator('option').allTextContents();
    expect(bases).toEqual([L('basis.approved_producer'), L('basis.collective_member'), L('basis.other_registered')]);
    await form.getByLabel(L('aus.basis')).selectOption({ label: L('basis.collective_member') });
    await form.getByLabel(L('aus.reference')).fill('备案第8号');
    await form.getByLabel(L('aus.from')).fill('2023-03-01');
    await form.getByRole('button', { name: L('aus.addSubmit') }).click();
    await form.getByText(L('model.creditCodeCheck')).waitFor();
    expect(await form.getByLabel(L('aus.creditCode')).getAttribute('aria-invalid')).toBe('true');
    expect(await usersNow()).toHaveLength(1);
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel(L('aus.creditCode')).fill(memberCode.toLowerCase());
    await form.getByRole('button', { name: L('aus.addSubmit') }).click();
    await editor.getByRole('heading', { name: L('aus.heading', { n: 2 }) }).waitFor();
    await editor.getByRole('list', { name: L('aus.list') }).getByText(member, { exact: true }).waitFor();
    expect((await usersNow()).find((u) => u.name === member)).toMatchObject({ creditCode: memberCode, basis: 'collective_member', from: '2023-03-01', status: 'active' });

    await editor.getByRole('button', { name: L('aus.actionOf', { action: L('aus.suspend'), name: suspended }) }).click();
    await editor.getByRole('button', { name: L('aus.actionOf', { action: L('aus.reactivate'), name: suspended }) }).waitFor();
    expect((await usersNow()).find((u) => u.name === suspended)?.status).toBe('suspended');
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(editor, `${lang}-verify-1-editor`);
  });

  it('a buyer on a phone types part of the name and reads that it may use the mark, with the GI, its number and since when', async () => {
    await phone.goto(`/verify${q}`);
    const field = phone.getByLabel(L('verify.label'));
    await field.fill(`蜜源${tag}蜂业`);
    await phone.getByRole('button', { name: L('verify.submit') }).click();
    await phone.waitForURL((url) => url.searchParams.get('q') === `蜜源${tag}蜂业`);
    const card = phone.getByRole('article', { name: member });
    await card.getByText(L('verify.reason.valid'), { exact: true }).waitFor();
    await card.getByRole('link', { name: L('verify.product', { name: shownProduct }) }).waitFor();
    const text = await card.textContent();
    expect(text).toContain(memberCode);
    expect(text).toContain(number);
    expect(text).toContain(L('giType.trademark'));
    expect(text).toContain(L('basis.collective_member'));
    expect(text).toContain(lang === 'en' ? '2023-03-01' : '2023-03-01');
    // Phone first: nothing wider than the screen.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(phone)).toEqual([]);
    await saveShot(phone, `${lang}-verify-2-phone`, true);

    // The address reproduces the answer.
    await phone.reload();
    await phone.getByRole('article', { name: member }).getByText(L('verify.reason.valid'), { exact: true }).waitFor();
    expect(await phone.getByLabel(L('verify.label')).inputValue()).toBe(`蜜源${tag}蜂业`);
  });

  it('a user suspended without a decision reads “not currently authorised”, and an unknown name the not-found sentence', async () => {
    const field = phone.getByLabel(L('verify.label'));
    await field.fill(`停用${tag}`);
    await field.press('Enter');
    await phone.getByRole('article', { name: suspended }).getByText(L('verify.reason.not_authorised'), { exact: true }).waitFor();
    expect(await phone.getByText(L('verify.reason.valid'), { exact: true }).count()).toBe(0);

    await field.fill('完全不存在的公司');
    await field.press('Enter');
    const { registry } = (await send(server.url, 'GET', `/api/verify?q=${encodeURIComponent('完全不存在的公司')}`)).body;
    await phone.getByText(L('answer.notFound', { users: registry.users, designations: registry.designations, date: registry.lastChangedOn })).waitFor();
    expect(await phone.getByRole('article').count()).toBe(0);
    expect(await seriousViolations(phone)).toEqual([]);

    // Too short: said beside the field, nothing asked.
    await field.fill('蜂');
    await field.press('Enter');
    await phone.getByText(L('verify.tooShort')).waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
  });

  it('the product page lists the users and whether each may use the mark, in words (not one suspended without a decision)', async () => {
    await phone.goto(`/products/${productId}${q}`);
    const table = phone.getByRole('table', { name: L('users.heading') });
    await table.getByRole('row', { name: new RegExp(member) }).getByText(L('verify.reason.valid')).waitFor();
    expect(await table.getByRole('row', { name: new RegExp(suspended) }).count()).toBe(0);
    await phone.locator('gi-authorized-users').first().getByRole('link', { name: L('verify.title') }).click();
    await phone.waitForURL(/\/verify/);
    await phone.getByLabel(L('verify.label')).waitFor();
  });
});

describe('too many checks', () => {
  it('says “try again later” in words once the address has asked too often', async () => {
    // Exhaust this address's allowance (the browser asks from the same address), then ask in the page.
    for (let i = 0; i < 61; i++) if ((await fetch(`${server.url}/api/verify?q=${encodeURIComponent('限流测试')}`)).status === 429) break;
    const L = strings('zh');
    const { page, context } = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
    await page.goto(`/verify?q=${encodeURIComponent('任何企业')}`);
    await page.getByRole('alert').getByText(L('verify.tooMany')).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
