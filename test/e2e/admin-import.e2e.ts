/**
 * Importing a table from the workspace, as an official would: check first (nothing saved), read the
 * row report, fix the file, import, and find the new draft among "my products" — in Chinese and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { importCatalog } from '../../client/i18n/import';
import { admin } from '../../client/i18n/admin';
import { createUser } from '../../server/domain/accounts';
import { startServer, type TestServer } from '../support/server';
import { launchBrowser, openPage } from './support/browser';

const PASSWORD = 'qinshui-password';
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

const HEADER = 'product_zh,category,county_adcodes,gi_type,status,filed_on';
const file = (name: string, ...rows: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\n')) });

describe.each(['zh', 'en'] as const)('import from the workspace (%s)', (lang) => {
  const S = { ...importCatalog[lang], ...admin[lang] } as Record<string, string>;
  const product = lang === 'zh' ? '沁水旱地西红柿' : '沁水山药';

  it('checks a file, shows the reasons row by row, then imports the fixed file', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url);
    page.setDefaultTimeout(10_000);
    await page.goto(`/admin${lang === 'en' ? '?lang=en' : ''}`);
    await page.getByLabel(S['signIn.username']).fill('qinshui');
    await page.getByLabel(S['signIn.password']).fill(PASSWORD);
    await page.getByRole('button', { name: S['signIn.submit'] }).click();
    await page.getByRole('link', { name: S['import.nav'] }).click();
    await page.getByRole('heading', { name: S['import.title'] }).waitFor();

    await page.getByLabel(S['import.file']).setInputFiles(file('bad.csv', `${product},food,140521,protected_product,filed,2999-01-01`, '阳城外县产品,food,140522,,,'));
    await page.getByRole('button', { name: S['import.check'] }).click();
    await page.getByRole('cell', { name: S['import.outcome.error'] }).first().waitFor();
    expect(await page.getByRole('cell', { name: S['import.outcome.error'] }).count()).toBe(2);
    expect(await page.getByRole('button', { name: S['import.apply'] }).isDisabled()).toBe(true);

    await page.getByLabel(S['import.file']).setInputFiles(file('good.csv', `${product},food,140521,protected_product,filed,2025-03-01`));
    await page.getByRole('button', { name: S['import.check'] }).click();
    await page.getByRole('cell', { name: S['import.outcome.new_product'] }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: S['import.dryRunNote'] }).count()).toBe(1);
    const stored = () => server.db.$client.prepare('select count(*) from products where name_zh = ?').pluck().get(product);
    expect(stored()).toBe(0); // a check saves nothing

    await page.getByRole('button', { name: S['import.apply'] }).click();
    await page.getByRole('status').filter({ hasText: S['import.applied'] }).waitFor();
    expect(stored()).toBe(1);
    await page.getByRole('link', { name: S['admin.myProducts'] }).click();
    await page.getByRole('link', { name: product }).waitFor();
    expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  });
});
