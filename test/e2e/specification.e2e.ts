/**
 * A designation's specification and contacts in the browser: an official of 沁水县 sets the managing body,
 * its contact and the testing body, adds a version with a link (a javascript: link is refused beside its
 * field, in Chinese only) and an amendment pointing at the product's file, in the workspace; the public
 * product page then shows the current version, the earlier one as an amendment with its link opened apart,
 * and the contacts, in Chinese and English, on a desktop and a phone; every page axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { product } from '../../client/i18n/product';
import { specifications } from '../../client/i18n/specifications';
import { addAccount, PASSWORD, send, signIn } from '../server/fixtures';
import { startServer, type TestServer } from '../support/server';
import { pdfBytes, upload, uploadForm } from '../support/sample-files';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';

let server: TestServer;
let browser: Browser;
let productId: number;
let documentId: number;

const CONTACTS = { managingBody: '沁水规范梨产业协会', managingContact: '0356-7012345', testingBody: '晋城市农产品质量检测中心' };

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addAccount(server.db, 'qs-spec', 'official', '140521');
  const cookie = await signIn(server.url, 'qs-spec');
  productId = (await send(server.url, 'POST', '/api/products', { nameZh: '沁水规范梨', nameEn: 'Qinshui spec pear', category: 'food', counties: ['140521'], visibility: 'public' }, cookie)).body.id;
  expect((await send(server.url, 'POST', `/api/products/${productId}/designations`, { giType: 'protected_product', startedOn: '2019' }, cookie)).status).toBe(201);
  const doc = await upload(server.url, productId, uploadForm({ kind: 'specification', title: '质量技术要求全文', visibility: 'public' },
    { bytes: pdfBytes('spec'), name: 'spec.pdf', type: 'application/pdf' }), cookie);
  documentId = doc.body.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fail = (key: string): never => { throw new Error(`no string ${key}`); };

/** The page's strings in one language, filled like t() does. */
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = { ...common[lang], ...product[lang], ...admin[lang], ...specifications[lang] };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

describe('a designation’s specification and contacts', () => {
  it('an official sets the contacts and adds a version with a link and an amendment in the workspace', async () => {
    const L = strings('zh');
    const { page, context, consoleErrors } = await openPage(browser, server.url);
    page.setDefaultTimeout(10_000);
    await page.goto(`/admin/products/${productId}`);
    await page.getByLabel(L('signIn.username')).fill('qs-spec');
    await page.getByLabel(L('signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: L('signIn.submit') }).click();
    await page.getByRole('button', { name: L('editor.designations'), exact: true }).click(); // the GIs' section, closed on load

    // The contacts, with the designation's other details.
    await page.getByText(L('desig.editDetails'), { exact: true }).click();
    const details = page.getByRole('form', { name: L('desig.editDetails') });
    await details.getByLabel(L('desig.managingBody'), { exact: true }).fill(CONTACTS.managingBody);
    await details.getByLabel(L('desig.managingContact'), { exact: true }).fill(CONTACTS.managingContact);
    await details.getByLabel(L('desig.testingBody'), { exact: true }).fill(CONTACTS.testingBody);
    await details.getByRole('button', { name: L('desig.saveDetails') }).click();
    await page.getByRole('definition').filter({ hasText: CONTACTS.testingBody }).waitFor();

    // A version with a link: first a javascript: link, refused beside its field in Chinese alone.
    const add = page.getByRole('form', { name: L('specEdit.add') });
    await add.getByLabel(L('specEdit.number'), { exact: true }).fill('DB14/T 1234-2020');
    await add.getByLabel(L('specEdit.title')).fill('地理标志产品 沁水规范梨');
    await add.getByLabel(L('specEdit.version'), { exact: true }).fill('2020版');
    await add.getByLabel(L('specEdit.issuedOn'), { exact: true }).fill('2020-06');
    const link = add.getByLabel(L('specEdit.url'), { exact: true });
    await link.fill('javascript:alert(1)');
    await add.getByRole('button', { name: L('specEdit.addSubmit') }).click();
    await expect.poll(() => link.getAttribute('aria-invalid')).toBe('true');
    const error = add.locator(`#${await link.getAttribute('id')}-error`);
    expect(await error.textContent()).toContain('链接须为以 http:// 或 https:// 开头的完整网址');
    expect(await error.textContent()).not.toContain('A link');
    expect(await seriousViolations(page)).toEqual([]);
    await link.fill('https://example.gov.cn/db14/1234-2020.pdf');
    await add.getByRole('button', { name: L('specEdit.addSubmit') }).click();
    await page.getByRole('status').filter({ hasText: L('specEdit.added', { label: 'DB14/T 1234-2020 2020版' }) }).waitFor();

    // The amendment: the product's file instead of a link.
    await add.getByLabel(L('specEdit.number'), { exact: true }).fill('DB14/T 1234-2023');
    await add.getByLabel(L('specEdit.title')).fill('地理标志产品 沁水规范梨');
    await add.getByLabel(L('specEdit.issuedOn'), { exact: true }).fill('2023-03-01');
    await add.getByLabel(L('specEdit.document'), { exact: true }).selectOption({ label: '质量技术要求全文' });
    await add.getByRole('button', { name: L('specEdit.addSubmit') }).click();
    await page.getByRole('status').filter({ hasText: L('specEdit.added', { label: 'DB14/T 1234-2023' }) }).waitFor();
    const versions = page.getByRole('list', { name: L('specEdit.list') }).getByRole('listitem');
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.first().textContent()).toContain('DB14/T 1234-2023');
    expect(await versions.first().getByText(L('specEdit.current'), { exact: true }).count()).toBe(1);
    await saveShot(page, 'zh-specification-editor', true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
    await context.close();
  });

  describe.each([
    ['zh', 'desktop', { width: 1280, height: 800 }],
    ['zh', 'phone', { width: 390, height: 844 }],
    ['en', 'desktop', { width: 1280, height: 800 }],
    ['en', 'phone', { width: 390, height: 844 }],
  ] as const)('the public product page (%s, %s)', (lang, device, viewport) => {
    it('shows the current version, the amendment with its link, and the contacts', async () => {
      const L = strings(lang);
      const { page, context, consoleErrors, foreignRequests } = await openPage(browser, server.url, { viewport, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
      page.setDefaultTimeout(10_000);
      await page.goto(`/products/${productId}${lang === 'en' ? '?lang=en' : ''}`);
      // Plain sections, found by their headings: every designation has both, and landmarks' names must differ (axe landmark-unique).
      const section = (heading: string) => page.locator('gi-designation-specification section').filter({ has: page.getByRole('heading', { name: heading, exact: true }) });
      const spec = section(L('spec.heading'));
      await spec.waitFor();
      const current = (label: string) => spec.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
      expect(await current(L('spec.number')).textContent()).toBe('DB14/T 1234-2023');
      expect(await current(L('spec.version')).textContent()).toBe(L('product.notRecorded'));
      expect((await current(L('spec.issuedOn')).textContent())?.trim()).toBe('2023-03-01');
      const file = spec.getByRole('link', { name: L('spec.openDocument', { title: '质量技术要求全文' }) });
      expect(await file.getAttribute('href')).toBe(`/api/documents/${documentId}`);

      const amendments = spec.getByRole('list', { name: L('spec.amendments') });
      const earlier = amendments.getByRole('listitem');
      expect(await earlier.count()).toBe(1);
      expect(await earlier.textContent()).toContain('DB14/T 1234-2020 2020版');
      expect(await earlier.textContent()).toContain(lang === 'en' ? 'June 2020' : '2020年6月');
      const web = earlier.getByRole('link', { name: L('spec.openLink', { host: 'example.gov.cn' }) });
      expect(await web.getAttribute('href')).toBe('https://example.gov.cn/db14/1234-2020.pdf');
      expect(await web.getAttribute('rel')).toContain('noopener');
      expect(await web.getAttribute('target')).toBe('_blank');

      const contacts = section(L('spec.contacts'));
      for (const [key, value] of [['spec.managingBody', CONTACTS.managingBody], ['spec.managingContact', CONTACTS.managingContact], ['spec.testingBody', CONTACTS.testingBody]]) {
        expect(await contacts.getByRole('term').filter({ hasText: L(key) }).locator('xpath=following-sibling::dd[1]').textContent()).toBe(value);
      }
      // On a phone nothing runs off the side.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await saveShot(page, `${lang}-${device}-specification`, true);
      expect(await seriousViolations(page)).toEqual([]);
      expect(foreignRequests).toEqual([]);
      expect(consoleErrors).toEqual([]);
      await context.close();
    });
  });
});
