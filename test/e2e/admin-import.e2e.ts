/**
 * Importing a table from the workspace, as an official would: a GBK CSV with Chinese labels, check
 * first (nothing saved), read the row report, download it, fix the file, import, change a status by
 * importing again, and find the product among "my products" — in Chinese and English.
 */
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { importCatalog } from '../../client/i18n/import';
import { admin } from '../../client/i18n/admin';
import { createUser } from '../../server/domain/accounts/accounts';
import { startServer, type TestServer } from '../support/server';
import { launchBrowser, openPage } from './support/browser';

const PASSWORD = 'honey-from-the-hills';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  await createUser(server.db, null, { username: 'qinshui', password: PASSWORD, role: 'official', county: '140521' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What an official's Chinese Excel saves as "CSV": GBK bytes, Chinese headers and labels, dates as typed. */
const HEADER = '产品名称,类别,所在县,地理标志类型,状态,申报日期,获批日期';
const file = (name: string, ...rows: string[]) => ({ name, mimeType: 'text/csv', buffer: iconv.encode([HEADER, ...rows].join('\r\n'), 'gbk') });

describe.each(['zh', 'en'] as const)('import from the workspace (%s)', (lang) => {
  const S = { ...importCatalog[lang], ...admin[lang] } as Record<string, string>;
  const product = lang === 'zh' ? '沁水旱地西红柿' : '沁水山药';

  it('checks a GBK file, reads the reasons row by row, downloads the report, imports the fixed file, then updates it', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url);
    page.setDefaultTimeout(15_000);
    await page.goto(`/admin${lang === 'en' ? '?lang=en' : ''}`);
    await page.getByLabel(S['signIn.username']).fill('qinshui');
    await page.getByLabel(S['signIn.password']).fill(PASSWORD);
    await page.getByRole('button', { name: S['signIn.submit'] }).click();
    await page.getByRole('link', { name: S['import.nav'] }).click();
    await page.getByRole('heading', { name: S['import.title'] }).waitFor();
    expect(await page.getByRole('link', { name: S['import.template'] }).getAttribute('href')).toBe('/api/import/template.xlsx');

    await page.getByLabel(S['import.file']).setInputFiles(file('bad.csv', `${product},食用农林产品及食品,沁水县,地理标志保护产品,已申报,2999年1月1日,`, '阳城外县产品,食用农林产品及食品,阳城县,,,,'));
    await page.getByRole('button', { name: S['import.check'] }).click();
    await page.getByText(S['import.outcome.error']).first().waitFor();
    expect(await page.getByText(S['import.outcome.error'], { exact: true }).count()).toBe(2);
    expect(await page.getByText(S['import.gbk']).count()).toBe(1);
    expect(await page.getByRole('button', { name: S['import.apply'] }).isDisabled()).toBe(true);
    // The reasons name the column as the sheet labels it.
    expect(await page.getByText('申报日期', { exact: true }).count()).toBe(1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: S['import.downloadReport'] }).click();
    expect((await download).suggestedFilename()).toMatch(/^bad-(检查结果|checked)\.xlsx$/);

    await page.getByLabel(S['import.file']).setInputFiles(file('good.csv', `${product},食用农林产品及食品,沁水县,地理标志保护产品,已申报,2025/3/1,`));
    await page.getByRole('button', { name: S['import.check'] }).click();
    await page.getByText(S['import.outcome.created'], { exact: true }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: S['import.dryRunNote'] }).count()).toBe(1);
    const stored = () => server.db.$client.prepare('select count(*) from products where name_zh = ?').pluck().get(product);
    expect(stored()).toBe(0); // a check saves nothing

    await page.getByRole('button', { name: S['import.apply'] }).click();
    await page.getByRole('status').filter({ hasText: S['import.applied'] }).waitFor();
    expect(stored()).toBe(1);

    // The same row, granted now: the check shows the move, the import makes it.
    await page.getByLabel(S['import.file']).setInputFiles(file('granted.csv', `${product},,,地理标志保护产品,已获批,2025/3/1,2025年9月`));
    await page.getByRole('button', { name: S['import.check'] }).click();
    const move = lang === 'zh' ? '地理标志保护产品状态：已申报 → 已获批（2025年9月）' : 'GI protected product status: Filed → Granted (September 2025)';
    await page.getByText(move).waitFor();
    await page.getByRole('button', { name: S['import.apply'] }).click();
    await page.getByRole('status').filter({ hasText: S['import.applied'] }).waitFor();
    expect(server.db.$client.prepare("select status from designations d join products p on p.id = d.product_id where p.name_zh = ?").pluck().get(product)).toBe('granted');

    await page.getByRole('link', { name: S['admin.myProducts'] }).click();
    await page.getByRole('link', { name: product }).waitFor();
    expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  });
});
