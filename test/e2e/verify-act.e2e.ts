/**
 * A verification people can act on, in the browser, in Chinese and in English, on a 390×844 phone and
 * on a desktop: a credit code with a wrong check character gets its own answer; an unknown company is
 * "not found among the N users of M GIs registered here" with the registry's size and last change; the
 * report helper writes the report text from what the buyer types, and no request the page makes carries
 * it; a revoked user shows its reason and decision number; a valid one what a genuine label shows. In the
 * workspace, the authorised user's row takes the decision, its errors beside their fields in the page's
 * language only; the list of misses shows a name the public kept asking for. axe is clean throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { marks } from '../../client/i18n/marks';
import { product } from '../../client/i18n/product';
import { verifyAct } from '../../client/i18n/verify-act';
import { comparableName, creditCodeCheckChar, todayInShanghai, type VerifyResult } from '../../db/model';
import { addAccount, creditCode, PASSWORD, send, signIn } from '../server/fixtures';
import { picture, upload, uploadForm } from '../support/sample-files';
import { startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot } from './support/browser';

let server: TestServer;
let browser: Browser;
let cookie: string;
/** The day the revocation's decision was recorded (Shanghai), set by the test that records it. */
let decidedOn = '';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addAccount(server.db, 'qs-act-e2e', 'official', '140521');
  cookie = await signIn(server.url, 'qs-act-e2e');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fail = (key: string): never => { throw new Error(`no string ${key}`); };

/** The pages' strings in one language, filled like t() does. */
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = { ...common[lang], ...admin[lang], ...product[lang], ...marks[lang], ...verifyAct[lang] };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

/** The half of a bilingual server message (`中文 / English`) in one language. */
const half = (message: string, lang: 'zh' | 'en') => message.split(' / ')[lang === 'zh' ? 0 : 1];

/** A page that records every request it makes: its address, body and headers. */
async function recordedPage(lang: 'zh' | 'en', viewport: { width: number; height: number }) {
  const watched = await openPage(browser, server.url, { viewport, locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  await watched.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const requests: string[] = [];
  watched.page.on('request', (r) => requests.push(`${r.method()} ${r.url()}\n${r.postData() ?? ''}\n${JSON.stringify(r.headers())}`));
  watched.page.setDefaultTimeout(10_000);
  return { ...watched, requests };
}

describe.each(['zh', 'en'] as const)('a verification people can act on (%s)', (lang) => {
  const L = strings(lang);
  const q = lang === 'en' ? '?lang=en' : '';
  const sep = q ? '&' : '?';
  const tag = lang === 'en' ? 'E' : 'Q';
  const productZh = `行动核验蜂蜜${tag}`;
  const productEn = `Action honey ${tag}`;
  const shownProduct = lang === 'en' ? productEn : productZh;
  const announcement = `国家质检总局公告2013年第${lang === 'en' ? 88 : 77}号`;
  const validName = `沁水县正品${tag}蜂业有限公司`;
  const revokedName = `沁水县撤销${tag}蜂业有限公司`;
  const validCode = creditCode(`91140521MA0ACT${tag}01`);
  const revokedCode = creditCode(`91140521MA0ACT${tag}02`);
  const wrongCheck = `${validCode.slice(0, 17)}${creditCodeCheckChar(validCode.slice(0, 17)) === '0' ? '1' : '0'}`;
  const reason = `冒用检测报告${tag}`;
  const number = `晋市监处〔2026〕${lang === 'en' ? 41 : 40}号`;
  let productId: number;
  let revokedId: number;

  beforeAll(async () => {
    const created = await send(server.url, 'POST', '/api/products', {
      nameZh: productZh, nameEn: productEn, category: 'food', counties: ['140521'], visibility: 'public',
    }, cookie);
    expect(created.status).toBe(201);
    productId = created.body.id;
    const d = await send(server.url, 'POST', `/api/products/${productId}/designations`,
      { giType: 'protected_product', announcement, startedOn: '2012-01-01' }, cookie);
    for (const [to, on] of [['filed', '2012-06'], ['granted', '2013-07-03']]) {
      expect((await send(server.url, 'POST', `/api/designations/${d.body.id}/transitions`, { to, on, note: '', confirmIncomplete: true }, cookie)).status).toBe(201);
    }
    const add = (body: object) => send(server.url, 'POST', `/api/designations/${d.body.id}/authorized-users`, { basis: 'approved_producer', from: '2020-01-01', ...body }, cookie);
    expect((await add({ name: validName, creditCode: validCode })).status).toBe(201);
    const revoked = await add({ name: revokedName, creditCode: revokedCode });
    revokedId = revoked.body.id;
    expect((await send(server.url, 'PATCH', `/api/authorized-users/${revokedId}`, { status: 'revoked' }, cookie)).status).toBe(200);
    const photo = await upload(server.url, productId, uploadForm(
      { kind: 'label', title: `正品标签${tag}`, visibility: 'public', designationId: String(d.body.id) },
      { bytes: await picture('png', 400, 260), name: 'label.png' }), cookie);
    expect(photo.status).toBe(201);
  });

  it('an official records the revocation’s decision in the user’s row; errors stand beside their fields, in this language only', async () => {
    const { page, context } = await openPage(browser, server.url, { locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    page.setDefaultTimeout(10_000);
    expect((await context.request.post('/api/session', { data: { username: 'qs-act-e2e', password: PASSWORD } })).status()).toBe(200);
    await page.goto(`/admin/products/${productId}${q}`);
    await page.getByRole('button', { name: L('editor.designations'), exact: true }).click(); // the GIs' section, closed on load
    const form = page.getByRole('form', { name: L('aud.form', { name: revokedName }) });
    await form.getByText(L('aud.none')).waitFor();

    // A number without its date: refused beside the date, before anything is sent.
    await form.getByLabel(L('aud.number')).fill(number);
    await form.getByRole('button', { name: L('aud.save') }).click();
    const { AuthorizedUserCreate } = await import('../../db/model');
    const needsDate = AuthorizedUserCreate.safeParse({ name: 'x', basis: 'approved_producer', from: '2020-01-01', decisionNumber: 'x' });
    const dateMessage = needsDate.success ? fail('no refusal') : needsDate.error.issues.find((i) => i.path[0] === 'decisionOn')!.message;
    await form.getByText(half(dateMessage, lang)).waitFor();
    expect(await form.textContent()).not.toContain(half(dateMessage, lang === 'zh' ? 'en' : 'zh'));
    expect(await form.getByLabel(L('aud.on')).getAttribute('aria-invalid')).toBe('true');

    // A day ahead: the server refuses it, said beside the date in this language.
    // Read now, not when the file loaded: a run that crosses midnight in Shanghai (16:00 UTC) must not fail.
    const today = todayInShanghai();
    decidedOn = today;
    const tomorrow = new Date(Date.parse(`${today}T12:00:00+08:00`) + 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel(L('aud.on')).fill(tomorrow);
    await form.getByLabel(L('aud.window')).selectOption({ label: L('aud.window.3_years') });
    await form.getByRole('button', { name: L('aud.save') }).click();
    const ahead = `日期不能晚于今天 ${today} / The date may not be in the future (today is ${today})`;
    await form.getByText(half(ahead, lang)).waitFor();
    expect(await form.textContent()).not.toContain(half(ahead, lang === 'zh' ? 'en' : 'zh'));
    const unchanged = await send(server.url, 'GET', `/api/products/${productId}`, undefined, cookie);
    expect(unchanged.body.authorizedUsers.find((u: { id: number }) => u.id === revokedId).decisionOn).toBeNull();

    await form.getByLabel(L('aud.on')).fill(today);
    await form.getByLabel(L('aud.reason')).fill(reason);
    await form.getByRole('button', { name: L('aud.save') }).click();
    await form.getByText(L('aud.saved')).waitFor();
    const saved = await send(server.url, 'GET', `/api/products/${productId}`, undefined, cookie);
    expect(saved.body.authorizedUsers.find((u: { id: number }) => u.id === revokedId)).toMatchObject({
      decisionNumber: number, decisionOn: today, decisionReason: reason, displayWindow: '3_years',
    });
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(form, `${lang}-verify-act-decision`);

    // Three look-ups of the same unknown name reach the officials' list of misses, under the name as compared (lower case).
    const asked = `反复被查的企业${tag}`;
    for (let i = 0; i < 3; i++) expect((await send(server.url, 'GET', `/api/verify?q=${encodeURIComponent(asked)}`)).body.kind).toBe('not_found');
    await page.goto(`/admin/verify-misses${q}`);
    const row = page.getByRole('table', { name: L('misses.title') }).getByRole('row', { name: new RegExp(comparableName(asked)) });
    await row.getByRole('cell', { name: '3', exact: true }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });

  describe.each([['phone', { width: 390, height: 844 }], ['desktop', { width: 1280, height: 800 }]] as const)('on a %s', (device, viewport) => {
    let page: Page;
    let requests: string[];
    let close: () => Promise<void>;

    beforeAll(async () => {
      const recorded = await recordedPage(lang, viewport);
      ({ page, requests } = recorded);
      close = () => recorded.context.close();
    });
    afterAll(async () => { await close?.(); });

    const fitsThePhone = async () => {
      if (device === 'phone') expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    };

    it('a credit code with a wrong check character is told so, never “not a registered user”', async () => {
      await page.goto(`/verify${q}${sep}q=${wrongCheck}`);
      await page.getByRole('alert').getByText(L('answer.invalidCode')).waitFor();
      expect(await page.getByRole('article').count()).toBe(0);
      expect(await page.getByText(L('registry.empty')).count() + await page.locator('gi-fake-report').count()).toBe(0);
      await fitsThePhone();
      expect(await seriousViolations(page)).toEqual([]);
      await saveShot(page, `${lang}-${device}-verify-act-invalid`, true);
    });

    it('an unknown company is not found among the registry’s users, and the report helper writes the text without sending it', async () => {
      const unknown = `查无此${tag}企业${device}`;
      const before = todayInShanghai();
      const live = (await send(server.url, 'GET', `/api/verify?q=${encodeURIComponent(unknown)}`)).body as VerifyResult;
      await page.goto(`/verify${q}${sep}q=${encodeURIComponent(unknown)}`);
      const sentence = L('answer.notFound', { users: live.registry.users, designations: live.registry.designations, date: live.registry.lastChangedOn! });
      await page.getByText(sentence).waitFor();
      await page.getByText(L('registry.size', { users: live.registry.users, designations: live.registry.designations, date: live.registry.lastChangedOn! })).waitFor();

      const shop = `测试店铺${tag}${device}号摊`;
      const place = `晋城市某某路${tag}${device}号`;
      await page.getByText(L('fake.open')).click();
      const gi = page.getByLabel(L('fake.gi'));
      await gi.locator('option', { hasText: shownProduct }).waitFor({ state: 'attached' });
      await gi.selectOption({ label: `${shownProduct} · ${L('giType.protected_product')}` });
      await page.getByLabel(L('fake.shop')).fill(shop);
      await page.getByLabel(L('fake.place')).fill(place);
      await page.getByLabel(L('fake.seenOn')).fill('2026-11-30');
      const text = page.getByLabel(L('fake.text'));
      await expect.poll(() => text.inputValue()).toContain(announcement);
      const report = await text.inputValue();
      for (const part of [L('fake.t.title'), shownProduct, shop, place, '2026-11-30', unknown]) expect(report, part).toContain(part);
      // The day of the look-up, read around it: either side of midnight in Shanghai is right.
      expect([before, todayInShanghai()].some((day) => report.includes(day)), 'the day of the look-up').toBe(true);
      await page.getByRole('button', { name: L('fake.copy') }).click();
      await page.getByText(L('fake.copied'), { exact: true }).waitFor();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(report);
      expect(await page.getByRole('link', { name: L('fake.call12315') }).getAttribute('href')).toBe('tel:12315');
      expect(await page.getByRole('link', { name: L('fake.call12330') }).getAttribute('href')).toBe('tel:12330');

      // Nothing the buyer typed left the browser, in any form.
      expect(requests.length).toBeGreaterThan(0);
      for (const typed of [shop, place]) {
        for (const form of [typed, encodeURIComponent(typed), encodeURIComponent(typed).replace(/%20/g, '+')]) {
          expect(requests.filter((r) => r.includes(form)), typed).toEqual([]);
        }
      }
      await fitsThePhone();
      expect(await seriousViolations(page)).toEqual([]);
      await saveShot(page, `${lang}-${device}-verify-act-report`, true);
    });

    it('a revoked user shows its reason and decision number; a valid one what a genuine label shows', async () => {
      await page.goto(`/verify${q}${sep}q=${revokedCode}`);
      const revoked = page.getByRole('article', { name: revokedName });
      await revoked.getByText(L('verify.reason.revoked'), { exact: true }).waitFor();
      const decision = await revoked.locator('.decision').textContent();
      expect(decision).toContain(reason);
      expect(decision).toContain(number);
      expect(decision).toContain(decidedOn);
      await revoked.getByText(L('fake.open')).waitFor();

      await page.goto(`/verify${q}${sep}q=${validCode.toLowerCase()}`);
      const valid = page.getByRole('article', { name: validName });
      await valid.getByText(L('verify.reason.valid'), { exact: true }).waitFor();
      const label = valid.getByRole('region', { name: L('genuine.heading') });
      await label.getByText(L('genuine.ref.announcement', { value: announcement })).waitFor();
      await label.getByText(L('genuine.code', { code: validCode })).waitFor();
      await label.getByRole('img', { name: L('genuine.photo', { title: `正品标签${tag}` }) }).waitFor();
      expect(await valid.locator('gi-fake-report').count()).toBe(0);
      await fitsThePhone();
      expect(await seriousViolations(page)).toEqual([]);
      await saveShot(page, `${lang}-${device}-verify-act-found`, true);
    });
  });
});
