/**
 * QR codes, printable cards and industry figures by year, over HTTP on the seeded database: the QR
 * (rendered to pixels with sharp and read back with jsQR) leads to the product's public page, on the
 * request's address or PUBLIC_BASE_URL, and only public current products have one; the card page is
 * a page like the product's; PUT figures replaces the series, is county-scoped and audited, refuses
 * bad years and numbers (yield per mu included) without changing anything, and moves the tally's latest households; the
 * static copy writes the QR codes for its own address.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEvent, todayInShanghai, type AuditEvent, type Tally } from '../../db/model';
import * as schema from '../../db/schema';
import { routeOf } from '../../client/lib/router';
import { buildStaticSite } from '../../server/cli/build-static';
import { pageAnswer } from '../../server/static';
import { call, startServer, type TestServer } from '../support/server';
import { addAccount, dumpTables, send, signIn } from './fixtures';

/** 沁水刺槐蜂蜜: public, 沁水县, an agricultural-product GI granted (AGI01900), no figures in the seeds. */
const HONEY = 9;
const THIS_YEAR = Number(todayInShanghai().slice(0, 4));

let s: TestServer;
let work: string;
let qinshui: string;
let yangcheng: string;
let draftId: number;
/** A server without PUBLIC_BASE_URL (the main one, `s`, has it: QR codes need it). */
let bare: TestServer;

/** A GET with the Host header a client chooses (fetch would not send a foreign one). */
function rawGet(base: string, path: string, host: string): Promise<{ status: number; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d) => { body += d; });
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    }).on('error', reject).end();
  });
}

/** The text a QR code in an SVG carries (rendered at 300 dpi, read with jsQR), or null when none is found. */
async function decodeQr(svg: Buffer): Promise<string | null> {
  const { data, info } = await sharp(svg, { density: 300 }).flatten({ background: '#ffffff' }).ensureAlpha().raw()
    .toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}

const qr = (id: number | string, init: RequestInit = {}, base = s.url) => fetch(`${base}/api/products/${id}/qr.svg`, init);
const putFigures = (body: unknown, cookie: string | null = qinshui, id = HONEY) => send(s.url, 'PUT', `/api/products/${id}/figures`, body, cookie ?? undefined);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'gi-qr-test-'));
  const client = join(work, 'client');
  mkdirSync(client);
  writeFileSync(join(client, 'index.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8" /><title>t</title></head><body><gi-app></gi-app></body></html>');
  s = await startServer({ env: { CLIENT_DIR: client, PUBLIC_BASE_URL: 'https://gi.jcgov.example/' } });
  await addAccount(s.db, 'qs-fig', 'official', '140521');
  await addAccount(s.db, 'yc-fig', 'official', '140522');
  qinshui = await signIn(s.url, 'qs-fig');
  yangcheng = await signIn(s.url, 'yc-fig');
  bare = await startServer();
  draftId = (await send(s.url, 'POST', '/api/products', { nameZh: '二维码测试草稿', category: 'food', counties: ['140521'] }, qinshui)).body.id;
}, 60_000);
afterAll(async () => {
  await s?.close();
  await bare?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('GET /api/products/:id/qr.svg', () => {
  it('is an SVG QR code of the product’s page at PUBLIC_BASE_URL, whatever Host a request names, open to every site and revalidated by ETag', async () => {
    const res = await qr(HONEY);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, no-cache');
    const svg = Buffer.from(await res.arrayBuffer());
    expect(await decodeQr(svg)).toBe(`https://gi.jcgov.example/products/${HONEY}`);
    expect(svg.toString()).toContain(`<title>https://gi.jcgov.example/products/${HONEY}</title>`);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect((await qr(HONEY, { headers: { 'if-none-match': etag } })).status).toBe(304);
    const spoofed = await rawGet(s.url, `/api/products/${HONEY}/qr.svg`, 'evil.example');
    expect(spoofed.body).toContain(`<title>https://gi.jcgov.example/products/${HONEY}</title>`);
    expect(spoofed.body).not.toContain('evil.example');
  });

  it('is refused (404, saying why) when PUBLIC_BASE_URL is not set: a printed code must not lead where a Host header says', async () => {
    const spoofed = await rawGet(bare.url, `/api/products/${HONEY}/qr.svg`, 'evil.example');
    expect(spoofed.status).toBe(404);
    expect(spoofed.body).not.toContain('evil.example');
    const res = await call(`${bare.url}/api/products/${HONEY}/qr.svg`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('no_public_address');
    expect(res.body.error.message).toMatch(/PUBLIC_BASE_URL.* \/ .*PUBLIC_BASE_URL/);
  });

  it('is a 404 for a draft (even to its own official), an archived or a missing product, and a 400 for a bad id', async () => {
    expect((await qr(draftId)).status).toBe(404);
    expect((await qr(draftId, { headers: { cookie: qinshui } })).status).toBe(404);
    expect((await qr(999_999)).status).toBe(404);
    expect((await qr('abc')).status).toBe(400);
    s.db.update(schema.products).set({ archivedAt: '2026-01-01T00:00:00.000Z' }).where(eq(schema.products.id, 8)).run();
    try {
      expect((await qr(8)).status).toBe(404);
    } finally {
      s.db.update(schema.products).set({ archivedAt: null }).where(eq(schema.products.id, 8)).run();
    }
    expect((await qr(8)).status).toBe(200);
  });
});

describe('the printable card page /products/:id/card', () => {
  it('answers 200 titled as a card for a public product, 404 for a draft to the public and for other paths below it', async () => {
    const page = await call(`${s.url}/products/${HONEY}/card`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>沁水刺槐蜂蜜 · 产品卡片 · 晋城地理标志</title>');
    expect((await call(`${s.url}/products/${HONEY}/card?lang=en`)).body).toContain('· Card · Jincheng GI</title>');
    expect((await call(`${s.url}/products/${draftId}/card`)).status).toBe(404);
    expect((await call(`${s.url}/products/${HONEY}/card/x`)).status).toBe(404);
    expect((await call(`${s.url}/products/999999/card`)).status).toBe(404);
  });

  it('is the same page for the server and the client router', () => {
    expect(routeOf(`/products/${HONEY}/card`)).toEqual({ page: 'card', id: HONEY });
    expect(routeOf(`/products/${HONEY}/card/`)).toEqual({ page: 'card', id: HONEY });
    expect(routeOf(`/products/${HONEY}/cards`).page).toBe('notFound');
    expect(pageAnswer(`/products/${HONEY}/cards`, 'zh', () => ({ nameZh: 'x', nameEn: null })).status).toBe(404);
  });
});

describe('PUT /api/products/:id/figures', () => {
  // Today, not the default (the period's end when it is over), so that this year's figures count.
  const tally = async () => (await call(`${s.url}/api/tally?asOf=${todayInShanghai()}`)).body as Tally;

  it('replaces the series, answers it oldest first, and the product page shows it', async () => {
    const res = await putFigures([
      { year: 2024, households: 1500, areaMu: 8000, yieldKgPerMu: 25.5, outputTonnes: null, valueWanYuan: 2400.5, note: '县农业农村局统计', sources: [{ title: '沁水县统计公报', url: 'https://www.qinshui.gov.cn/tjgb/2024' }] },
      { year: 2022, households: 1200 },
    ]);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual([
      { year: 2022, households: 1200, areaMu: null, yieldKgPerMu: null, outputTonnes: null, valueWanYuan: null, note: '', sources: [] },
      { year: 2024, households: 1500, areaMu: 8000, yieldKgPerMu: 25.5, outputTonnes: null, valueWanYuan: 2400.5, note: '县农业农村局统计', sources: [{ title: '沁水县统计公报', url: 'https://www.qinshui.gov.cn/tjgb/2024' }] },
    ]);
    expect((await call(`${s.url}/api/products/${HONEY}`)).body.figures).toEqual(res.body);
    const rows = s.db.select().from(schema.productFigures).where(eq(schema.productFigures.productId, HONEY)).all();
    expect(rows.map((r) => r.confidence)).toEqual(['good', 'good']);
    expect(rows.map((r) => r.yieldKgPerMu)).toEqual([null, 25.5]);

    const again = await putFigures([{ year: 2024, households: 1600, areaMu: 8000, yieldKgPerMu: 30, valueWanYuan: 2400.5, note: '县农业农村局统计', sources: [] }]);
    expect(again.body.map((f: { year: number }) => f.year)).toEqual([2024]);
  });

  it('is told in the history as a sentence per year changed, in Chinese and English', async () => {
    const audit = await send(s.url, 'GET', `/api/audit?entity=product&id=${HONEY}&action=replace_figures`, undefined, qinshui);
    expect(audit.status).toBe(200);
    const [latest, first] = audit.body.items as AuditEvent[];
    const zh = describeAuditEvent(latest, 'zh', { counties: {} });
    expect(zh.summary).toBe('更新 沁水刺槐蜂蜜 的产业数据（年度）');
    expect(zh.changes).toEqual(['产业数据：修改 2024年（1,500 户 → 1,600 户；亩产 25.5 公斤 → 亩产 30 公斤；来源 1 条 → 来源 0 条）', '产业数据：移除 2022年']);
    expect(describeAuditEvent(first, 'zh', { counties: {} }).changes).toEqual([
      '产业数据：新增 2022年（1,200 户）', '产业数据：新增 2024年（1,500 户，8,000 亩，亩产 25.5 公斤，产值 2,400.5 万元）',
    ]);
    const en = describeAuditEvent(latest, 'en', { counties: {} });
    expect(en.summary).toBe('Updated the yearly industry figures of Qinshui black locust honey');
    expect(en.changes).toEqual(['Industry figures: changed 2024 (1,500 households → 1,600 households; 25.5 kg per mu → 30 kg per mu; 1 source → 0 sources)', 'Industry figures: removed 2022']);
    expect(describeAuditEvent(first, 'en', { counties: {} }).changes).toContain('Industry figures: added 2024 (1,500 households, 8,000 mu, 25.5 kg per mu, output value 2,400.5 × 10,000 yuan)');
  });

  it.each([
    ['a year listed twice', [{ year: 2023, households: 1 }, { year: 2023, households: 2 }], '1.year'],
    ['a negative number', [{ year: 2023, households: -5 }], '0.households'],
    ['a negative yield per mu', [{ year: 2023, areaMu: 100, yieldKgPerMu: -1 }], '0.yieldKgPerMu'],
    ['an absurd yield per mu (above 100,000 kg)', [{ year: 2023, areaMu: 100, yieldKgPerMu: 100_001 }], '0.yieldKgPerMu'],
    ['a yield per mu in words', [{ year: 2023, yieldKgPerMu: '150' }], '0.yieldKgPerMu'],
    ['a year after this one', [{ year: THIS_YEAR + 1, households: 5 }], '0.year'],
    ['a year before 1949', [{ year: 1948, areaMu: 5 }], '0.year'],
    ['a fractional household count', [{ year: 2023, households: 1.5 }], '0.households'],
    ['an absurd value', [{ year: 2023, valueWanYuan: 1e12 }], '0.valueWanYuan'],
    ['an unknown field', [{ year: 2023, farmers: 5 }], '0'],
    ['a link that is not a web address', [{ year: 2023, sources: [{ url: 'javascript:alert(1)' }] }], '0.sources.0.url'],
    ['more than 100 years', Array.from({ length: 101 }, (_, i) => ({ year: 1920 + i })), ''],
    ['not a list', { year: 2023 }, ''],
  ])('refuses %s with a 400 naming the field, and changes nothing', async (_, body, path) => {
    const before = dumpTables(s.db);
    const res = await putFigures(body);
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: (string | number)[] }) => i.path.join('.'))).toContain(path);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('is refused to another county’s official (403), the public (401), for a missing (404) or archived (409) product', async () => {
    const before = dumpTables(s.db);
    expect((await putFigures([{ year: 2023, households: 1 }], yangcheng)).status).toBe(403);
    expect((await putFigures([{ year: 2023, households: 1 }], null)).status).toBe(401);
    expect((await putFigures([], qinshui, 999_999)).status).toBe(404);
    expect(dumpTables(s.db)).toEqual(before);
    s.db.update(schema.products).set({ archivedAt: '2026-01-01T00:00:00.000Z' }).where(eq(schema.products.id, HONEY)).run();
    try {
      expect((await putFigures([])).status).toBe(409);
    } finally {
      s.db.update(schema.products).set({ archivedAt: null }).where(eq(schema.products.id, HONEY)).run();
    }
  });

  it('moves the tally’s latest households to the new latest year', async () => {
    const base = (await tally()).latestHouseholds - 1600; // the honey's latest year so far: 2024, 1,600 households
    expect((await putFigures([{ year: 2024, households: 1600 }, { year: THIS_YEAR, households: 2100 }])).status).toBe(200);
    expect((await tally()).latestHouseholds).toBe(base + 2100);
    // An older year added later does not count: the latest known year does.
    expect((await putFigures([{ year: 2019, households: 9000 }, { year: 2024, households: 1600 }, { year: THIS_YEAR, households: 2100 }])).status).toBe(200);
    expect((await tally()).latestHouseholds).toBe(base + 2100);
    expect((await putFigures([])).status).toBe(200);
    expect((await tally()).latestHouseholds).toBe(base);
  });
});

describe('the static copy', () => {
  it('writes each public product’s QR code for its own address, and its card page; none without --base-url', async () => {
    const out = join(work, 'site');
    await buildStaticSite(s.db, out, { clientDir: join(work, 'client'), config: s.config, baseUrl: 'https://gi.example.cn/' });
    expect(await decodeQr(readFileSync(join(out, `api/products/${HONEY}/qr.svg`)))).toBe(`https://gi.example.cn/products/${HONEY}`);
    expect(existsSync(join(out, `api/products/${draftId}/qr.svg`))).toBe(false);
    expect(readFileSync(join(out, `products/${HONEY}/card/index.html`), 'utf8')).toContain('<title>沁水刺槐蜂蜜 · 产品卡片 · 晋城地理标志</title>');
    const bare = join(work, 'bare');
    await buildStaticSite(s.db, bare, { clientDir: join(work, 'client'), config: s.config });
    expect(existsSync(join(bare, `api/products/${HONEY}/qr.svg`))).toBe(false);
    expect(existsSync(join(bare, `products/${HONEY}/card/index.html`))).toBe(true);
  }, 60_000);
});
