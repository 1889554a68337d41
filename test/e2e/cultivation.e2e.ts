/**
 * Cultivation dossiers in the browser, in Chinese and in English: a county official opens a
 * candidate in the workspace, marks items ready (one backed by an uploaded document), one late;
 * readiness rises on the cultivation board, which sorts and marks what is overdue; completing the
 * dossier shows in the tally's pipeline; a city admin adds a checklist item and the dossier is
 * offered it; filing the now incomplete dossier asks first; the public product page shows the
 * progress and nothing internal. axe is clean on the board, the editor, the dialog and the public page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { admin } from '../../client/i18n/admin';
import { common } from '../../client/i18n/common';
import { cultivation } from '../../client/i18n/cultivation';
import { history } from '../../client/i18n/history';
import { product } from '../../client/i18n/product';
import { tally } from '../../client/i18n/tally';
import { todayInShanghai, type Dossier, type DossierTemplate, type Tally } from '../../db/model';
import { addAccount, PASSWORD, send, signIn } from '../server/fixtures';
import { pdfBytes, upload, uploadForm } from '../support/sample-files';
import { startServer, type TestServer } from '../support/server';
import { countyStrings } from '../support/seeded-counties';
import { seriousViolations } from './support/axe';
import { launchBrowser, openPage, saveShot, type WatchedPage } from './support/browser';

let server: TestServer;
let browser: Browser;
let officialCookie: string;
let adminCookie: string;
let periodId: number;

const today = todayInShanghai();
const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  await addAccount(server.db, 'qs-cultivation', 'official', '140521');
  await addAccount(server.db, 'city-cultivation', 'admin');
  officialCookie = await signIn(server.url, 'qs-cultivation');
  adminCookie = await signIn(server.url, 'city-cultivation');
  // The seeded 十四五 ended in 2025: a period that holds today, for the tally of today's pipeline.
  const period = await send(server.url, 'POST', '/api/periods', { name: '十五五', nameEn: '15th Five-Year Plan', startsOn: '2026-01-01', endsOn: '2030-12-31', targets: [] }, adminCookie);
  expect(period.status).toBe(201);
  periodId = period.body.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const fail = (key: string): never => { throw new Error(`no string ${key}`); };

/** The pages' strings in one language, filled like t() does. */
function strings(lang: 'zh' | 'en') {
  const all: Record<string, string> = {
    ...common[lang], ...admin[lang], ...history[lang], ...product[lang], ...tally[lang], ...cultivation[lang], ...countyStrings(lang),
  };
  return (key: string, vars: Record<string, string | number> = {}) =>
    (all[key] ?? fail(key)).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
}

/** Opens a signed-in page (the session made over the API, as the sign-in page is tested elsewhere). */
async function signedInPage(username: string, lang: 'zh' | 'en'): Promise<WatchedPage> {
  const watched = await openPage(browser, server.url, { locale: lang === 'en' ? 'en-US' : 'zh-CN' });
  const res = await watched.context.request.post('/api/session', { data: { username, password: PASSWORD } });
  expect(res.status()).toBe(200);
  watched.page.setDefaultTimeout(10_000);
  return watched;
}

/** Whether an element inside a shadow root has the focus there. */
const hasFocus = (locator: ReturnType<Page['locator']>) =>
  locator.evaluate((el) => (el.getRootNode() as ShadowRoot | Document).activeElement === el);

const officialDossier = async (id: number) => (await send(server.url, 'GET', `/api/designations/${id}/dossier`, undefined, officialCookie)).body as Dossier;
const tallyNow = async () => (await send(server.url, 'GET', `/api/tally?period=${periodId}`)).body as Tally;
const trademarkPipeline = (x: Tally) => x.types.find((t) => t.giType === 'trademark')!.pipeline;

describe.each(['zh', 'en'] as const)('cultivation dossiers (%s)', (lang) => {
  const L = strings(lang);
  const q = lang === 'en' ? '?lang=en' : '';
  const qa = lang === 'en' ? '&lang=en' : '';
  const name = lang === 'en' ? 'Duanshi walnuts' : '端氏山楂';
  const nameZh = lang === 'en' ? '端氏核桃' : '端氏山楂';
  const owner = lang === 'en' ? '县市场监管局张工' : '县农业农村局王科长';
  const docTitle = lang === 'en' ? '端氏镇志（节选）' : '沁水县志（节选）';
  const added = lang === 'en'
    ? { key: 'tasting_report', titleZh: '感官品鉴报告', titleEn: 'Tasting report' }
    : { key: 'sample_photos', titleZh: '产品实物照片', titleEn: 'Photos of the product' };
  const title = (i: { titleZh: string; titleEn: string }) => (lang === 'en' ? i.titleEn : i.titleZh);

  let productId: number;
  let designationId: number;
  let documentId: number;
  let items: DossierTemplate['items'];
  let official: WatchedPage;
  let page: Page;
  let context: BrowserContext;

  beforeAll(async () => {
    const created = await send(server.url, 'POST', '/api/products', {
      nameZh, ...(lang === 'en' ? { nameEn: name } : {}), category: 'food', counties: ['140521'], visibility: 'public',
    }, officialCookie);
    expect(created.status).toBe(201);
    productId = created.body.id;
    const designation = await send(server.url, 'POST', `/api/products/${productId}/designations`, { giType: 'trademark', markKind: 'collective' }, officialCookie);
    expect(designation.status).toBe(201);
    designationId = designation.body.id;
    const doc = await upload(server.url, productId, uploadForm({ kind: 'history', title: docTitle, visibility: 'public' },
      { bytes: pdfBytes('county annals'), name: 'annals.pdf', type: 'application/pdf' }), officialCookie);
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    documentId = doc.body.id;
    // The checklist as it is now (the other language's run may have added an item).
    items = ((await send(server.url, 'GET', '/api/dossier-templates/trademark', undefined, adminCookie)).body as DossierTemplate).items;
    official = await signedInPage('qs-cultivation', lang);
    ({ page, context } = official);
  });

  afterAll(async () => {
    await context?.close();
  });

  const needed = () => items.length;
  const itemForm = (key: string) => {
    const item = items.find((i) => i.key === key) ?? added;
    return page.getByRole('form', { name: title(item), exact: true });
  };
  const boardRow = () => page.locator(`gi-cultivation-board tr[data-designation="${designationId}"]`);
  /** Opens a part of the product editor (they are closed when the page loads). */
  const openSection = (name: string) => page.getByRole('button', { name, exact: true, expanded: false }).click();
  /** Opens an item's form (a line with its title until asked). */
  const openItem = (key: string) => itemForm(key).getByRole('button', { name: title(items.find((i) => i.key === key) ?? added), exact: true, expanded: false }).click();

  /** Opens one item in the workspace, sets it and waits for the server's answer. */
  async function setItem(key: string, patch: { status: string; owner?: string; dueOn?: string; document?: string }) {
    const form = itemForm(key);
    await openItem(key);
    await form.getByLabel(L('dossier.status'), { exact: true }).selectOption({ label: L(`dossierStatus.${patch.status}`) });
    if (patch.owner) await form.getByLabel(L('dossier.owner')).fill(patch.owner);
    if (patch.dueOn) await form.getByLabel(L('dossier.dueOn')).fill(patch.dueOn);
    if (patch.document) await form.getByRole('checkbox', { name: patch.document }).check();
    await form.getByRole('button', { name: L('dossier.save', { title: title(items.find((i) => i.key === key) ?? added) }) }).click();
    await form.getByRole('status').filter({ hasText: L('form.saved') }).waitFor();
  }

  it('marks items ready in the workspace, one backed by a document and one late; readiness rises on the board', async () => {
    await page.goto(`/admin/cultivation${q}`);
    await page.getByRole('heading', { name: L('board.titleCounty', { county: L('county.140521') }) }).waitFor();
    await boardRow().getByText(L('readiness.text', { ready: 0, needed: needed() })).waitFor();

    await boardRow().getByRole('link', { name }).click();
    await page.waitForURL(new RegExp(`/admin/products/${productId}`));
    await openSection(L('editor.designations'));
    const editor = page.locator('gi-dossier-editor');
    await editor.getByRole('heading', { name: L('dossier.heading') }).waitFor();
    await editor.getByText(L('readiness.text', { ready: 0, needed: needed() })).waitFor();

    await setItem('mark_design', { status: 'ready', owner, dueOn: today, document: docTitle });
    await editor.getByText(L('readiness.text', { ready: 1, needed: needed() })).waitFor();
    await setItem('area_delimitation', { status: 'ready' });
    await editor.getByText(L('readiness.text', { ready: 2, needed: needed() })).waitFor();
    await setItem('usage_rules', { status: 'in_progress', dueOn: yesterday });
    // Late: said in words beside the item, not only in colour.
    await itemForm('usage_rules').getByText(L('dossier.overdue')).waitFor();
    expect(await itemForm('mark_design').getByText(L('dossier.overdue')).count()).toBe(0);
    // The change is in the product's history as a sentence.
    const told = lang === 'en' ? 'the dossier item “Rules for using the mark”' : '申报材料「使用管理规则」';
    await openSection(L('editor.history'));
    await page.locator('gi-audit-history').getByText(told).first().waitFor();

    // The document link survives a reload, and the server has it.
    await page.reload();
    await openSection(L('editor.designations'));
    await openItem('mark_design');
    await expect.poll(() => itemForm('mark_design').getByRole('checkbox', { name: docTitle }).isChecked()).toBe(true);
    const saved = (await officialDossier(designationId)).items.find((i) => i.key === 'mark_design')!;
    expect(saved).toMatchObject({ status: 'ready', owner, documentIds: [documentId] });
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page.locator('gi-dossier-editor'), `${lang}-cultivation-1-editor`);

    await page.getByRole('navigation', { name: L('admin.nav') }).getByRole('link', { name: L('board.nav') }).click();
    const pct = Math.floor((2 / needed()) * 100);
    await boardRow().getByText(`${pct}% · ${L('readiness.text', { ready: 2, needed: needed() })}`).waitFor();
    await boardRow().getByText(L('board.overdueItems', { n: 1 })).waitFor();
  });

  it('the board sorts by due date and readiness with aria-sort, filters the overdue, and exports the same filters', async () => {
    const dueHeader = page.getByRole('columnheader', { name: L('board.nextDue') });
    const readinessHeader = page.getByRole('columnheader', { name: L('board.readiness') });
    expect(await readinessHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await dueHeader.getAttribute('aria-sort')).toBeNull();
    // The board's own table (below it, a second one lists the agricultural GIs still to convert).
    const boardRows = () => page.getByRole('table', { name: L('board.caption') }).locator('tbody tr');
    const dueDates = () => boardRows()
      .evaluateAll((rows) => rows.map((r) => r.querySelector('td.due time')?.getAttribute('datetime') ?? null));
    const dated = (list: (string | null)[]) => {
      const firstNull = list.indexOf(null);
      return firstNull < 0 ? list : list.slice(0, firstNull);
    };

    await page.getByRole('button', { name: L('board.nextDue') }).click();
    await page.waitForURL(/sort=due/);
    expect(await dueHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await readinessHeader.getAttribute('aria-sort')).toBeNull();
    let dates = await dueDates();
    expect(dates[0]).toBe(yesterday);
    expect(dated(dates)).toEqual([...dated(dates)].sort());
    expect(dates.slice(dated(dates).length).every((d) => d === null)).toBe(true);
    expect(await hasFocus(page.getByRole('button', { name: L('board.nextDue') }))).toBe(true);

    await page.getByRole('button', { name: L('board.nextDue') }).click();
    await page.waitForURL(/dir=desc/);
    expect(await dueHeader.getAttribute('aria-sort')).toBe('descending');
    dates = await dueDates();
    expect(dated(dates)).toEqual([...dated(dates)].sort().reverse());

    await page.getByLabel(L('board.overdueOnly')).check();
    await page.waitForURL(/overdue=1/);
    await boardRow().waitFor();
    const rows = boardRows();
    await expect.poll(async () => (await rows.count()) === (await rows.filter({ has: page.locator('.badge.overdue') }).count())).toBe(true);
    const exportLink = page.getByRole('link', { name: L('board.export') });
    expect(await exportLink.getAttribute('href')).toBe(`/api/cultivation.xlsx?overdue=1&lang=${lang}`);
    const xlsx = await context.request.get((await exportLink.getAttribute('href'))!);
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

    // The URL keeps the view: reloading it shows the same.
    await page.reload();
    await boardRow().waitFor();
    expect(await page.getByLabel(L('board.overdueOnly')).isChecked()).toBe(true);
    expect(await page.getByRole('columnheader', { name: L('board.nextDue') }).getAttribute('aria-sort')).toBe('descending');
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page, `${lang}-cultivation-2-board`, true);
  });

  it('completing the dossier shows in the tally’s pipeline as ready to file', async () => {
    const before = trademarkPipeline(await tallyNow());
    await page.goto(`/admin/products/${productId}${q}`);
    await openSection(L('editor.designations'));
    await page.locator('gi-dossier-editor').getByRole('heading', { name: L('dossier.heading') }).waitFor();
    for (const item of items) {
      if (item.key === 'mark_design' || item.key === 'area_delimitation') continue;
      await setItem(item.key, { status: 'ready' });
    }
    await page.locator('gi-dossier-editor').getByText(`100% · ${L('readiness.text', { ready: needed(), needed: needed() })}`).waitFor();
    expect(await itemForm('usage_rules').getByText(L('dossier.overdue')).count()).toBe(0);

    const after = trademarkPipeline(await tallyNow());
    expect(after.readyToFile).toBe(before.readyToFile + 1);
    await page.goto(`/tally?period=${periodId}${qa}`);
    const card = page.locator('gi-tally-card[data-type=trademark]');
    await expect.poll(() => card.locator('.ready dt').textContent()).toBe(L('pipeline.ready'));
    expect(await card.locator('.ready dd').textContent()).toBe(String(after.readyToFile));
    const county = (await tallyNow()).counties.find((c) => c.code === '140521')!.types.find((t) => t.giType === 'trademark')!.pipeline;
    const cell = L('pipeline.cell', { cultivating: county.cultivating, ready: county.readyToFile, filed: county.filed, published: county.published });
    expect(await page.locator('gi-tally-counties tr[data-county="140521"] td.pipe').first().textContent()).toBe(cell);
  });

  it('an admin adds a checklist item; the dossier is offered it and takes it', async () => {
    const adminPage = await signedInPage('city-cultivation', lang);
    const ap = adminPage.page;
    await ap.goto(`/admin/cultivation${q}`);
    await ap.getByRole('navigation', { name: L('admin.nav') }).getByRole('link', { name: L('templates.nav') }).click();
    await ap.getByRole('heading', { name: L('templates.title'), level: 1 }).waitFor();
    const form = ap.getByRole('form', { name: L('templates.items', { type: L('giType.trademark') }) });
    const n = items.length + 1;
    await form.getByRole('button', { name: L('templates.add') }).click();
    const key = form.getByLabel(L('templates.key', { n }));
    await expect.poll(() => hasFocus(key)).toBe(true);
    await key.fill(added.key);
    await form.getByLabel(L('templates.titleZh', { n })).fill(added.titleZh);
    await form.getByLabel(L('templates.titleEn', { n })).fill(added.titleEn);
    // Move it one place up: the button follows the row.
    await form.getByRole('button', { name: L('templates.up', { n }) }).click();
    expect(await form.getByLabel(L('templates.key', { n: n - 1 })).inputValue()).toBe(added.key);
    expect(await hasFocus(form.getByRole('button', { name: L('templates.up', { n: n - 1 }) }))).toBe(true);
    expect(await seriousViolations(ap)).toEqual([]);
    await form.getByRole('button', { name: L('templates.save', { type: L('giType.trademark') }) }).click();
    const template = (await send(server.url, 'GET', '/api/dossier-templates/trademark', undefined, adminCookie)).body as DossierTemplate;
    await form.getByRole('status').getByText(L('templates.saved', { version: template.version })).waitFor();
    expect(template.items.map((i) => i.key).indexOf(added.key)).toBe(n - 2);
    await saveShot(ap, `${lang}-cultivation-3-templates`, true);
    await adminPage.context.close();

    // The official's dossier keeps its items, and is offered the change.
    await page.goto(`/admin/products/${productId}${q}`);
    await openSection(L('editor.designations'));
    const editor = page.locator('gi-dossier-editor');
    const offer = L('dossier.offer', { changes: L('dossier.offerAdd', { items: `“${title(added)}”` }) });
    await editor.getByText(offer).waitFor();
    await editor.getByText(L('readiness.text', { ready: needed(), needed: needed() })).waitFor();
    await editor.getByRole('button', { name: L('dossier.offerAccept') }).click();
    await editor.getByRole('status').filter({ hasText: L('dossier.offerTaken') }).waitFor();
    items = template.items;
    await editor.getByText(L('readiness.text', { ready: needed() - 1, needed: needed() })).waitFor();
    expect(await editor.getByText(offer).count()).toBe(0);
    await itemForm(added.key).waitFor();
    expect(await hasFocus(editor.getByRole('heading', { name: L('dossier.heading') }))).toBe(true);
  });

  it('filing the incomplete dossier asks first: “not now” keeps it, confirming files it as incomplete', async () => {
    const card = page.locator('gi-designation-card');
    await card.getByLabel(L('desig.moveTo')).selectOption({ label: L('status.filed') });
    await card.getByLabel(L('desig.moveOn')).fill(today);
    const submit = card.getByRole('button', { name: L('desig.moveSubmit') });
    await submit.click();
    const dialog = page.getByRole('dialog', { name: L('filing.title') });
    await dialog.waitFor();
    const counts = lang === 'en' ? `${needed() - 1} of ${needed()} ready` : `${needed() - 1}/${needed()}`;
    expect(await dialog.textContent()).toContain(counts);
    expect(await hasFocus(dialog.getByRole('button', { name: L('filing.cancel') }))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await saveShot(page, `${lang}-cultivation-4-confirm`);

    await dialog.getByRole('button', { name: L('filing.cancel') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => hasFocus(submit)).toBe(true);
    await card.getByRole('heading', { name: L('status.cultivating') }).waitFor();

    await submit.click();
    await dialog.getByRole('button', { name: L('filing.confirm') }).click();
    await card.getByRole('heading', { name: L('status.filed') }).waitFor();
    await page.locator('gi-dossier-editor').getByText(L('dossier.filedIncomplete')).waitFor();
    expect((await officialDossier(designationId)).filedIncomplete).toBe(true);

    await page.getByRole('navigation', { name: L('admin.nav') }).getByRole('link', { name: L('board.nav') }).click();
    await boardRow().getByText(L('dossier.filedIncomplete')).waitFor();
    expect(await boardRow().locator('td').nth(3).textContent()).toContain(L('status.filed'));
    // The 409 of the held-up filing is the only failed request.
    expect(official.consoleErrors.filter((e) => !e.includes('409'))).toEqual([]);
    expect(official.foreignRequests).toEqual([]);
  });

  it('the public product page shows the progress, item by item, and nothing internal', async () => {
    const visitor = await openPage(browser, server.url, { locale: lang === 'en' ? 'en-US' : 'zh-CN' });
    const vp = visitor.page;
    await vp.goto(`/products/${productId}${q}`);
    const progress = vp.locator('gi-dossier-progress');
    await progress.getByRole('heading', { name: L('progress.heading') }).waitFor();
    await progress.getByText(L('readiness.text', { ready: needed() - 1, needed: needed() })).waitFor();
    const list = progress.getByRole('list', { name: L('progress.list') });
    expect(await list.getByRole('listitem').count()).toBe(needed());
    expect(await list.getByRole('listitem').filter({ hasText: title(added) }).textContent()).toContain(L('dossierStatus.missing'));
    expect(await list.getByRole('listitem').filter({ hasText: title(items.find((i) => i.key === 'mark_design')!) }).textContent())
      .toContain(L('dossierStatus.ready'));
    expect(await vp.getByText(owner).count()).toBe(0);
    expect(await vp.getByText(L('dossier.overdue')).count()).toBe(0);
    expect(await seriousViolations(vp)).toEqual([]);
    await saveShot(vp, `${lang}-cultivation-5-public`, true);
    expect(visitor.consoleErrors).toEqual([]);
    await visitor.context.close();
  });
});
