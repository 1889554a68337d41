/**
 * The public pages' words (issue 22): the tally asks nobody's session unless someone signed in here
 * (no 401 in every visitor's console), company names are marked Chinese on English pages, counts use
 * real plural forms, and the verification page is named for what it checks (a company's right to use a mark, the
 * same words in the header, its heading and its title).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import * as schema from '../../db/schema';
import { startServer, type TestServer } from '../support/server';
import { launchBrowser, openPage } from './support/browser';

const COMPANY = '晋城语言测试蜂业有限公司';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  // An authorised user of a granted trademark of a public product.
  const designation = server.db.select({ id: schema.designations.id }).from(schema.designations)
    .innerJoin(schema.products, eq(schema.products.id, schema.designations.productId))
    .where(and(eq(schema.designations.giType, 'trademark'), eq(schema.designations.status, 'granted'), eq(schema.products.visibility, 'public'))).get()!;
  server.db.insert(schema.authorizedUsers).values({ designationId: designation.id, name: COMPANY, nameKey: COMPANY, basis: 'collective_member', from: '2023-03-01' }).run();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the tally for a visitor', () => {
  it.each(['zh', 'en'])('asks for no session and logs no error (%s)', async (lang) => {
    const { page, context, consoleErrors } = await openPage(browser, server.url);
    const asked: string[] = [];
    page.on('request', (r) => { if (new URL(r.url()).pathname === '/api/session') asked.push(r.url()); });
    await page.goto(`/tally?lang=${lang}`);
    await page.locator('gi-tally-card').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(asked).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('the tally\'s two household figures', () => {
  it.each([
    { lang: 'zh', model: '产业化经营模式中的农户（户）', latest: '最新年度产业数据中的农户（户）' },
    { lang: 'en', model: 'Households in the cooperative-farmer models', latest: 'Households in the latest industry figures' },
  ])('say which each is ($lang)', async ({ lang, model, latest }) => {
    const { page, context } = await openPage(browser, server.url);
    await page.goto(`/tally?lang=${lang}`);
    const term = (dd: string) => page.locator(`dl div:has(dd[data-total=${dd}]) dt`);
    await term('households').waitFor();
    expect(await term('households').textContent()).toBe(model);
    expect(await term('latest-households').textContent()).toBe(latest);
    await context.close();
  });
});

describe('verification in English', () => {
  it('is named for checking a company, counts in words, and marks the company\'s name as Chinese', async () => {
    const { page, context } = await openPage(browser, server.url, { locale: 'en-US' });
    await page.goto(`/verify?lang=en&q=${encodeURIComponent('语言测试蜂业')}`);
    await page.getByRole('heading', { level: 1, name: 'Check a company’s right to use a GI mark' }).waitFor();
    expect(await page.title()).toBe('Check a company’s right to use a GI mark · Jincheng GI');
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Check a company’s right to use a GI mark', exact: true }).waitFor();
    await page.getByText(/^1 company found/).waitFor();
    const name = page.getByRole('heading', { level: 2, name: COMPANY });
    expect(await name.getAttribute('lang')).toBe('zh-CN');
    await context.close();
  });
});
