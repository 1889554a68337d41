/**
 * The annual report page in Chromium, in Chinese and English: opened from the tally page, the same
 * totals as the API, the year picker, the Word and Excel downloads, the issuer an admin sets, and
 * the print layout (numbered A4 pages, headings kept with their tables, repeated table headers), axe clean.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABELS, percent, type AnnualReport } from '../../db/model';
import { addAccount, send, signIn } from '../server/fixtures';
import { call, startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot, type WatchedPage } from './support/browser';
import { useSession } from './support/session';

let s: TestServer;
let browser: Browser;
let admin: string;
const opened: WatchedPage[] = [];
const COUNTIES = ['140502', '140521', '140522', '140524', '140525', '140581'];

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  admin = await signIn(s.url, 'city');
  // A busy 2024: thirty GIs granted, so the printed report runs to several pages.
  for (let i = 1; i <= 30; i++) {
    const product = await send(s.url, 'POST', '/api/products', {
      nameZh: `年报样品${i}号`, nameEn: `Report sample ${i}`, category: 'food', counties: [COUNTIES[i % 6]], visibility: 'public',
    }, admin);
    const d = await send(s.url, 'POST', `/api/products/${product.body.id}/designations`, { giType: 'agricultural_product', number: `AGI-2024-${i}`, startedOn: '2023' }, admin);
    for (const move of [{ to: 'filed', on: '2024-02', confirmIncomplete: true }, { to: 'granted', on: `2024-0${3 + (i % 7)}-15` }]) {
      const res = await send(s.url, 'POST', `/api/designations/${d.body.id}/transitions`, { note: '', ...move }, admin);
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    }
  }
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

async function open(path: string, options: Parameters<typeof openPage>[2] = {}): Promise<WatchedPage> {
  const watched = await openPage(browser, s.url, options);
  opened.push(watched);
  await watched.page.goto(path);
  return watched;
}

const apiReport = async (year: number) => (await call(`${s.url}/api/reports/annual?year=${year}`)).body as AnnualReport;

/** The cells of the totals table's body, row by row. */
const totalsShown = (page: Page) => page.locator('gi-annual-report section[data-section=totals] tbody tr')
  .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent!.trim())));

describe('/reports/annual', () => {
  it('opens from the tally page (Chinese) with the totals the API gives, and its Word file downloads', async () => {
    const { page } = await open('/tally?period=1&asOf=2025-12-31');
    await page.getByRole('link', { name: '2025年度报告' }).click();
    await page.getByRole('heading', { level: 1, name: '晋城市地理标志工作年度报告（2025年）' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/reports/annual');
    expect(new URL(page.url()).searchParams.get('year')).toBe('2025');
    const r = await apiReport(2025);
    await expect.poll(() => totalsShown(page)).toEqual(r.totals.map((x) => [LABELS.giType[x.giType].zh,
      ...[x.inForce, x.converted, x.fromConversion, x.towardTarget, x.target, x.baseline].map(String), percent(x.progress), ...[x.remaining, x.newInYear, x.filedInYear].map(String)]));
    expect(await page.getByRole('heading', { level: 2, name: '二、本年新获批地理标志' }).count()).toBe(1);
    expect(await page.locator('[data-issuer]').textContent()).toBe('晋城市市场监督管理局（知识产权局）');
    expect(await page.title()).toContain('地理标志工作年度报告');
    await saveShot(page, 'annual-report-zh', true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 Word 文件（.docx）' }).click()]);
    expect(download.suggestedFilename()).toBe('晋城市地理标志工作年度报告（2025年）.docx');
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    expect(await zip.file('word/document.xml')!.async('string')).toContain('晋城市地理标志工作年度报告（2025年）');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('in English: picks another year by its label, lists that year’s grants, and its Excel file downloads', async () => {
    const { page } = await open('/reports/annual?year=2025&lang=en');
    await page.getByRole('heading', { level: 1, name: 'Jincheng geographical indications: annual report 2025' }).waitFor();
    await page.getByLabel('Year', { exact: true }).selectOption('2024');
    await page.getByRole('heading', { level: 1, name: 'Jincheng geographical indications: annual report 2024' }).waitFor();
    expect(new URL(page.url()).searchParams.get('year')).toBe('2024');
    const grants = page.locator('gi-annual-report section[data-section=grants] tbody tr');
    await expect.poll(() => grants.count()).toBe((await apiReport(2024)).newInYear.grants.length);
    expect(await grants.first().textContent()).toContain('Report sample');
    expect(await page.locator('gi-annual-report section[data-section=grants]').getByRole('link', { name: 'Report sample 7', exact: true }).getAttribute('href')).toMatch(/^\/products\/\d+\?lang=en$/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download as Excel (.xlsx)' }).click()]);
    expect(download.suggestedFilename()).toBe('jincheng-gi-annual-report-2024.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(book.getWorksheet('Granted')!.rowCount).toBe(31);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Jincheng geographical indications: annual report 2025' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it.each(['zh', 'en'])('prints on numbered A4 pages, headings kept with their tables, headers repeated (%s)', async (lang) => {
    const { page } = await open(`/reports/annual?year=2024${lang === 'en' ? '&lang=en' : ''}`, { viewport: { width: 794, height: 1123 } });
    await page.locator('gi-annual-report section[data-section=renewals]').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('link', { name: lang === 'en' ? 'Download as Word (.docx)' : '下载 Word 文件（.docx）' }).isVisible()).toBe(false);
    expect(await page.getByRole('banner').isVisible()).toBe(false);
    const rules = await page.evaluate(() => {
      const report = document.querySelector('gi-app')!.shadowRoot!.querySelector('gi-annual-report-page')!.shadowRoot!.querySelector('gi-annual-report')!.shadowRoot!;
      const style = (selector: string) => getComputedStyle(report.querySelector(selector)!);
      return {
        heading: style('h2').breakAfter, row: style('tbody tr').breakInside, head: style('thead').display,
        page: document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join(' '),
      };
    });
    expect(rules).toMatchObject({ heading: 'avoid', row: 'avoid', head: 'table-header-group' });
    expect(rules.page).toMatch(/@page\s*\{[^}]*size: a4/i);
    expect(rules.page).toMatch(/@bottom-center\s*\{[^}]*content: counter\(page\)/);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    if (process.env.SHOTS_DIR) (await import('node:fs')).writeFileSync(`${process.env.SHOTS_DIR}/annual-report-${lang}.pdf`, pdf);
    const text = pdf.toString('latin1');
    const pages = text.match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
    // Every page is A4 (595 × 842 points).
    const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    expect(boxes.length).toBeGreaterThan(0);
    for (const box of boxes) expect(box).toEqual([595, 842]);
  });

  it('lets an admin set the issuer on the tally page, and the report says so', async () => {
    const watched = await openPage(browser, s.url);
    opened.push(watched);
    await useSession(watched.context, s.url, admin);
    const { page } = watched;
    await page.goto('/tally?period=1&asOf=2025-12-31');
    await page.getByText('年度报告发布单位').click();
    await page.getByLabel('发布单位（中文）').fill('');
    await page.getByRole('button', { name: '保存发布单位' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('发布单位（中文）').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('发布单位（中文）').fill('晋城市知识产权局');
    await page.getByLabel('发布单位（英文）').fill('Jincheng IP Office');
    await page.getByRole('button', { name: '保存发布单位' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已保存' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '2025年度报告' }).click();
    await expect.poll(() => page.locator('[data-issuer]').textContent()).toBe('晋城市知识产权局');
  });

  it('made no request to another host and logged no error but failed responses', () => {
    for (const w of opened) {
      expect(w.foreignRequests).toEqual([]);
      // The public's 401 from /api/session.
      expect(w.consoleErrors.filter((e) => !/status of (401)/.test(e))).toEqual([]);
    }
  });
});
