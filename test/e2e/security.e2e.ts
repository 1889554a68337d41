/**
 * The 等保 level-2 pack through the real pages, by role and label, in Chinese on a desktop and in English on a
 * phone: an official fails a password once, signs in and out; an admin changes that official's county and
 * exports the history; the admin's session idles out (the server's clock and the page's are moved on, not
 * waited for): a warning dialog first (Escape stays signed in), then the sign-in page says why; the auditor
 * then finds each of these among the security events, and an official gets no security-event page (403 from
 * the API too). Also: an account locked after wrong passwords, which the security admin unlocks, and an
 * expired password changed before anything else.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createUser } from '../../server/domain/accounts/accounts';
import { startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';

/** A field's label exactly, with or without the mark of a required field (` *`). */
const exactly = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const MINUTE = 60_000;
const PASSWORDS = {
  city: 'walled villages of taihang',
  qinshui: 'millet fields under snow',
  audit: 'ledger of every footstep',
  keeper: 'keys on an iron ring',
  old: 'an old password from spring',
};

/** The words of each page in each language. */
const WORDS = {
  zh: {
    query: '', username: '用户名', password: '密码', signIn: '登录', signOut: '退出登录', signInTitle: '登录工作台',
    wrong: '用户名或密码不正确。', signedInOfficial: '已登录：qinshui · 沁水县工作人员', accounts: '账号管理', securityNav: '安全事件',
    history: '修改记录', historyAll: '全市修改记录', historyList: '修改记录（按时间从新到旧）', myProducts: '我的产品', passwordNav: '修改密码', rolesHeading: '角色（三员分立）',
    changeQinshui: '更改角色或所属县（qinshui）', changeForm: 'qinshui 的角色和所属县', county: '所属县（市、区）', newCounty: '阳城县', save: '保存',
    changed: 'qinshui 的角色或所属县已更改。', export: '导出为 Excel（按当前筛选）', warnTitle: '即将退出登录',
    warnText: /您已 \d+ 分钟没有操作，将在 \d+ 秒后退出登录/, stay: '继续工作', timedOut: '因长时间未操作已退出登录（5 分钟没有操作）',
    kind: '事件类型', kinds: { failed: '登录失败', signIn: '登录', signOut: '退出登录', changed: '更改账号', export: '导出', timeout: '会话超时' },
    notForRole: '您的账号不能使用此页面。', auditorRole: '审计管理员', securityAdminRole: '安全管理员',
    locked: /此账号因多次输入错误密码已被锁定。请在 \d+ 分钟后再试，或请安全管理员解锁。/, lockBadge: '已锁定', unlockQinshui: '解锁 qinshui',
    unlocked: 'qinshui 已解锁。', expiredTitle: '密码已过期，请先修改密码', current: '当前密码', newPassword: '新密码', repeat: '再次输入新密码',
    changePassword: '修改密码', tooShort: '至少', mismatch: '两次输入的新密码不一致。',
  },
  en: {
    query: '?lang=en', username: 'Username', password: 'Password', signIn: 'Sign in', signOut: 'Sign out', signInTitle: 'Sign in to the workspace',
    wrong: 'Wrong username or password.', signedInOfficial: 'Signed in: qinshui · official of Qinshui County', accounts: 'Accounts', securityNav: 'Security events',
    history: 'History', historyAll: 'History of the whole city', historyList: 'Changes, newest first', myProducts: 'My products', passwordNav: 'Change password', rolesHeading: 'Roles (separation of duties)',
    changeQinshui: 'Change role or county of qinshui', changeForm: 'Role and county of qinshui', county: 'County', newCounty: 'Yangcheng County', save: 'Save',
    changed: 'The role or county of qinshui is changed.', export: 'Export to Excel (these filters)', warnTitle: 'You will be signed out soon',
    warnText: /You have done nothing for \d+ minutes?; you will be signed out in \d+ seconds?/, stay: 'Stay signed in',
    timedOut: 'You were signed out after 5 minutes without activity',
    kind: 'Event', kinds: { failed: 'Sign-in failed', signIn: 'Signed in', signOut: 'Signed out', changed: 'Account changed', export: 'Export', timeout: 'Session timed out' },
    notForRole: 'Your account cannot use this page.', auditorRole: 'Auditor', securityAdminRole: 'Security administrator',
    locked: /This account is locked after repeated wrong passwords\. Try again in \d+ minutes?, or ask a security administrator to unlock it\./,
    lockBadge: 'Locked', unlockQinshui: 'Unlock qinshui', unlocked: 'qinshui is unlocked.', expiredTitle: 'Your password has expired: change it first',
    current: 'Current password', newPassword: 'New password', repeat: 'Repeat the new password', changePassword: 'Change password',
    tooShort: 'at least', mismatch: 'The two new passwords differ.',
  },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];

const CASES = [
  { lang: 'zh' as const, viewport: DESKTOP, locale: 'zh-CN' },
  { lang: 'en' as const, viewport: PHONE, locale: 'en-US' },
];

let browser: Browser;
let server: TestServer | null = null;
/** How far the server's clock is ahead of the machine's (moved on instead of waiting). */
let serverAhead = 0;
const contexts: BrowserContext[] = [];

beforeAll(async () => { browser = await launchBrowser(); });
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  await server?.close();
  server = null;
});
afterAll(async () => { await browser?.close(); });

/** A fresh server whose clock the test moves on, with the given security settings. */
async function start(env: Record<string, string> = {}) {
  serverAhead = 0;
  server = await startServer({ env: { SESSION_IDLE_MINUTES: '5', ...env }, now: () => new Date(Date.now() + serverAhead) });
  return server;
}

async function open(c: (typeof CASES)[number], path: string, options: { fakeClock?: boolean } = {}): Promise<Page> {
  const { page, context } = await openPage(browser, server!.url, { viewport: c.viewport, locale: c.locale });
  contexts.push(context);
  page.setDefaultTimeout(15_000);
  if (options.fakeClock) await page.clock.install();
  await page.goto(`${path}${WORDS[c.lang].query}`);
  return page;
}

async function signIn(page: Page, w: Words, username: string, password: string) {
  await page.getByLabel(exactly(w.username)).fill(username);
  await page.getByLabel(exactly(w.password)).fill(password);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
}

/** The names of the workspace's navigation links. */
async function navLinks(page: Page, w: Words) {
  const nav = page.getByRole('navigation', { name: /工作台导航|Workspace navigation/ });
  await nav.waitFor();
  return nav.getByRole('link').allTextContents().then((names) => names.map((n) => n.trim()));
}

/** Moves both clocks on: the server's, then the page's (its timers due meanwhile fire). */
async function passTime(page: Page, ms: number) {
  serverAhead += ms;
  await page.clock.fastForward(ms);
}

describe.each(CASES)('security, $lang on $viewport.width px', (c) => {
  const w = WORDS[c.lang];

  it('records sign-ins, a failure, a change, an export and an idle timeout, which the auditor reads', async () => {
    const s = await start();
    await createUser(s.db, null, { username: 'city', password: PASSWORDS.city, role: 'admin', county: null });
    await createUser(s.db, null, { username: 'qinshui', password: PASSWORDS.qinshui, role: 'official', county: '140521' });
    await createUser(s.db, null, { username: 'audit', password: PASSWORDS.audit, role: 'auditor', county: null });

    // An official: a wrong password once, then in; no accounts or security events for them; out again.
    const official = await open(c, '/admin');
    await signIn(official, w, 'qinshui', 'not my password at all');
    await official.getByRole('alert').filter({ hasText: w.wrong }).waitFor();
    await signIn(official, w, 'qinshui', PASSWORDS.qinshui);
    await official.getByText(w.signedInOfficial).waitFor({ timeout: 30_000 });
    const officialNav = await navLinks(official, w);
    expect(officialNav).toContain(w.myProducts);
    expect(officialNav).toContain(w.passwordNav);
    expect(officialNav).not.toContain(w.accounts);
    expect(officialNav).not.toContain(w.securityNav);
    await official.getByRole('button', { name: w.signOut }).click();
    await official.getByRole('heading', { name: w.signInTitle }).waitFor();

    // The admin (the page's clock is a fake one the test moves): the official's county, then an export.
    const admin = await open(c, '/admin', { fakeClock: true });
    await signIn(admin, w, 'city', PASSWORDS.city);
    await admin.getByRole('link', { name: w.accounts }).click();
    await admin.getByRole('heading', { name: w.rolesHeading }).waitFor();
    // The four roles, each with what it may do (三员分立).
    const roles = (await admin.getByRole('term').allTextContents()).map((r) => r.trim());
    expect(roles).toEqual(expect.arrayContaining([w.auditorRole, w.securityAdminRole]));
    expect(roles).toHaveLength(4);
    expect(await admin.getByRole('definition').count()).toBe(4);
    await admin.getByRole('button', { name: w.changeQinshui }).click();
    const changeForm = admin.getByRole('form', { name: w.changeForm });
    await changeForm.getByLabel(exactly(w.county)).selectOption({ label: w.newCounty });
    await changeForm.getByRole('button', { name: w.save, exact: true }).click();
    await admin.getByRole('status').filter({ hasText: w.changed }).waitFor();
    expect(await admin.getByRole('row').filter({ hasText: 'qinshui' }).textContent()).toContain(w.newCounty);
    expect(await seriousViolations(admin)).toEqual([]);
    await saveShot(admin, `${c.lang}-accounts-roles`, true);
    await admin.getByRole('link', { name: w.history, exact: true }).click();
    const download = admin.waitForEvent('download');
    await admin.getByRole('link', { name: w.export }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // Left alone: the page loads afresh (no typing or clicking since), then 3½ minutes pass.
    await admin.reload();
    await admin.getByRole('heading', { level: 1 }).first().waitFor();
    await passTime(admin, 3.5 * MINUTE);
    const dialog = admin.getByRole('dialog', { name: w.warnTitle });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(w.warnText);
    expect(await admin.evaluate(() => {
      let a: Element | null = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.textContent?.trim();
    })).toBe(w.stay);
    expect(await seriousViolations(admin)).toEqual([]);
    await saveShot(admin, `${c.lang}-session-warning`);
    // Escape is "stay signed in": a keep-alive, and the dialog closes.
    const keptAlive = admin.waitForResponse((r) => r.url().endsWith('/api/session/keep-alive') && r.status() === 200);
    await admin.keyboard.press('Escape');
    await keptAlive;
    await dialog.waitFor({ state: 'hidden' });

    // Then left alone past the idle time: signed out, and told why; nothing of the workspace stays.
    await passTime(admin, 5 * MINUTE + 10_000);
    await admin.getByRole('alert').filter({ hasText: w.timedOut }).waitFor();
    await admin.getByRole('heading', { name: w.signInTitle }).waitFor();
    expect(await admin.getByRole('navigation', { name: /工作台导航|Workspace navigation/ }).count()).toBe(0);
    await saveShot(admin, `${c.lang}-timed-out`);

    // The auditor starts on the security events and finds each of them.
    const auditor = await open(c, '/admin');
    await signIn(auditor, w, 'audit', PASSWORDS.audit);
    await auditor.getByRole('heading', { name: w.securityNav, level: 1 }).waitFor({ timeout: 30_000 });
    const auditorNav = await navLinks(auditor, w);
    expect(auditorNav).toEqual([w.securityNav, w.history, w.passwordNav]);
    const table = auditor.getByRole('table');
    const expected: [keyof Words['kinds'], string][] = [
      ['failed', 'qinshui'], ['signIn', 'qinshui'], ['signOut', 'qinshui'], ['changed', 'qinshui'], ['export', 'city'], ['timeout', 'city'],
    ];
    for (const [kind, who] of expected) {
      await auditor.getByLabel(exactly(w.kind)).selectOption({ label: w.kinds[kind] });
      await expect.poll(async () => (await table.getByRole('row').filter({ hasText: who }).filter({ hasText: w.kinds[kind] }).count()) > 0,
        { message: `${w.kinds[kind]} of ${who}` }).toBe(true);
    }
    expect(await seriousViolations(auditor)).toEqual([]);
    await saveShot(auditor, `${c.lang}-security-events`, true);
    expect(await auditor.getByRole('link', { name: w.export }).getAttribute('href')).toMatch(/\/api\/security-events\/export\.xlsx\?.*lang=/);
    // The auditor reads the whole city's history too (the county change is in it), and edits nothing.
    await auditor.getByRole('link', { name: w.history, exact: true }).click();
    await auditor.getByRole('heading', { name: w.historyAll, level: 1 }).waitFor();
    await auditor.getByRole('list', { name: w.historyList }).getByText('qinshui').first().waitFor();

    // An official has no security-event page, and the API says 403.
    const again = await open(c, '/admin');
    await signIn(again, w, 'qinshui', PASSWORDS.qinshui);
    await again.getByRole('navigation', { name: /工作台导航|Workspace navigation/ }).waitFor({ timeout: 30_000 });
    await again.goto(`/admin/security-events${w.query}`);
    await again.getByRole('alert').filter({ hasText: w.notForRole }).waitFor();
    expect((await again.context().request.get(`${s.url}/api/security-events`)).status()).toBe(403);
  });

  it('locks an account after wrong passwords; the security admin unlocks it', async () => {
    const s = await start({ LOCKOUT_ATTEMPTS: '3' });
    await createUser(s.db, null, { username: 'qinshui', password: PASSWORDS.qinshui, role: 'official', county: '140521' });
    await createUser(s.db, null, { username: 'keeper', password: PASSWORDS.keeper, role: 'security_admin', county: null });

    const official = await open(c, '/admin');
    for (let i = 0; i < 3; i++) {
      await signIn(official, w, 'qinshui', `wrong guess number ${i}`);
      await official.getByRole('alert').filter({ hasText: i < 2 ? w.wrong : w.locked }).waitFor();
      await official.getByRole('button', { name: w.signIn, exact: true }).and(official.locator(':enabled')).waitFor();
    }
    await saveShot(official, `${c.lang}-sign-in-locked`);

    const keeper = await open(c, '/admin');
    await signIn(keeper, w, 'keeper', PASSWORDS.keeper);
    // The security admin's workspace is the accounts page and their password, nothing else.
    expect(await navLinks(keeper, w)).toEqual([w.accounts, w.passwordNav]);
    const row = keeper.getByRole('row').filter({ hasText: 'qinshui' });
    await row.getByText(w.lockBadge, { exact: true }).waitFor();
    await keeper.getByRole('button', { name: w.unlockQinshui }).click();
    await keeper.getByRole('status').filter({ hasText: w.unlocked }).waitFor();
    expect(await row.getByText(w.lockBadge, { exact: true }).count()).toBe(0);

    await signIn(official, w, 'qinshui', PASSWORDS.qinshui);
    await official.getByText(w.signedInOfficial).waitFor({ timeout: 30_000 });
  });

  it('takes an official with an expired password to the password form before anything else', async () => {
    const s = await start({ PASSWORD_MAX_AGE_DAYS: '30' });
    const longAgo = new Date(Date.now() - 40 * 24 * 60 * MINUTE);
    await createUser(s.db, null, { username: 'old', password: PASSWORDS.old, role: 'official', county: '140521' }, { now: longAgo, address: null });

    const page = await open(c, '/admin');
    await signIn(page, w, 'old', PASSWORDS.old);
    await page.getByRole('heading', { name: w.expiredTitle }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('navigation', { name: /工作台导航|Workspace navigation/ }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel(exactly(w.current)).fill(PASSWORDS.old);
    await page.getByLabel(exactly(w.newPassword)).fill('short');
    await page.getByLabel(exactly(w.repeat)).fill('shorter');
    await page.getByRole('button', { name: w.changePassword, exact: true }).click();
    await expect.poll(() => page.getByLabel(exactly(w.newPassword)).getAttribute('aria-invalid')).toBe('true');
    await page.getByText(w.mismatch).waitFor();
    // The server's rule: 1234567890 is a run.
    await page.getByLabel(exactly(w.newPassword)).fill('1234567890');
    await page.getByLabel(exactly(w.repeat)).fill('1234567890');
    await page.getByRole('button', { name: w.changePassword, exact: true }).click();
    await expect.poll(() => page.getByLabel(exactly(w.newPassword)).getAttribute('aria-invalid')).toBe('true');
    await saveShot(page, `${c.lang}-password-expired`, true);

    await page.getByLabel(exactly(w.newPassword)).fill('orchards along the qin river');
    await page.getByLabel(exactly(w.repeat)).fill('orchards along the qin river');
    await page.getByRole('button', { name: w.changePassword, exact: true }).click();
    const nav = await navLinks(page, w);
    expect(nav).toContain(w.myProducts);
  });
});
