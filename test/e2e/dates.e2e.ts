/**
 * Dates as known and sources as links, in the browser: a grant known only as "2020" reads "2020年" in
 * Chinese and "2020" in English (never 2020-01-01), its source is a link, Chinese notes on an English
 * page are marked as Chinese, figures show as a table, and an official records a move dated "2024-05"
 * in the workspace and sees "2024年5月".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from '../support/server';
import { addAccount, PASSWORD, send, signIn } from '../server/fixtures';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';

let server: TestServer;
let browser: Browser;
let sampleId: number;
const HONEY = 1; // 沁水蜂蜜: a certification mark known to be registered in 2020
const COCOONS = 5; // 阳城蚕茧: industry figures for 2025

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addAccount(server.db, 'qinshui', 'official', '140521');
  const cookie = await signIn(server.url, 'qinshui');
  sampleId = (await send(server.url, 'POST', '/api/products', { nameZh: '沁水日期样品', category: 'food', counties: ['140521'] }, cookie)).body.id;
  const started = await send(server.url, 'POST', `/api/products/${sampleId}/designations`, { giType: 'agricultural_product', startedOn: '2024-01' }, cookie);
  expect(started.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dates and sources on the public product page', () => {
  it('shows a year-only grant as 2020年, its source as a link, in Chinese', async () => {
    const { page, context, consoleErrors, foreignRequests } = await openPage(browser, server.url);
    await page.goto(`/products/${HONEY}`);
    const mark = page.getByRole('article', { name: /地理标志商标（证明商标）/ });
    await mark.getByText('已获批（当前）').waitFor();
    const granted = mark.locator('dt', { hasText: '获批日期' }).locator('xpath=following-sibling::dd[1]');
    expect(await granted.textContent()).toBe('2020年');
    expect(await mark.locator('ol.timeline time').allTextContents()).toEqual(['2020年', '2020年', '2020年']);
    expect(await mark.locator('ol.timeline time').first().getAttribute('datetime')).toBe('2020');
    await mark.getByText('来源：https://sqrdapp.com/news/2020/11/576065.html（可信度：一般）').first().waitFor();
    const link = mark.getByRole('link', { name: 'sqrdapp.com' });
    expect(await link.getAttribute('href')).toBe('https://sqrdapp.com/news/2020/11/576065.html');
    expect((await link.getAttribute('rel'))!.split(' ').sort()).toEqual(['external', 'noopener', 'noreferrer']);
    expect(await page.locator('body').innerText()).not.toContain('2020-01-01');
    await saveShot(page, 'dates-zh-honey', true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('shows it as 2020 in English, with the Chinese notes marked as Chinese', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url, { locale: 'en-US' });
    await page.goto(`/products/${HONEY}?lang=en`);
    const mark = page.getByRole('article', { name: /GI trademark \(certification mark\)/ });
    await mark.getByText('Granted (current)').waitFor();
    const granted = mark.locator('dt', { hasText: 'Granted on' }).locator('xpath=following-sibling::dd[1]');
    expect(await granted.textContent()).toBe('2020');
    expect(await mark.locator('ol.timeline time').allTextContents()).toEqual(['2020', '2020', '2020']);
    const notes = mark.locator('dt', { hasText: 'Notes' }).locator('xpath=following-sibling::dd[1]');
    expect(await notes.locator('span[lang="zh-CN"]').first().textContent()).toMatch(/^2020年11月前已注册/);
    await notes.getByText('(中文)').waitFor();
    expect(await page.locator('body').innerText()).not.toContain('2020-01-01');
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('shows industry figures by year with their sources', async () => {
    const { page, context } = await openPage(browser, server.url);
    await page.goto(`/products/${COCOONS}`);
    const table = page.getByRole('region', { name: '产业数据' }).getByRole('table');
    await table.getByRole('rowheader', { name: '2025年' }).waitFor();
    await table.getByRole('cell', { name: '9,000', exact: true }).waitFor();
    await table.getByRole('link', { name: 'info.fangzhizaixian.com' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('dates in the workspace', () => {
  it('takes a move dated 2024-05 and shows it as 2024年5月; refuses one certainly before it', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url);
    page.setDefaultTimeout(10_000);
    await page.goto('/admin');
    await page.getByLabel('用户名').fill('qinshui');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('table').getByRole('link', { name: '沁水日期样品' }).click(); // the to-do list links the draft too
    await page.getByRole('button', { name: '地理标志保护', exact: true, expanded: false }).click(); // the editor's GI section
    const card = page.locator('gi-designation-card');
    await card.getByRole('listitem').filter({ hasText: '2024年1月' }).waitFor();

    await card.getByLabel('下一状态').selectOption({ label: '已撤回' });
    await card.getByLabel('变更日期').fill('2024-05');
    await card.getByRole('button', { name: '记录状态变更' }).click();
    await card.getByRole('listitem').filter({ hasText: '2024年5月' }).waitFor();
    expect(await card.locator('ol time').allTextContents()).toEqual(['2024年1月', '2024年5月']);

    await card.getByLabel('下一状态').selectOption({ label: '培育中' });
    await card.getByLabel('变更日期').fill('2024-04');
    await card.getByRole('button', { name: '记录状态变更' }).click();
    await card.getByText('日期不能早于上一次变更（2024年5月）。').waitFor();
    expect(await card.getByLabel('变更日期').getAttribute('aria-invalid')).toBe('true');
    await saveShot(page, 'dates-zh-workspace', true);
    expect(await seriousViolations(page)).toEqual([]);
    // The workspace asks for the session before signing in: that one 401 is expected.
    expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  });
});
