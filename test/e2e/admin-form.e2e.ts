/**
 * The product form's checks in the browser: errors beside the fields from the shared zod schemas
 * (aria-invalid + aria-describedby), a protected area uploaded as GeoJSON and previewed, and the
 * saved area coming back after a reload; the server's refusal of a save (a look-alike name) in the
 * page's language only, in Chinese and English.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser } from '../../server/domain/accounts/accounts';
import { startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';

const PASSWORD = 'mountain-spring-water-1';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  await createUser(server.db, null, { username: 'lingchuan', password: PASSWORD, role: 'official', county: '140524' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const ring = [[113.2, 35.7], [113.4, 35.7], [113.4, 35.85], [113.2, 35.7]];
const file = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

describe('the product form', () => {
  it('shows errors beside the fields, takes a GeoJSON area, and keeps it', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url);
    page.setDefaultTimeout(10_000);
    await page.goto('/admin/products/new');
    await page.getByLabel('用户名').fill('lingchuan');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('checkbox', { name: '陵川县' }).waitFor();
    expect(await page.getByRole('checkbox', { name: '陵川县' }).isChecked()).toBe(true);

    // Nothing filled in, no county, a latitude that is not a number.
    await page.getByRole('checkbox', { name: '陵川县' }).uncheck();
    await page.getByRole('button', { name: '添加位置' }).click();
    await page.getByLabel('位置 1 纬度').fill('abc');
    await page.getByRole('button', { name: '创建产品' }).click();
    const name = page.getByLabel('中文名称');
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await name.getAttribute('aria-describedby'))!;
    expect(await page.locator(`gi-product-form #${describedBy}`).textContent()).toContain('必填');
    expect(await page.getByLabel('产品类别').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('位置 1 纬度').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('至少选择 1 项。').isVisible()).toBe(true);
    await saveShot(page, 'zh-form-errors', true);
    expect(await seriousViolations(page)).toEqual([]);

    // Fix them; the area comes from a file.
    await name.fill('陵川党参');
    await page.getByLabel('产品类别').selectOption({ label: '中药材' });
    await page.getByRole('checkbox', { name: '陵川县' }).check();
    await page.getByRole('button', { name: '删除位置 1' }).click();
    await page.getByLabel('公告的保护范围').fill('陵川县六城镇、古郊乡');
    const upload = page.getByLabel('范围图形（GeoJSON 文件）');
    await upload.setInputFiles(file('point.geojson', { type: 'Point', coordinates: [113.3, 35.8] }));
    await page.getByText('文件中没有多边形').waitFor();
    expect(await upload.getAttribute('aria-invalid')).toBe('true');
    await upload.setInputFiles(file('area.geojson', { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }] }));
    await page.getByText('已载入 Polygon，共 4 个顶点。').waitFor();
    await page.locator('gi-area-upload gi-map').waitFor();
    await saveShot(page.locator('gi-area-upload'), 'zh-area-upload');
    await page.getByRole('button', { name: '创建产品' }).click();
    await page.waitForURL(/\/admin\/products\/\d+/);

    await page.reload();
    await page.getByRole('button', { name: '产品信息', exact: true }).click(); // the details' section, closed on load
    await page.getByText('已载入 Polygon，共 4 个顶点。').waitFor();
    expect(await page.getByLabel('公告的保护范围').inputValue()).toBe('陵川县六城镇、古郊乡');
    expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  });
});

describe.each([
  { lang: 'zh', query: '', mine: '已有名称相同或看起来相同的产品', other: 'look-alike name already exists', name: '中文名称', category: '产品类别', create: '创建产品' },
  { lang: 'en', query: '?lang=en', mine: 'A product with the same or a look-alike name already exists', other: '已有名称相同', name: 'Chinese name', category: 'Category', create: 'Create product' },
])('a save the server refuses ($lang)', ({ lang, query, mine, other, name, category, create }) => {
  it('says why in the page’s language only, the other product’s Chinese name marked as Chinese', async () => {
    const { page, context, consoleErrors } = await openPage(browser, server.url, { locale: lang === 'en' ? 'en-US' : 'zh-CN', viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(10_000);
    const signedIn = await context.request.post('/api/session', { data: { username: 'lingchuan', password: PASSWORD } });
    expect(signedIn.status()).toBe(200);
    await page.goto(`/admin/products/new${query}`);
    // 陵川潞党参 is a seeded product of 陵川县: the same name again is refused with 409.
    await page.getByLabel(name).fill('陵川潞党参');
    await page.getByLabel(category).selectOption({ index: 1 });
    await page.getByRole('button', { name: create }).click();
    const alert = page.locator('gi-product-form').getByRole('alert');
    await alert.getByText(mine).waitFor();
    expect(await alert.textContent()).not.toContain(other);
    expect(await alert.textContent()).not.toContain(' / ');
    if (lang === 'en') expect(await alert.locator('span[lang="zh-CN"]').allTextContents()).toContain('陵川潞党参');
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors.filter((e) => !/409|Conflict/.test(e))).toEqual([]);
    await context.close();
  });
});

