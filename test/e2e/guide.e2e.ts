/**
 * The public guide, the site footer and the large-text display in the browser, in Chinese and English, on
 * a phone (390×844) and a desktop: the guide is reached from the header and the footer and names every GI
 * type (with its law and grantor) and every status (with its meaning) of the model; the footer shows the
 * configured issuer, contact and record numbers (the ICP number linked to the MIIT lookup) and no line that
 * is not configured; the large-text switch scales the type and is remembered; axe is clean in both displays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { common } from '../../client/i18n/common';
import { guide } from '../../client/i18n/guide';
import { marks } from '../../client/i18n/marks';
import { places } from '../../client/i18n/places';
import { GI_TYPE_RULES, GI_TYPES, LABELS, STATUS_MEANINGS, STATUSES } from '../../db/model';
import { startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const LINES = { SITE_CONTACT: '0356-2020202', SITE_ID_CODE: '1405000099', ICP_RECORD: '晋ICP备00000001号', PSB_RECORD: '晋公网安备 14050200000001号' };

let configured: TestServer;
let bare: TestServer;
let browser: Browser;

beforeAll(async () => {
  [configured, bare, browser] = await Promise.all([startServer({ env: LINES }), startServer({ seed: false }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await configured?.close();
  await bare?.close();
});

/** The strings of the guide and the shell in one language, filled like t() does. */
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = { ...common[lang], ...places[lang], ...guide[lang], ...marks[lang] };
  return (key: string, vars: Record<string, string | number> = {}) => {
    const s = all[key];
    if (s === undefined) throw new Error(`no string ${key}`);
    return s.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
  };
}

/** Nothing is wider than the window (no sideways scrolling). */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe.each(['zh', 'en'] as const)('the guide (%s)', (lang) => {
  const L = strings(lang);
  const q = lang === 'en' ? '?lang=en' : '';
  const locale = lang === 'en' ? 'en-US' : 'zh-CN';

  it.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])('is reached from the header and the footer and lists every type and status of the model (%s)', async (size) => {
    const { page, context, consoleErrors, foreignRequests } = await openPage(browser, configured.url, { locale, viewport: VIEWPORTS[size] });
    page.setDefaultTimeout(10_000);
    await page.goto(`/verify${q}`);
    await page.getByRole('navigation', { name: L('nav.main') }).getByRole('link', { name: L('guide.nav'), exact: true }).click();
    const heading = page.getByRole('heading', { level: 1, name: L('guide.heading') });
    await heading.waitFor();
    expect(new URL(page.url()).pathname).toBe('/guide');
    await expect.poll(() => page.title()).toBe(L('title.of', { page: L('guide.heading') }));

    for (const g of GI_TYPES) {
      const rules = GI_TYPE_RULES[g];
      await page.getByRole('heading', { level: 3, name: rules.label[lang] }).waitFor();
      await page.getByText(rules.law[lang], { exact: true }).waitFor();
      await page.getByText(rules.grantedBy[lang], { exact: true }).waitFor();
    }
    const statuses = page.getByRole('region', { name: L('guide.statusesHeading') });
    const terms = await statuses.getByRole('term').allTextContents();
    expect(terms).toEqual(STATUSES.map((s) => LABELS.status[s][lang]));
    expect(await statuses.getByRole('definition').allTextContents()).toEqual(STATUSES.map((s) => STATUS_MEANINGS[s][lang]));
    const users = page.getByRole('region', { name: L('guide.usersHeading') });
    // The check is named as the verification page and the header name it, never "check a user" (read as accounts).
    expect(await users.getByRole('link', { name: L('verify.title'), exact: true }).getAttribute('href')).toBe(`/verify${q}`);
    await users.getByText(L('guide.usersCheck', { page: L('verify.title') })).waitFor();
    await page.getByRole('navigation', { name: L('nav.main') }).getByRole('link', { name: L('verify.title'), exact: true }).waitFor();
    expect(await page.getByText(/authorised user”|Check an? (authorised )?user/).count()).toBe(0);
    expect(await page.getByRole('link', { name: L('guide.cnipa'), exact: true }).getAttribute('href')).toBe('https://www.cnipa.gov.cn/');
    expect(await scrollsSideways(page)).toBe(false);
    await saveShot(page, `${lang}-${size}-guide`, true);
    expect(await seriousViolations(page)).toEqual([]);

    // From the footer of another page.
    await page.goto(`/places${q}`);
    await page.getByRole('contentinfo').getByRole('link', { name: L('footer.guide') }).click();
    await heading.waitFor();
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])('the large-text display scales the type, is remembered, and stays axe-clean (%s)', async (size) => {
    const { page, context, consoleErrors } = await openPage(browser, configured.url, { locale, viewport: VIEWPORTS[size] });
    await page.goto(`/guide${q}`);
    const h1 = page.getByRole('heading', { level: 1, name: L('guide.heading') });
    await h1.waitFor();
    const fontSize = () => h1.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    const before = await fontSize();
    const toggle = page.getByRole('button', { name: L('display.large') });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-display'))).toBe('large');
    expect(await fontSize()).toBeCloseTo(before * 1.25, 0);
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
    expect(await scrollsSideways(page)).toBe(false);
    await saveShot(page, `${lang}-${size}-guide-large`, true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    await h1.waitFor();
    expect(await page.evaluate(() => document.documentElement.getAttribute('data-display'))).toBe('large');
    expect(await page.getByRole('button', { name: L('display.large') }).getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: L('display.large') }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.hasAttribute('data-display'))).toBe(false);
    expect(await fontSize()).toBeCloseTo(before, 0);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('the footer names the issuer and shows the configured record numbers, the ICP number linked to the MIIT lookup', async () => {
    const { page, context } = await openPage(browser, configured.url, { locale, viewport: VIEWPORTS.phone });
    await page.goto(`/guide${q}`);
    const site = page.getByRole('contentinfo').getByRole('list', { name: L('footer.siteInfo') });
    await site.waitFor();
    const issuer = lang === 'en' ? 'Jincheng Administration for Market Regulation (Intellectual Property Office)' : '晋城市市场监督管理局（知识产权局）';
    await site.getByText(L('footer.issuer', { issuer }), { exact: true }).waitFor();
    await site.getByText(L('footer.contact', { contact: LINES.SITE_CONTACT }), { exact: true }).waitFor();
    await site.getByText(L('footer.siteId', { code: LINES.SITE_ID_CODE }), { exact: true }).waitFor();
    expect(await site.getByRole('link', { name: LINES.ICP_RECORD }).getAttribute('href')).toBe('https://beian.miit.gov.cn/');
    await site.getByText(LINES.PSB_RECORD, { exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  it('the footer shows no record line that is not configured', async () => {
    const { page, context } = await openPage(browser, bare.url, { locale });
    await page.goto(`/guide${q}`);
    const site = page.getByRole('contentinfo').getByRole('list', { name: L('footer.siteInfo') });
    await site.waitFor();
    expect(await site.getByRole('listitem').allTextContents()).toEqual([
      L('footer.issuer', { issuer: lang === 'en' ? 'Jincheng Administration for Market Regulation (Intellectual Property Office)' : '晋城市市场监督管理局（知识产权局）' }),
    ]);
    expect(await page.getByRole('contentinfo').getByText(/ICP|公网安备|0356/).count()).toBe(0);
    await context.close();
  });
});
