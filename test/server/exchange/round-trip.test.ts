/**
 * An unmodified export, imported back, is "no change" and changes nothing: the CSV and the XLSX
 * export of the seeded registry, and of one where a product holds two GIs each with its own sources
 * beside the product's own, a product whose name starts with "=" (which the CSV writes with a guarding
 * apostrophe), and authorised users (the XLSX's 用标企业 sheet, sent back as its own workbook). Over
 * HTTP against a real SQLite file: the dry run reports every row unchanged; the import, applied, leaves
 * every table (the audit log and the registry version among them) and the next export byte for byte
 * as they were. And a dry run never writes, whatever its rows would do. A GI's specification and contacts
 * round-trip too: a new number adds a version (an amendment) that becomes current, the same one corrects it.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../db/model';
import { parseCsv } from '../../../seeds/csv';
import { startServer, type TestServer } from '../../support/server';
import { addAccount, creditCode, dumpTables, send, signIn } from '../fixtures';

type Format = 'csv' | 'xlsx';

/** The export as an official downloads it. */
async function download(s: TestServer, cookie: string, format: Format): Promise<Buffer> {
  const res = await fetch(`${s.url}/api/export/products.${format}`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** The file posted to the import, checked (`dryRun`) or applied. */
async function upload(s: TestServer, cookie: string, format: Format, bytes: Buffer, dryRun: boolean) {
  return send(s.url, 'POST', `/api/import${dryRun ? '?dryRun=1' : ''}`, { format, data: bytes.toString('base64') }, cookie);
}

/** The rows of a report that are not "no change", with what they say (empty when all are unchanged). */
const changed = (report: ImportReport) => report.rows.filter((r) => r.outcome !== 'unchanged')
  .map((r) => ({ line: r.line, row: r.productZh, outcome: r.outcome, changes: r.changes.map((c) => c.en), problems: r.problems.map((p) => p.en) }));

/** The XLSX export's authorised-user sheet alone, as an office sends its list back. */
async function userSheetOf(xlsx: Buffer): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx as never);
  const sheet = book.getWorksheet('用标企业 Authorised users')!;
  const back = new ExcelJS.Workbook();
  const copy = back.addWorksheet('用标企业');
  sheet.eachRow((row) => { copy.addRow((row.values as ExcelJS.CellValue[]).slice(1)); });
  return Buffer.from(await back.xlsx.writeBuffer());
}

/** The import of `file` as `cookie` is "no change" in a dry run, and applied changes no table and no export. */
async function expectNoChange(s: TestServer, cookie: string, format: Format, file: Buffer, rows: number) {
  const before = dumpTables(s.db);
  const csvBefore = await download(s, cookie, 'csv');
  const dry = await upload(s, cookie, format, file, true);
  expect(dry.status, JSON.stringify(dry.body)).toBe(200);
  expect(changed(dry.body)).toEqual([]);
  expect(dry.body.summary).toEqual({ created: 0, updated: 0, unchanged: rows, errors: 0 });
  expect(dry.body.unknownColumns).toEqual([]);

  const applied = await upload(s, cookie, format, file, false);
  expect(applied.status, JSON.stringify(applied.body)).toBe(201);
  expect(applied.body).toMatchObject({ applied: true, summary: { created: 0, updated: 0, unchanged: rows, errors: 0 } });
  expect(dumpTables(s.db)).toEqual(before);
  expect((await download(s, cookie, 'csv')).equals(csvBefore)).toBe(true);
  // And once more: what the import kept (nothing) exports as it was, so a second round is no change too.
  expect(changed((await upload(s, cookie, format, file, true)).body)).toEqual([]);
}

/** How many data rows the product sheet of an export has. */
const csvRows = (csv: Buffer) => csv.toString('utf8').split('\r\n').filter((l) => l !== '').length - 1;

describe('the seeded registry', () => {
  let s: TestServer;
  let admin: string;
  let official: string;
  beforeAll(async () => {
    s = await startServer();
    await addAccount(s.db, 'round-admin', 'admin');
    await addAccount(s.db, 'round-gaoping', 'official', '140581');
    admin = await signIn(s.url, 'round-admin');
    official = await signIn(s.url, 'round-gaoping');
  });
  afterAll(() => s.close());

  it.each<Format>(['csv', 'xlsx'])('an admin’s unmodified %s export imports back as no change and changes nothing', async (format) => {
    const file = await download(s, admin, format);
    await expectNoChange(s, admin, format, file, csvRows(await download(s, admin, 'csv')));
  });

  it('an official’s unmodified CSV export of their county imports back as no change', async () => {
    const res = await fetch(`${s.url}/api/export/products.csv?county=140581`, { headers: { cookie: official } });
    const file = Buffer.from(await res.arrayBuffer());
    expect(csvRows(file)).toBeGreaterThan(1);
    await expectNoChange(s, official, 'csv', file, csvRows(file));
  });
});

describe('a registry with GIs holding their own sources, a name starting with "=", and authorised users', () => {
  let s: TestServer;
  let admin: string;
  let pearId: number;
  const PRODUCT_SOURCE = { title: '晋城市地理标志名录（2024）', url: 'https://example.gov.cn/gi/2024.html' };
  const MARK_SOURCE = { title: '商标局公告第1800期', url: 'https://example.gov.cn/tm/1800.html' };
  const PROTECTED_SOURCE = { title: '国家知识产权局公告第520号', url: null };

  /** Creates over the API, as an admin would, and expects it to succeed. */
  const create = async (path: string, body: object) => {
    const res = await send(s.url, 'POST', path, body, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number };
  };
  const move = (id: number, to: string, on: string) => create(`/api/designations/${id}/transitions`, { to, on, note: '', confirmIncomplete: true });

  beforeAll(async () => {
    s = await startServer();
    await addAccount(s.db, 'round-admin', 'admin');
    admin = await signIn(s.url, 'round-admin');
    const pear = await create('/api/products', {
      nameZh: '=晋城双标梨', nameEn: '=Jincheng pear', category: 'food', counties: ['140521', '140522'], visibility: 'public', sources: [PRODUCT_SOURCE],
    });
    pearId = pear.id;
    const mark = await create(`/api/products/${pear.id}/designations`, {
      giType: 'trademark', markKind: 'collective', startedOn: '2019-03', holder: '-晋城梨协会', number: '+41234567', sources: [MARK_SOURCE],
    });
    await move(mark.id, 'filed', '2019-06');
    await move(mark.id, 'granted', '2020-10-28');
    // Its first source starts with "@", so the GI sources cell is written with the guard's apostrophe.
    const protectedGi = await create(`/api/products/${pear.id}/designations`, {
      giType: 'protected_product', startedOn: '2021', sources: [{ title: '@晋城日报', url: null }, PROTECTED_SOURCE],
    });
    await move(protectedGi.id, 'filed', '2022-04');
    // A status only the workspace sets (withdrawn) is in the export too, and must come back as no change.
    const withdrawn = await create('/api/products', { nameZh: '晋城撤回测试蜜', category: 'food', counties: ['140521'], visibility: 'public' });
    const honey = await create(`/api/products/${withdrawn.id}/designations`, { giType: 'agricultural_product', startedOn: '2018' });
    await move(honey.id, 'filed', '2019-05');
    await move(honey.id, 'withdrawn', '2020-01-10');
    await create(`/api/designations/${mark.id}/authorized-users`, {
      name: '=晋城梨业合作社', creditCode: creditCode('93140521MA0KPEAR1'), basis: 'collective_member', reference: '备案第3号', from: '2021-01-05',
    });
    await create(`/api/designations/${mark.id}/authorized-users`, { name: '晋城梨农户甲', basis: 'collective_member', from: '2022-02-01', until: '2030-12-31' });
  });
  afterAll(() => s.close());

  it('exports the product’s sources once and each GI’s with its GI', async () => {
    const product = (await send(s.url, 'GET', `/api/products/${pearId}`, undefined, admin)).body;
    expect(product.sources).toEqual([PRODUCT_SOURCE]);
    const csv = (await download(s, admin, 'csv')).toString('utf8');
    const lines = csv.split('\r\n').filter((l) => l.includes('晋城双标梨'));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line.split(PRODUCT_SOURCE.url).length - 1, line).toBe(1);
    expect(lines.filter((l) => l.includes(MARK_SOURCE.url))).toHaveLength(1);
    expect(lines.filter((l) => l.includes(PROTECTED_SOURCE.title))).toHaveLength(1);
    expect(lines.every((l) => l.includes("'=晋城双标梨"))).toBe(true);
  });

  it.each<Format>(['csv', 'xlsx'])('an unmodified %s export imports back as no change and changes nothing', async (format) => {
    const file = await download(s, admin, format);
    await expectNoChange(s, admin, format, file, csvRows(await download(s, admin, 'csv')));
    const product = (await send(s.url, 'GET', `/api/products/${pearId}`, undefined, admin)).body;
    expect(product.nameZh).toBe('=晋城双标梨');
    expect(product.sources).toEqual([PRODUCT_SOURCE]);
    const sourcesOf = (giType: string) => product.designations.find((d: { giType: string }) => d.giType === giType).sources;
    expect(sourcesOf('trademark')).toEqual([MARK_SOURCE]);
    expect(sourcesOf('protected_product')).toEqual([{ title: '@晋城日报', url: null }, PROTECTED_SOURCE]);
  });

  it('a source added to one GI’s cell is added to that GI alone', async () => {
    const [header, ...rows] = (await download(s, admin, 'csv')).toString('utf8').split('\r\n');
    const row = rows.find((r) => r.includes(MARK_SOURCE.url))!;
    const file = Buffer.from([header, row.replace(`<${MARK_SOURCE.url}>`, `<${MARK_SOURCE.url}>; 晋城日报 2024-05-01`)].join('\r\n'));
    const { body } = await upload(s, admin, 'csv', file, true);
    expect(changed(body)).toEqual([expect.objectContaining({ outcome: 'updated', changes: ['GI trademark sources: added 晋城日报 2024-05-01'] })]);
  });

  it('still refuses a status only the workspace sets when it would change the GI', async () => {
    const [header, ...rows] = (await download(s, admin, 'csv')).toString('utf8').split('\r\n');
    const row = rows.find((r) => r.includes('晋城撤回测试蜜'))!;
    expect(row).toContain(',withdrawn,');
    const file = Buffer.from([header, row.replace(',withdrawn,', ',expired,')].join('\r\n'));
    const before = dumpTables(s.db);
    const { body } = await upload(s, admin, 'csv', file, true);
    expect(body.rows[0]).toMatchObject({ outcome: 'error', problems: [expect.objectContaining({ column: expect.stringMatching(/^状态/), en: expect.stringContaining('workspace') })] });
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('the XLSX export’s authorised-user sheet, sent back alone, is no change', async () => {
    const file = await userSheetOf(await download(s, admin, 'xlsx'));
    await expectNoChange(s, admin, 'xlsx', file, 2);
  });
});

describe('protected areas as codes and location precision in the export', () => {
  let s: TestServer;
  let admin: string;
  const SEEDED = ['140521100000', '140521101000', '140521102000', '140521103000', '140521105000', '140521106000',
    '140521201000', '140521202000', '140521204000', '140521205000', '140521206000'].join(';');
  beforeAll(async () => {
    s = await startServer();
    await addAccount(s.db, 'round-admin', 'admin');
    admin = await signIn(s.url, 'round-admin');
  });
  afterAll(() => s.close());

  /** The CSV's header and the 沁水黄小米 agricultural-product GI row. */
  const milletRow = async () => {
    const [header, ...rows] = (await download(s, admin, 'csv')).toString('utf8').split('\r\n');
    return { header, row: rows.find((r) => r.includes('沁水黄小米') && r.includes('agricultural_product'))! };
  };
  const scopeOf = async () => {
    const id = (await send(s.url, 'GET', `/api/products?q=${encodeURIComponent('沁水黄小米')}`)).body.items[0].id;
    const product = (await send(s.url, 'GET', `/api/products/${id}`, undefined, admin)).body;
    return product.designations.find((d: { giType: string }) => d.giType === 'agricultural_product').scope;
  };

  it('writes each GI’s codes in code order and each location’s precision', async () => {
    const { header, row } = await milletRow();
    expect(header).toContain('保护范围代码 scope_codes');
    expect(header).toContain('位置精度 locations');
    expect(row).toContain(`,${SEEDED},`);
    expect(row).toContain('县级 沁水县');
  });

  it('imports changed codes as a change of that GI’s scope, keeping its text', async () => {
    const { header, row } = await milletRow();
    const file = Buffer.from([header, row.replace(SEEDED, `${SEEDED};140521104000`)].join('\r\n'));
    const dry = await upload(s, admin, 'csv', file, true);
    expect(changed(dry.body)).toEqual([expect.objectContaining({ outcome: 'updated', changes: [`Agricultural-product GI scope codes: ${SEEDED} → ${SEEDED.replace('140521103000;', '140521103000;140521104000;')}`] })]);
    const applied = await upload(s, admin, 'csv', file, false);
    expect(applied.status).toBe(201);
    const scope = await scopeOf();
    expect(scope.units).toHaveLength(12);
    expect(scope.text).toMatch(/^沁水县的中村镇/);
    // What the import kept now exports and imports back as no change.
    const again = await download(s, admin, 'csv');
    await expectNoChange(s, admin, 'csv', again, csvRows(again));
  });

  it.each([
    ['an unknown code', '140521999999', /140521999999/],
    ['a code listed twice', '140521104000;140521104000', /repeats/],
    ['a village of another county', '140524100001', /Lingchuan/],
    ['a code that is not 12 digits', '1405211', /12-digit/],
  ])('refuses %s beside the column and changes nothing', async (_, codes, message) => {
    const { header, row } = await milletRow();
    const held = (await scopeOf()).units.map((u: { code: string }) => u.code).join(';');
    const file = Buffer.from([header, row.replace(held, codes)].join('\r\n'));
    const before = dumpTables(s.db);
    const { status, body } = await upload(s, admin, 'csv', file, false);
    expect(status).toBe(400);
    expect(body.report.rows[0]).toMatchObject({ outcome: 'error', problems: [expect.objectContaining({ column: expect.stringMatching(/^保护范围代码/), en: expect.stringMatching(message) })] });
    expect(dumpTables(s.db)).toEqual(before);
  });
});

describe('a dry run', () => {
  let s: TestServer;
  let admin: string;
  beforeAll(async () => {
    s = await startServer();
    await addAccount(s.db, 'round-admin', 'admin');
    admin = await signIn(s.url, 'round-admin');
  });
  afterAll(() => s.close());

  it('of rows that would create, update and move never commits anything to the database file', async () => {
    const exported = (await download(s, admin, 'csv')).toString('utf8');
    const [header, first] = exported.split('\r\n');
    const edited = first.replace(/,granted,|,filed,|,cultivating,/, ',granted,');
    const file = Buffer.from([header, edited, '"",晋城试跑新产品,,food,140521,,agricultural_product,,filed,,,,,2024-05,,,'].join('\r\n'));
    // Once first, so the worker's connection is open and any first-use work is done before counting.
    await upload(s, admin, 'csv', file, true);
    const version = () => s.db.$client.pragma('data_version', { simple: true });
    const before = { version: version(), tables: dumpTables(s.db) };
    const dry = await upload(s, admin, 'csv', file, true);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, applied: false, summary: { created: 1 } });
    // data_version moves when another connection (the import worker's) commits to the file.
    expect(version()).toBe(before.version);
    expect(dumpTables(s.db)).toEqual(before.tables);
    const report = await fetch(`${s.url}/api/import/report.xlsx`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify({ format: 'csv', data: file.toString('base64') }),
    });
    expect(report.status).toBe(200);
    expect(version()).toBe(before.version);
    expect(dumpTables(s.db)).toEqual(before.tables);
  });
});

describe('a GI’s specification and contacts', () => {
  let s: TestServer;
  let admin: string;
  let productId: number;
  let designationId: number;
  const CONTACTS = { managingBody: '晋城规范测试梨协会', managingContact: '0356-7654321', testingBody: '晋城市检验检测中心' };
  const V2020 = { number: 'DB14/T 9001-2020', title: '地理标志产品 晋城规范测试梨', version: '2020版', issuedOn: '2020-06', url: 'https://example.gov.cn/db14/9001-2020.pdf' };
  const V2023 = { number: 'DB14/T 9001-2023', title: '地理标志产品 晋城规范测试梨', issuedOn: '2023-03-01', url: 'https://example.gov.cn/db14/9001-2023.pdf' };

  beforeAll(async () => {
    s = await startServer();
    await addAccount(s.db, 'round-admin', 'admin');
    admin = await signIn(s.url, 'round-admin');
    const product = await send(s.url, 'POST', '/api/products', { nameZh: '晋城规范测试梨', category: 'food', counties: ['140581'], visibility: 'public' }, admin);
    productId = product.body.id;
    designationId = (await send(s.url, 'POST', `/api/products/${productId}/designations`, { giType: 'protected_product', startedOn: '2019', ...CONTACTS }, admin)).body.id;
    for (const v of [V2020, V2023]) expect((await send(s.url, 'POST', `/api/designations/${designationId}/specifications`, v, admin)).status).toBe(201);
  });
  afterAll(() => s.close());

  /** The CSV export's header and rows as cells. */
  const sheet = async () => {
    const [header, ...rows] = parseCsv((await download(s, admin, 'csv')).toString('utf8').replace(/^\uFEFF/, ''));
    return { header, rows };
  };
  /** The pear's row with some cells changed (by key), as a one-row CSV file. */
  const edited = async (cells: Record<string, string>) => {
    const { header, rows } = await sheet();
    const row = [...rows.find((r) => r.includes('晋城规范测试梨'))!];
    for (const [key, value] of Object.entries(cells)) row[header.findIndex((h) => h.endsWith(` ${key}`))] = value;
    const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    return Buffer.from(`\uFEFF${[header, row].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`);
  };
  const versions = async () => ((await send(s.url, 'GET', `/api/products/${productId}`)).body.designations[0].specifications as { number: string; current: boolean; url: string }[]);

  it('exports the contacts and the current version, and an unmodified CSV or XLSX export imports back as no change', async () => {
    const { header, rows } = await sheet();
    const row = rows.find((r) => r.includes('晋城规范测试梨'))!;
    const cell = (key: string) => row[header.findIndex((h) => h.endsWith(` ${key}`))];
    expect([cell('managing_body'), cell('managing_contact'), cell('testing_body')]).toEqual(Object.values(CONTACTS));
    expect([cell('spec_number'), cell('spec_title'), cell('spec_version'), cell('spec_issued_on'), cell('spec_link')])
      .toEqual([V2023.number, V2023.title, '', V2023.issuedOn, V2023.url]);
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await download(s, admin, format);
      await expectNoChange(s, admin, format, file, csvRows(await download(s, admin, 'csv')));
    }
  });

  it('a new number is a new version, which becomes current and then imports back as no change', async () => {
    const file = await edited({ spec_number: 'DB14/T 9001-2025', spec_issued_on: '2025-01', spec_link: 'https://example.gov.cn/db14/9001-2025.pdf' });
    const dry = await upload(s, admin, 'csv', file, true);
    expect(changed(dry.body)).toEqual([expect.objectContaining({ outcome: 'updated', changes: ['GI protected product specification: new version DB14/T 9001-2025 (was DB14/T 9001-2023)'] })]);
    const applied = await upload(s, admin, 'csv', file, false);
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect((await versions()).map((v) => [v.number, v.current])).toEqual([
      ['DB14/T 9001-2025', true], ['DB14/T 9001-2023', false], ['DB14/T 9001-2020', false],
    ]);
    const audit = await send(s.url, 'GET', `/api/audit?entity=designation&id=${designationId}&action=specification_add`, undefined, admin);
    expect(audit.body.total).toBe(3);
    // The same file again names the current version now: no change.
    expect(changed((await upload(s, admin, 'csv', file, true)).body)).toEqual([]);
    const again = await download(s, admin, 'csv');
    await expectNoChange(s, admin, 'csv', again, csvRows(again));
  });

  it('the same number corrects the current version’s link, and a changed contact is a change of the GI', async () => {
    const file = await edited({ spec_link: 'https://example.gov.cn/db14/9001-2025-corrected.pdf', testing_body: '山西省检验检测中心' });
    const applied = await upload(s, admin, 'csv', file, false);
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    expect(applied.body.rows[0].changes.map((c: { en: string }) => c.en)).toEqual([
      'GI protected product testing body: 晋城市检验检测中心 → 山西省检验检测中心',
      'GI protected product specification link: https://example.gov.cn/db14/9001-2025.pdf → https://example.gov.cn/db14/9001-2025-corrected.pdf',
    ]);
    const held = await versions();
    expect(held).toHaveLength(3);
    expect(held[0]).toMatchObject({ number: 'DB14/T 9001-2025', current: true, url: 'https://example.gov.cn/db14/9001-2025-corrected.pdf' });
  });

  it.each([
    ['a link that is not http(s)', { spec_link: 'javascript:alert(1)' }, /^质量技术要求链接/, /web address/],
    ['a new version dated before the current one', { spec_number: 'DB14/T 9001-2024', spec_issued_on: '2024-06' }, /^质量技术要求发布日期/, /before the current version/],
    ['a new version without a date', { spec_number: 'DB14/T 9001-2026', spec_issued_on: '' }, /^质量技术要求发布日期/, /needs its date/],
    ['an earlier version’s number', { spec_number: 'DB14/T 9001-2020', spec_version: '2020版' }, /^质量技术要求编号/, /earlier version/],
  ])('refuses %s beside its column and changes nothing', async (_, cells, column, message) => {
    const file = await edited(cells);
    const before = dumpTables(s.db);
    const { status, body } = await upload(s, admin, 'csv', file, false);
    expect(status).toBe(400);
    expect(body.report.rows[0]).toMatchObject({ outcome: 'error', problems: [expect.objectContaining({ column: expect.stringMatching(column), en: expect.stringMatching(message) })] });
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('a new product’s row with a specification and contacts creates them', async () => {
    const { header } = await sheet();
    const row = header.map((h) => {
      const key = h.split(' ').at(-1)!;
      return ({ product_zh: '晋城规范新产品', category: 'food', county_adcodes: '140581', gi_type: 'protected_product', managing_body: '晋城新产品协会',
        spec_number: 'DB14/T 9100-2022', spec_title: '地理标志产品 晋城规范新产品', spec_issued_on: '2022-12-30' } as Record<string, string>)[key] ?? '';
    });
    const applied = await upload(s, admin, 'csv', Buffer.from(`\uFEFF${header.join(',')}\r\n${row.join(',')}\r\n`), false);
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const id = applied.body.rows[0].productId;
    const d = (await send(s.url, 'GET', `/api/products/${id}`, undefined, admin)).body.designations[0];
    expect(d).toMatchObject({ managingBody: '晋城新产品协会', specifications: [expect.objectContaining({ number: 'DB14/T 9100-2022', issuedOn: '2022-12-30', current: true })] });
  });
});
