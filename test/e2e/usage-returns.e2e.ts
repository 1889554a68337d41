/**
 * Yearly usage returns in the browser, in Chinese and in English: a county official issues a return link
 * to an authorised user in the workspace (desktop) and copies its address; the company opens it on a
 * 390×844 phone without an account, sees only its name, GI and year, has a wrong figure refused beside its
 * field in the page's language only, and submits; the link then says it has been used; the official sees
 * the return awaiting review, accepts it, and the product's history tells it in a sentence. axe is clean on
 * the workspace panel and on the phone's page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { marks } from '../../client/i18n/marks';
import { product } from '../../client/i18n/product';
import { returns } from '../../client/i18n/returns';
import type { UsageReturnList } from '../../db/model';
import { addAccount, PASSWORD, send, signIn } from '../server/fixtures';
import { startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';

let server: TestServer;
let browser: Browser;
let officialCookie: string;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addAccount(server.db, 'qs-returns-e2e', 'official', '140521');
  officialCookie = await signIn(server.url, 'qs-returns-e2e');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fail = (key: string): never => { throw new Error(`no string ${key}`); };

/** The pages' strings in one language, filled like t() does. */
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = { ...common[lang], ...admin[lang], ...product[lang], ...marks[lang], ...returns[lang] };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

const year = new Date().getFullYear() - 1;

describe.each(['zh', 'en'] as const)('a yearly usage return through a link (%s)', (lang) => {
  const L = strings(lang);
  const q = lang === 'en' ? '?lang=en' : '';
  const tag = lang === 'en' ? '乙' : '甲';
  const productZh = `报告测试核桃${tag}`;
  const productEn = `Report walnut ${tag}`;
  const company = `沁水县报告${tag}核桃专业合作社`;

  let productId: number;
  let userId: number;
  let page: Page;
  let context: BrowserContext;
  let phone: Page;
  let address = '';

  beforeAll(async () => {
    const created = await send(server.url, 'POST', '/api/products', {
      nameZh: productZh, nameEn: productEn, category: 'food', counties: ['140521'], visibility: 'public',
    }, officialCookie);
    expect(created.status).toBe(201);
    productId = created.body.id;
    const d = await send(server.url, 'POST', `/api/products/${productId}/designations`, { giType: 'agricultural_product', startedOn: '2015-01-01' }, officialCookie);
    for (const [to, on] of [['filed', '2016-03'], ['granted', '2017-05-20']]) {
      const moved = await send(server.url, 'POST', `/api/designations/${d.body.id}/transitions`, { to, on, note: '', confirmIncomplete: true }, officialCookie);
      expect(moved.status, JSON.stringify(moved.body)).toBe(201);
    }
    const user = await send(server.url, 'POST', `/api/designations/${d.body.id}/authorized-users`, { name: company, basis: 'approved_producer', from: '2021-04-01' }, officialCookie);
    expect(user.status).toBe(201);
    userId = user.body.id;
    const official = await openPage(browser, server.url, { locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    expect((await official.context.request.post('/api/session', { data: { username: 'qs-returns-e2e', password: PASSWORD } })).status()).toBe(200);
    ({ page, context } = official);
    page.setDefaultTimeout(10_000);
    const holder = await openPage(browser, server.url, { viewport: { width: 390, height: 844 }, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    phone = holder.page;
    phone.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await context?.close();
    await phone?.context().close();
  });

  const returnsNow = async () => ((await send(server.url, 'GET', `/api/authorized-users/${userId}/usage-returns`, undefined, officialCookie)).body as UsageReturnList);
  /** The returns under the product's one authorised user. */
  const panel = () => page.locator('gi-usage-returns');

  it('an official issues a link for last year in the workspace and gets an address to copy, with a QR code', async () => {
    await page.goto(`/admin/products/${productId}${q}`);
    await page.getByRole('button', { name: L('editor.designations'), exact: true }).click(); // the GIs' section, closed on load
    const returnsPanel = panel();
    await returnsPanel.getByText(L('ret.none')).waitFor();
    await returnsPanel.getByText(L('ret.issue'), { exact: true }).click();
    const form = returnsPanel.getByRole('form', { name: L('ret.issueOf', { name: company }) });
    await form.getByLabel(L('ret.field.year')).selectOption({ label: L('ret.year', { year }) });
    await form.getByRole('button', { name: L('ret.issueSubmit') }).click();
    const field = returnsPanel.getByLabel(L('ret.linkLabel', { year }));
    await field.waitFor();
    address = await field.inputValue();
    expect(address).toMatch(new RegExp(`^${server.url}/return/[A-Za-z0-9_-]{43}$`));
    await returnsPanel.getByRole('img', { name: L('ret.qr') }).waitFor();
    // The open link is listed (without its address, which is not kept).
    await returnsPanel.getByText(L('ret.openLink', { year, date: '@' }).split('@')[0]).waitFor();
    expect((await returnsNow()).links).toHaveLength(1);
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(returnsPanel, `${lang}-returns-1-link`);
  });

  it('the company fills it on a phone: only its name, GI and year; a wrong figure is refused in its language; then it is sent once', async () => {
    await phone.goto(`${new URL(address).pathname}${q}`);
    await phone.getByRole('heading', { name: L('return.title') }).waitFor();
    const facts = phone.locator('gi-return-page dl');
    await facts.getByText(company, { exact: true }).waitFor();
    expect(await facts.textContent()).toContain(lang === 'en' ? productEn : productZh);
    expect(await facts.textContent()).toContain(L('giType.agricultural_product'));
    expect(await facts.textContent()).toContain(L('ret.year', { year }));

    const form = phone.getByRole('form', { name: L('return.title') });
    await form.getByLabel(L('ret.field.marked')).fill('60');
    await form.getByLabel(L('ret.field.output')).fill('55');
    await form.getByLabel(L('ret.field.marks')).fill('8000');
    await form.getByLabel(L('ret.field.channels')).fill(lang === 'en' ? 'online, markets' : '电商平台、批发市场');
    await form.getByRole('button', { name: L('return.submit') }).click();
    const mine = lang === 'en' ? 'The marked volume may not exceed the output' : '用标数量不能大于产量';
    const other = lang === 'en' ? '用标数量不能大于产量' : 'The marked volume may not exceed the output';
    await form.getByText(mine).waitFor();
    expect(await form.getByText(other).count()).toBe(0);
    expect(await form.getByLabel(L('ret.field.marked')).getAttribute('aria-invalid')).toBe('true');
    expect((await returnsNow()).items).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(phone)).toEqual([]);
    await saveShot(phone, `${lang}-returns-2-phone`, true);

    await form.getByLabel(L('ret.field.marked')).fill('40');
    await form.getByRole('button', { name: L('return.submit') }).click();
    await phone.getByText(L('return.done')).waitFor();
    expect((await returnsNow()).items).toEqual([expect.objectContaining({
      year, markedTonnes: 40, outputTonnes: 55, marksPrinted: 8000, status: 'submitted', via: 'link',
      channels: lang === 'en' ? ['online', 'markets'] : ['电商平台', '批发市场'],
    })]);

    // Single use: opening it again says so.
    await phone.reload();
    await phone.getByText(L('return.gone')).waitFor();
  });

  it('the official sees it awaiting review, accepts it, and the history tells it in a sentence', async () => {
    await page.reload();
    await page.getByRole('button', { name: L('editor.designations'), exact: true }).click(); // the GIs' section, closed on load
    const returnsPanel = panel();
    await returnsPanel.getByText(L('ret.status.submitted')).waitFor();
    await returnsPanel.getByRole('button', { name: L('ret.acceptOf', { name: company, year }) }).click();
    await returnsPanel.getByText(L('ret.status.accepted')).waitFor();
    expect((await returnsNow()).items[0]).toMatchObject({ status: 'accepted', reviewedBy: 'qs-returns-e2e' });
    const channels = lang === 'en' ? 'online, markets' : '电商平台、批发市场';
    const sentence = lang === 'en'
      ? `${company}, usage return for ${year}: 40 t marked, output 55 t, 8,000 marks printed, channels: ${channels}; accepted`
      : `${company} ${year} 年度用标报告：用标 40 吨，产量 55 吨，印制标志 8,000 枚，渠道：${channels}，已接受`;
    await page.getByRole('button', { name: L('editor.history'), exact: true }).click();
    await page.locator('gi-audit-history').getByText(sentence, { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page.locator('gi-audit-history'), `${lang}-returns-3-history`);
  });
});
