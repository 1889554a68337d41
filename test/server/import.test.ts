import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv, EXPORT_COLUMNS } from '../../server/domain/export';
import { startServer, type TestServer } from '../support/server';
import { addAccount, creditCode, dumpTables, send, signIn } from './fixtures';

let server: TestServer;
let official: string;
let admin: string;
beforeAll(async () => {
  server = await startServer();
  await addAccount(server.db, 'qinshui', 'official', '140521');
  await addAccount(server.db, 'city', 'admin');
  official = await signIn(server.url, 'qinshui');
  admin = await signIn(server.url, 'city');
});
afterAll(() => server.close());

const HEADER = 'product_zh,product_en,category,county_adcodes,gi_type,mark_kind,status,holder,holder_credit_code,filed_on,granted_on,valid_until,sources';
const csv = (...lines: string[]) => ({ format: 'csv', data: Buffer.from([HEADER, ...lines].join('\n')).toString('base64') });
const post = (body: unknown, cookie = official, dryRun = false) => send(server.url, 'POST', `/api/import${dryRun ? '?dryRun=1' : ''}`, body, cookie);

describe('POST /api/import', () => {
  const good = csv(
    `沁水山楂,Qinshui hawthorn,food,140521,agricultural_product,,cultivating,,,,,,县农业农村局调查`,
    `沁水山楂,,food,140521,trademark,collective,granted,沁水县山楂协会,${creditCode()},2023-03-01,2024-05-06,,`,
    `沁水蜂蜜,,food,140521,agricultural_product,,filed,,,2025-06-01,,,`,
  );

  it('reports a dry run row by row and writes nothing', async () => {
    const before = dumpTables(server.db);
    const { status, body } = await post(good, official, true);
    expect(status).toBe(200);
    expect(body).toMatchObject({ dryRun: true, applied: false, summary: { products: 1, designations: 3, existing: 0, errors: 0 } });
    expect(body.rows.map((r: any) => [r.line, r.outcome])).toEqual([[2, 'new_product'], [3, 'new_designation'], [4, 'new_designation']]);
    expect(dumpTables(server.db)).toEqual(before);
  });

  it('imports all rows with their histories, as drafts, audited', async () => {
    const { status, body } = await post(good);
    expect(status).toBe(201);
    expect(body.applied).toBe(true);
    const list = await send(server.url, 'GET', '/api/products?q=沁水山楂&mine=1', undefined, official);
    expect(list.body.total).toBe(1);
    const product = (await send(server.url, 'GET', `/api/products/${list.body.items[0].id}`, undefined, official)).body;
    expect(product.visibility).toBe('draft');
    const mark = product.designations.find((d: any) => d.giType === 'trademark');
    expect(mark).toMatchObject({ status: 'granted', filedOn: '2023-03-01', grantedOn: '2024-05-06', validUntil: '2034-05-05', holder: '沁水县山楂协会' });
    expect(mark.transitions.map((m: any) => [m.to, m.on])).toEqual([['cultivating', '2023-03-01'], ['filed', '2023-03-01'], ['granted', '2024-05-06']]);
    const honey = (await send(server.url, 'GET', '/api/products?q=沁水蜂蜜', undefined, official)).body.items.find((p: any) => p.nameZh === '沁水蜂蜜');
    expect(honey.designations.map((d: any) => d.giType)).toContain('agricultural_product');
    const audit = await send(server.url, 'GET', `/api/audit?entity=product&id=${product.id}`, undefined, official);
    expect(audit.body.items.map((e: any) => e.action)).toContain('create');
  });

  it('leaves a designation already held alone when imported again', async () => {
    const { body } = await post(good, official, true);
    expect(body.summary).toMatchObject({ products: 0, designations: 0, existing: 3, errors: 0 });
  });

  it('is all or nothing: one bad row keeps every row out, with the reasons', async () => {
    const before = dumpTables(server.db);
    const { status, body } = await post(csv(
      `沁水核桃,,food,140521,,,,,,,,,`,
      `阳城某产品,,food,140522,,,,,,,,,`,
      `沁水小米,,grain,140521,,,,,,,,,`,
      `沁水花椒,,food,140521,trademark,,granted,,,2024-01-01,,,`,
      `沁水连翘,,medicinal,140521,protected_product,,filed,,,2999-01-01,,,`,
    ));
    expect(status).toBe(400);
    expect(body.error.code).toBe('import_failed');
    const outcomes = Object.fromEntries(body.report.rows.map((r: any) => [r.line, r.outcome]));
    expect(outcomes).toEqual({ 2: 'new_product', 3: 'error', 4: 'error', 5: 'error', 6: 'error' });
    expect(body.report.rows[1].messages.join()).toMatch(/本县|own county/);
    expect(body.report.rows[2].messages.join()).toMatch(/category/);
    expect(body.error.issues.map((i: any) => i.path[1])).toEqual([3, 4, 5, 6]);
    expect(dumpTables(server.db)).toEqual(before);
  });

  it('reads the export format back, including an XLSX workbook', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('x');
    sheet.addRow(EXPORT_COLUMNS.map(([key, label]) => `${label} ${key}`));
    const row = Object.fromEntries(EXPORT_COLUMNS.map(([key]) => [key, '']));
    sheet.addRow(EXPORT_COLUMNS.map(([key]) => ({ ...row, product_zh: '高平黄梨干', category: 'food', county_adcodes: '140581', gi_type: 'protected_product', status: 'cultivating' } as Record<string, string>)[key]));
    const data = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const { status, body } = await post({ format: 'xlsx', data }, admin, true);
    expect(status).toBe(200);
    expect(body.summary).toMatchObject({ products: 1, designations: 1, errors: 0 });
    expect(toCsv([]).startsWith('\uFEFF产品编号 product_id')).toBe(true);
  });

  it('does not reveal another county\'s drafts: a name taken there is a new product here', async () => {
    const yangcheng = await addAccount(server.db, 'yangcheng', 'official', '140522').then(() => signIn(server.url, 'yangcheng'));
    expect((await send(server.url, 'POST', '/api/products', { nameZh: '阳城秘密草稿', category: 'food', counties: ['140522'] }, yangcheng)).status).toBe(201);
    const { body } = await post(csv('阳城秘密草稿,,food,140521,,,,,,,,,'), official, true);
    expect(body.rows[0]).toMatchObject({ outcome: 'new_product', messages: [] });
  });

  it.each([
    ['anonymous', '', csv(), 401],
    ['an unknown format', official, { format: 'ods', data: '' }, 400],
    ['not base64', official, { format: 'csv', data: '###' }, 400],
    ['an unknown key', official, { ...csv(), extra: 1 }, 400],
    ['a broken workbook', official, { format: 'xlsx', data: Buffer.from('not a zip').toString('base64') }, 400],
  ])('refuses %s', async (_, cookie, body, expected) => {
    const before = dumpTables(server.db);
    expect((await post(body, cookie as string)).status).toBe(expected);
    expect(dumpTables(server.db)).toEqual(before);
  });
});
