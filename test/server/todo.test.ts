/**
 * GET /api/todo over HTTP: an official's list holds their county's overdue and due-soon dossier items
 * and drafts, each linking to the place to act, and nothing of another county; an admin's is the city's;
 * the public is refused. Also the product answer's `canEdit`, which the workspace's read-only view reads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai, TodoList, type TodoItem } from '../../db/model';
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
