/**
 * The annual report over HTTP on the seeded registry: its numbers equal the tally replayed at each
 * year end, what was new in the year follows the dates as known (a grant known as `2020` is new in
 * 2020 and in force on 2020-12-31, not before), the .docx opens and holds the year's totals and new
 * grants, the .xlsx re-reads with exceljs (day-precise dates as date cells only), the issuer is an
 * admin's audited setting, and a static copy holds every year's report.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEvent, GI_TYPES, LABELS, percent, REPORT_WORDS, todayInShanghai, type AnnualReport, type Tally } from '../../db/model';
import { staticFileOf } from '../../client/lib/static-api';
import { buildStaticSite } from '../../server/cli/build-static';
import { pageAnswer } from '../../server/static';
import { startServer, type TestServer } from '../support/server';
import { addAccount, creditCode, dumpTables, send, signIn } from './fixtures';

let s: TestServer;
let admin: string;
let official: string;
const today = todayInShanghai();
const currentYear = Number(today.slice(0, 4));

const report = async (year: number | string, extra = '') => {
  const res = await send(s.url, 'GET', `/api/reports/annual?year=${year}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as AnnualReport;
};
const tally = async (asOf: string, period?: number) =>
  (await send(s.url, 'GET', `/api/tally?asOf=${asOf}${period ? `&period=${period}` : ''}`)).body as Tally;
const download = async (path: string) => {
  const res = await fetch(`${s.url}${path}`);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
};

/** The text of each row of each table of a .docx, cell by cell. */
async function docxTables(bytes: Buffer): Promise<{ xml: string; rows: string[][]; zip: JSZip }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = (part: string) => [...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const rows = [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc\b[\s\S]*?<\/w:tc>/g)].map((c) => text(c[0])));
  return { xml, rows, zip };
}

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city-report', 'admin');
  await addAccount(s.db, 'qs-report', 'official', '140521');
  admin = await signIn(s.url, 'city-report');
  official = await signIn(s.url, 'qs-report');
  // A trademark filed in June 2019 and granted in 2020 (known only to the year), due for renewal in 2021.
  const product = await send(s.url, 'POST', '/api/products', { nameZh: '年报测试商标', nameEn: 'Report test mark', category: 'food', counties: ['140521'], visibility: 'public' }, official);
  expect(product.status).toBe(201);
  const d = await send(s.url, 'POST', `/api/products/${product.body.id}/designations`,
    { giType: 'trademark', markKind: 'collective', number: 'TM-TEST-2020', startedOn: '2019' }, official);
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  for (const move of [{ to: 'filed', on: '2019-06', confirmIncomplete: true }, { to: 'granted', on: '2020' }]) {
    expect((await send(s.url, 'POST', `/api/designations/${d.body.id}/transitions`, { note: '', ...move }, official)).status).toBe(201);
  }
  expect((await send(s.url, 'PATCH', `/api/designations/${d.body.id}`, { validUntil: '2021-05-31' }, official)).status).toBe(200);
  // Authorised users from 2021 and 2023 (one suspended), and industry figures for 2021.
  const users = [
    { name: '年报测试用标一公司', creditCode: creditCode('91140521MA0RPT011'), basis: 'collective_member', reference: '备案第1号', from: '2021-03-01' },
    { name: '年报测试用标二公司', creditCode: creditCode('91140521MA0RPT022'), basis: 'collective_member', from: '2023-07-01', status: 'suspended' },
  ];
  for (const u of users) expect((await send(s.url, 'POST', `/api/designations/${d.body.id}/authorized-users`, u, official)).status).toBe(201);
  expect((await send(s.url, 'PUT', `/api/products/${product.body.id}/figures`, [{ year: 2021, households: 300, areaMu: 1200.5 }], official)).status).toBe(200);
}, 30_000);
afterAll(() => s.close());

describe('the report’s numbers are the tally’s at the year end', () => {
  it.each([2006, 2013, 2016, 2020, 2021, 2023, 2025, currentYear])('%i', async (year) => {
    const r = await report(year);
    expect(r.asOf).toBe(year < currentYear ? `${year}-12-31` : today);
    expect(r.complete).toBe(year < currentYear);
    expect(r.firstYear).toBe(2006);
    const t = await tally(r.asOf, r.period?.id);
    for (const [i, total] of r.totals.entries()) {
      const x = t.types[i];
      expect(total.giType).toBe(x.giType);
      expect(total.inForce, `${year} ${x.giType}`).toBe(x.inForce);
      if (r.period) expect({ ...total, newInYear: 0, filedInYear: 0 }).toEqual({ ...x, pipeline: undefined, newInYear: 0, filedInYear: 0 });
    }
    for (const [i, c] of r.byCounty.entries()) {
      expect(c.code).toBe(t.counties[i].code);
      expect(c.inForce).toEqual(Object.fromEntries(t.counties[i].types.map((x) => [x.giType, x.inForce])));
      expect(c.authorizedUsers).toBe(t.counties[i].authorizedUsers);
    }
    expect([r.productsInForce, r.households, r.authorizedUsersInForce, r.latestHouseholds])
      .toEqual([t.productsInForce, t.households, t.authorizedUsers, t.latestHouseholds]);
  });

  it('what the year added is the change in force from the year before (the seeded registry revokes nothing)', async () => {
    let previous = await report(2005);
    expect(previous.totals.every((x) => x.inForce === 0)).toBe(true);
    for (let year = 2006; year <= 2025; year++) {
      const r = await report(year);
      for (const [i, x] of r.totals.entries()) expect(x.inForce - previous.totals[i].inForce, `${year} ${x.giType}`).toBe(x.newInYear);
      expect(r.totals.reduce((n, x) => n + x.newInYear, 0)).toBe(r.newInYear.grants.length);
      const byCounty = r.byCounty.reduce((n, c) => n + c.newGrants, 0);
      expect(byCounty).toBe(r.newInYear.grants.reduce((n, g) => n + g.counties.length, 0));
      previous = r;
    }
  });

  it('measures against the period containing the year end, else the latest started, else none', async () => {
    expect((await report(2020)).period).toBeNull();
    const r2023 = await report(2023);
    expect(r2023.period?.name).toBe('十四五');
    expect(r2023.totals.find((x) => x.giType === 'trademark')).toMatchObject({ target: 10, baseline: 4 });
    expect((await report(currentYear)).period?.name).toBe('十四五'); // no later period: the latest that started
  });
});

describe('new in the year, by the dates as known', () => {
  it('a grant known as 2020 is new in 2020, in force on 2020-12-31 and not on 2020-12-30', async () => {
    const r2020 = await report(2020);
    const mine = r2020.newInYear.grants.find((g) => g.productZh === '年报测试商标');
    expect(mine).toMatchObject({ on: '2020', number: 'TM-TEST-2020', giType: 'trademark', markKind: 'collective', counties: ['140521'] });
    expect(r2020.newInYear.grants.map((g) => g.productZh)).toEqual(['高平大黄梨', '沁水蜂蜜', '陵川潞党参', '陵川连翘', '年报测试商标']);
    expect(r2020.totals.find((x) => x.giType === 'trademark')).toMatchObject({ inForce: 5, newInYear: 5 });
    expect((await tally('2020-12-31')).types.find((x) => x.giType === 'trademark')!.inForce).toBe(5);
    expect((await tally('2020-12-30')).types.find((x) => x.giType === 'trademark')!.inForce).toBe(1);
    expect(r2020.byCounty.find((c) => c.code === '140521')!.newGrants).toBe(2);
  });

  it('its filing (2019-06) is new in 2019, its grant is not; its renewal (2021-05-31) is due in the 2020 report', async () => {
    const r2019 = await report(2019);
    expect(r2019.newInYear.filings).toEqual([expect.objectContaining({ productZh: '年报测试商标', on: '2019-06', number: 'TM-TEST-2020' })]);
    expect(r2019.newInYear.grants).toEqual([]);
    expect((await report(2020)).renewalsDueNextYear).toEqual([expect.objectContaining({ nameZh: '年报测试商标', validUntil: '2021-05-31', number: 'TM-TEST-2020' })]);
    expect((await report(2021)).renewalsDueNextYear).toEqual([]);
  });

  it('authorised users are new in the year they start; figures are summed for the year', async () => {
    const r2021 = await report(2021);
    expect(r2021.newInYear.authorizedUsers).toEqual([expect.objectContaining({
      name: '年报测试用标一公司', productZh: '年报测试商标', giType: 'trademark', from: '2021-03-01', reference: '备案第1号', status: 'active',
    })]);
    expect(r2021.authorizedUsersInForce).toBe(1);
    expect(r2021.figures).toEqual({ year: 2021, products: 1, households: 300, areaMu: 1200.5, outputTonnes: null, valueWanYuan: null });
    const r2023 = await report(2023);
    expect(r2023.newInYear.authorizedUsers.map((u) => [u.name, u.status])).toEqual([['年报测试用标二公司', 'suspended']]);
    expect(r2023.authorizedUsersInForce).toBe(1); // the suspended one is not in force
    expect((await report(2025)).figures).toMatchObject({ year: 2025, products: 2, households: 9000, areaMu: 87000 });
  });
});

describe('years and answers', () => {
  it.each([
    ['a year after this one', `year=${currentYear + 1}`, String(currentYear)],
    ['a year before 1949', 'year=1948', '1949'],
    ['no year', '', 'year'],
    ['not a number', 'year=twenty', 'year'],
    ['an unknown parameter', 'year=2020&format=pdf', 'format'],
    ['an unknown language', 'year=2020&lang=fr', 'lang'],
  ])('%s is a 400 that says why', async (_name, query, mention) => {
    for (const path of ['/api/reports/annual', '/api/reports/annual.docx', '/api/reports/annual.xlsx']) {
      const res = await send(s.url, 'GET', `${path}?${query}`);
      expect(res.status, path).toBe(400);
      expect(JSON.stringify(res.body.error), path).toContain(mention);
    }
  });

  it('the page path is a page of the app with its own title (not the not-found view)', () => {
    expect(pageAnswer('/reports/annual', 'zh', () => null)).toEqual({ status: 200, title: '地理标志工作年度报告 · 晋城地理标志' });
    expect(pageAnswer('/reports/annual/', 'en', () => null)).toEqual({ status: 200, title: 'GI annual report · Jincheng GI' });
    expect(pageAnswer('/reports/monthly', 'zh', () => null).status).toBe(404);
  });

  it('the current year is reported as of today; the report is open data (CORS) and cached with an ETag', async () => {
    const res = await fetch(`${s.url}/api/reports/annual?year=${currentYear}`);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await fetch(`${s.url}/api/reports/annual?year=${currentYear}`, { headers: { 'if-none-match': etag! } })).status).toBe(304);
    const body = (await res.json()) as AnnualReport;
    expect([body.asOf, body.issuedOn, body.complete]).toEqual([today, today, false]);
    expect((await fetch(`${s.url}/api/reports/annual.docx?year=2020`)).headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${s.url}/api/report-settings`)).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the Word file', () => {
  it('opens, and holds the title, issuer, the year’s totals as a table and the new grants with their numbers (Chinese)', async () => {
    const json = await report(2020);
    const { res, bytes } = await download('/api/reports/annual.docx?year=2020');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml.document');
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toContain('晋城市地理标志工作年度报告（2020年）.docx');
    const { xml, rows, zip } = await docxTables(bytes);
    expect(xml).toContain('晋城市地理标志工作年度报告（2020年）');
    expect(xml).toContain('晋城市市场监督管理局（知识产权局）');
    expect(xml).toContain('统计截至 2020年12月31日');
    for (const x of json.totals) {
      const row = rows.find((r) => r[0] === LABELS.giType[x.giType].zh);
      expect(row, x.giType).toEqual([LABELS.giType[x.giType].zh, ...[x.inForce, x.converted, x.fromConversion, x.towardTarget, x.target, x.baseline].map(String), percent(x.progress),
        ...[x.remaining, x.newInYear, x.filedInYear].map(String)]);
    }
    expect(rows).toContainEqual(['陵川潞党参', '陵川县', '地理标志商标（证明商标）', '25806794', '2020年']);
    expect(rows).toContainEqual(['高平大黄梨', '高平市', '地理标志商标（证明商标）', '—', '2020-10-28']);
    expect(rows).toContainEqual(['年报测试商标', '沁水县', '地理标志商标（集体商标）', 'TM-TEST-2020', '2020年']);
    // Headers repeat on each page, rows never split, headings keep with their tables, page numbers in the footer, 宋体.
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:eastAsia="SimSun"/);
    expect(styles).toMatch(/<w:style [^>]*w:styleId="Heading1"[\s\S]*?<w:keepNext\/>/);
    const footers = await Promise.all(zip.file(/word\/footer\d*\.xml/).map((f) => f.async('string')));
    expect(footers.join('')).toContain('PAGE');
  });

  it('in English, with the issuer an admin set', async () => {
    const { rows, xml } = await docxTables((await download('/api/reports/annual.docx?year=2025&lang=en')).bytes);
    const json = await report(2025);
    expect(xml).toContain('Jincheng geographical indications: annual report 2025');
    const trademark = json.totals.find((x) => x.giType === 'trademark')!;
    expect(rows).toContainEqual(['GI trademark', String(trademark.inForce), '0', '0', String(trademark.towardTarget), '10', '4', percent(trademark.progress), String(trademark.remaining), '0', '0']);
    const gaoping = json.byCounty.find((c) => c.code === '140581')!;
    expect(rows).toContainEqual([gaoping.nameEn, ...GI_TYPES.map((g) => String(gaoping.inForce[g])), String(gaoping.newGrants), String(gaoping.authorizedUsers)]);
  });
});

describe('the Excel file', () => {
  it('re-reads with exceljs: a sheet per section, frozen headers, date cells only for dates known to the day', async () => {
    const { res, bytes } = await download('/api/reports/annual.xlsx?year=2020');
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const names = REPORT_WORDS.zh.sheet;
    expect(book.worksheets.map((w) => w.name)).toEqual(Object.values(names));
    const totals = book.getWorksheet(names.totals)!;
    expect(totals.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const json = await report(2020);
    GI_TYPES.forEach((g, i) => {
      const values = Array.from({ length: 11 }, (_, k) => totals.getRow(i + 2).getCell(k + 1).value);
      const x = json.totals[i];
      expect(values).toEqual([LABELS.giType[g].zh, x.inForce, x.converted, x.fromConversion, x.towardTarget, x.target, x.baseline, x.progress,
        x.remaining, x.newInYear, x.filedInYear]);
    });
    const grants = book.getWorksheet(names.grants)!;
    const rowOf = (name: string) => grants.getRows(2, grants.rowCount - 1)!.find((r) => r.getCell(1).value === name)!;
    expect(rowOf('高平大黄梨').getCell(5).value).toEqual(new Date('2020-10-28T00:00:00Z'));
    expect(rowOf('沁水蜂蜜').getCell(5).value).toBe('2020年');
    expect(rowOf('陵川潞党参').getCell(4).value).toBe('25806794');
    const renewals = book.getWorksheet(names.renewals)!;
    expect(renewals.getRow(2).getCell(3).value).toEqual(new Date('2021-05-31T00:00:00Z'));
  });
});

describe('who issues it', () => {
  it('admins read and change it (audited); officials 403, the public 401; bad input 400 and nothing changes', async () => {
    expect((await send(s.url, 'GET', '/api/report-settings')).status).toBe(401);
    expect((await send(s.url, 'GET', '/api/report-settings', undefined, official)).status).toBe(403);
    expect((await send(s.url, 'GET', '/api/report-settings', undefined, admin)).body).toEqual({
      issuerZh: '晋城市市场监督管理局（知识产权局）', issuerEn: 'Jincheng Administration for Market Regulation (Intellectual Property Office)',
      version: expect.any(String),
    });
    const before = dumpTables(s.db);
    const good = { issuerZh: '晋城市知识产权局', issuerEn: 'Jincheng IP Office' };
    expect((await send(s.url, 'PUT', '/api/report-settings', good, official)).status).toBe(403);
    expect((await send(s.url, 'PUT', '/api/report-settings', good)).status).toBe(401);
    for (const bad of [{ issuerZh: '', issuerEn: 'x' }, { issuerZh: '甲' }, { ...good, extra: 1 }, { issuerZh: 'a\u202eb', issuerEn: 'x' }, { issuerZh: 'x'.repeat(201), issuerEn: 'x' }]) {
      expect((await send(s.url, 'PUT', '/api/report-settings', bad, admin)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await send(s.url, 'PUT', '/api/report-settings', good, admin, { origin: 'https://evil.example' })).status).toBe(403);
    expect(dumpTables(s.db)).toEqual(before);

    const saved = await send(s.url, 'PUT', '/api/report-settings', { issuerZh: ' 晋城市知识产权局 ', issuerEn: 'Jincheng IP Office' }, admin);
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ ...good, version: expect.any(String) });
    const history = await send(s.url, 'GET', '/api/audit?entity=report_settings', undefined, admin);
    expect(history.body.items[0]).toMatchObject({ action: 'update', entity: 'report_settings', user: 'city-report', after: good });
    expect(history.body.items[0].before.issuerZh).toBe('晋城市市场监督管理局（知识产权局）');
    const told = describeAuditEvent(history.body.items[0], 'zh', { counties: {} });
    expect(told).toEqual({ summary: '修改年度报告发布单位', changes: [
      '发布单位（中文）：晋城市市场监督管理局（知识产权局） → 晋城市知识产权局',
      '发布单位（英文）：Jincheng Administration for Market Regulation (Intellectual Property Office) → Jincheng IP Office',
    ] });
    expect(describeAuditEvent(history.body.items[0], 'en', { counties: {} }).summary).toBe('Changed the issuer of the annual report');
    expect((await report(2024)).issuer).toEqual({ zh: good.issuerZh, en: good.issuerEn });
    const { xml } = await docxTables((await download('/api/reports/annual.docx?year=2024')).bytes);
    expect(xml).toContain('发布单位：晋城市知识产权局');
  });
});

describe('a static copy', () => {
  it('holds every year’s report from the first recorded fact (2006) to this year, as the live server answers it', async () => {
    const work = mkdtempSync(join(tmpdir(), 'gi-report-static-'));
    try {
      const client = join(work, 'client');
      mkdirSync(client);
      writeFileSync(join(client, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>t</title></head><body></body></html>');
      const out = join(work, 'site');
      await buildStaticSite(s.db, out, { clientDir: client, config: s.config, today });
      expect(existsSync(join(out, 'api/reports/annual/2005.json'))).toBe(false);
      for (let year = 2006; year <= currentYear; year++) expect(existsSync(join(out, `api/reports/annual/${year}.json`)), String(year)).toBe(true);
      const live = await (await fetch(`${s.url}/api/reports/annual?year=2020`)).text();
      expect(readFileSync(join(out, staticFileOf('/api/reports/annual?year=2020')!.slice(1)), 'utf8')).toBe(live);
      const docx = readFileSync(join(out, staticFileOf('/api/reports/annual.docx?year=2020&lang=en')!.slice(1)));
      expect((await docxTables(docx)).xml).toContain('annual report 2020');
      expect(existsSync(join(out, staticFileOf('/api/reports/annual.xlsx?year=2020')!.slice(1)))).toBe(true);
      expect(readFileSync(join(out, 'reports/annual/index.html'), 'utf8')).toContain('<meta name="gi-static"');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);
});
