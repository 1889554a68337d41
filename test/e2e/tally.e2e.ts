/** The /tally page in Chromium: the same numbers as the API, URL state, four states, admin edits, one printed A4 page. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cultivation } from '../../client/i18n/cultivation';
import { GI_TYPES, type Tally } from '../../db/model';
import * as t from '../../db/schema';
import { addAccount, signIn } from '../server/fixtures';
import { useSession } from './support/session';
import { call, startServer, type TestServer } from '../support/server';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { seriousViolations } from './support/axe';

let s: TestServer;
let browser: Browser;
const opened: WatchedPage[] = [];

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  // A trademark granted mid-period, so two as-of dates give different numbers.
  const { id } = s.db.select({ id: t.products.id }).from(t.products).get()!;
  const d = s.db.insert(t.designations).values({ productId: id, giType: 'trademark', markKind: 'collective', status: 'granted', validUntil: '2026-05-09' })
    .returning({ id: t.designations.id }).get();
  for (const [toStatus, on] of [['cultivating', '2021-03-01'], ['filed', '2021-09-01'], ['granted', '2023-05-10']] as const) {
    s.db.insert(t.transitions).values({ designationId: d.id, toStatus, on }).run();
  }
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await s?.close();
});

async function open(path: string, options: Parameters<typeof openPage>[2] = {}): Promise<Page> {
  const watched = await openPage(browser, s.url, options);
  opened.push(watched);
  await watched.page.goto(path);
  return watched.page;
}

/** The numbers the page shows: in force per type, products, and the city-total row. */
async function shown(page: Page) {
  const inForce = await Promise.all(GI_TYPES.map((g) => page.locator(`gi-tally-card[data-type=${g}] [data-in-force]`).getAttribute('data-in-force')));
  return {
    inForce: inForce.map(Number),
    products: Number(await page.locator('[data-total=products]').textContent()),
    totals: await page.locator('gi-tally-counties tfoot td').allTextContents(),
  };
}

/** The county table's pipeline cell (Chinese): cultivating (of which ready to file) / filed / published. */
const pipelineCell = (p: Tally['types'][number]['pipeline']) => cultivation.zh['pipeline.cell']
  .replace('{cultivating}', String(p.cultivating)).replace('{ready}', String(p.readyToFile))
  .replace('{filed}', String(p.filed)).replace('{published}', String(p.published));

async function expected(asOf: string) {
  const tally = (await call(`${s.url}/api/tally?period=1&asOf=${asOf}`)).body as Tally;
  return {
    inForce: tally.types.map((x) => x.inForce),
    products: tally.productsInForce,
    totals: [...tally.types.flatMap((x) => [String(x.inForce), String(x.baseline), pipelineCell(x.pipeline)]), String(tally.authorizedUsers)],
  };
}

describe('/tally', () => {
  it('shows the same numbers as the API for two as-of dates picked by label, in the URL, with a working back button', async () => {
    const page = await open('/tally?period=1');
    const title = page.getByRole('heading', { level: 2, name: /晋城市地理标志发展统计/ });
    for (const asOf of ['2020-12-31', '2024-06-30']) {
      await page.getByLabel('截至日期').fill(asOf);
      await expect.poll(() => title.textContent()).toContain(asOf);
      expect(new URL(page.url()).searchParams.get('asOf')).toBe(asOf);
      expect(await shown(page)).toEqual(await expected(asOf));
    }
    expect((await shown(page)).inForce[0]).toBe(5);
    await page.goBack();
    await expect.poll(() => title.textContent()).toContain('2020-12-31');
    expect((await shown(page)).inForce[0]).toBe(4);
    await expect.poll(() => page.getByLabel('截至日期').inputValue()).toBe('2020-12-31');
  });

  it('labels the progress bars in words and lists the renewal due', async () => {
    const page = await open('/tally?period=1&asOf=2025-12-31&lang=en');
    await expect.poll(() => page.getByRole('img', { name: /5 in force of a target of 10 \(50%\); baseline 4/ }).count()).toBe(1);
    await expect.poll(() => page.locator('gi-tally-renewals tbody tr').count()).toBe(1);
    expect(await page.locator('gi-tally-renewals tbody tr').textContent()).toContain('2026-05-09');
    expect(await page.getByRole('img', { name: /In force over the period/ }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows an error with a retry that recovers', async () => {
    const watched = await openPage(browser, s.url);
    opened.push(watched);
    const { page } = watched;
    let failures = 1;
    await page.route('**/api/tally?*', (route) => (failures-- > 0 ? route.fulfill({ status: 500, body: '{"error":{"code":"internal","message":"boom"}}' }) : route.fallback()));
    await page.goto('/tally?period=1&asOf=2020-12-31');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('boom');
    await alert.getByRole('button', { name: '重试' }).click();
    await expect.poll(async () => (await shown(page)).inForce).toEqual([4, 2, 7]); // with 巴公大葱 and 析城山小米 (2013)
  });

  /** A page signed in as the city admin (the session cookie from the API), at `path`. */
  async function openAsAdmin(path: string) {
    const watched = await openPage(browser, s.url);
    opened.push(watched);
    await useSession(watched.context, s.url, await signIn(s.url, 'city'));
    await watched.page.goto(path);
    return watched.page;
  }

  it('lets an admin change a target and shows it at once', async () => {
    const page = await openAsAdmin('/tally?period=1&asOf=2025-12-31');
    await page.getByText('编辑本规划期目标').click();
    const target = page.getByRole('group', { name: '地理标志商标' }).getByLabel('目标');
    await target.fill('12');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.locator('gi-tally-card[data-type=trademark] .figure').textContent()).toContain('/ 12');
    expect((await call(`${s.url}/api/periods`)).body[0].targets[0].target).toBe(12);
  });

  it('lets an admin add 十五五 with its targets, then shows its tally', async () => {
    const page = await openAsAdmin('/tally?period=1&asOf=2025-12-31');
    const add = page.locator('details', { hasText: '新增规划期' });
    await add.getByText('新增规划期').click();
    await add.getByLabel('中文名称').fill('十五五');
    await add.getByLabel('英文名称').fill('15th Five-Year Plan');
    await add.getByLabel('开始日期').fill('2026-01-01');
    await add.getByLabel('结束日期').fill('2030-12-31');
    for (const [type, baseline, target] of [['地理标志商标', '4', '16'], ['地理标志保护产品', '2', '6'], ['农产品地理标志', '5', '5']]) {
      await add.getByRole('group', { name: type }).getByLabel('期初基数').fill(baseline);
      await add.getByRole('group', { name: type }).getByLabel('目标').fill(target);
    }
    await add.getByRole('button', { name: '保存' }).click();
    await expect.poll(async () => (await call(`${s.url}/api/periods`)).body.map((p: { name: string }) => p.name)).toContain('十五五');
    await page.getByLabel('规划期').selectOption({ label: '十五五（2026-01-01 至 2030-12-31）' });
    await expect.poll(() => page.locator('gi-tally-card[data-type=trademark] .figure').textContent()).toContain('/ 16');
    expect(new URL(page.url()).searchParams.get('period')).not.toBe('1');
  });

  it.each(['zh', 'en'])('prints as one A4 page (%s)', async (lang) => {
    const page = await open(`/tally?period=1&asOf=2025-12-31${lang === 'en' ? '&lang=en' : ''}`, { viewport: { width: 794, height: 1123 } });
    await page.locator('gi-tally-counties tfoot').waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '10mm', bottom: '10mm', left: '10mm', right: '10mm' } });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
    expect(pages).toHaveLength(1);
    expect(await page.getByLabel(lang === 'en' ? 'As of' : '截至日期').isVisible()).toBe(false);
  });

  it('says so when no period exists yet (the empty state)', async () => {
    const empty = await startServer({ seed: false });
    try {
      const watched = await openPage(browser, empty.url);
      opened.push(watched);
      await watched.page.goto('/tally');
      await expect.poll(() => watched.page.getByText('尚未设置规划期。').count()).toBe(1);
      expect(await watched.page.locator('gi-tally-card').count()).toBe(0);
      await watched.context.close();
    } finally {
      await empty.close();
    }
  });

  it('made no request to another host and logged no error but failed responses', () => {
    for (const w of opened) {
      expect(w.foreignRequests).toEqual([]);
      // Chromium logs every failed response: the public's 401 from /api/session, the retry test's 500, the empty state's 404.
      expect(w.consoleErrors.filter((e) => !/status of (401|404|500)/.test(e))).toEqual([]);
    }
  });
});
