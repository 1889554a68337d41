/**
 * A conversion seen by everything that repeats the tally: the annual report (its JSON, the .docx and
 * the .xlsx, in both languages) and the static copy (tally, series and reports) agree with the live
 * tally on both sides of the conversion's date, counting every GI once.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GI_TYPES, LABELS, REPORT_WORDS, Tally, todayInShanghai, type AnnualReport, type GiType } from '../../db/model';
import { staticFileOf } from '../../client/lib/static-api';
import { buildStaticSite } from '../../server/cli/build-static';
import { call, startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

let s: TestServer;
let official: string;
const CONVERTED_ON = '2024-09-01';

const tally = async (asOf: string) => Tally.parse((await call(`${s.url}/api/tally?period=1&asOf=${asOf}`)).body);
const report = async (year: number) => {
  const res = await send(s.url, 'GET', `/api/reports/annual?year=${year}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as AnnualReport;
};
const bytesOf = async (path: string) => Buffer.from(await (await fetch(`${s.url}${path}`)).arrayBuffer());
const counted = (x: { giType: GiType; inForce: number; converted: number; fromConversion: number; towardTarget: number }) =>
  [x.giType, x.inForce, x.converted, x.fromConversion, x.towardTarget];

/** The text of each row of each table of a .docx, cell by cell. */
async function docxRows(bytes: Buffer): Promise<{ xml: string; rows: string[][] }> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  const text = (part: string) => [...part.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return { xml, rows: [...xml.matchAll(/<w:tr\b[\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc\b[\s\S]*?<\/w:tc>/g)].map((c) => text(c[0]))) };
}

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qs-conv-report', 'official', '140521');
  official = await signIn(s.url, 'qs-conv-report');
  const agi = s.db.$client.prepare(`SELECT d.id FROM designations d JOIN products p ON p.id = d.product_id
    WHERE p.name_zh = '沁水黄小米' AND d.gi_type = 'agricultural_product'`).pluck().get() as number;
  const res = await send(s.url, 'POST', `/api/designations/${agi}/conversion`, { on: CONVERTED_ON, announcement: '第646号' }, official);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}, 30_000);
afterAll(() => s.close());

describe('the annual report on both sides of the conversion', () => {
  it.each([2023, 2024])('%i: its totals are the tally’s at the year end, the conversion counted once', async (year) => {
    const [r, t] = await Promise.all([report(year), tally(`${year}-12-31`)]);
    expect(r.totals.map(counted)).toEqual(t.types.map(counted));
    const agi = r.totals.find((x) => x.giType === 'agricultural_product')!;
    const pgi = r.totals.find((x) => x.giType === 'protected_product')!;
    expect([agi.converted, pgi.fromConversion]).toEqual(year < 2024 ? [0, 0] : [1, 1]);
    // Converted AGIs stay read against the AGI target; converted protected products do not count toward theirs.
    expect(agi.towardTarget).toBe(agi.inForce + agi.converted);
    expect(pgi.towardTarget).toBe(pgi.inForce - pgi.fromConversion);
  });

  it('moves the one GI from a type to the other between the two years, and nothing else', async () => {
    const [before, after] = await Promise.all([report(2023), report(2024)]);
    const total = (r: AnnualReport) => r.totals.reduce((n, x) => n + x.inForce, 0);
    const grantedIn2024 = after.newInYear.grants.filter((g) => g.on.startsWith('2024')).length;
    const agiOf = (r: AnnualReport) => r.totals.find((x) => x.giType === 'agricultural_product')!.inForce;
    // The AGI leaves the in-force AGIs; the city's total grows only by new grants other than the conversion.
    expect(agiOf(after)).toBe(agiOf(before) - 1);
    expect(total(after) - total(before)).toBe(grantedIn2024 - after.newInYear.grants.filter((g) => g.giType === 'protected_product' && g.on === CONVERTED_ON).length);
  });

  it.each(['zh', 'en'] as const)('the .docx and .xlsx (%s) show the same counts and say how conversions count', async (lang) => {
    for (const year of [2023, 2024]) {
      const r = await report(year);
      const w = REPORT_WORDS[lang];
      const expected = r.totals.map((x) => [LABELS.giType[x.giType][lang], x.inForce, x.converted, x.fromConversion, x.towardTarget].map(String));
      const { xml, rows } = await docxRows(await bytesOf(`/api/reports/annual.docx?year=${year}&lang=${lang}`));
      const header = rows.find((row) => row[0] === w.col.giType && row.includes(w.col.converted))!;
      expect(header.slice(0, 5)).toEqual([w.col.giType, w.col.inForce, w.col.converted, w.col.fromConversion, w.col.towardTarget]);
      for (const line of expected) expect(rows.some((row) => JSON.stringify(row.slice(0, 5)) === JSON.stringify(line)), `${year} ${line}`).toBe(true);
      expect(xml).toContain(lang === 'zh' ? '转换不重复计数' : 'Conversions are not counted twice');

      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await bytesOf(`/api/reports/annual.xlsx?year=${year}&lang=${lang}`) as unknown as ArrayBuffer);
      const sheet = book.getWorksheet(w.sheet.totals)!;
      const values = sheet.getSheetValues().slice(1).map((row) => (Array.isArray(row) ? row.slice(1, 6).map(String) : []));
      expect(values[0]).toEqual([w.col.giType, w.col.inForce, w.col.converted, w.col.fromConversion, w.col.towardTarget]);
      expect(values.slice(1, 1 + GI_TYPES.length)).toEqual(expected);
      expect(values.flat().join(' ')).toContain(lang === 'zh' ? '转换不重复计数' : 'Conversions are not counted twice');
    }
  });
});

describe('the static copy after the conversion', () => {
  it('serves the same tally, series and reports as the live server on both sides of the date', async () => {
    const work = mkdtempSync(join(tmpdir(), 'gi-conv-static-'));
    try {
      const client = join(work, 'client');
      mkdirSync(client);
      writeFileSync(join(client, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>t</title></head><body></body></html>');
      const out = join(work, 'site');
      await buildStaticSite(s.db, out, { clientDir: client, config: s.config, today: todayInShanghai() });
      const copyOf = (path: string) => readFileSync(join(out, staticFileOf(path)!.slice(1)), 'utf8');
      for (const path of ['/api/tally?period=1', '/api/tally/series?period=1&step=month', '/api/reports/annual?year=2023', '/api/reports/annual?year=2024']) {
        expect(JSON.parse(copyOf(path)), path).toEqual((await call(`${s.url}${path}`)).body);
      }
      // The series in the copy has the AGI in force before the month of the conversion and converted after it.
      const series = JSON.parse(copyOf('/api/tally/series?period=1&step=month')) as { points: { on: string; inForce: Record<GiType, number>; converted: Record<GiType, number> }[] };
      const at = (on: string) => series.points.find((p) => p.on === on)!;
      expect(at('2024-08-31').converted.agricultural_product).toBe(0);
      expect(at('2024-09-30').converted.agricultural_product).toBe(1);
      expect(at('2024-09-30').inForce.agricultural_product).toBe(at('2024-08-31').inForce.agricultural_product - 1);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the export after the conversion', () => {
  it('writes the converted GI as converted and the 地理标志产品 it became, and imports back as no change', async () => {
    const res = await fetch(`${s.url}/api/export/products.csv`, { headers: { cookie: official } });
    expect(res.status).toBe(200);
    const csv = Buffer.from(await res.arrayBuffer());
    const text = csv.toString('utf8');
    const rows = text.split(/\r?\n/).filter((line) => line.includes('沁水黄小米'));
    // The main sheet writes codes (the import reads them back): the AGI row is `converted`, the new row granted on the day.
    expect(rows.some((line) => line.includes(',agricultural_product,,converted,'))).toBe(true);
    expect(rows.some((line) => line.includes(',protected_product,,granted,') && line.includes('第646号') && line.includes(CONVERTED_ON))).toBe(true);
    const dry = await send(s.url, 'POST', '/api/import?dryRun=1', { format: 'csv', data: csv.toString('base64') }, official);
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.rows.filter((r: { outcome: string }) => r.outcome !== 'unchanged')).toEqual([]);
  });
});
