/**
 * Converting an agricultural-product GI into a 地理标志产品 in the browser, in Chinese and English, on a
 * desktop and a 390×844 phone: a county official opens a seeded agricultural GI in the workspace, is told
 * in the page's language when the day is before the grant, records the conversion (day, 公告号, number);
 * the workspace and the public product page show both histories linked (each link brings the other
 * designation's heading into focus); the tally page the day before and on the day shows the counts the
 * API gives, the converted line under 农产品地理标志, the "from conversion" line under 地理标志产品 and how
 * they count against targets. axe is clean on the form and the pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { conversion } from '../../client/i18n/conversion';
import { product } from '../../client/i18n/product';
import { tally as tallyStrings } from '../../client/i18n/tally';
import { todayInShanghai, type Tally } from '../../db/model';
import { addAccount, PASSWORD, send, signIn } from '../server/fixtures';
import { call, startServer, type TestServer } from '../support/server';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot, type WatchedPage } from './support/browser';

let server: TestServer;
let browser: Browser;
/** A plan period holding today, for the conversions started today (a start is dated the day it is made). */
let currentPeriod: number;

const today = todayInShanghai();
const year = Number(today.slice(0, 4));

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addAccount(server.db, 'qs-conversion', 'official', '140521');
  await addAccount(server.db, 'yc-conversion', 'official', '140522');
  await addAccount(server.db, 'city-conversion', 'admin');
  const period = await send(server.url, 'POST', '/api/periods', {
    name: `测试期${year}`, nameEn: `Test period ${year}`, startsOn: `${year}-01-01`, endsOn: `${year + 4}-12-31`,
    targets: [{ giType: 'protected_product', baseline: 0, target: 3 }, { giType: 'agricultural_product', baseline: 0, target: 9 }],
  }, await signIn(server.url, 'city-conversion'));
  expect(period.status, JSON.stringify(period.body)).toBe(201);
  currentPeriod = period.body.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fail = (key: string): never => { throw new Error(`no string ${key}`); };

/** The pages' strings in one language, filled like t() does. */
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = { ...common[lang], ...admin[lang], ...product[lang], ...tallyStrings[lang], ...conversion[lang] };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

/** The seeded agricultural GI of a product, and its product. */
function seededAgi(nameZh: string): { id: number; productId: number } {
  return server.db.$client.prepare(`SELECT d.id AS id, d.product_id AS productId FROM designations d JOIN products p ON p.id = d.product_id
    WHERE p.name_zh = ? AND d.gi_type = 'agricultural_product'`).get(nameZh) as { id: number; productId: number };
}

const tallyOn = async (period: number, asOf: string) => (await call(`${server.url}/api/tally?period=${period}&asOf=${asOf}`)).body as Tally;
const typeOf = (x: Tally, giType: string) => x.types.find((y) => y.giType === giType)!;

/** Whether an element inside a shadow root has the focus there. */
const hasFocus = (locator: Locator) => locator.evaluate((el) => (el.getRootNode() as ShadowRoot | Document).activeElement === el);

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

const RUNS = [
  { lang: 'zh', viewport: 'desktop', nameZh: '沁水黄小米', user: 'qs-conversion', on: '2024-09-01', announcement: '第646号', number: 'GI2024-001', start: false },
  // Started in the workspace first (today), then recorded on the same day.
  { lang: 'en', viewport: 'phone', nameZh: '沁水刺槐蜂蜜', user: 'qs-conversion', on: today, announcement: '第650号', number: '', start: true },
  { lang: 'zh', viewport: 'phone', nameZh: '阳城桑椹', user: 'yc-conversion', on: today, announcement: '第655号', number: '', start: true },
  { lang: 'en', viewport: 'desktop', nameZh: '阳城山茱萸', user: 'yc-conversion', on: '2024-12-20', announcement: '第660号', number: 'GI2024-660', start: false },
] as const;

describe.each(RUNS)('recording a conversion ($lang, $viewport, $nameZh)', (run) => {
  const L = strings(run.lang);
  const q = run.lang === 'en' ? '?lang=en' : '';
  const agriName = L('giType.agricultural_product');
  const ppName = L('giType.protected_product');
  const eve = new Date(Date.parse(`${run.on}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const period = () => (run.start ? currentPeriod : 1);
  let agi: { id: number; productId: number };
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    agi = seededAgi(run.nameZh);
    watched = await openPage(browser, server.url, { locale: run.lang === 'en' ? 'en-US' : 'zh-CN', viewport: VIEWPORTS[run.viewport] });
    page = watched.page;
    page.setDefaultTimeout(10_000);
    const res = await watched.context.request.post('/api/session', { data: { username: run.user, password: PASSWORD } });
    expect(res.status()).toBe(200);
  });

  afterAll(async () => {
    await watched?.context.close();
  });

  /** A designation's card in the workspace, by its type and status as its heading says them. */
  const card = (type: string, status: string) => page.locator('gi-designation-card').filter({
    has: page.getByRole('heading', { level: 3, name: `${type} · ${L('desig.statusIs', { status: L(`status.${status}`) })}` }),
  });

  it('records it in the workspace, telling a day before the grant in the page’s language only', async () => {
    await page.goto(`/admin/products/${agi.productId}${q}`);
    await page.getByRole('button', { name: L('editor.designations'), exact: true }).click(); // the GIs' section, closed on load
    const agiCard = card(agriName, 'granted');
    if (run.start) {
      // Started first: the designation it will become, cultivating with the conversions' checklist.
      await agiCard.getByRole('button', { name: L('conv.start') }).click();
      await agiCard.getByText(L('conv.underWay', { type: ppName, status: L('status.cultivating') })).waitFor();
      const started = card(ppName, 'cultivating');
      await started.locator('[data-conversion=from]').getByText(L('conv.fromPendingAfter')).waitFor();
      await started.locator('gi-dossier-editor').getByText(run.lang === 'en' ? 'Protected area re-verified against the current township codes' : '保护范围按现行乡镇代码复核').first().waitFor();
    }
    await agiCard.getByRole('button', { name: L('conv.record') }).click();
    const form = agiCard.getByRole('form', { name: L('conv.recordForm') });
    const target = form.getByLabel(L('conv.target'));
    expect(await target.locator('option:checked').textContent()).toBe(run.start
      ? L('conv.targetExisting', { type: ppName, status: L('status.cultivating') }) : L('conv.targetNew', { type: ppName }));
    await form.getByLabel(L('conv.on')).fill('2009-06-30');
    await form.getByLabel(L('conv.announcementLabel', { type: ppName })).fill(run.announcement);
    if (run.number) await form.getByLabel(L('conv.number')).fill(run.number);
    await form.getByRole('button', { name: L('conv.submit') }).click();
    const error = form.locator('.field-error');
    await error.waitFor();
    const told = await error.textContent();
    expect(told).toContain(L('conv.beforeGrant', { date: '' }).replace(/[（(].*$/, ''));
    expect(told).not.toMatch(run.lang === 'en' ? /[\u4e00-\u9fff]{2}/ : /[A-Za-z]{4}/);
    if (run.viewport === 'phone') {
      const box = await form.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
    }
    expect(await seriousViolations(page)).toEqual([]);

    await form.getByLabel(L('conv.on')).fill(run.on);
    await form.getByRole('button', { name: L('conv.submit') }).click();
    const converted = card(agriName, 'converted');
    await converted.waitFor();
    const into = card(ppName, 'granted').filter({ has: page.locator('[data-conversion=from]') });
    await into.waitFor();
    await converted.locator('[data-conversion=to]').getByText(run.announcement, { exact: false }).waitFor();
    expect(await into.locator('[data-conversion=from]').textContent()).toContain(agriName);
    // Started first, it is that designation that was granted on the day (no second one was made).
    expect(await card(ppName, 'granted').count()).toBe(1);
    expect(await card(ppName, 'cultivating').count()).toBe(0);
    await saveShot(page, `${run.lang}-${run.viewport}-conversion-workspace`);
    // The link goes to the other card, whose heading takes the focus.
    await converted.locator('[data-conversion=to]').getByRole('link', { name: ppName }).click();
    await expect.poll(() => hasFocus(into.getByRole('heading', { level: 3 }).first())).toBe(true);
  });

  it('shows both histories linked on the public product page', async () => {
    await page.goto(`/products/${agi.productId}${q}`);
    const article = (type: string, status: string) => page.locator('article').filter({
      has: page.getByRole('heading', { level: 3, name: new RegExp(`^${type}\\s*${L(`status.${status}`)}$`) }),
    });
    const from = article(agriName, 'converted');
    const to = article(ppName, 'granted').filter({ has: page.locator('[data-conversion=from]') });
    const toNote = from.locator('[data-conversion=to]');
    await toNote.waitFor();
    const date = run.on; // full dates are shown as recorded in both languages
    expect((await toNote.textContent())!.replace(/\s+/g, ' ').trim())
      .toBe(`${L('conv.toDone', { date })} ${ppName}${L('conv.announcement', { announcement: run.announcement })}`.replace(/\s+/g, ' ').trim());
    const fromNote = to.locator('[data-conversion=from]');
    expect((await fromNote.textContent())!.replace(/\s+/g, ' ').trim())
      .toBe(`${L('conv.fromDone')} ${agriName} ${L('conv.fromDoneAfter', { date })}`.replace(/\s+/g, ' ').trim());
    // Each history's move is there in words, and each link brings the other designation into focus.
    await from.getByText(L('status.converted')).first().waitFor();
    await toNote.getByRole('link', { name: ppName }).click();
    await expect.poll(() => hasFocus(to.getByRole('heading', { level: 3 }))).toBe(true);
    await fromNote.getByRole('link', { name: agriName }).click();
    await expect.poll(() => hasFocus(from.getByRole('heading', { level: 3 }))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page, `${run.lang}-${run.viewport}-conversion-product`, true);
  });

  it('shows the tally the day before and on the day: the counts, the converted line and how they count', async () => {
    for (const asOf of [eve, run.on]) {
      const expected = await tallyOn(period(), asOf);
      await page.goto(`/tally?period=${period()}&asOf=${asOf}${q ? '&lang=en' : ''}`);
      const agriCard = page.locator('gi-tally-card[data-type=agricultural_product]');
      const ppCard = page.locator('gi-tally-card[data-type=protected_product]');
      const agri = typeOf(expected, 'agricultural_product');
      const pp = typeOf(expected, 'protected_product');
      await expect.poll(() => agriCard.locator('[data-converted]').getAttribute('data-converted')).toBe(String(agri.converted));
      expect(await agriCard.locator('[data-converted]').textContent()).toBe(L('conv.tally.converted', { type: ppName, n: agri.converted }));
      expect(await ppCard.locator('[data-from-conversion]').textContent()).toBe(L('conv.tally.fromConversion', { from: agriName, n: pp.fromConversion }));
      for (const [c, x] of [[agriCard, agri], [ppCard, pp]] as const) {
        expect(Number(await c.locator('[data-in-force]').getAttribute('data-in-force'))).toBe(x.inForce);
        expect(Number(await c.locator('[data-toward-target]').getAttribute('data-toward-target'))).toBe(x.towardTarget);
      }
      await page.locator('[data-note=conversion]').getByText(L('conv.tally.note', { type: ppName, from: agriName })).waitFor();
    }
    // On the day this one counts (with the runs before it recorded on the same day): more converted than the day
    // before, as many more in force from a conversion, and the agricultural target's count unchanged.
    const sameDay = RUNS.slice(0, RUNS.indexOf(run) + 1).filter((r) => r.on === run.on).length;
    const [before, after] = [await tallyOn(period(), eve), await tallyOn(period(), run.on)];
    expect(typeOf(after, 'agricultural_product').converted).toBe(typeOf(before, 'agricultural_product').converted + sameDay);
    expect(typeOf(after, 'protected_product').fromConversion).toBe(typeOf(before, 'protected_product').fromConversion + sameDay);
    expect(typeOf(after, 'agricultural_product').towardTarget).toBe(typeOf(before, 'agricultural_product').towardTarget);
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page, `${run.lang}-${run.viewport}-conversion-tally`, true);
  });
});
