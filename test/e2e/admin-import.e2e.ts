/**
 * Importing a table from the workspace, as an official would, in Chinese and English:
 * - the template the page offers, filled in Excel's own format (exceljs) keeping its example row, with a
 *   granted GI trademark: the check and the import report the example row skipped and the new product a
 *   draft (off the public list, the map and the tally), the official makes it public from the result, and
 *   a visitor then finds it on the map page — on a phone and a desktop;
 * - an old .xls (Excel 97–2003) is refused with the advice to save it as .xlsx in Excel or WPS, whether
 *   chosen by its name or sent under another, and no retry is offered for a file that cannot succeed;
 * - a GBK CSV with Chinese labels: check first (nothing saved), read the row report, download it, fix
 *   the file, import, change a status by importing again, and find the product among "my products".
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { formatMessage } from '../../client/i18n/format';
import { importCatalog } from '../../client/i18n/import';
import { map } from '../../client/i18n/map';
import { LABELS, Tally } from '../../db/model';
import { createUser } from '../../server/domain/accounts/accounts';
import { EXAMPLE_ROW } from '../../server/exchange/templates/product-template';
import { oldXls } from '../support/old-xls';
import { startServer, type TestServer } from '../support/server';
import { launchBrowser, openPage, saveShot, type WatchedPage } from './support/browser';
import { mapNumbers } from './support/map-measure';

const PASSWORD = 'honey-from-the-hills';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 800 } } as const;
type Lang = 'zh' | 'en';
type Device = keyof typeof VIEWPORTS;
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await createUser(server.db, null, { username: 'qinshui', password: PASSWORD, role: 'official', county: '140521' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The pages' strings in one language, filled as t() fills them (plurals included). */
function strings(lang: Lang) {
  const all: Record<string, string> = { ...common[lang], ...map[lang], ...admin[lang], ...importCatalog[lang] };
  return (key: string, vars: Record<string, string | number> = {}) => {
    if (!(key in all)) throw new Error(`no string ${key}`);
    return formatMessage(all[key]!, vars, lang);
  };
}

/** Opens the workspace in a fresh context, signs in through the form and opens the import page from the navigation. */
async function signInToImport(lang: Lang, device: Device): Promise<WatchedPage> {
  const L = strings(lang);
  const watched = await openPage(browser, server.url, { viewport: VIEWPORTS[device], locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  const { page } = watched;
  page.setDefaultTimeout(15_000);
  await page.goto(`/admin${lang === 'en' ? '?lang=en' : ''}`);
  await page.getByLabel(L('signIn.username')).fill('qinshui');
  await page.getByLabel(L('signIn.password')).fill(PASSWORD);
  await page.getByRole('button', { name: L('signIn.submit') }).click();
  await page.getByRole('navigation', { name: L('admin.nav') }).getByRole('link', { name: L('import.nav') }).click();
  await page.getByRole('heading', { name: L('import.title') }).waitFor();
  return watched;
}

/** The public list's names and the trademarks the tally counts in force, as a visitor's requests see them. */
async function publicView(name: string) {
  const list = await (await fetch(`${server.url}/api/products?q=${encodeURIComponent(name)}`)).json() as { total: number };
  const tally = Tally.parse(await (await fetch(`${server.url}/api/tally`)).json());
  return { listed: list.total, trademarks: tally.types.find((x) => x.giType === 'trademark')!.inForce };
}

/** The template the page links to, downloaded as a browser downloads it, with a row filled below the example. */
async function filledTemplate(page: Page, L: ReturnType<typeof strings>, row: Record<string, string | Date>): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: L('import.template') }).click();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await readFile((await (await download).path())) as never);
  const sheet = book.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const column = (key: string) => {
    const at = header.findIndex((h) => h.endsWith(` ${key}`));
    if (at < 0) throw new Error(`the template has no column ${key}`);
    return at + 1;
  };
  // The example row stays as the template has it; the official writes on the next row, as Excel would keep it.
  expect(sheet.getRow(2).getCell(column('product_zh')).value).toBe(EXAMPLE_ROW.product_zh);
  const next = sheet.getRow(3);
  for (const [key, value] of Object.entries(row)) next.getCell(column(key)).value = value;
  next.commit();
  return Buffer.from(await book.xlsx.writeBuffer());
}

const NAMES: Record<`${Lang}-${Device}`, { zh: string; en: string }> = {
  'zh-desktop': { zh: '沁水端氏蜂蜜', en: 'Duanshi honey' },
  'en-desktop': { zh: '沁水十里蜂蜜', en: 'Shili honey' },
  'zh-phone': { zh: '沁水固县蜂蜜', en: 'Guxian honey' },
  'en-phone': { zh: '沁水龙港蜂蜜', en: 'Longgang honey' },
};

describe.each([['zh', 'desktop'], ['en', 'desktop'], ['zh', 'phone'], ['en', 'phone']] as const)('the template filled in Excel (%s, %s)', (lang, device) => {
  const L = strings(lang);
  const name = NAMES[`${lang}-${device}`];

  it('reports the example row skipped and the granted trademark a draft; made public from the result, a visitor finds it', async () => {
    const { page, context, consoleErrors, foreignRequests } = await signInToImport(lang, device);
    const file = await filledTemplate(page, L, {
      product_zh: name.zh, product_en: name.en, category: LABELS.category.food.zh, counties_zh: '沁水县',
      gi_type: LABELS.giType.trademark.zh, mark_kind: LABELS.markKind.collective.zh, status: LABELS.status.granted.zh,
      holder: '沁水县养蜂协会', filed_on: new Date(Date.UTC(2022, 2, 1)), granted_on: new Date(Date.UTC(2023, 8, 14)),
    });
    const before = await publicView(name.zh);
    expect(before.listed).toBe(0);
    // "Import as" is left at its default: a draft.
    expect(await page.getByRole('radio', { name: L('import.as.draft') }).isChecked()).toBe(true);
    await page.getByLabel(L('import.file')).setInputFiles({ name: '沁水县地理标志.xlsx', mimeType: XLSX_TYPE, buffer: file });

    // The check: nothing kept; the example row is named as skipped, and the new product as a draft to be.
    await page.getByRole('button', { name: L('import.check') }).click();
    const example = L('import.example', { line: 2, name: String(EXAMPLE_ROW.product_zh).normalize('NFKC') });
    await page.getByText(example).waitFor();
    await page.getByRole('status').filter({ hasText: L('import.drafts.check', { count: 1 }) }).getByText(name.zh).waitFor();
    const rows = page.locator('gi-import ol.rows > li');
    expect(await rows.count()).toBe(1); // the example row is not among the rows imported
    expect(await rows.first().textContent()).toContain(`${L('import.line', { line: 3 })} · ${name.zh}`);
    expect(await rows.first().getByText(L('import.outcome.created'), { exact: true }).count()).toBe(1);
    expect(await rows.first().getByText(L('import.draft'), { exact: true }).count()).toBe(1);
    expect(await publicView(name.zh)).toEqual(before);
    await saveShot(page, `import-${lang}-${device}-1-check`, true);

    // The import: kept, still a draft — not on the public list, the map or the tally — and offered to publish.
    await page.getByRole('button', { name: L('import.apply'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: L('import.applied') }).waitFor();
    const drafts = page.getByRole('status').filter({ hasText: L('import.drafts', { count: 1 }) });
    await drafts.getByText(name.zh).waitFor();
    await page.getByText(example).waitFor();
    expect(await publicView(name.zh)).toEqual(before);
    await saveShot(page, `import-${lang}-${device}-2-imported`, true);

    await drafts.getByRole('button', { name: L('import.publish', { count: 1 }) }).click();
    await page.getByRole('status').filter({ hasText: L('import.published', { count: 1 }) }).waitFor();
    // Public now: neither the note nor the row calls it a draft any more.
    expect(await page.getByText(L('import.drafts', { count: 1 })).count()).toBe(0);
    expect(await rows.first().getByText(L('import.draft'), { exact: true }).count()).toBe(0);
    expect(await publicView(name.zh)).toEqual({ listed: 1, trademarks: before.trademarks + 1 });
    await saveShot(page, `import-${lang}-${device}-3-published`, true);
    // The only errors are the 401 of "who am I?" before signing in.
    expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await context.close();

    // A visitor, not signed in, finds it on the map page: in the list, and counted on the map.
    const visitor = await openPage(browser, server.url, { viewport: VIEWPORTS[device], locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    visitor.page.setDefaultTimeout(15_000);
    await visitor.page.goto(`/${lang === 'en' ? '?lang=en' : ''}`);
    await visitor.page.getByLabel(L('filters.q')).fill(name.zh);
    const link = visitor.page.getByRole('link', { name: lang === 'en' ? name.en : name.zh });
    await link.waitFor();
    await expect.poll(async () => (await mapNumbers(visitor.page)).total).toBe(1);
    await saveShot(visitor.page, `import-${lang}-${device}-4-public`, true);
    expect(visitor.consoleErrors).toEqual([]);
    await visitor.context.close();
  });
});

describe.each([['zh', 'desktop'], ['en', 'desktop'], ['zh', 'phone'], ['en', 'phone']] as const)('an old .xls (%s, %s)', (lang, device) => {
  const L = strings(lang);
  const xls = oldXls([['产品名称', '类别', '县（市、区）'], ['沁水旧表黄小米', LABELS.category.food.zh, '沁水县']], '产品');
  const other = lang === 'en' ? strings('zh')('import.oldExcel') : strings('en')('import.oldExcel');

  it('is refused with the advice to save it as .xlsx in Excel or WPS, and no retry', async () => {
    const { page, context } = await signInToImport(lang, device);
    const sent: string[] = [];
    page.on('request', (req) => { if (new URL(req.url()).pathname === '/api/import') sent.push(req.method()); });

    // Chosen by its name: the page says so beside the field and sends nothing.
    const input = page.getByLabel(L('import.file'));
    await input.setInputFiles({ name: '沁水县地理标志（旧表）.xls', mimeType: 'application/vnd.ms-excel', buffer: xls });
    await page.getByText(L('import.oldExcel'), { exact: true }).waitFor();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: L('import.check') }).click();
    await page.waitForTimeout(300);
    expect(sent).toEqual([]);
    expect(await page.getByRole('button', { name: L('import.apply'), exact: true }).isDisabled()).toBe(true);

    // The same bytes renamed .xlsx: the server recognises the old format, and the page gives the same advice.
    await input.setInputFiles({ name: '沁水县地理标志（旧表）.xlsx', mimeType: XLSX_TYPE, buffer: xls });
    expect(await input.getAttribute('aria-invalid')).toBe('false');
    await page.getByRole('button', { name: L('import.check') }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(sent).toEqual(['POST']);
    expect(await alert.textContent()).toBe(L('import.oldExcel'));
    expect(await page.getByText(other).count()).toBe(0);
    // Sending the file again cannot help: no retry is offered, and nothing was kept.
    expect(await page.getByRole('button', { name: L('state.retry') }).count()).toBe(0);
    expect(server.db.$client.prepare("select count(*) from products where name_zh = '沁水旧表黄小米'").pluck().get()).toBe(0);
    await saveShot(page, `import-${lang}-${device}-xls`, true);
    await context.close();
  });
});

/** What an official's Chinese Excel saves as "CSV": GBK bytes, Chinese headers and labels, dates as typed. */
const HEADER = '产品名称,类别,所在县,地理标志类型,状态,申报日期,获批日期';
const csv = (name: string, ...rows: string[]) => ({ name, mimeType: 'text/csv', buffer: iconv.encode([HEADER, ...rows].join('\r\n'), 'gbk') });

describe.each(['zh', 'en'] as const)('a GBK CSV (%s)', (lang) => {
  const L = strings(lang);
  const product = lang === 'zh' ? '沁水旱地西红柿' : '沁水山药';

  it('checks a GBK file, reads the reasons row by row, downloads the report, imports the fixed file, then updates it', async () => {
    const { page, context, consoleErrors } = await signInToImport(lang, 'desktop');
    expect(await page.getByRole('link', { name: L('import.template') }).getAttribute('href')).toBe('/api/import/template.xlsx');

    await page.getByLabel(L('import.file')).setInputFiles(csv('bad.csv', `${product},食用农林产品及食品,沁水县,地理标志保护产品,已申报,2999年1月1日,`, '阳城外县产品,食用农林产品及食品,阳城县,,,,'));
    await page.getByRole('button', { name: L('import.check') }).click();
    await page.getByText(L('import.outcome.error')).first().waitFor();
    expect(await page.getByText(L('import.outcome.error'), { exact: true }).count()).toBe(2);
    expect(await page.getByText(L('import.gbk')).count()).toBe(1);
    expect(await page.getByRole('button', { name: L('import.apply'), exact: true }).isDisabled()).toBe(true);
    // The reasons name the column as the sheet labels it.
    expect(await page.getByText('申报日期', { exact: true }).count()).toBe(1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: L('import.downloadReport') }).click();
    expect((await download).suggestedFilename()).toMatch(/^bad-(检查结果|checked)\.xlsx$/);

    await page.getByLabel(L('import.file')).setInputFiles(csv('good.csv', `${product},食用农林产品及食品,沁水县,地理标志保护产品,已申报,2025/3/1,`));
    await page.getByRole('button', { name: L('import.check') }).click();
    await page.getByText(L('import.outcome.created'), { exact: true }).waitFor();
    expect(await page.getByRole('status').filter({ hasText: L('import.dryRunNote') }).count()).toBe(1);
    const stored = () => server.db.$client.prepare('select count(*) from products where name_zh = ?').pluck().get(product);
    expect(stored()).toBe(0); // a check saves nothing

    await page.getByRole('button', { name: L('import.apply'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: L('import.applied') }).waitFor();
    expect(stored()).toBe(1);

    // The same row, granted now: the check shows the move, the import makes it.
    await page.getByLabel(L('import.file')).setInputFiles(csv('granted.csv', `${product},,,地理标志保护产品,已获批,2025/3/1,2025年9月`));
    await page.getByRole('button', { name: L('import.check') }).click();
    const move = lang === 'zh' ? '地理标志保护产品状态：已申报 → 已获批（2025年9月）' : 'GI protected product status: Filed → Granted (September 2025)';
    await page.getByText(move).waitFor();
    await page.getByRole('button', { name: L('import.apply'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: L('import.applied') }).waitFor();
    expect(server.db.$client.prepare('select status from designations d join products p on p.id = d.product_id where p.name_zh = ?').pluck().get(product)).toBe('granted');

    await page.getByRole('link', { name: L('admin.myProducts') }).click();
    await page.locator('gi-my-products').getByRole('table').getByRole('link', { name: product }).waitFor();
    expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  });
});
