/**
 * Plan periods that follow the calendar, over HTTP on the seeded registry with the app's clock on 2026-12-05
 * (Asia/Shanghai): the seeded 十四五 ended on 2025-12-31, so the tally says so and shows its end; the next
 * period added with the baselines the workspace prefills (the tally at 十四五's end) becomes the default; the
 * English names reach the English annual report (Word and Excel) and the history in English.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEvent, Period, Tally, type AuditEvent } from '../../db/model';
import { call } from '../support/server';
import { addAccount, dumpTables, send, signIn, startWithClock } from './fixtures';

let s: Awaited<ReturnType<typeof startWithClock>>;
let admin: string;
beforeAll(async () => {
  s = await startWithClock(new Date('2026-12-05T04:00:00Z')); // 12:00 in Shanghai
  await addAccount(s.db, 'city-next', 'admin');
  admin = await signIn(s.url, 'city-next');
});
afterAll(() => s.close());

const tally = async (query = '') => {
  const res = await call(`${s.url}/api/tally${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return Tally.parse(res.body);
};
const inForce = (t: Tally) => t.types.map(({ giType, inForce: n }) => ({ giType, n }));

/** The text of a .docx's body; the cells of the Excel file's first sheet. */
async function docxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(Buffer.from(await (await fetch(`${s.url}${path}`)).arrayBuffer()));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}
async function xlsxSummary(path: string): Promise<string[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await (await fetch(`${s.url}${path}`)).arrayBuffer());
  return book.worksheets[0].getSheetValues().flatMap((r) => (Array.isArray(r) ? r.filter((v) => typeof v === 'string') : [])) as string[];
}

describe('once the last period has ended', () => {
  it('the default tally is still 十四五, as of its end, and says the period ended', async () => {
    const shown = await tally();
    expect(shown.period).toEqual({ id: 1, name: '十四五', nameEn: '14th Five-Year Plan', startsOn: '2021-01-01', endsOn: '2025-12-31' });
    expect(shown.asOf).toBe('2025-12-31');
    expect(shown.periodEnded).toBe(true);
    // An explicit one alike, whatever its as-of date.
    expect((await tally('?period=1&asOf=2023-06-30')).periodEnded).toBe(true);
    expect(inForce(await tally('?period=1&asOf=2025-12-31'))).toEqual(inForce(shown));
  });

  it('the English annual report of 2025 names the period in English, the Chinese one in Chinese', async () => {
    const en = await docxText('/api/reports/annual.docx?year=2025&lang=en');
    expect(en).toContain('Plan period: 14th Five-Year Plan (2021-01-01 to 2025-12-31)');
    expect(en).not.toContain('十四五');
    expect(await xlsxSummary('/api/reports/annual.xlsx?year=2025&lang=en')).toContain('Plan period: 14th Five-Year Plan (2021-01-01 to 2025-12-31)');
    const zh = await docxText('/api/reports/annual.docx?year=2025');
    expect(zh).toContain('对照规划期：十四五（2021-01-01 至 2025-12-31）');
    expect(zh).not.toContain('Five-Year Plan');
  });
});

describe('adding the next period', () => {
  let p15: Period;

  it('refuses it without its targets typed or with dates reaching into 十四五, writing nothing', async () => {
    const before = dumpTables(s.db);
    const base = { name: '十五五', nameEn: '15th Five-Year Plan', startsOn: '2026-01-01', endsOn: '2030-12-31' };
    const noTarget = await send(s.url, 'POST', '/api/periods', { ...base, targets: [{ giType: 'trademark', baseline: 5 }] }, admin);
    expect(noTarget.status).toBe(400);
    const overlap = await send(s.url, 'POST', '/api/periods', { ...base, startsOn: '2025-07-01', targets: [] }, admin);
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.code).toBe('period_overlap');
    expect(dumpTables(s.db)).toEqual(before);
    expect((await tally()).period.name).toBe('十四五');
  });

  it('with the baselines the workspace prefills (the tally at 十四五’s end), it becomes the default: not ended, as of today', async () => {
    const ended = await tally();
    const targets = ended.types.map(({ giType, towardTarget: baseline }, i) => ({ giType, baseline, target: baseline + i + 2 }));
    const res = await send(s.url, 'POST', '/api/periods',
      { name: '十五五', nameEn: '15th Five-Year Plan', startsOn: '2026-01-01', endsOn: '2030-12-31', targets }, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    p15 = Period.parse(res.body);

    const shown = await tally();
    expect(shown.period).toEqual({ id: p15.id, name: '十五五', nameEn: '15th Five-Year Plan', startsOn: '2026-01-01', endsOn: '2030-12-31' });
    expect(shown.periodEnded).toBe(false);
    expect(shown.asOf).toBe('2026-12-05');
    expect(shown.types.map((x) => x.baseline)).toEqual(ended.types.map((x) => x.towardTarget));
    // The baselines are what counted on the eve of 十五五, as its own tally replays it: nothing added yet then.
    const eve = await tally(`?period=${p15.id}&asOf=2025-12-31`);
    expect(inForce(eve)).toEqual(inForce(ended));
    expect(eve.types.map((x) => x.towardTarget - x.baseline)).toEqual(eve.types.map(() => 0));
    // 十四五 shown by choice still says it ended.
    expect((await tally('?period=1')).periodEnded).toBe(true);
  });

  it('the English annual report of 2026 measures against the 15th Five-Year Plan', async () => {
    expect(await docxText('/api/reports/annual.docx?year=2026&lang=en')).toContain('Plan period: 15th Five-Year Plan (2026-01-01 to 2030-12-31)');
    expect(await xlsxSummary('/api/reports/annual.xlsx?year=2026&lang=en')).toContain('Plan period: 15th Five-Year Plan (2026-01-01 to 2030-12-31)');
  });

  it('the history tells it with the English name in English and the Chinese name in Chinese', async () => {
    const res = await send(s.url, 'GET', `/api/audit?entity=period&id=${p15.id}`, undefined, admin);
    expect(res.status).toBe(200);
    const [event] = res.body.items as AuditEvent[];
    const names = { counties: {} };
    expect(describeAuditEvent(event, 'en', names).summary).toContain('15th Five-Year Plan');
    expect(describeAuditEvent(event, 'zh', names).summary).toContain('十五五');
    expect(describeAuditEvent(event, 'zh', names).summary).not.toContain('Five-Year');
  });
});
