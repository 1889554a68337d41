/**
 * Cultivation dossiers over HTTP: readiness arithmetic, county scope on every write, filing an
 * incomplete dossier, template changes offered and not forced, the board's order and overdue marks,
 * the public view leaking nothing internal, and the tally's ready-to-file count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readinessOf, todayInShanghai, type Dossier } from '../../db/model';
import { startServer, type TestServer } from '../support/server';
import { addAccount, dumpTables, send, signIn } from './fixtures';

let s: TestServer;
let qinshui: string;
let yangcheng: string;
let admin: string;
let productId: number;

const today = todayInShanghai();
const dayOffset = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qs-dossier', 'official', '140521');
  await addAccount(s.db, 'yc-dossier', 'official', '140522');
  await addAccount(s.db, 'city-dossier', 'admin');
  qinshui = await signIn(s.url, 'qs-dossier');
  yangcheng = await signIn(s.url, 'yc-dossier');
  admin = await signIn(s.url, 'city-dossier');
  const product = await send(s.url, 'POST', '/api/products', { nameZh: '档案测试小米', category: 'food', counties: ['140521'], visibility: 'public' }, qinshui);
  expect(product.status).toBe(201);
  productId = product.body.id;
});
afterAll(() => s.close());

async function startDesignation(giType: 'trademark' | 'protected_product' | 'agricultural_product', cookie = qinshui, product = productId) {
  const body = giType === 'trademark' ? { giType, markKind: 'certification' } : { giType };
  const res = await send(s.url, 'POST', `/api/products/${product}/designations`, body, cookie);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}

const dossier = async (id: number, cookie?: string) => send(s.url, 'GET', `/api/designations/${id}/dossier`, undefined, cookie);
const putItem = (id: number, key: string, body: unknown, cookie = qinshui) => send(s.url, 'PUT', `/api/designations/${id}/dossier/${key}`, body, cookie);

describe('readiness', () => {
  it('is ready ÷ (items − not needed), null when nothing is needed', () => {
    expect(readinessOf([])).toEqual({ readiness: null, itemsReady: 0, itemsNeeded: 0 });
    expect(readinessOf(['not_needed', 'not_needed'])).toEqual({ readiness: null, itemsReady: 0, itemsNeeded: 0 });
    expect(readinessOf(['ready', 'missing', 'not_needed', 'in_progress'])).toEqual({ readiness: 1 / 3, itemsReady: 1, itemsNeeded: 3 });
    expect(readinessOf(['ready', 'not_needed'])).toEqual({ readiness: 1, itemsReady: 1, itemsNeeded: 1 });
  });

  it('a new trademark starts from the 2024 rules’ checklist, all missing; marking items moves readiness', async () => {
    const id = await startDesignation('trademark');
    const start = (await dossier(id, qinshui)).body as Dossier;
    expect(start.items.map((i) => i.key)).toEqual([
      'applicant_qualification', 'government_approval', 'area_delimitation', 'specific_quality', 'testing_capability',
      'usage_rules', 'historical_evidence', 'mark_design',
    ]);
    expect(start.items.every((i) => i.status === 'missing')).toBe(true);
    expect(start).toMatchObject({ readiness: 0, itemsReady: 0, itemsNeeded: 8, open: true, templateOffer: null, filedIncomplete: false });

    let res = await putItem(id, 'area_delimitation', { status: 'ready', owner: '县农业农村局', dueOn: dayOffset(30), note: '陵政发文件' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ readiness: 1 / 8, itemsReady: 1, itemsNeeded: 8 });
    res = await putItem(id, 'testing_capability', { status: 'not_needed' });
    expect(res.body).toMatchObject({ readiness: 1 / 7, itemsReady: 1, itemsNeeded: 7 });
    const item = res.body.items.find((i: { key: string }) => i.key === 'area_delimitation');
    expect(item).toMatchObject({ status: 'ready', owner: '县农业农村局', note: '陵政发文件', overdue: false });
  });

  it('an agricultural-product GI has no checklist: readiness null, and filing is not held up', async () => {
    const id = await startDesignation('agricultural_product');
    const body = (await dossier(id, qinshui)).body as Dossier;
    expect(body.items).toEqual([]);
    expect(body.readiness).toBeNull();
    const filed = await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'filed', on: today, note: '' }, qinshui);
    expect(filed.status).toBe(201);
  });
});

describe('writes are checked and scoped', () => {
  it('bad input gets 400 in both languages and changes nothing', async () => {
    const id = await startDesignation('protected_product');
    const before = dumpTables(s.db);
    for (const body of [{ status: 'done' }, { status: 'ready', dueOn: '2024-02-30' }, { status: 'ready', extra: 1 }, { status: 'ready', documentIds: [1, 1] }, {}]) {
      const res = await putItem(id, 'test_report', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.issues.length).toBeGreaterThan(0);
    }
    expect((await putItem(id, 'Bad-Key', { status: 'ready' })).status).toBe(400);
    expect((await putItem(id, 'no_such_item', { status: 'ready' })).status).toBe(404);
    expect((await putItem(id, 'test_report', { status: 'ready', documentIds: [999_999] })).status).toBe(400);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('another county gets 403 (a public product) and the public 401; nothing changes', async () => {
    const id = await startDesignation('protected_product');
    const before = dumpTables(s.db);
    expect((await putItem(id, 'test_report', { status: 'ready' }, yangcheng)).status).toBe(403);
    expect((await send(s.url, 'PUT', `/api/designations/${id}/dossier/test_report`, { status: 'ready' })).status).toBe(401);
    expect((await send(s.url, 'POST', `/api/designations/${id}/dossier-template`, { version: 1 }, yangcheng)).status).toBe(403);
    expect(dumpTables(s.db)).toEqual(before);
    expect((await putItem(id, 'test_report', { status: 'ready' }, admin)).status).toBe(200);
  });

  it('a draft product’s dossier is 404 to the public and to another county', async () => {
    const draft = await send(s.url, 'POST', '/api/products', { nameZh: '档案草稿', category: 'food', counties: ['140521'] }, qinshui);
    const id = await startDesignation('protected_product', qinshui, draft.body.id);
    expect((await dossier(id)).status).toBe(404);
    expect((await dossier(id, yangcheng)).status).toBe(404);
    expect((await putItem(id, 'test_report', { status: 'ready' }, yangcheng)).status).toBe(404);
    expect((await dossier(id, qinshui)).status).toBe(200);
  });

  it('a granted designation’s dossier is closed: 409', async () => {
    const id = await startDesignation('agricultural_product');
    await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'filed', on: today, note: '' }, qinshui);
    await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'granted', on: today, note: '' }, qinshui);
    const body = (await dossier(id, qinshui)).body as Dossier;
    expect(body.open).toBe(false);
    const tm = await startDesignation('trademark');
    await send(s.url, 'POST', `/api/designations/${tm}/transitions`, { to: 'withdrawn', on: today, note: '' }, qinshui);
    const res = await putItem(tm, 'mark_design', { status: 'ready' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('dossier_closed');
  });

  it('each item change is audited and told as a sentence', async () => {
    const id = await startDesignation('protected_product');
    await putItem(id, 'technical_specification', { status: 'in_progress', owner: '县市场监管局' });
    const audit = await send(s.url, 'GET', `/api/audit?entity=designation&id=${id}`, undefined, qinshui);
    const event = audit.body.items.find((e: { action: string }) => e.action === 'dossier_item');
    expect(event.after).toMatchObject({ key: 'technical_specification', dossierStatus: 'in_progress', owner: '县市场监管局' });
    const { describeAuditEvent } = await import('../../db/model');
    const names = { counties: {} };
    const zh = describeAuditEvent(event, 'zh', names);
    expect(zh.summary).toContain('申报材料「质量技术要求」');
    expect(zh.changes).toContain('材料状态：缺 → 准备中');
    expect(zh.changes).toContain('负责人：— → 县市场监管局');
    expect(describeAuditEvent(event, 'en', names).changes).toContain('Item status: Missing → In progress');
  });
});

describe('filing', () => {
  it('an incomplete dossier asks for confirmation (409), then records that it was filed incomplete', async () => {
    const id = await startDesignation('trademark');
    await putItem(id, 'mark_design', { status: 'ready' });
    const before = dumpTables(s.db);
    const refused = await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'filed', on: today, note: '' }, qinshui);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('dossier_incomplete');
    expect(refused.body.error.message).toContain('1/8');
    expect(dumpTables(s.db)).toEqual(before);
    const filed = await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'filed', on: today, note: '', confirmIncomplete: true }, qinshui);
    expect(filed.status).toBe(201);
    expect(filed.body.status).toBe('filed');
    const body = (await dossier(id, qinshui)).body as Dossier;
    expect(body.filedIncomplete).toBe(true);
    expect(body.open).toBe(true);
    const audit = await send(s.url, 'GET', `/api/audit?entity=designation&id=${id}&action=transition`, undefined, qinshui);
    expect(audit.body.items[0].after).toMatchObject({ status: 'filed', filedIncomplete: true, readiness: 1 / 8 });
  });

  it('a complete dossier files without a question and is not marked incomplete', async () => {
    const id = await startDesignation('protected_product');
    const keys = ((await dossier(id, qinshui)).body as Dossier).items.map((i) => i.key);
    for (const [n, key] of keys.entries()) await putItem(id, key, { status: n === 0 ? 'not_needed' : 'ready' });
    expect(((await dossier(id, qinshui)).body as Dossier).readiness).toBe(1);
    const filed = await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'filed', on: today, note: '' }, qinshui);
    expect(filed.status).toBe(201);
    expect(((await dossier(id, qinshui)).body as Dossier).filedIncomplete).toBe(false);
  });
});

describe('templates', () => {
  it('only admins change a checklist; the change moves the version and is audited', async () => {
    const current = await send(s.url, 'GET', '/api/dossier-templates/protected_product', undefined, qinshui);
    expect(current.status).toBe(200);
    expect(current.body.items).toHaveLength(7);
    const items = [...current.body.items, { key: 'sample_photos', titleZh: '产品实物照片', titleEn: 'Photos of the product' }];
    expect((await send(s.url, 'PUT', '/api/dossier-templates/protected_product', { items }, qinshui)).status).toBe(403);
    expect((await send(s.url, 'PUT', '/api/dossier-templates/protected_product', { items: [...items, items[0]] }, admin)).status).toBe(400);
    expect((await send(s.url, 'GET', '/api/dossier-templates/silk', undefined, admin)).status).toBe(400);
    expect((await send(s.url, 'GET', '/api/dossier-templates/protected_product')).status).toBe(401);

    const recorded = await startDesignation('protected_product');
    await putItem(recorded, 'test_report', { status: 'ready', note: '已检测' });
    const untouched = await startDesignation('protected_product');

    const changed = await send(s.url, 'PUT', '/api/dossier-templates/protected_product', {
      items: items.filter((i: { key: string }) => i.key !== 'reputation_history').map((i: { key: string; titleZh: string }) =>
        (i.key === 'test_report' ? { ...i, titleZh: '检验检测报告' } : i)),
    }, admin);
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(current.body.version + 1);

    // The recorded dossier keeps its items and is offered the change.
    const offered = (await dossier(recorded, qinshui)).body as Dossier;
    expect(offered.items.map((i) => i.key)).toContain('reputation_history');
    expect(offered.items.map((i) => i.key)).not.toContain('sample_photos');
    expect(offered.templateVersion).toBe(current.body.version);
    expect(offered.templateOffer).toMatchObject({
      version: changed.body.version,
      add: [{ key: 'sample_photos' }], remove: [{ key: 'reputation_history' }], retitle: [{ key: 'test_report', titleZh: '检验检测报告' }],
    });
    // The public is offered nothing.
    expect(((await dossier(recorded)).body as Dossier).templateOffer).toBeNull();
    // A dossier nobody has touched follows the current checklist.
    expect(((await dossier(untouched, qinshui)).body as Dossier).items.map((i) => i.key)).toContain('sample_photos');

    expect((await send(s.url, 'POST', `/api/designations/${recorded}/dossier-template`, { version: 1 }, qinshui)).status).toBe(409);
    const taken = await send(s.url, 'POST', `/api/designations/${recorded}/dossier-template`, { version: changed.body.version }, qinshui);
    expect(taken.status).toBe(200);
    const after = taken.body as Dossier;
    expect(after.templateOffer).toBeNull();
    expect(after.items.map((i) => i.key)).toContain('sample_photos');
    expect(after.items.map((i) => i.key)).not.toContain('reputation_history');
    expect(after.items.find((i) => i.key === 'test_report')).toMatchObject({ status: 'ready', note: '已检测', titleZh: '检验检测报告' });

    const history = await send(s.url, 'GET', '/api/audit?entity=dossier_template', undefined, admin);
    const { describeAuditEvent } = await import('../../db/model');
    const told = describeAuditEvent(history.body.items[0], 'zh', { counties: {} });
    expect(told.summary).toBe('修改 地理标志保护产品 的申报材料清单');
    expect(told.changes).toEqual(expect.arrayContaining(['材料清单：新增 产品实物照片', '材料清单：移除 知名度、产销及历史渊源材料']));
  });
});

describe('accepting a checklist on an untouched dossier', () => {
  it('records the dossier and its history in one change, like any other write', async () => {
    const untouched = await startDesignation('protected_product');
    const version = ((await dossier(untouched, qinshui)).body as Dossier).templateVersion;
    const rows = () => s.db.$client.prepare('SELECT count(*) AS n FROM dossier_items WHERE designation_id = ?').get(untouched) as { n: number };
    expect(rows().n).toBe(0);
    const taken = await send(s.url, 'POST', `/api/designations/${untouched}/dossier-template`, { version }, qinshui);
    expect(taken.status).toBe(200);
    expect(rows().n).toBeGreaterThan(0);
    const audit = await send(s.url, 'GET', `/api/audit?entity=designation&id=${untouched}&action=dossier_template_accept`, undefined, qinshui);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ before: { templateVersion: null }, after: { templateVersion: version } });
    const { describeAuditEvent } = await import('../../db/model');
    expect(describeAuditEvent(audit.body.items[0], 'zh', { counties: {} }).summary).toContain('的申报材料采用新版清单');
    // Taking the same version again changes nothing and records nothing more.
    expect((await send(s.url, 'POST', `/api/designations/${untouched}/dossier-template`, { version }, qinshui)).status).toBe(200);
    expect((await send(s.url, 'GET', `/api/audit?entity=designation&id=${untouched}&action=dossier_template_accept`, undefined, qinshui)).body.items).toHaveLength(1);
  });
});

describe('the public view and the board', () => {
  it('the public sees titles and statuses, never owners, due dates, notes or overdue marks', async () => {
    const id = await startDesignation('trademark');
    await putItem(id, 'usage_rules', { status: 'in_progress', owner: '内部负责人张三', dueOn: dayOffset(-3), note: '内部备注：还缺盖章' });
    const seen = await dossier(id);
    expect(seen.status).toBe(200);
    expect(seen.headers.get('access-control-allow-origin')).toBe('*');
    const text = JSON.stringify(seen.body);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('内部备注');
    expect(text).not.toContain(dayOffset(-3));
    expect(seen.body.items.find((i: { key: string }) => i.key === 'usage_rules')).toMatchObject({ status: 'in_progress', owner: null, dueOn: null, note: '', overdue: false });
    const official = (await dossier(id, qinshui)).body as Dossier;
    expect(official.items.find((i) => i.key === 'usage_rules')).toMatchObject({ overdue: true, dueOn: dayOffset(-3) });
  });

  it('the board lists open candidates least ready first, marks overdue items, and keeps officials to their county', async () => {
    const product = await send(s.url, 'POST', '/api/products', { nameZh: '看板测试', category: 'food', counties: ['140522'] }, yangcheng);
    const late = await startDesignation('protected_product', yangcheng, product.body.id);
    await putItem(late, 'test_report', { status: 'missing', dueOn: dayOffset(-1) }, yangcheng);
    await putItem(late, 'quality_link', { status: 'ready', dueOn: dayOffset(10) }, yangcheng);
    const soon = await startDesignation('trademark', yangcheng, product.body.id);
    await putItem(soon, 'mark_design', { status: 'in_progress', dueOn: dayOffset(5) }, yangcheng);

    const board = await send(s.url, 'GET', '/api/cultivation', undefined, yangcheng);
    expect(board.status).toBe(200);
    expect(board.body.items.every((i: { counties: string[] }) => i.counties.includes('140522'))).toBe(true);
    const row = board.body.items.find((i: { designationId: number }) => i.designationId === late);
    expect(row).toMatchObject({ overdue: true, overdueItems: 1, nextDueOn: dayOffset(-1), itemsReady: 1 });
    expect(board.body.items.find((i: { designationId: number }) => i.designationId === soon)).toMatchObject({ overdue: false, nextDueOn: dayOffset(5), readiness: 0 });
    const readiness = board.body.items.map((i: { readiness: number | null }) => i.readiness ?? 2);
    expect(readiness).toEqual([...readiness].sort((a, b) => a - b));

    const overdueOnly = await send(s.url, 'GET', '/api/cultivation?overdue=1', undefined, admin);
    expect(overdueOnly.body.items.map((i: { designationId: number }) => i.designationId)).toContain(late);
    expect(overdueOnly.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const all = await send(s.url, 'GET', '/api/cultivation', undefined, admin);
    expect(new Set(all.body.items.flatMap((i: { counties: string[] }) => i.counties))).toEqual(expect.objectContaining({}));
    expect(all.body.items.some((i: { counties: string[] }) => i.counties.includes('140521'))).toBe(true);
    expect(all.body.items.some((i: { counties: string[] }) => i.counties.includes('140522'))).toBe(true);
    expect((await send(s.url, 'GET', '/api/cultivation?county=140521', undefined, yangcheng)).body.items).toEqual([]);
    expect((await send(s.url, 'GET', '/api/cultivation')).status).toBe(401);
    expect((await send(s.url, 'GET', '/api/cultivation?status=granted', undefined, admin)).status).toBe(400);

    const xlsx = await fetch(`${s.url}/api/cultivation.xlsx?lang=en`, { headers: { cookie: admin } });
    expect(xlsx.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('Product');
    expect(sheet.rowCount).toBe(all.body.items.length + 1);
  });

  it('the tally counts candidates ready to file', async () => {
    // The seeded 十四五 ended in 2025: the tally of today is that of a period that contains it.
    const period = await send(s.url, 'POST', '/api/periods', { name: '十五五', nameEn: '15th Five-Year Plan', startsOn: '2026-01-01', endsOn: '2030-12-31', targets: [] }, admin);
    expect(period.status).toBe(201);
    const tallyOf = async () => (await send(s.url, 'GET', `/api/tally?period=${period.body.id}`)).body.types.find((t: { giType: string }) => t.giType === 'protected_product').pipeline;
    const before = await tallyOf();
    const id = await startDesignation('protected_product');
    const keys = ((await dossier(id, qinshui)).body as Dossier).items.map((i) => i.key);
    for (const key of keys) await putItem(id, key, { status: 'ready' });
    const after = await tallyOf();
    expect(after.cultivating).toBe(before.cultivating + 1);
    expect(after.readyToFile).toBe(before.readyToFile + 1);
  });
});
