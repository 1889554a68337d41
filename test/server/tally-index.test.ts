/**
 * The tally from its index (server/domain/tally/tally-index.ts, answered by server/snapshot/tally-bodies.ts)
 * against the replay it replaces (`tallyAnswer`, kept as the reference). On the seeded registry written
 * at random over HTTP — products public, draft and archived, in one county or two, with households and
 * figures; designations of every type moved along their paths with dates known to the year, the month
 * or the day; grants, expiries, revocations, conversions, terms moved, authorised users with and
 * without an end — then a county renamed mid-history by another connection and a second period: the
 * answer on every event day, the days either side, random days, days before any event, the far future
 * and leap days is the replay's, byte for byte, decoded from its gzip pieces and as identity bytes;
 * through HTTP too. Writes made outside the server are seen; bad queries keep their 400s.
 */
import http from 'node:http';
import { readFileSync } from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GI_TYPES, sourceFromText, todayInShanghai, type Period, type Status } from '../../db/model';
import { openDb } from '../../db/open';
import { countiesOfBoundaryFile } from '../../seeds/loader';
import { recordCountyChange } from '../../server/domain/county-changes/record-change';
import { listPeriods } from '../../server/domain/tally/periods';
import { choosePeriod, defaultAsOf, tallyAnswer } from '../../server/domain/tally/tally';
import { buildTallyIndex, type TallyIndex } from '../../server/domain/tally/tally-index';
import { loadReplayIndex } from '../../server/domain/tally/replay-store';
import { DeflatedTexts, TallyBodies } from '../../server/snapshot/tally-bodies';
import { layoutOf } from '../../server/snapshot/tally-layout';
import { startServer, type TestServer } from '../support/server';
import { SEEDED_BOUNDARY_FILE, SEEDED_COUNTY_CODES } from '../support/seeded-counties';
import { seededRandom } from '../support/seeded-random';
import { addAccount, send, signIn } from './fixtures';

const TODAY = todayInShanghai();
const DAY = 86_400_000;
/** The seed of the writes (another with TALLY_INDEX_SEED=…). */
const SEED = Number(process.env.TALLY_INDEX_SEED ?? 24);

let s: TestServer;
let admin: string;
/** What the writes did, to know the registry is as varied as meant. */
const done = { products: 0, moves: 0, partialDates: 0, granted: 0, expired: 0, revoked: 0, converted: 0, users: 0, terms: 0, archived: 0, drafts: 0 };


const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const shift = (day: string, days: number) => iso(Date.parse(day) + days * DAY);

/** Writes `products` products at random over HTTP as the city's admin. */
async function writeAtRandom(seed: number, products: number): Promise<void> {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const between = (from: string, to: string) => {
    const a = Date.parse(from);
    return iso(a + Math.floor(rand() * ((Date.parse(to) - a) / DAY + 1)) * DAY);
  };
  // A fact known to the day, the month or the year.
  const known = (day: string) => {
    const r = rand();
    if (r < 0.7) return day;
    done.partialDates++;
    return r < 0.85 ? day.slice(0, 7) : day.slice(0, 4);
  };
  const latest = (day: string) => (day > TODAY ? TODAY : day);
  const post = async (path: string, body: unknown, method = 'POST') => {
    const res = await send(s.url, method, path, body, admin);
    return res.status < 300 ? res.body : null;
  };

  for (let p = 0; p < products; p++) {
    const counties = [...new Set(rand() < 0.2 ? [pick(SEEDED_COUNTY_CODES), pick(SEEDED_COUNTY_CODES)] : [pick(SEEDED_COUNTY_CODES)])];
    const visibility = rand() < 0.85 ? 'public' : 'draft';
    const product = await post('/api/products', { nameZh: `随机产品${seed}-${p}`, nameEn: rand() < 0.5 ? `Random ${p}` : undefined, category: 'food', counties, visibility });
    if (!product) continue;
    done.products++;
    if (visibility === 'draft') done.drafts++;
    if (rand() < 0.5) await post(`/api/products/${product.id}/participants`, [{ role: 'farmers', households: Math.floor(rand() * 5000) }], 'PUT');
    if (rand() < 0.4) {
      const years = [...new Set([pick([2001, 2010, 2016, 2020]), pick([2019, 2022, 2024, Number(TODAY.slice(0, 4))])])];
      await post(`/api/products/${product.id}/figures`, years.map((year) => ({ year, households: Math.floor(rand() * 3000) })), 'PUT');
    }
    for (const giType of GI_TYPES.filter(() => rand() < 0.6)) {
      let day = between('1995-01-01', '2025-06-30');
      const designation = await post(`/api/products/${product.id}/designations`, { giType, ...(giType === 'trademark' ? { markKind: 'collective' } : {}), startedOn: known(day) });
      if (!designation) continue;
      const path: Status[] = pick<Status[]>([
        [], ['filed'], ['filed', 'published'], ['filed', 'granted'], ['filed', 'granted'], ['filed', 'rejected'], ['withdrawn'],
        ['filed', 'published', 'granted', 'revoked'], ['filed', 'granted', 'expired'], ['filed', 'granted'],
      ]);
      let grantedOn: string | null = null;
      for (const to of path) {
        day = latest(between(day, shift(day, 700)));
        const on = known(day);
        if (!(await post(`/api/designations/${designation.id}/transitions`, { to, on, note: '', confirmIncomplete: to === 'filed' }))) break;
        done.moves++;
        if (to === 'granted') { done.granted++; grantedOn = day; }
        if (to === 'expired') done.expired++;
        if (to === 'revoked') done.revoked++;
      }
      if (grantedOn === null || path.at(-1) !== 'granted') continue;
      if (giType === 'trademark' && rand() < 0.5) {
        // A term moved: ended long ago (lapsed), due within the year, or years ahead.
        const validUntil = pick([between('2000-01-01', TODAY), between(TODAY, shift(TODAY, 400)), between(TODAY, shift(TODAY, 3000))]);
        if (await post(`/api/designations/${designation.id}`, { validUntil }, 'PATCH')) done.terms++;
      }
      for (let u = 0; rand() < 0.5 && u < 3; u++) {
        const from = between(grantedOn, TODAY);
        const until = rand() < 0.5 ? null : between(from, shift(from, 2000));
        if (await post(`/api/designations/${designation.id}/authorized-users`, { name: `用标企业${p}-${u}`, basis: 'approved_producer', from, until })) done.users++;
      }
      if (giType === 'agricultural_product' && rand() < 0.4) {
        if (await post(`/api/designations/${designation.id}/conversion`, { on: between(grantedOn, TODAY), announcement: '第1号' })) done.converted++;
      }
    }
    if (rand() < 0.1 && (await post(`/api/products/${product.id}`, {}, 'DELETE'))) done.archived++;
  }
}

/** 高平市 (140581) renamed 140598 on `on`, recorded by another connection to the database, as the CLI does. */
function renameGaoping(on: string): void {
  const feature = (JSON.parse(readFileSync(SEEDED_BOUNDARY_FILE, 'utf8')) as { features: { properties: Record<string, unknown> }[] }).features
    .find((f) => String(f.properties.adcode) === '140581')!;
  const boundaries = countiesOfBoundaryFile(JSON.stringify({
    type: 'FeatureCollection', features: [{ ...feature, properties: { ...feature.properties, adcode: 140598, name: '高平区', name_en: 'Gaoping District' } }],
  }));
  const other = openDb(s.dbFile);
  try {
    recordCountyChange(other, {
      on, from: '140581', to: ['140598'], boundaries, products: new Map(), accountsTo: null, note: '撤市设区（测试）',
      sources: [sourceFromText('测试公告 <https://example.org/rename>')],
    }, TODAY);
  } finally {
    other.$client.close();
  }
}

/** The dates to compare on: every event day and the days either side, random days, the ends of the range and leap days. */
function datesOf(index: TallyIndex, rand: () => number): string[] {
  const dates = new Set<string>(['1949-01-01', '1949-01-02', '1960-06-15', '1990-01-01', TODAY, '2100-01-01', '9998-12-31', '9999-01-01', '9999-06-30', '9999-12-31',
    '2000-02-29', '2004-02-29', '2020-02-29', '2024-02-29', '2028-02-29', '2400-02-29', '9996-02-29']);
  for (const d of index.days) for (const x of [-1, 0, 1]) dates.add(shift(d, x));
  for (let i = 0; i < 150; i++) dates.add(iso(Date.UTC(1949, 0, 1) + Math.floor(rand() * 120 * 365) * DAY));
  return [...dates].filter((d) => d >= '1949-01-01' && d <= '9999-12-31').sort();
}

/** Where two texts first differ, for a readable failure. */
function firstDifference(want: string, got: string): string {
  let i = 0;
  while (i < want.length && want[i] === got[i]) i++;
  return `at ${i}: want …${want.slice(Math.max(0, i - 60), i + 60)}… got …${got.slice(Math.max(0, i - 60), i + 60)}…`;
}

/** The reference: the replay's answer as the route used to send it. */
function reference(period: Period, asOf: string, today = TODAY): string {
  return JSON.stringify(tallyAnswer(s.db, period, asOf, today, loadReplayIndex(s.db)));
}

/** GET over node:http with exactly these headers (fetch always asks for gzip). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(`${s.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  admin = await signIn(s.url, 'city');
  await writeAtRandom(SEED, 60);
  renameGaoping('2019-07-01');
  await send(s.url, 'POST', '/api/periods', {
    name: '十三五', nameEn: '13th Five-Year Plan', startsOn: '2016-01-01', endsOn: '2020-12-31',
    targets: [{ giType: 'trademark', baseline: 2, target: 6 }, { giType: 'agricultural_product', baseline: 3, target: 9 }],
  }, admin);
}, 120_000);
afterAll(() => s.close());

describe('the index against the replay', () => {
  it('was given a varied registry', () => {
    expect(done.products).toBeGreaterThan(50);
    for (const what of ['partialDates', 'granted', 'expired', 'revoked', 'converted', 'users', 'terms', 'archived', 'drafts'] as const) {
      expect(done[what], what).toBeGreaterThan(0);
    }
  });

  it('answers every date with the replay’s bytes, for every period, as gzip pieces and as identity bytes', () => {
    const replay = loadReplayIndex(s.db);
    const periods = listPeriods(s.db);
    expect(periods.length).toBe(2);
    const index = buildTallyIndex(replay, periods);
    expect(index.epochs.map((e) => e.from)).toEqual([null, '2019-07-01']);
    const bodies = new TallyBodies(index, layoutOf(index), { renewalsBytes: 64 * 1024, blockBytes: 32 * 1024, runBytes: 16 * 1024, countsBytes: 8 * 1024 }); // small, so parts are forgotten and made again
    const dates = datesOf(index, seededRandom(SEED + 1));
    expect(dates.length).toBeGreaterThan(500);
    let compared = 0;
    for (const today of [TODAY, '2018-03-01']) {
      for (const period of periods) {
        for (const asOf of today === TODAY ? dates : dates.filter((_, i) => i % 5 === 0)) {
          const want = JSON.stringify(tallyAnswer(s.db, period, asOf, today, replay));
          const body = bodies.answer(period, asOf, today);
          const gzip = Buffer.concat(body.gzip);
          expect(gzip.length).toBe(body.gzipLength);
          const unzipped = zlib.gunzipSync(gzip).toString();
          if (unzipped !== want) expect.fail(`period ${period.id}, ${asOf}, today ${today}: gzip ${firstDifference(want, unzipped)}`);
          const raw = body.raw().toString();
          if (raw !== want) expect.fail(`period ${period.id}, ${asOf}, today ${today}: identity ${firstDifference(want, raw)}`);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('keeps the parts of the default date’s interval however short it is, and makes a short interval’s parts again otherwise', () => {
    const periods = listPeriods(s.db);
    const index = buildTallyIndex(loadReplayIndex(s.db), periods);
    const layout = layoutOf(index);
    const period = periods[0];
    const otherDefault = defaultAsOf(period, TODAY);
    // An interval whose counts hold for a day or two, within the period, not the one TODAY's default date is in.
    const k = [...layout.countsShort.keys()].find((i) => layout.countsShort[i] === 1 && index.days[i - 1] < period.endsOn
      && index.days[i] <= otherDefault);
    expect(k, 'a short interval').toBeDefined();
    const day = index.days[k! - 1]; // the first day of interval k: a tally without a date shows it when today is that day
    const bodies = new TallyBodies(index, layout);
    const shared = (a: readonly Buffer[], b: readonly Buffer[]) => a.filter((part) => b.includes(part)).length;
    const asToday = [bodies.answer(period, day, day), bodies.answer(period, day, day)];
    const onAnotherDay = [bodies.answer(period, day, TODAY), bodies.answer(period, day, TODAY)];
    // Kept: the second answer on its own day is made of the first's buffers but the date's; made again on another day.
    expect(shared(asToday[1].gzip, asToday[0].gzip)).toBeGreaterThanOrEqual(asToday[0].gzip.length - 2);
    expect(shared(onAnotherDay[1].gzip, onAnotherDay[0].gzip)).toBeLessThan(onAnotherDay[0].gzip.length - 2);
    // Deflated when kept, stored when not: today's is the smaller body of the same text.
    expect(asToday[0].gzipLength).toBeLessThan(onAnotherDay[0].gzipLength);
    expect(zlib.gunzipSync(Buffer.concat(asToday[0].gzip)).toString()).toBe(reference(period, day, day));
  });

  it('answers a new index’s dates with its own bytes, finding most deflated parts among those of the index before it', async () => {
    const periods = listPeriods(s.db);
    const texts = new DeflatedTexts();
    const before = buildTallyIndex(loadReplayIndex(s.db), periods);
    const dates = datesOf(before, seededRandom(SEED + 2)).filter((_, i) => i % 3 === 0);
    const first = new TallyBodies(before, layoutOf(before), {}, texts);
    for (const period of periods) for (const asOf of dates) first.answer(period, asOf, TODAY);
    expect(texts.stats.made).toBeGreaterThan(100);
    // A write that moves the tally from a month ago: the counts of the dates before it read as before.
    const product = await send(s.url, 'POST', '/api/products', { nameZh: '新索引产品', category: 'food', counties: ['140521'], visibility: 'public' }, admin);
    expect(product.status).toBe(201);
    const designation = await send(s.url, 'POST', `/api/products/${product.body.id}/designations`, { giType: 'agricultural_product', startedOn: shift(TODAY, -60) }, admin);
    expect(designation.status).toBe(201);
    for (const [to, on] of [['filed', shift(TODAY, -60)], ['granted', shift(TODAY, -30)]]) {
      const moved = await send(s.url, 'POST', `/api/designations/${designation.body.id}/transitions`, { to, on, note: '', confirmIncomplete: true }, admin);
      expect(moved.status, to).toBeLessThan(300);
    }
    const replay = loadReplayIndex(s.db);
    const after = buildTallyIndex(replay, periods);
    const made = texts.stats.made;
    const found = texts.stats.found;
    const second = new TallyBodies(after, layoutOf(after), {}, texts);
    for (const period of periods) {
      for (const asOf of dates) {
        const got = zlib.gunzipSync(Buffer.concat(second.answer(period, asOf, TODAY).gzip)).toString();
        const want = JSON.stringify(tallyAnswer(s.db, period, asOf, TODAY, replay));
        if (got !== want) expect.fail(`period ${period.id}, ${asOf}: ${firstDifference(want, got)}`);
      }
    }
    // The write moved the counts of the dates after it: their parts are made again; the rest are found.
    expect(dates.filter((d) => d >= shift(TODAY, -30)).length).toBeGreaterThan(0);
    expect(texts.stats.made - made).toBeGreaterThan(0);
    expect(texts.stats.found - found).toBeGreaterThan(2 * (texts.stats.made - made));
  });

  it('lists renewals, lapsed and due, on some of those dates (so the comparison covered them)', () => {
    const replay = loadReplayIndex(s.db);
    const [period] = listPeriods(s.db);
    const late = tallyAnswer(s.db, period, '2060-01-01', TODAY, replay);
    expect(late.renewalsDue.some((r) => r.lapsed)).toBe(true);
    const soon = tallyAnswer(s.db, period, TODAY, TODAY, replay);
    expect(soon.renewalsDue.some((r) => !r.lapsed)).toBe(true);
  });
});

describe('GET /api/tally?asOf= from the index', () => {
  it('sends the replay’s bytes for new dates, through Express and then the fast path', async () => {
    const periods = listPeriods(s.db);
    const rand = seededRandom(SEED + 2);
    const days = Array.from({ length: 30 }, () => iso(Date.UTC(1990, 0, 1) + Math.floor(rand() * 60 * 365) * DAY));
    for (const asOf of [...days, '2019-06-30', '2019-07-01', '9999-12-31', '2024-02-29']) {
      for (const period of periods) {
        const want = reference(period, asOf);
        for (let i = 0; i < 2; i++) {
          const res = await fetch(`${s.url}/api/tally?period=${period.id}&asOf=${asOf}`);
          expect(res.status).toBe(200);
          expect(res.headers.get('content-encoding')).toBe('gzip');
          const text = await res.text();
          if (text !== want) expect.fail(`period ${period.id}, ${asOf}: ${firstDifference(want, text)}`);
        }
      }
      // No period asked for: the one containing today, else the latest begun.
      const text = await (await fetch(`${s.url}/api/tally?asOf=${asOf}`)).text();
      expect(text).toBe(reference(choosePeriod(periods, undefined, TODAY)!, asOf));
    }
  });

  it('answers a date spelt with escapes (Express parses it) with the same bytes', async () => {
    const text = await (await fetch(`${s.url}/api/tally?asOf=2021%2D03%2D04`)).text();
    expect(text).toBe(reference(choosePeriod(listPeriods(s.db), undefined, TODAY)!, '2021-03-04'));
  });

  it('sends identity bytes to a client without gzip, brotli to one taking only brotli, 304 to one that has it, and HEAD without a body', async () => {
    const path = '/api/tally?period=1&asOf=2022-08-08';
    const want = reference(listPeriods(s.db).find((p) => p.id === 1)!, '2022-08-08');
    for (let i = 0; i < 2; i++) {
      const plain = await rawGet(path, {});
      expect([plain.status, plain.headers['content-encoding'], plain.body.toString()]).toEqual([200, undefined, want]);
      const br = await rawGet(path, { 'accept-encoding': 'br' });
      expect([br.status, br.headers['content-encoding'], zlib.brotliDecompressSync(br.body).toString()]).toEqual([200, 'br', want]);
      const gzip = await rawGet(path, { 'accept-encoding': 'gzip, deflate, br' });
      expect(zlib.gunzipSync(gzip.body).toString()).toBe(want);
      expect(gzip.headers.etag).toMatch(/^"[\w-]{12}\.1\.2022-08-08\.1-gzip"$/);
      expect(gzip.headers['cache-control']).toBe('public, no-cache');
      expect(gzip.headers['access-control-allow-origin']).toBe('*');
      const again = await rawGet(path, { 'accept-encoding': 'gzip', 'if-none-match': gzip.headers.etag! });
      expect([again.status, again.body.length]).toEqual([304, 0]);
      const head = await new Promise<http.IncomingMessage>((resolve) => http.request(`${s.url}${path}`, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } }, resolve).end());
      expect([head.statusCode, head.headers['content-length']]).toEqual([200, String(gzip.body.length)]);
    }
  });

  it.each([
    ['asOf=2021-02-30', 400], ['asOf=1948-12-31', 400], ['asOf=2024-6-30', 400], ['asOf=', 400], ['asOf=2024-06-30&asOf=2024-07-01', 400],
    ['asOf=2024-06-30&period=0', 400], ['asOf=2024-06-30&period=abc', 400], ['asOf=2024-06-30&when=1', 400], ['asOf=2024-06-30&period=999', 404],
  ])('keeps its answer to %s (%i) once the index is built', async (query, status) => {
    expect((await fetch(`${s.url}/api/tally?asOf=2024-06-29`)).status).toBe(200);
    const res = await fetch(`${s.url}/api/tally?${query}`);
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body.error.code).toBe(status === 404 ? 'not_found' : 'bad_request');
  });

  it('sees a write made by another connection, and answers from the index built for the new version', async () => {
    const asOf = '2023-03-03';
    const period = choosePeriod(listPeriods(s.db), undefined, TODAY)!;
    const before = await (await fetch(`${s.url}/api/tally?asOf=${asOf}`)).text();
    expect(before).toBe(reference(period, asOf));
    // A grant recorded straight into the database, as a script or another process would: a public product in 陵川县.
    const other = openDb(s.dbFile);
    try {
      const product = other.$client.prepare("INSERT INTO products (name_zh, category, visibility) VALUES ('另一连接的产品', 'food', 'public')").run().lastInsertRowid;
      other.$client.prepare("INSERT INTO product_counties (product_id, county_code) VALUES (?, '140524')").run(product);
      const designation = other.$client.prepare("INSERT INTO designations (product_id, gi_type, status) VALUES (?, 'protected_product', 'granted')").run(product).lastInsertRowid;
      other.$client.prepare("INSERT INTO transitions (designation_id, to_status, \"on\") VALUES (?, 'granted', '2022-01-01')").run(designation);
    } finally {
      other.$client.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 5)); // the remembered registry version lapses after 2 ms
    const after = await (await fetch(`${s.url}/api/tally?asOf=${asOf}`)).text();
    expect(after).not.toBe(before);
    expect(after).toBe(reference(period, asOf));
    expect(JSON.parse(after).counties.find((c: { code: string }) => c.code === '140524').types[1].inForce)
      .toBe(JSON.parse(before).counties.find((c: { code: string }) => c.code === '140524').types[1].inForce + 1);
  });

  it('replays the tally, as before, for a registry with a date the index cannot turn on (a user’s first day known only as a year)', async () => {
    const designation = s.db.$client.prepare(`SELECT d.id FROM designations d JOIN products p ON p.id = d.product_id
      WHERE d.status = 'granted' AND p.visibility = 'public' AND p.archived_at IS NULL ORDER BY d.id LIMIT 1`).pluck().get() as number;
    const other = openDb(s.dbFile);
    try {
      other.$client.prepare(`INSERT INTO authorized_users (designation_id, name, name_key, basis, "from") VALUES (?, '年份企业', '年份企业', 'approved_producer', '2020')`)
        .run(designation);
    } finally {
      other.$client.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    const period = choosePeriod(listPeriods(s.db), undefined, TODAY)!;
    for (const asOf of ['2019-12-31', '2020-01-01', '2020-06-30', '2021-01-01']) {
      // A client taking both gets brotli: a ready body from the worker's replay (the index's answers are gzip).
      const res = await rawGet(`/api/tally?asOf=${asOf}`, { 'accept-encoding': 'br, gzip' });
      expect(res.headers['content-encoding']).toBe('br');
      expect(zlib.brotliDecompressSync(res.body).toString()).toBe(reference(period, asOf));
    }
  });
});

