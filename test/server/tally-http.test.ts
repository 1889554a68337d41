/** GET /api/tally and /api/tally/series over HTTP on the seeded database, and the cache's invalidation. */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tally, TallySeries, todayInShanghai } from '../../db/model';
import * as t from '../../db/schema';
import { call, startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn, startWithClock } from './fixtures';

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
});
afterAll(() => s.close());

const inForce = (tally: Tally) => Object.fromEntries(tally.types.map((x) => [x.giType, x.inForce]));

describe('GET /api/tally', () => {
  it("gives the plan's baseline on the eve of 十四五: 4 trademarks", async () => {
    const res = await call(`${s.url}/api/tally?period=1&asOf=2020-12-31`);
    expect(res.status).toBe(200);
    const tally = Tally.parse(res.body);
    expect(tally.period).toEqual({ id: 1, name: '十四五', nameEn: '14th Five-Year Plan', startsOn: '2021-01-01', endsOn: '2025-12-31' });
    expect(tally.asOf).toBe('2020-12-31');
    expect(tally.types.find((x) => x.giType === 'trademark')).toMatchObject({ inForce: 4, baseline: 4, target: 10 });
    // The facts loaded: five agricultural GIs of the first round, 巴公大葱 and 析城山小米 (both "2013").
    expect(inForce(tally)).toEqual({ trademark: 4, protected_product: 2, agricultural_product: 7 });
    expect(tally.types.find((x) => x.giType === 'agricultural_product')).toMatchObject({ inForce: 7, baseline: 7, target: 15 });
    expect(tally.counties.map((c) => c.code)).toEqual(['140502', '140521', '140522', '140524', '140525', '140581']);
  });

  it('counts a grant known only as "2020" from its last possible day, 2020-12-31', async () => {
    const on = async (asOf: string) => inForce(Tally.parse((await call(`${s.url}/api/tally?period=1&asOf=${asOf}`)).body)).trademark;
    // 沁水蜂蜜, 陵川潞党参 and 陵川连翘 are known as "2020"; 高平大黄梨 as 2020-10-28.
    expect(await on('2020-06-30')).toBe(0);
    expect(await on('2020-10-28')).toBe(1);
    expect(await on('2020-12-30')).toBe(1);
    expect(await on('2020-12-31')).toBe(4);
  });

  it('counts nothing in force before any grant', async () => {
    const tally = Tally.parse((await call(`${s.url}/api/tally?asOf=2000-01-01`)).body);
    expect(inForce(tally)).toEqual({ trademark: 0, protected_product: 0, agricultural_product: 0 });
    expect(tally.productsInForce).toBe(0);
  });

  it('defaults to the period containing today (else the latest) and asOf today capped at its end', async () => {
    const tally = Tally.parse((await call(`${s.url}/api/tally`)).body);
    expect(tally.period.name).toBe('十四五');
    const today = todayInShanghai();
    expect(tally.asOf).toBe(today < '2025-12-31' ? today : '2025-12-31');
    expect(tally.periodEnded).toBe(today > '2025-12-31');
  });

  it.each([
    ['2021-02-30', 'asOf'], ['yesterday', 'asOf'], ['2021-2-3', 'asOf'], ['abc', 'period'], ['0', 'period'],
  ])('refuses %s with a 400 naming %s', async (value, name) => {
    const res = await call(`${s.url}/api/tally?${name}=${value}`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain(name);
    expect(res.body.error.issues[0].path).toEqual([name]);
  });

  it('refuses an unknown query key and answers 404 for an unknown period', async () => {
    expect((await call(`${s.url}/api/tally?when=2020-01-01`)).status).toBe(400);
    const res = await call(`${s.url}/api/tally?period=999`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});

describe('GET /api/tally/series', () => {
  it('starts at the baseline and matches the tally at its last point', async () => {
    const res = await call(`${s.url}/api/tally/series?period=1&step=quarter`);
    expect(res.status).toBe(200);
    const series = TallySeries.parse(res.body);
    expect(series.points[0]).toEqual({
      on: '2020-12-31', inForce: { trademark: 4, protected_product: 2, agricultural_product: 7 },
      converted: { trademark: 0, protected_product: 0, agricultural_product: 0 },
    });
    const last = series.points.at(-1)!;
    const tally = Tally.parse((await call(`${s.url}/api/tally?period=1&asOf=${last.on}`)).body);
    expect(last.inForce).toEqual(inForce(tally));
  });

  it('refuses an unknown step', async () => {
    const res = await call(`${s.url}/api/tally/series?step=week`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('step');
  });
});

describe("the app's clock", () => {
  it('dates a tally and a series with no asOf by the injected clock (its day in Asia/Shanghai), not the machine’s', async () => {
    // 2023-06-14 17:30 UTC is already 15 June in Shanghai; the machine's today is past the period's end.
    const clocked = await startWithClock(new Date('2023-06-14T17:30:00Z'));
    try {
      const on = async (query = '') => Tally.parse((await call(`${clocked.url}/api/tally${query}`)).body);
      expect((await on()).asOf).toBe('2023-06-15');
      expect(TallySeries.parse((await call(`${clocked.url}/api/tally/series?step=month`)).body).points.at(-1)!.on).toBe('2023-06-15');
      // Read on each request, not once: a day later the same URL says so, though the registry has not
      // changed (the fast path must not answer yesterday's tally, series or report from its URL memo).
      const report = async () => (await call(`${clocked.url}/api/reports/annual?year=2023`)).body.asOf as string;
      expect(await report()).toBe('2023-06-15');
      clocked.clock.advance(24 * 3_600_000);
      expect((await on()).asOf).toBe('2023-06-16');
      expect(TallySeries.parse((await call(`${clocked.url}/api/tally/series?step=month`)).body).points.at(-1)!.on).toBe('2023-06-16');
      expect(await report()).toBe('2023-06-16');
    } finally {
      await clocked.close();
    }
  });

  it('says the period ended from the first day after it, for the default tally and an explicit one, though nothing was written', async () => {
    // 2025-12-31 15:30 UTC is 23:30 on the period's last day in Shanghai; half an hour later it has ended.
    const clocked = await startWithClock(new Date('2025-12-31T15:30:00Z'));
    try {
      const on = async (query = '') => Tally.parse((await call(`${clocked.url}/api/tally${query}`)).body);
      for (const query of ['', '?period=1', '?period=1&asOf=2023-06-30']) expect((await on(query)).periodEnded, query).toBe(false);
      expect((await on()).asOf).toBe('2025-12-31');
      clocked.clock.advance(3_600_000);
      // The same URLs, answered before at this registry version: the fast path must not repeat yesterday's answer.
      for (const query of ['', '?period=1', '?period=1&asOf=2023-06-30']) expect((await on(query)).periodEnded, query).toBe(true);
      const shown = await on();
      expect(shown.period.name).toBe('十四五');
      expect(shown.asOf).toBe('2025-12-31');
    } finally {
      await clocked.close();
    }
  });
});

/** A write that bypasses the server is seen once the remembered registry version (2 ms) has lapsed. */
const outOfBandWindow = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('the cache', () => {
  const trademarks = async (asOf: string) =>
    Tally.parse((await call(`${s.url}/api/tally?period=1&asOf=${asOf}`)).body).types[0].inForce;

  it('answers from a write made through the API (a period target change)', async () => {
    expect((await call(`${s.url}/api/tally?period=1&asOf=2024-06-30`)).body.types[0].target).toBe(10);
    const cookie = await signIn(s.url, 'city');
    const body = { name: '十四五', nameEn: '14th Five-Year Plan', startsOn: '2021-01-01', endsOn: '2025-12-31', targets: [{ giType: 'trademark', baseline: 4, target: 12 }] };
    expect((await send(s.url, 'PUT', '/api/periods/1', body, cookie)).status).toBe(200);
    expect((await call(`${s.url}/api/tally?period=1&asOf=2024-06-30`)).body.types[0].target).toBe(12);
  });

  it('answers from a write made directly on the connection, with no invalidation call', async () => {
    const before = await trademarks('2024-06-30');
    const { id } = s.db.select({ id: t.products.id }).from(t.products).get()!;
    const d = s.db.insert(t.designations).values({ productId: id, giType: 'trademark', markKind: 'collective', status: 'granted' })
      .returning({ id: t.designations.id }).get();
    s.db.insert(t.transitions).values({ designationId: d.id, toStatus: 'granted', on: '2024-01-01' }).run();
    await outOfBandWindow();
    expect(await trademarks('2024-06-30')).toBe(before + 1);
  });

  it('answers from a write made by another connection (another process, a CLI)', async () => {
    const before = await trademarks('2024-06-30');
    const other = new Database(s.dbFile);
    other.prepare("UPDATE transitions SET \"on\" = '2025-01-01' WHERE \"on\" = '2024-01-01'").run();
    other.close();
    await outOfBandWindow();
    expect(await trademarks('2024-06-30')).toBe(before - 1);
  });
});
