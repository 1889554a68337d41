/**
 * Industry figures and the printable card in the browser, in Chinese and English: the product page
 * draws the series (one year is one bar) with the table of the same numbers and a choice of series;
 * the card page shows the names, the GI and its number, the QR code and its address, and prints on
 * one A6 page; a grant with no number recorded shows its announcement or its day, never "not recorded"; an official enters a new year in the workspace, yield per mu included (a wrong number is
 * refused beside its field, in the page's language only) and the public chart and table show it (the
 * yield column only then); a static copy's card shows its own QR code. Accessibility checked
 * with axe on each page.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { figures } from '../../client/i18n/figures';
import { product } from '../../client/i18n/product';
import { formatPartialDate, todayInShanghai } from '../../db/model';
import { send, signIn } from '../server/fixtures';
import { buildStaticSite } from '../../server/cli/build-static';
import { createUser } from '../../server/domain/accounts/accounts';
import { CLIENT_DIR } from '../../server/static';
import { startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';

const PASSWORD = 'qinshui-figures-2026';
const COCOONS = 5; // 阳城蚕茧: one year of figures in the seeds (2025: 9,000 households, 37,000 mu)
const MULBERRIES = 6; // 阳城桑椹: an agricultural-product GI granted, number AGI01257
/** A 沁水县 product without figures per language, so the two journeys do not meet. */
const EDITED = { zh: { id: 9, name: '沁水刺槐蜂蜜' }, en: { id: 8, name: 'Qinshui yellow millet' } } as const;
const LAST_YEAR = Number(todayInShanghai().slice(0, 4)) - 1;

/** The public address the test server is told it has. */
const PUBLIC_SITE = 'https://gi.jcgov.example';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // QR codes encode PUBLIC_BASE_URL only (never the Host a request names): the card prints that address.
  [server, browser] = await Promise.all([startServer({ env: { PUBLIC_BASE_URL: PUBLIC_SITE } }), launchBrowser()]);
  await createUser(server.db, null, { username: 'qs-figures', password: PASSWORD, role: 'official', county: '140521' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fail = (key: string): never => { throw new Error(`no string ${key}`); };

/** The page's strings in one language, filled like t() does. */
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = { ...common[lang], ...product[lang], ...admin[lang], ...figures[lang] };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

describe.each(['zh', 'en'] as const)('figures and the card (%s)', (lang) => {
  const L = strings(lang);
  const q = lang === 'en' ? '?lang=en' : '';
  const locale = lang === 'en' ? 'en-US' : 'zh-CN';

  it('the product page draws one year as a chart with the same numbers in a table, and another series on request', async () => {
    const { page, context, consoleErrors, foreignRequests } = await openPage(browser, server.url, { locale });
    await page.goto(`/products/${COCOONS}${q}`);
    const section = page.getByRole('region', { name: L('product.figures'), exact: true });
    const chart = section.getByRole('img', { name: L('chart.titleOne', { series: L('product.figures.households'), year: 2025 }) });
    await chart.waitFor();
    expect(await chart.locator('rect.bar').count()).toBe(1);
    expect(await chart.locator('desc').textContent()).toBe(L('chart.point', { year: 2025, value: '9,000' }));
    const row = section.getByRole('row', { name: /2025/ });
    expect(await row.getByRole('cell').first().textContent()).toBe('9,000');
    // No year of the seeds has a yield per mu: no column of dashes for it.
    expect(await section.getByRole('columnheader', { name: L('product.figures.yieldKgPerMu') }).count()).toBe(0);

    await section.getByRole('radio', { name: L('product.figures.areaMu') }).check();
    await section.getByRole('img', { name: L('chart.titleOne', { series: L('product.figures.areaMu'), year: 2025 }) }).waitFor();
    expect(await section.locator('svg text').allTextContents()).toContain('37,000');
    await saveShot(page, `${lang}-figures-chart`, true);

    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: L('card.link') }).click();
    await page.getByRole('heading', { level: 1, name: '阳城蚕茧' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/products/${COCOONS}/card`);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('the card shows the names, the GI with its number, the QR code and its address, and prints on one A6 page', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url, { locale });
    await page.goto(`/products/${MULBERRIES}/card${q}`);
    const card = page.getByRole('article', { name: '阳城桑椹' });
    await card.waitFor();
    await card.getByText('Yangcheng mulberries').waitFor();
    await card.getByText('阳城县').waitFor();
    await card.getByText('Yangcheng County').waitFor();
    await card.getByRole('listitem').filter({ hasText: L('giType.agricultural_product') }).getByText(L('card.number', { number: 'AGI01257' })).waitFor();
    await card.getByText(`${PUBLIC_SITE}/products/${MULBERRIES}`, { exact: true }).waitFor();
    await card.getByText(L('card.footer')).waitFor();
    const qr = card.getByRole('img', { name: L('card.qr') });
    await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect.poll(() => page.title()).toBe(L('title.of', { page: `${lang === 'en' ? 'Yangcheng mulberries' : '阳城桑椹'} · ${L('card.title')}` }));
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page, `${lang}-card`, true);

    // Printed: the button is not on the paper, and the card fits one A6 page (105 × 148 mm = 297.6 × 419.5 pt).
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: L('card.print') }).isVisible()).toBe(false);
    await page.emulateMedia({ media: null }); // page.pdf prints with print media unless screen is forced
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf)!;
    expect(Math.abs(Number(box[1]) - 297.6)).toBeLessThan(1);
    expect(Math.abs(Number(box[2]) - 419.5)).toBeLessThan(1);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a grant with no number prints its announcement, or else the day it was granted, and never that the number is missing', async () => {
    const cookie = await signIn(server.url, 'qs-figures', PASSWORD);
    const product = await send(server.url, 'POST', '/api/products', { nameZh: `无编号获批${lang}`, category: 'food', counties: ['140521'], visibility: 'public' }, cookie);
    expect(product.status).toBe(201);
    const grant = async (giType: string, announcement?: string) => {
      const d = await send(server.url, 'POST', `/api/products/${product.body.id}/designations`, { giType, startedOn: '2018-01-01', ...(giType === 'trademark' ? { markKind: 'collective' } : {}) }, cookie);
      expect(d.status, JSON.stringify(d.body)).toBe(201);
      if (announcement) expect((await send(server.url, 'PATCH', `/api/designations/${d.body.id}`, { announcement }, cookie)).status).toBe(200);
      for (const move of [{ to: 'filed', on: '2019', note: '', confirmIncomplete: true }, { to: 'granted', on: '2020-03-01', note: '' }]) {
        const res = await send(server.url, 'POST', `/api/designations/${d.body.id}/transitions`, move, cookie);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
    };
    await grant('protected_product');
    await grant('trademark', '第1234号');
    const { page, context, consoleErrors } = await openPage(browser, server.url, { locale, viewport: { width: 390, height: 844 } });
    await page.goto(`/products/${product.body.id}/card${q}`);
    const card = page.getByRole('article', { name: `无编号获批${lang}` });
    await card.waitFor();
    await card.getByRole('listitem').filter({ hasText: L('giType.protected_product') })
      .getByText(L('card.grantedOn', { date: formatPartialDate('2020-03-01', lang) })).waitFor();
    await card.getByRole('listitem').filter({ hasText: L('giType.trademark') }).getByText(L('card.announcement', { announcement: '第1234号' })).waitFor();
    expect(await card.getByText(/未记录|not recorded/i).count()).toBe(0);
    await card.getByText(L('card.footer'), { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('a candidate’s card does not claim a GI, says it is a candidate, and fits a 390 px phone', async () => {
    const list = await (await fetch(`${server.url}/api/products?status=cultivating&limit=100`)).json() as { items: { id: number; nameZh: string; designations: { status: string }[] }[] };
    const candidate = list.items.find((p) => p.designations.length > 0 && p.designations.every((d) => d.status === 'cultivating'))!;
    const { page, context, consoleErrors } = await openPage(browser, server.url, { locale, viewport: { width: 390, height: 844 } });
    await page.goto(`/products/${candidate.id}/card${q}`);
    const card = page.getByRole('article', { name: candidate.nameZh });
    await card.waitFor();
    await card.getByRole('heading', { level: 2, name: L('card.candidateGis') }).waitFor();
    await card.getByText(L('card.candidate'), { exact: true }).waitFor();
    await card.getByText(L('card.footerCandidate'), { exact: true }).waitFor();
    expect(await card.getByText(L('card.footer'), { exact: true }).count()).toBe(0);
    await card.getByRole('listitem').filter({ hasText: L('status.cultivating') }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await saveShot(page, `${lang}-card-candidate-phone`, true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('an official enters a new year in the workspace, a wrong number is refused beside its field, and the chart shows the year', async () => {
    const { id, name } = EDITED[lang];
    const { page, context, consoleErrors } = await openPage(browser, server.url, { locale });
    page.setDefaultTimeout(10_000);
    await page.goto(`/admin/products/${id}${q}`);
    await page.getByLabel(L('signIn.username')).fill('qs-figures');
    await page.getByLabel(L('signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: L('signIn.submit') }).click();
    await page.getByRole('button', { name: L('figEdit.form'), exact: true }).click(); // the figures' section, closed on load
    const editor = page.getByRole('form', { name: L('figEdit.form') });
    await editor.getByText(L('figEdit.none')).waitFor();

    await editor.getByRole('button', { name: L('figEdit.add') }).click();
    const year = editor.getByLabel(L('figEdit.field', { field: L('figEdit.colYear'), n: 1 }));
    expect(await year.inputValue()).toBe(String(LAST_YEAR)); // the first row offers last year
    const households = editor.getByLabel(L('figEdit.field', { field: L('product.figures.households'), n: 1 }));
    await households.fill('-20');
    await editor.getByLabel(L('figEdit.field', { field: L('product.figures.areaMu'), n: 1 })).fill('800');
    const yieldPerMu = editor.getByLabel(L('figEdit.field', { field: L('product.figures.yieldKgPerMu'), n: 1 }));
    await yieldPerMu.fill('150000');
    await editor.getByLabel(L('figEdit.field', { field: L('product.figures.valueWanYuan'), n: 1 })).fill('3,200');
    await editor.getByLabel(L('figEdit.field', { field: L('figEdit.colSourceTitle'), n: 1 })).fill('沁水县农业农村局');
    await editor.getByRole('button', { name: L('figEdit.save') }).click();
    await expect.poll(() => households.getAttribute('aria-invalid')).toBe('true');
    await editor.getByText(L('err.min', { n: 0 })).waitFor();
    await expect.poll(() => yieldPerMu.getAttribute('aria-invalid')).toBe('true');
    await editor.getByText(L('err.max', { n: 100000 })).waitFor();
    const other = strings(lang === 'en' ? 'zh' : 'en');
    expect(await editor.getByText(other('err.max', { n: 100000 })).count()).toBe(0); // the page's language only
    expect(await seriousViolations(page)).toEqual([]);

    await households.fill('1,250');
    await yieldPerMu.fill('180.5');
    await editor.getByRole('button', { name: L('figEdit.save') }).click();
    await editor.getByRole('status').filter({ hasText: L('form.saved') }).waitFor();
    await saveShot(page, `${lang}-figures-editor`, true);
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`/products/${id}${q}`);
    const section = page.getByRole('region', { name: L('product.figures'), exact: true });
    const chart = section.getByRole('img', { name: L('chart.titleOne', { series: L('product.figures.households'), year: LAST_YEAR }) });
    await chart.waitFor();
    expect(await chart.locator('desc').textContent()).toBe(L('chart.point', { year: LAST_YEAR, value: '1,250' }));
    await section.getByRole('columnheader', { name: L('product.figures.yieldKgPerMu') }).waitFor();
    const row = section.getByRole('row', { name: new RegExp(String(LAST_YEAR)) });
    expect((await row.getByRole('cell').allTextContents()).slice(0, 5)).toEqual(['1,250', '800', '180.5', '—', '3,200']);
    await section.getByRole('link', { name: '沁水县农业农村局' }).or(section.getByText('沁水县农业农村局')).first().waitFor();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
    await context.close();
  });
});

describe('the card in a static copy (npm run build:static -- DIR --base-url URL)', () => {
  it('shows the QR code written for the copy’s own address', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gi-card-static-'));
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
    // What any static web server does: the file, or the folder's index.html, or 404.html with a 404.
    const files = createServer((req, res) => {
      let file = join(dir, normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, ''));
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      const found = existsSync(file);
      res.writeHead(found ? 200 : 404, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(found ? file : join(dir, '404.html')));
    }).listen(0, '127.0.0.1');
    await new Promise((resolve) => files.once('listening', resolve));
    const base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    try {
      await buildStaticSite(server.db, dir, { clientDir: process.env.CLIENT_DIR ?? CLIENT_DIR, baseUrl: base });
      const { page, context, consoleErrors } = await openPage(browser, base);
      await page.goto(`/products/${MULBERRIES}/card`);
      const card = page.getByRole('article', { name: '阳城桑椹' });
      await card.getByText(`${base}/products/${MULBERRIES}`, { exact: true }).waitFor();
      const qr = card.getByRole('img', { name: strings('zh')('card.qr') });
      await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      expect(consoleErrors).toEqual([]);
      await context.close();
    } finally {
      files.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
