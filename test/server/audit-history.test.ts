/**
 * The city-wide history over HTTP: filters (county, user, entity, action, days in Asia/Shanghai),
 * paging, officials held to their county, and the XLSX export told in sentences.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEvent, type AuditEvent, type AuditNames } from '../../db/model';
import { call, startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

let s: TestServer;
const c: Record<'admin' | 'qinshui' | 'yangcheng', string> = { admin: '', qinshui: '', yangcheng: '' };
let qinshuiProduct: number;
let yangchengProduct: number;
let designationId: number;
let names: AuditNames;

type Item = AuditEvent;
const get = (path: string, cookie?: string) => send(s.url, 'GET', path, undefined, cookie);
const items = async (path: string, cookie = c.admin): Promise<Item[]> => {
  const res = await get(path, cookie);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
};

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  await addAccount(s.db, 'qinshui', 'official', '140521');
  await addAccount(s.db, 'yangcheng', 'official', '140522');
  c.admin = await signIn(s.url, 'city');
  c.qinshui = await signIn(s.url, 'qinshui');
  c.yangcheng = await signIn(s.url, 'yangcheng');
  qinshuiProduct = (await send(s.url, 'POST', '/api/products', {
    nameZh: '沁水端氏小米', category: 'other', counties: ['140521'],
    locations: [{ lat: 35.69, lng: 112.19, label: '端氏镇', precision: 'township', divisionCode: '140521103000' }],
  }, c.qinshui)).body.id;
  yangchengProduct = (await send(s.url, 'POST', '/api/products', { nameZh: '阳城桑蚕丝', category: 'non_food', counties: ['140522'] }, c.yangcheng)).body.id;
  await send(s.url, 'PATCH', `/api/products/${qinshuiProduct}`, { category: 'food', counties: ['140521', '140522'] }, c.qinshui);
  designationId = (await send(s.url, 'POST', `/api/products/${qinshuiProduct}/designations`, { giType: 'trademark', markKind: 'collective', startedOn: '2024-01-01' }, c.qinshui)).body.id;
  await send(s.url, 'POST', `/api/designations/${designationId}/transitions`, { to: 'filed', on: '2024-02-01', note: '申报', confirmIncomplete: true }, c.qinshui);
  await send(s.url, 'POST', `/api/designations/${designationId}/transitions`, { to: 'granted', on: '2024-05-01' }, c.qinshui);
  await send(s.url, 'PUT', `/api/products/${qinshuiProduct}/participants`, [
    { role: 'cooperative', name: '沁水县黄小米专业合作社', households: 320 }, { role: 'farmers', households: 300 },
  ], c.qinshui);
  await send(s.url, 'PATCH', `/api/products/${yangchengProduct}`, { description: '桑蚕' }, c.yangcheng);
  // Two entries either side of midnight in Beijing (23:59 on 1 May, 00:00 on 2 May), about an account.
  const insert = s.db.$client.prepare("INSERT INTO audit_events (at, username, action, entity, entity_id, before, after) VALUES (?, 'city', 'update', 'user', 1, '{\"active\":true}', '{\"active\":false}')");
  insert.run('2024-05-01T15:59:00.000Z');
  insert.run('2024-05-01T16:00:00.000Z');
  names = { counties: Object.fromEntries((await call(`${s.url}/api/counties`)).body.map((x: { code: string }) => [x.code, x])) };
});
afterAll(() => s.close());

describe('GET /api/audit filters', () => {
  it('is for signed-in users only', async () => {
    expect((await get('/api/audit')).status).toBe(401);
    expect((await get('/api/audit/export.xlsx')).status).toBe(401);
  });

  it('filters by county (a product in two counties is in both)', async () => {
    const yangcheng = await items('/api/audit?county=140522&limit=200');
    const about = new Set(yangcheng.map((e) => e.subject?.productId));
    expect(about).toEqual(new Set([qinshuiProduct, yangchengProduct]));
    expect(yangcheng.every((e) => e.subject!.counties.includes('140522'))).toBe(true);
    expect((await items('/api/audit?county=140581')).length).toBe(0);
  });

  it('filters by user, entity and action, newest first', async () => {
    const byYangcheng = await items('/api/audit?user=yangcheng');
    expect(byYangcheng.map((e) => e.action)).toEqual(['update', 'create']);
    const moves = await items('/api/audit?entity=designation&action=transition');
    expect(moves.map((e) => (e.after as { status: string }).status)).toEqual(['granted', 'filed']);
    expect(moves[0].subject).toMatchObject({ name: '沁水端氏小米', giType: 'trademark', productId: qinshuiProduct });
    expect((await items(`/api/audit?entity=product&id=${qinshuiProduct}&action=replace_participants`)).length).toBe(1);
  });

  it('filters by days in Asia/Shanghai, both ends inclusive', async () => {
    const on = async (q: string) => (await items(`/api/audit?entity=user&${q}`)).map((e) => e.at);
    expect(await on('from=2024-05-01&to=2024-05-01')).toEqual(['2024-05-01T15:59:00.000Z']);
    expect(await on('from=2024-05-02&to=2024-05-02')).toEqual(['2024-05-01T16:00:00.000Z']);
    expect(await on('from=2024-04-30&to=2024-05-02')).toHaveLength(2);
    expect(await on('to=2024-04-30')).toEqual([]);
  });

  it('pages with limit and offset', async () => {
    const all = (await get('/api/audit?limit=200', c.admin)).body;
    const page = (await get('/api/audit?limit=3&offset=2', c.admin)).body;
    expect(page.items.map((e: Item) => e.id)).toEqual(all.items.slice(2, 5).map((e: Item) => e.id));
    expect(page.total).toBe(all.total);
  });

  it.each([
    ['county=999999', 'county'], ['action=delete', 'action'], ['entity=session', 'entity'], ['from=2024-13-01', 'from'],
    ['to=yesterday', 'to'], ['from=2024-05-02&to=2024-05-01', 'to'], ['limit=201', 'limit'], ['offset=-1', 'offset'],
    ['user=', 'user'], ['colour=red', 'colour'],
  ])('refuses ?%s with a 400 naming %s', async (q, name) => {
    for (const path of ['/api/audit', '/api/audit/export.xlsx']) {
      const res = await get(`${path}?${q}`, c.admin);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(name);
    }
  });
});

describe('officials', () => {
  it('see only their county’s entries, whatever the filters', async () => {
    const mine = await items('/api/audit?limit=200', c.yangcheng);
    expect(mine.length).toBeGreaterThan(0);
    for (const e of mine) expect(e.subject!.counties).toContain('140522');
    expect(mine.some((e) => e.entity === 'user')).toBe(false);
    const qinshui = await items('/api/audit?user=qinshui&limit=200', c.yangcheng);
    expect(qinshui.every((e) => e.subject!.productId === qinshuiProduct)).toBe(true); // shared product: yes; designation of it: yes
    expect((await items(`/api/audit?entity=product&id=${yangchengProduct}`, c.qinshui))).toEqual([]);
  });

  it('may name their own county, and get a 403 in both languages for another', async () => {
    expect((await items('/api/audit?county=140521', c.qinshui)).length).toBeGreaterThan(0);
    for (const path of ['/api/audit?county=140522', '/api/audit/export.xlsx?county=140522']) {
      const res = await get(path, c.qinshui);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/本县.*Officials may only read the history of their own county/);
    }
  });
});

describe('every entry the server wrote reads as sentences', () => {
  it.each(['zh', 'en'] as const)('%s', async (lang) => {
    for (const e of await items('/api/audit?limit=200')) {
      const { summary, changes } = describeAuditEvent(e, lang, names);
      expect(summary).not.toBe('');
      expect([summary, ...changes].join('\n')).not.toMatch(/[{}[\]"]|\b(food|other|non_food|trademark_|140521|140522)\b(?! \w)/);
    }
  });
});

describe('GET /api/audit/export.xlsx', () => {
  const read = async (path: string, cookie = c.admin) => {
    const res = await fetch(`${s.url}${path}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="?jincheng-gi-history-\d{4}-\d\d-\d\d\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    const rows = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1).map((v) => String(v ?? '')));
    return { sheet, rows };
  };

  it('writes one row per entry with sentences, in Chinese by default', async () => {
    const { sheet, rows } = await read(`/api/audit/export.xlsx?entity=product&id=${qinshuiProduct}`);
    expect(rows[0]).toEqual(['时间（北京时间）', '操作人', '县（市、区）', '对象', '操作', '变更内容']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(6).width).toBeGreaterThan(40);
    const body = rows.slice(1);
    expect(body).toHaveLength((await items(`/api/audit?entity=product&id=${qinshuiProduct}`)).length);
    expect(body[0][0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    const update = body.find((r) => r[4] === '修改产品 沁水端氏小米')!;
    expect(update).toEqual([expect.any(String), 'qinshui', '沁水县、阳城县', `产品 #${qinshuiProduct}`, '修改产品 沁水端氏小米',
      '产品类别：其他 → 食用农林产品及食品\n所在县：沁水县 → 沁水县、阳城县']);
    expect(sheet.getRow(rows.indexOf(update) + 1).getCell(6).alignment).toMatchObject({ wrapText: true });
    const model = body.find((r) => r[4].includes('产业化经营模式'))!;
    expect(model[5]).toContain('参与主体：新增 沁水县黄小米专业合作社（农民专业合作社，320 户）');
    for (const cell of body.flat()) expect(cell).not.toMatch(/[{}[\]"]|\bfood\b/);
  });

  it('writes English headers and sentences with lang=en, filtered like the list', async () => {
    const { rows } = await read('/api/audit/export.xlsx?lang=en&action=transition');
    expect(rows[0]).toEqual(['Time (Beijing)', 'User', 'County', 'Record', 'What happened', 'Changes']);
    expect(rows.slice(1).map((r) => r[4])).toEqual([
      'Moved the GI trademark of 沁水端氏小米 to Granted', 'Moved the GI trademark of 沁水端氏小米 to Filed',
    ]);
    expect(rows[1][5]).toContain('Status: Filed → Granted (2024-05-01)');
    expect(rows[1][2]).toBe('Qinshui County, Yangcheng County');
  });

  it('gives an official their county’s entries only', async () => {
    const { rows } = await read('/api/audit/export.xlsx', c.yangcheng);
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows.slice(1)) expect(r[2]).toContain('阳城县');
  });
});
