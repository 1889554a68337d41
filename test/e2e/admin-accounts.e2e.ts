/**
 * The admin's side of the workspace: accounts (create with errors beside the fields, deactivate,
 * reactivate, reset a password), archive and restore, and the sign-in errors (wrong password, then
 * the 429 wait; the lock after LOCKOUT_ATTEMPTS is in security.e2e.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../server/domain/accounts/accounts';
import { startServer, type TestServer } from '../support/server';
import { launchBrowser, openPage, saveShot } from './support/browser';

const ADMIN_PASSWORD = 'city-admin-password';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // Ten wrong passwords before a lock (the default is five), so that the growing delays after five answer 429 first.
  server = await startServer({ env: { LOCKOUT_ATTEMPTS: '10' } });
  await createUser(server.db, null, { username: 'city', password: ADMIN_PASSWORD, role: 'admin', county: null });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('the admin workspace', () => {
  it('manages accounts: errors beside fields, create, deactivate, reactivate, reset password', async () => {
    const { page, context } = await openPage(browser, server.url);
    page.setDefaultTimeout(10_000);
    await page.goto('/admin');
    await signIn(page, 'city', ADMIN_PASSWORD);
    await page.getByRole('link', { name: '账号管理' }).click();
    await page.getByRole('cell', { name: 'city', exact: true }).waitFor();

    await page.getByLabel('用户名').fill('yangcheng');
    await page.getByLabel('初始密码').fill('short');
    await page.getByRole('button', { name: '创建账号' }).click();
    const password = page.getByLabel('初始密码');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('密码至少10个字符').isVisible()).toBe(true);
    await password.fill('terraced hills of tea');
    await page.getByRole('button', { name: '创建账号' }).click();
    await expect.poll(() => page.getByLabel('所属县（市、区）').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('所属县（市、区）').selectOption({ label: '阳城县' });
    await page.getByRole('button', { name: '创建账号' }).click();
    await page.getByRole('status').filter({ hasText: '账号已创建' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'yangcheng' });
    expect(await row.textContent()).toContain('阳城县');
    await saveShot(page, 'zh-accounts', true);

    // The list is read again slowly, as on a busy server: the notice is announced only once the row shows it.
    await page.route('**/api/users', async (route) => {
      if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.getByRole('button', { name: '停用 yangcheng' }).click();
    await page.getByRole('status').filter({ hasText: 'yangcheng 已停用' }).waitFor();
    expect(await row.textContent()).toContain('已停用');
    await page.unroute('**/api/users');
    await page.getByRole('button', { name: '重新启用 yangcheng' }).click();
    await page.getByRole('status').filter({ hasText: 'yangcheng 已重新启用' }).waitFor();

    await page.getByRole('button', { name: '重设密码（yangcheng）' }).click();
    await page.getByLabel('yangcheng 的新密码').fill('a-new-password-2026');
    await page.getByRole('button', { name: '确认重设' }).click();
    await page.getByRole('status').filter({ hasText: 'yangcheng 的密码已重设' }).waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    // Until the server has ended the session the workspace stays, and its account form has a 用户名 field too:
    // a person waits for the sign-in form, and so does the test.
    await page.getByRole('heading', { name: '登录工作台' }).waitFor();
    await signIn(page, 'yangcheng', 'a-new-password-2026');
    // Signing in hashes the password (scrypt): on a busy 2-core CI machine it can take longer than a click.
    await page.getByText('已登录：yangcheng · 阳城县工作人员').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('link', { name: '账号管理' }).count()).toBe(0);
    await context.close();
  });

  it('archives a product and restores it (restore is the admin’s)', async () => {
    const { page, context } = await openPage(browser, server.url);
    page.setDefaultTimeout(10_000);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto('/admin');
    await signIn(page, 'city', ADMIN_PASSWORD);
    await page.getByLabel('县（市、区）').selectOption({ label: '高平市' });
    const first = page.getByRole('table').getByRole('link').first();
    await first.waitFor();
    for (const cells of await page.getByRole('table').getByRole('row').all()) {
      if ((await cells.getByRole('cell').count()) > 0) expect(await cells.textContent()).toContain('高平市');
    }
    const name = (await first.textContent())!;
    await first.click();
    await page.getByRole('button', { name: '归档产品' }).click();
    await page.getByRole('button', { name: '恢复产品' }).waitFor();
    expect(await page.getByText('此产品已归档，不能修改；恢复后才能编辑。').isVisible()).toBe(true);

    await page.getByRole('link', { name: '我的产品' }).click();
    await page.getByLabel('只看已归档').check();
    await page.getByRole('link', { name }).waitFor();
    await page.getByRole('link', { name }).click();
    await page.getByRole('button', { name: '恢复产品' }).click();
    await page.getByRole('button', { name: '归档产品' }).waitFor();
    await page.getByRole('button', { name: '修改记录', exact: true, expanded: false }).click(); // the editor's history section
    await page.getByText(`恢复产品 ${name}`).first().waitFor(); // the history says so in a sentence
    await context.close();
  });

  it('says when the password is wrong, then how long to wait', async () => {
    const { page, context } = await openPage(browser, server.url, { locale: 'en-US' });
    page.setDefaultTimeout(10_000);
    await page.goto('/admin?lang=en');
    const alert = page.getByRole('alert');
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Username').fill('city');
      await page.getByLabel('Password').fill(`wrong-${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await alert.filter({ hasText: 'Wrong username or password.' }).waitFor();
      await page.getByRole('button', { name: 'Sign in' }).and(page.locator(':enabled')).waitFor();
    }
    await page.getByRole('button', { name: 'Sign in' }).click();
    await alert.filter({ hasText: /Too many attempts\. Please try again in \d+ seconds/ }).waitFor();
    await saveShot(page, 'en-sign-in-429');
    await context.close();
  });
});
