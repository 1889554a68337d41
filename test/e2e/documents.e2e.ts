/**
 * Documents and photos in the browser: an official of 沁水县 uploads a photo and a PDF to 沁水蜂蜜 in
 * Chinese (the form, its progress and its list); a visitor reads the product page in English (the
 * gallery and the document list) and finds the photo's thumbnail in the map popup; every page axe-clean.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { guide } from '../../client/i18n/guide';
import { documents } from '../../client/i18n/documents';
import { map } from '../../client/i18n/map';
import { eq } from 'drizzle-orm';
import * as schema from '../../db/schema';
import { createUser } from '../../server/domain/accounts/accounts';
import { call, startServer, type TestServer } from '../support/server';
import { cameraJpeg, pdfBytes } from '../support/sample-files';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';

const PASSWORD = 'honey-from-the-hills-2026';
let server: TestServer;
let browser: Browser;
let honeyId: number;

beforeAll(async () => {
  server = await startServer();
  await createUser(server.db, null, { username: 'qinshui', password: PASSWORD, role: 'official', county: '140521' });
  honeyId = (await call(`${server.url}/api/products?q=${encodeURIComponent('沁水蜂蜜')}`)).body.items[0].id;
  // Seeded, 沁水蜂蜜 is known only by its county (no marker, so no popup): placed in 龙港镇 here, it has a marker.
  server.db.update(schema.locations).set({ precision: 'township', divisionCode: '140521100000', label: '龙港镇' })
    .where(eq(schema.locations.productId, honeyId)).run();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fail = (key: string): never => { throw new Error(`no string ${key}`); };
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = { ...common[lang], ...map[lang], ...admin[lang], ...documents[lang], ...guide[lang] };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

describe('documents and photos', () => {
  it('an official uploads a photo and a PDF in Chinese; the public reads them in English, on the page and in the map popup', async () => {
    const zh = strings('zh');
    const official = await openPage(browser, server.url);
    const { page } = official;
    page.setDefaultTimeout(10_000);
    await page.goto('/admin');
    await page.getByLabel(zh('signIn.username')).fill('qinshui');
    await page.getByLabel(zh('signIn.password')).fill(PASSWORD);
    await page.getByRole('button', { name: zh('signIn.submit') }).click();
    await expect.poll(() => page.getByText(zh('admin.signedInAs', { name: 'qinshui' })).isVisible()).toBe(true);
    const errorsBefore = official.consoleErrors.length; // the 401 of "who am I" before signing in is expected
    await page.goto(`/admin/products/${honeyId}`);
    // The documents' and the history's sections, closed on load.
    for (const part of ['docs.editor', 'editor.history']) await page.getByRole('button', { name: zh(part), exact: true }).click();
    const form = page.getByRole('form', { name: zh('docs.uploadForm') });
    await form.waitFor();

    // Nothing chosen: the form says so beside the file field, in Chinese.
    await form.getByRole('button', { name: zh('docs.upload') }).click();
    await form.getByText(zh('docs.noFile')).waitFor();

    // A camera photo (its EXIF says "turn it"; the GPS goes).
    await form.getByLabel(zh('docs.file')).setInputFiles({ name: '蜂场.jpg', mimeType: 'image/jpeg', buffer: await cameraJpeg(600, 400) });
    expect(await form.getByLabel(zh('docs.title')).inputValue()).toBe('蜂场'); // prefilled from the file's name
    await form.getByLabel(zh('docs.kind')).selectOption({ label: zh('documentKind.photo') });
    await form.getByLabel(zh('docs.title')).fill('沁水蜂场');
    await form.getByLabel(zh('docs.visibility')).selectOption({ label: zh('documentVisibility.public') });
    await form.getByRole('button', { name: zh('docs.upload') }).click();
    await form.getByRole('status').filter({ hasText: zh('docs.uploaded', { title: '沁水蜂场' }) }).waitFor();

    // A PDF of the specification, dated to the month.
    await form.getByLabel(zh('docs.file')).setInputFiles({ name: 'spec.pdf', mimeType: 'application/pdf', buffer: pdfBytes('Qinshui honey') });
    await form.getByLabel(zh('docs.kind')).selectOption({ label: zh('documentKind.specification') });
    await form.getByLabel(zh('docs.title')).fill('沁水蜂蜜质量技术要求');
    await form.getByLabel(zh('docs.on')).fill('2021-06');
    await form.getByLabel(zh('docs.sourceField')).fill('沁水县市场监督管理局');
    await form.getByRole('button', { name: zh('docs.upload') }).click();
    await form.getByRole('status').filter({ hasText: zh('docs.uploaded', { title: '沁水蜂蜜质量技术要求' }) }).waitFor();

    const list = page.getByRole('table', { name: zh('docs.list') });
    await list.getByRole('link', { name: '沁水蜂场' }).waitFor();
    await list.getByRole('link', { name: '沁水蜂蜜质量技术要求' }).waitFor();
    expect(await list.getByLabel(zh('docs.visibilityOf', { title: '沁水蜂场' })).inputValue()).toBe('public');
    // The history tells it as a sentence.
    await page.getByText('为 沁水蜂蜜 添加文件：质量技术要求/管理规则《沁水蜂蜜质量技术要求》').waitFor();
    await saveShot(page, 'documents-editor-zh', true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(official.consoleErrors.slice(errorsBefore)).toEqual([]);
    await official.context.close();

    // The public, in English.
    const en = strings('en');
    const visitor = await openPage(browser, server.url, { locale: 'en-US' });
    const pub = visitor.page;
    pub.setDefaultTimeout(10_000);
    await pub.goto(`/products/${honeyId}?lang=en`);
    const gallery = pub.getByRole('region', { name: en('docs.photos') });
    const photo = gallery.getByRole('img', { name: '沁水蜂场' });
    await photo.waitFor();
    // A lazy thumbnail loads as a reader scrolls to it (each GI's specification and contacts come above the gallery).
    await photo.scrollIntoViewIfNeeded();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    const photoLink = gallery.getByRole('link', { name: '沁水蜂场' });
    const photoUrl = await photoLink.getAttribute('href');
    expect(photoUrl).toMatch(/^\/api\/documents\/\d+$/);
    const files = pub.getByRole('region', { name: en('docs.documents') });
    await files.getByText(en('documentKind.specification')).waitFor();
    const pdfLink = files.getByRole('link', { name: '沁水蜂蜜质量技术要求' });
    expect(await pdfLink.getAttribute('type')).toBe('application/pdf');
    const item = files.getByRole('listitem').filter({ hasText: '沁水蜂蜜质量技术要求' });
    expect(await item.textContent()).toMatch(/PDF · \d+ (bytes|KB)/);
    expect(await item.textContent()).toContain(en('docs.source', { source: '沁水县市场监督管理局' }));
    expect(await item.textContent()).not.toMatch(/[年月]/);
    await saveShot(pub, 'documents-public-en', true);
    expect(await seriousViolations(pub)).toEqual([]);

    // A click on the photo opens it in a viewer with its caption; Escape closes it and focus returns to the photo.
    await photoLink.click();
    const viewer = pub.getByRole('dialog', { name: /^沁水蜂场/ });
    await viewer.waitFor();
    await viewer.getByRole('img', { name: '沁水蜂场' }).waitFor();
    await viewer.getByRole('button', { name: en('photo.close') }).waitFor();
    expect(await seriousViolations(pub)).toEqual([]);
    await pub.keyboard.press('Escape');
    await viewer.waitFor({ state: 'hidden' });
    expect(await photoLink.evaluate((a) => (a.getRootNode() as ShadowRoot).activeElement === a)).toBe(true);

    // The full photo opens on its own page, upright, under the sandboxing CSP. (In a tab of its own: the
    // sandboxed page has an opaque origin, so Chromium's favicon fetch from it is refused by CORP, as it should be.)
    const photoTab = await visitor.context.newPage();
    const full = await photoTab.goto(photoUrl!);
    expect(full!.headers()['content-security-policy']).toMatch(/^sandbox/);
    await expect.poll(() => photoTab.evaluate(() => { const img = document.images[0]; return img ? [img.naturalWidth, img.naturalHeight] : null; }))
      .toEqual([400, 600]);
    await photoTab.close();

    // The map popup shows the photo's thumbnail.
    await pub.goto(`/?lang=en&q=${encodeURIComponent('沁水蜂蜜')}`);
    const marker = pub.getByRole('button', { name: /^Qinshui honey/ });
    await marker.focus();
    await pub.keyboard.press('Enter');
    const popup = pub.locator('.leaflet-popup');
    const thumb = popup.getByRole('img', { name: en('docs.popupPhoto', { name: 'Qinshui honey' }) });
    await thumb.waitFor();
    expect(await thumb.getAttribute('src')).toMatch(/^\/api\/documents\/\d+\/thumbnail$/);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await expect.poll(() => popup.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
    await saveShot(pub, 'documents-popup-en');
    expect(await seriousViolations(pub)).toEqual([]);
    expect(visitor.consoleErrors).toEqual([]);
    expect(visitor.foreignRequests).toEqual([]);
    await visitor.context.close();
  });
});
