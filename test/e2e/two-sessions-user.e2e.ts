/**
 * Two admins (two browser contexts) open the accounts page and change the same account: the first save
 * goes through; the second, based on what its page showed before, is refused with the shared "changed by
 * someone else" notice (form-sender.ts) saying what the account is now, and keeps what was chosen; taking
 * what is there now and saving again is a deliberate overwrite. Both changes are in the security events:
 * nothing is lost silently. Chinese on a desktop, English on a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../../server/domain/accounts/accounts';
import { startServer, type TestServer } from '../support/server';
import { launchBrowser, openPage, saveShot } from './support/browser';

/** A field's label exactly, with or without the mark of a required field (` *`). */
const exactly = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

const PASSWORDS = { city: 'walled villages of taihang', deputy: 'second seal on the ledger', official: 'glazed tiles of the old kiln' };

const CASES = [
  {
    lang: 'zh', query: '', viewport: { width: 1280, height: 800 }, locale: 'zh-CN',
    target: 'yangcheng', from: '140522', username: '用户名', password: '密码', signIn: '登录', accounts: '账号管理',
    change: '更改角色或所属县（yangcheng）', form: 'yangcheng 的角色和所属县',
    role: '角色', county: '所属县（市、区）', official: '县级工作人员', auditor: '审计管理员', first: '高平市', second: '泽州县', save: '保存',
    changed: 'yangcheng 的角色或所属县已更改。', stale: '此内容在您打开后已被他人修改', take: '重新载入（保留您填写的内容）',
  },
  {
    lang: 'en', query: '?lang=en', viewport: { width: 390, height: 844 }, locale: 'en-US',
    target: 'lingchuan', from: '140524', username: 'Username', password: 'Password', signIn: 'Sign in', accounts: 'Accounts',
    change: 'Change role or county of lingchuan', form: 'Role and county of lingchuan',
    role: 'Role', county: 'County', official: 'County official', auditor: 'Auditor', first: 'Gaoping City', second: 'Zezhou County', save: 'Save',
    changed: 'The role or county of lingchuan is changed.', stale: 'This was changed by someone else since you opened it', take: 'Reload, keeping what you typed',
  },
] as const;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await createUser(server.db, null, { username: 'city', password: PASSWORDS.city, role: 'admin', county: null });
  await createUser(server.db, null, { username: 'deputy', password: PASSWORDS.deputy, role: 'admin', county: null });
  for (const c of CASES) await createUser(server.db, null, { username: c.target, password: PASSWORDS.official, role: 'official', county: c.from });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.each(CASES)('two admins change one account ($lang)', (c) => {
  async function accountsPage(username: 'city' | 'deputy'): Promise<Page> {
    const { page } = await openPage(browser, server.url, { viewport: c.viewport, locale: c.locale });
    page.setDefaultTimeout(15_000);
    await page.goto(`/admin${c.query}`);
    await page.getByLabel(exactly(c.username)).fill(username);
    await page.getByLabel(exactly(c.password)).fill(PASSWORDS[username]);
    await page.getByRole('button', { name: c.signIn, exact: true }).click();
    await page.getByRole('link', { name: c.accounts }).click({ timeout: 30_000 });
    await page.getByRole('row').filter({ hasText: c.target }).waitFor();
    return page;
  }

  /** The form for the account, opened from its row. */
  async function openChange(page: Page) {
    await page.getByRole('button', { name: c.change }).click();
    return page.getByRole('form', { name: c.form });
  }

  it('refuses the second save with the notice, keeps its choice, and saves it only when asked again', async () => {
    const first = await accountsPage('city');
    const second = await accountsPage('deputy');
    // Both have the form open on the account as their page showed it.
    const secondForm = await openChange(second);
    const firstForm = await openChange(first);

    await firstForm.getByLabel(exactly(c.county)).selectOption({ label: c.first });
    await firstForm.getByRole('button', { name: c.save, exact: true }).click();
    await first.getByRole('status').filter({ hasText: c.changed }).waitFor();

    await secondForm.getByLabel(exactly(c.county)).selectOption({ label: c.second });
    await secondForm.getByRole('button', { name: c.save, exact: true }).click();
    // The shared notice: someone else changed it, and what it is now; the choice made here is still there.
    const notice = secondForm.getByRole('alert').filter({ hasText: c.stale });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(c.first);
    const chosen = () => secondForm.getByLabel(exactly(c.county)).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);
    expect(await chosen()).toBe(c.second);
    // The list behind the form shows the first admin's change too.
    await expect.poll(() => second.getByRole('row').filter({ hasText: c.target }).first().textContent()).toContain(c.first);
    await saveShot(second, `${c.lang}-account-changed-meanwhile`, true);

    // Taking what is there now keeps the choice; saving again, knowingly, goes through.
    await notice.getByRole('button', { name: c.take }).click();
    await notice.waitFor({ state: 'detached' });
    expect(await chosen()).toBe(c.second);
    await secondForm.getByRole('button', { name: c.save, exact: true }).click();
    await second.getByRole('status').filter({ hasText: c.changed }).waitFor();
    await expect.poll(() => second.getByRole('row').filter({ hasText: c.target }).first().textContent()).toContain(c.second);

    // Both changes are on record, in order.
    const events = await second.context().request.get(`${server.url}/api/security-events?kind=account_changed&username=${c.target}`);
    expect(events.status()).toBe(200);
    const items = ((await events.json()) as { items: { username: string; detail: { county?: { from: string; to: string } } }[] }).items;
    expect(items.slice(0, 2).map((e) => [e.username, e.detail.county])).toEqual([
      ['deputy', { from: '140581', to: '140525' }],
      ['city', { from: c.from, to: '140581' }],
    ]);
    await first.context().close();
    await second.context().close();
  });
});
