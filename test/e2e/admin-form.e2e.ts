/**
 * The product form's checks in the browser: errors beside the fields from the shared zod schemas
 * (aria-invalid + aria-describedby), a protected area uploaded as GeoJSON and previewed, and the
 * saved area coming back after a reload.
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
    await page.getByText('已载入 Polygon，共 4 个顶点。').waitFor();
    expect(await page.getByLabel('公告的保护范围').inputValue()).toBe('陵川县六城镇、古郊乡');
    expect(consoleErrors.filter((e) => !e.includes('401'))).toEqual([]);
    await context.close();
  });
});
