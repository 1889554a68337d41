/**
 * GET /api/todo over HTTP: an official's list holds their county's overdue and due-soon dossier items
 * and drafts, authorised users whose term ends within TERM_SIGNAL_DAYS (the last day included) and those
 * with no yearly return for two years (returns entered over HTTP take a user off), each linking to the
 * place to act, and nothing of another county; an admin's is the city's; the public is refused. Also the
 * product answer's `canEdit`, which the workspace's read-only view reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERM_SIGNAL_DAYS, todayInShanghai, TodoList, type TodoItem } from '../../db/model';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

let s: TestServer;
let qinshui: string;
let yangcheng: string;
let admin: string;
const mine = { product: 0, designation: 0 };
const theirs = { product: 0, designation: 0 };

const today = todayInShanghai();
const dayOffset = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function draftWithOverdueItem(cookie: string, nameZh: string, county: string) {
  const product = await send(s.url, 'POST', '/api/products', { nameZh, category: 'food', counties: [county], visibility: 'draft' }, cookie);
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const designation = await send(s.url, 'POST', `/api/products/${product.body.id}/designations`, { giType: 'trademark', markKind: 'collective' }, cookie);
  expect(designation.status, JSON.stringify(designation.body)).toBe(201);
  const put = await send(s.url, 'PUT', `/api/designations/${designation.body.id}/dossier/mark_design`, { status: 'in_progress', dueOn: dayOffset(-3) }, cookie);
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  return { product: product.body.id as number, designation: designation.body.id as number };
}

async function todo(cookie?: string) {
  const res = await send(s.url, 'GET', '/api/todo', undefined, cookie);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return TodoList.parse(res.body);
}
const group = (list: TodoList, kind: TodoItem['kind']) => list.groups.find((g) => g.kind === kind);
const allItems = (list: TodoList) => list.groups.flatMap((g) => g.items);

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qs-todo', 'official', '140521');
  await addAccount(s.db, 'yc-todo', 'official', '140522');
  await addAccount(s.db, 'city-todo', 'admin');
  [qinshui, yangcheng, admin] = await Promise.all([signIn(s.url, 'qs-todo'), signIn(s.url, 'yc-todo'), signIn(s.url, 'city-todo')]);
  Object.assign(mine, await draftWithOverdueItem(qinshui, '待办测试沁水小米', '140521'));
  Object.assign(theirs, await draftWithOverdueItem(yangcheng, '待办测试阳城蚕丝', '140522'));
  const soon = await send(s.url, 'PUT', `/api/designations/${mine.designation}/dossier/usage_rules`, { status: 'missing', dueOn: dayOffset(10) }, qinshui);
  expect(soon.status).toBe(200);
  // Ready items are done, however late their date.
  const done = await send(s.url, 'PUT', `/api/designations/${mine.designation}/dossier/area_delimitation`, { status: 'ready', dueOn: dayOffset(-30) }, qinshui);
  expect(done.status).toBe(200);
});
afterAll(() => s.close());

describe('GET /api/todo', () => {
  it('refuses the public with 401', async () => {
    const res = await send(s.url, 'GET', '/api/todo');
    expect(res.status).toBe(401);
  });

  it('lists an official’s overdue dossier item with a link to its row, and the due-soon one apart', async () => {
    const list = await todo(qinshui);
    expect(list).toMatchObject({ asOf: today, county: '140521' });
    const overdue = group(list, 'dossier_overdue')!;
    expect(overdue.count).toBe(overdue.items.length);
    const item = overdue.items.find((i) => i.designationId === mine.designation);
    expect(item).toEqual({
      kind: 'dossier_overdue', productId: mine.product, designationId: mine.designation, giType: 'trademark',
      title: expect.stringContaining('待办测试沁水小米'), titleEn: expect.stringContaining('待办测试沁水小米'), dueOn: dayOffset(-3),
      link: `/admin/products/${mine.product}#dossier-${mine.designation}-mark_design`,
    });
    const due = group(list, 'dossier_due')!.items.filter((i) => i.designationId === mine.designation);
    expect(due.map((i) => [i.link, i.dueOn])).toEqual([[`/admin/products/${mine.product}#dossier-${mine.designation}-usage_rules`, dayOffset(10)]]);
    expect(allItems(list).some((i) => i.link.endsWith('area_delimitation'))).toBe(false);
  });

  it('lists the official’s draft with a link to its editor, and nothing of another county', async () => {
    const list = await todo(qinshui);
    const drafts = group(list, 'draft')!;
    expect(drafts.items).toContainEqual({ kind: 'draft', productId: mine.product, title: '待办测试沁水小米', titleEn: '待办测试沁水小米', link: `/admin/products/${mine.product}#summary` });
    expect(allItems(list).some((i) => i.productId === theirs.product)).toBe(false);
    expect(group(list, 'period')).toBeUndefined();
  });

  it('gives an admin the whole city: both counties’ overdue items and drafts', async () => {
    const list = await todo(admin);
    expect(list.county).toBeNull();
    const overdue = group(list, 'dossier_overdue')!.items.map((i) => i.productId);
    expect(overdue).toEqual(expect.arrayContaining([mine.product, theirs.product]));
    const drafts = group(list, 'draft')!.items.map((i) => i.productId);
    expect(drafts).toEqual(expect.arrayContaining([mine.product, theirs.product]));
  });

  it('drops a draft once it is published, and an item once it is ready', async () => {
    const published = await send(s.url, 'PATCH', `/api/products/${theirs.product}`, { visibility: 'public' }, yangcheng);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const ready = await send(s.url, 'PUT', `/api/designations/${theirs.designation}/dossier/mark_design`, { status: 'ready' }, yangcheng);
    expect(ready.status).toBe(200);
    const list = await todo(yangcheng);
    expect(allItems(list).some((i) => i.productId === theirs.product)).toBe(false);
  });

  it('asks an admin for the next period exactly when the tally says the last one has ended', async () => {
    const [tally, periods] = await Promise.all([send(s.url, 'GET', '/api/tally'), send(s.url, 'GET', '/api/periods')]);
    const items = (periods.body.items ?? periods.body) as { id: number }[];
    const due = tally.body.periodEnded && tally.body.period.id === items.at(-1)!.id;
    const period = group(await todo(admin), 'period');
    expect(period ? period.items.map((i) => i.link) : []).toEqual(due ? ['/admin#next-period'] : []);
  });
});

/** A public product of `county` with a protected-product designation granted in 2020; its ids. */
async function grantedGi(cookie: string, nameZh: string, county: string) {
  const product = await send(s.url, 'POST', '/api/products', { nameZh, nameEn: `${nameZh} (en)`, category: 'food', counties: [county], visibility: 'public' }, cookie);
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const d = await send(s.url, 'POST', `/api/products/${product.body.id}/designations`, { giType: 'protected_product', startedOn: '2018-01-01' }, cookie);
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  expect((await send(s.url, 'POST', `/api/designations/${d.body.id}/transitions`, { to: 'filed', on: '2019', note: '', confirmIncomplete: true }, cookie)).status).toBe(201);
  expect((await send(s.url, 'POST', `/api/designations/${d.body.id}/transitions`, { to: 'granted', on: '2020-03-01', note: '' }, cookie)).status).toBe(201);
  return { product: product.body.id as number, designation: d.body.id as number };
}

/** Adds an authorised user from 2020 (until `until`, when given); its id. */
async function authorisedUser(cookie: string, designationId: number, name: string, until?: string) {
  const res = await send(s.url, 'POST', `/api/designations/${designationId}/authorized-users`,
    { name, basis: 'approved_producer', from: '2020-01-01', ...(until ? { until } : {}) }, cookie);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}

/** The county enters a user's return for both of the last two complete years. */
async function returnsForTwoYears(cookie: string, userId: number) {
  const year = Number(today.slice(0, 4));
  for (const y of [year - 2, year - 1]) {
    const res = await send(s.url, 'PUT', `/api/authorized-users/${userId}/usage-returns/${y}`, { markedTonnes: 1 }, cookie);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  }
}

describe('authorised users on the list', () => {
  const year = Number(today.slice(0, 4));
  const gi = { product: 0, designation: 0 };
  const other = { product: 0, designation: 0 };
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    Object.assign(gi, await grantedGi(qinshui, '待办用标沁水蜂蜜', '140521'));
    Object.assign(other, await grantedGi(yangcheng, '待办用标阳城蚕丝', '140522'));
    // The last day of the window, and the day after it; both with their returns in.
    ids.lastDay = await authorisedUser(qinshui, gi.designation, '期满末日蜂业公司', dayOffset(TERM_SIGNAL_DAYS));
    ids.dayAfter = await authorisedUser(qinshui, gi.designation, '期满次日蜂业公司', dayOffset(TERM_SIGNAL_DAYS + 1));
    await returnsForTwoYears(qinshui, ids.lastDay);
    await returnsForTwoYears(qinshui, ids.dayAfter);
    // No end date and no returns: silent for both years.
    ids.silent = await authorisedUser(qinshui, gi.designation, '未报蜂业合作社');
    ids.theirs = await authorisedUser(yangcheng, other.designation, '阳城未报蚕业公司');
  });

  it('lists a user whose term ends on the window’s last day, with its GI, the day and a link to its row; not the day after', async () => {
    const ending = group(await todo(qinshui), 'term_ending')!;
    expect(ending.count).toBe(ending.items.length);
    expect(ending.items.filter((i) => i.productId === gi.product)).toEqual([{
      kind: 'term_ending', productId: gi.product, designationId: gi.designation, giType: 'protected_product',
      title: '待办用标沁水蜂蜜', titleEn: '待办用标沁水蜂蜜 (en)', authorizedUserId: ids.lastDay, company: '期满末日蜂业公司',
      dueOn: dayOffset(TERM_SIGNAL_DAYS), link: `/admin/products/${gi.product}#authorized-user-${ids.lastDay}`,
    }]);
  });

  it('lists a user with no return for the last two years, naming the years, with a link to its returns', async () => {
    const missing = group(await todo(qinshui), 'return_missing')!;
    expect(missing.items.filter((i) => i.productId === gi.product)).toEqual([{
      kind: 'return_missing', productId: gi.product, designationId: gi.designation, giType: 'protected_product',
      title: '待办用标沁水蜂蜜', titleEn: '待办用标沁水蜂蜜 (en)', authorizedUserId: ids.silent, company: '未报蜂业合作社',
      years: [year - 2, year - 1], link: `/admin/products/${gi.product}#usage-returns-${ids.silent}`,
    }]);
  });

  it('keeps another county’s users off an official’s list, and puts both counties’ on the admin’s', async () => {
    expect(allItems(await todo(qinshui)).some((i) => i.authorizedUserId === ids.theirs)).toBe(false);
    const city = group(await todo(admin), 'return_missing')!.items.map((i) => i.authorizedUserId);
    expect(city).toEqual(expect.arrayContaining([ids.silent, ids.theirs]));
  });

  it('drops a user once its returns are in, and once its term is extended past the window', async () => {
    await returnsForTwoYears(qinshui, ids.silent);
    const extended = await send(s.url, 'PATCH', `/api/authorized-users/${ids.lastDay}`, { until: dayOffset(TERM_SIGNAL_DAYS + 400) }, qinshui);
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    const list = await todo(qinshui);
    expect(allItems(list).filter((i) => i.productId === gi.product)).toEqual([]);
  });
});

describe('canEdit on the product answer', () => {
  it('is true for the product’s county and admins, false for another county, absent for the public', async () => {
    const published = await send(s.url, 'PATCH', `/api/products/${mine.product}`, { visibility: 'public' }, qinshui);
    expect(published.status).toBe(200);
    const as = async (cookie?: string) => (await send(s.url, 'GET', `/api/products/${mine.product}`, undefined, cookie)).body;
    expect((await as(qinshui)).canEdit).toBe(true);
    expect((await as(admin)).canEdit).toBe(true);
    expect((await as(yangcheng)).canEdit).toBe(false);
    expect('canEdit' in (await as())).toBe(false);
  });
});
