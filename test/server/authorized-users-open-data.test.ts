/**
 * Authorised users in the open data: the XLSX export's "用标企业 / Authorised users" sheet (public
 * products only, labels and real dates, and it imports back unchanged), the Atom feed's entry for a new
 * user (no drafts, no account names), and the static copy's verification index, which answers every
 * query as GET /api/verify does (the same shared rule, db/model/verify-match.ts).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai, verifyInIndex, type ImportReport, type VerifyIndex } from '../../db/model';
import { buildStaticSite } from '../../server/cli/build-static';
import { USER_COLUMNS, USER_KEYS } from '../../server/exchange/sheets/user-columns';
import { PAGE_TITLES } from '../../server/static';
import { startServer, type TestServer } from '../support/server';
import { addAccount, creditCode, send, signIn } from './fixtures';

/** The authorised-user sheet's columns, in the export's order, and a header cell as the export writes it. */
const AUTHORIZED_USER_EXPORT_COLUMNS = USER_KEYS.map((key) => [key] as const);
const headerOf = ([key, label]: readonly [string, string]) => `${label} ${key}`;

let s: TestServer;
let official: string;
let work: string;
const today = todayInShanghai();
const CODE_PUBLIC = creditCode('91140521MA0KDATA1');
const CODE_EXPIRED = creditCode('91140521MA0KDATA2');
const CODE_DRAFT = creditCode('91140521MA0KDATA3');

async function grantedDesignation(body: object) {
  const product = await send(s.url, 'POST', '/api/products', { category: 'food', counties: ['140521'], ...body }, official);
  const d = await send(s.url, 'POST', `/api/products/${product.body.id}/designations`, { giType: 'agricultural_product', startedOn: '2015-01-01' }, official);
  for (const [to, on] of [['filed', '2016'], ['granted', '2017-05-20']]) {
    expect((await send(s.url, 'POST', `/api/designations/${d.body.id}/transitions`, { to, on, note: '', confirmIncomplete: true }, official)).status).toBe(201);
  }
  return d.body.id as number;
}
const addUser = async (designationId: number, body: object) => {
  const res = await send(s.url, 'POST', `/api/designations/${designationId}/authorized-users`, { basis: 'approved_producer', ...body }, official);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
};

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qs-open-users', 'official', '140521');
  official = await signIn(s.url, 'qs-open-users');
  const pub = await grantedDesignation({ nameZh: '开放用标小米', nameEn: 'Open-data millet', visibility: 'public' });
  const draft = await grantedDesignation({ nameZh: '开放用标草稿' });
  await addUser(pub, { name: '沁水县开放米业有限公司', creditCode: CODE_PUBLIC, reference: '公告第9号', from: '2024-04-01' });
  await addUser(pub, { name: '沁水县旧米业有限公司', creditCode: CODE_EXPIRED, from: '2019-01-01', until: '2020-12-31' });
  await addUser(draft, { name: '沁水县草稿米业有限公司', creditCode: CODE_DRAFT, from: '2024-04-01' });
  work = mkdtempSync(join(tmpdir(), 'gi-open-users-'));
});
afterAll(async () => {
  await s?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the XLSX export', () => {
  it('has the authorised users of public products, with labels and real dates, and the sheet imports back unchanged', async () => {
    const res = await fetch(`${s.url}/api/export/products.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.getWorksheet('用标企业 Authorised users')!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header).toEqual(AUTHORIZED_USER_EXPORT_COLUMNS.map(([key]) => headerOf([key, USER_COLUMNS[key].zh])));
    const rows: ExcelJS.CellValue[][] = [];
    sheet.eachRow((row, n) => { if (n > 1) rows.push((row.values as ExcelJS.CellValue[]).slice(1)); });
    const col = (key: string) => AUTHORIZED_USER_EXPORT_COLUMNS.findIndex(([k]) => k === key);
    const mine = rows.find((r) => r[col('credit_code')] === CODE_PUBLIC)!;
    expect(mine[col('product_zh')]).toBe('开放用标小米');
    expect(mine[col('user_name')]).toBe('沁水县开放米业有限公司');
    expect(mine[col('basis')]).toBe('核准使用的生产者');
    expect(mine[col('status')]).toBe('有效');
    expect(mine[col('from')]).toEqual(new Date(Date.UTC(2024, 3, 1)));
    expect(rows.some((r) => r[col('credit_code')] === CODE_EXPIRED)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('草稿');

    // The sheet alone, as an office would send it back: every row names its GI and changes nothing.
    const back = new ExcelJS.Workbook();
    const copy = back.addWorksheet('用标企业');
    sheet.eachRow((row) => { copy.addRow((row.values as ExcelJS.CellValue[]).slice(1)); });
    const data = Buffer.from(await back.xlsx.writeBuffer()).toString('base64');
    const report = (await send(s.url, 'POST', '/api/import?dryRun=1', { format: 'xlsx', data }, official)).body as ImportReport;
    expect(report.summary).toEqual({ created: 0, updated: 0, unchanged: rows.length, errors: 0 });
    expect(report.unknownColumns).toEqual([]);
  });
});

describe('the Atom feed', () => {
  it('has an entry for each new authorised user of a public product, newest first, and none for a draft’s', async () => {
    const xml = await (await fetch(`${s.url}/api/feed.atom`)).text();
    const feed = parseFeed(xml);
    const users = feed.items.filter((i) => i.title?.includes('新增用标企业'));
    expect(users.map((i) => i.title)).toEqual([
      '开放用标小米：新增用标企业 沁水县旧米业有限公司', '开放用标小米：新增用标企业 沁水县开放米业有限公司',
    ]);
    expect(users[1].description ?? users[1].content).toContain('沁水县开放米业有限公司获准使用开放用标小米（沁水县）的农产品地理标志专用标志（核准使用的生产者，自 2024-04-01 起）');
    expect(users[1].description ?? users[1].content).toContain('may now use the official mark');
    expect(users[1].url).toMatch(/\/products\/\d+$/);
    expect(xml).not.toContain('草稿米业');
    expect(xml).not.toContain('qs-open-users');
  });
});

describe('the static copy’s verification', () => {
  it('writes an index of public products’ users that answers every query as the live server does', async () => {
    const client = join(work, 'client');
    mkdirSync(client, { recursive: true });
    writeFileSync(join(client, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>t</title></head><body></body></html>');
    const out = join(work, 'site');
    await buildStaticSite(s.db, out, { clientDir: client, config: s.config, today });
    expect(readFileSync(join(out, 'verify/index.html'), 'utf8')).toContain(`<title>${PAGE_TITLES.verify.zh}</title>`);
    const index = JSON.parse(readFileSync(join(out, 'api/verify.json'), 'utf8')) as VerifyIndex;
    expect(index.entries.map((e) => e.creditCode).sort()).toEqual([CODE_EXPIRED, CODE_PUBLIC].sort());
    for (const q of ['米业', '开放米业', ` ${CODE_PUBLIC.toLowerCase().slice(0, 6)} ${CODE_PUBLIC.toLowerCase().slice(6)}`, CODE_DRAFT, '草稿米业', '没有这家公司', 'ＭＡ０']) {
      const live = await send(s.url, 'GET', `/api/verify?${new URLSearchParams({ q })}`);
      expect(live.status).toBe(200);
      expect(verifyInIndex(index, q.trim(), today), q).toEqual(live.body);
    }
  });
});
