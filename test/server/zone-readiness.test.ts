/**
 * Demonstration-zone readiness over HTTP, on a clock set to 2026-12-05 (so the year compared is 2025):
 * a GI with known users and households gives the right shares and years, passing and failing against
 * the national 60 % and then against 50 % once an admin changes the thresholds; producers from the
 * cooperative-farmer model when the figures have no households; a grant known only to the year is
 * "unknown" when it straddles the threshold; the closest-to-eligible order; county scope; and the
 * thresholds' PUT: admins only, audited, bad input 400 with nothing changed.
 *
 * Returns are written straight into the SQLite file (usage_returns): their endpoints are another
 * part of issue 21, and these tests must not wait on them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEvent, type ZoneReadiness, type ZoneReadinessItem } from '../../db/model';
import { addAccount, dumpTables, send, signIn, startWithClock } from './fixtures';

let s: Awaited<ReturnType<typeof startWithClock>>;
let qinshui: string;
let yangcheng: string;
let admin: string;

/** A product of 沁水县 with one protected-product designation, granted on `grantedOn` unless null; its ids. */
async function gi(nameZh: string, grantedOn: string | null) {
  const product = await send(s.url, 'POST', '/api/products', { nameZh, category: 'food', counties: ['140521'], visibility: 'public' }, qinshui);
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const d = await send(s.url, 'POST', `/api/products/${product.body.id}/designations`, { giType: 'protected_product', startedOn: '2018-01-01' }, qinshui);
  if (grantedOn) {
    expect((await send(s.url, 'POST', `/api/designations/${d.body.id}/transitions`, { to: 'filed', on: '2019', note: '', confirmIncomplete: true }, qinshui)).status).toBe(201);
    expect((await send(s.url, 'POST', `/api/designations/${d.body.id}/transitions`, { to: 'granted', on: grantedOn, note: '' }, qinshui)).status).toBe(201);
  }
  return { productId: product.body.id as number, designationId: d.body.id as number };
}

async function user(designationId: number, name: string, extra: { from?: string; until?: string; status?: string } = {}) {
  const res = await send(s.url, 'POST', `/api/designations/${designationId}/authorized-users`,
    { name, basis: 'approved_producer', from: extra.from ?? '2021-01-01', ...(extra.until ? { until: extra.until } : {}), ...(extra.status ? { status: extra.status } : {}) }, qinshui);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}

/** A return written straight into the database (see the file's comment). */
function usageReturn(authorizedUserId: number, year: number, markedTonnes: number, status: 'accepted' | 'submitted' = 'accepted') {
  s.db.$client.prepare('INSERT INTO usage_returns (authorized_user_id, year, marked_tonnes, status, via) VALUES (?, ?, ?, ?, ?)')
    .run(authorizedUserId, year, markedTonnes, status, 'county');
}

const readiness = async (cookie?: string, query = '') => send(s.url, 'GET', `/api/readiness${query}`, undefined, cookie);
const itemOf = (body: ZoneReadiness, designationId: number) => body.items.find((i) => i.designationId === designationId)!;

let ready: { productId: number; designationId: number };
let model: { productId: number; designationId: number };
let young: { productId: number; designationId: number };
let candidate: { productId: number; designationId: number };

beforeAll(async () => {
  s = await startWithClock(new Date('2026-12-05T04:00:00Z'));
  await addAccount(s.db, 'qs-zone', 'official', '140521');
  await addAccount(s.db, 'yc-zone', 'official', '140522');
  await addAccount(s.db, 'city-zone', 'admin');
  [qinshui, yangcheng, admin] = await Promise.all([signIn(s.url, 'qs-zone'), signIn(s.url, 'yc-zone'), signIn(s.url, 'city-zone')]);

  // 5 producers (2025's households; 2023's 50 are older), 3 users in force, 55 of 100 t under the mark, 6 years.
  ready = await gi('示范区测试黄梨', '2020-03-01');
  expect((await send(s.url, 'PUT', `/api/products/${ready.productId}/figures`, [
    { year: 2023, households: 50, outputTonnes: 900 }, { year: 2025, households: 5, outputTonnes: 100 },
  ], qinshui)).status).toBe(200);
  const [a, b, c] = [await user(ready.designationId, '梨甲'), await user(ready.designationId, '梨乙'), await user(ready.designationId, '梨丙')];
  await user(ready.designationId, '梨暂停', { status: 'suspended' });
  await user(ready.designationId, '梨到期', { from: '2020-06-01', until: '2025-12-31' });
  await user(ready.designationId, '梨未起', { from: '2027-01-01' });
  usageReturn(a, 2025, 30);
  usageReturn(b, 2025, 25);
  usageReturn(c, 2025, 10, 'submitted'); // not yet a declaration
  usageReturn(c, 2024, 90); // another year

  // No figures: producers from the model (1 enterprise + 1 cooperative + 8 households; the association is not a producer).
  model = await gi('示范区测试模式', '2023');
  expect((await send(s.url, 'PUT', `/api/products/${model.productId}/participants`, [
    { role: 'association', name: '某协会' }, { role: 'enterprise', name: '某公司' }, { role: 'cooperative', name: '某合作社', households: 30 },
    { role: 'farmers', households: 8 },
  ], qinshui)).status).toBe(200);
  await user(model.designationId, '模式甲');

  // Every user and all the output under the mark, but granted only in June 2024.
  young = await gi('示范区测试新标', '2024-06');
  expect((await send(s.url, 'PUT', `/api/products/${young.productId}/figures`, [{ year: 2025, households: 2, outputTonnes: 10 }], qinshui)).status).toBe(200);
  usageReturn(await user(young.designationId, '新标甲'), 2025, 4);
  usageReturn(await user(young.designationId, '新标乙'), 2025, 6);

  candidate = await gi('示范区测试培育', null);
});
afterAll(() => s.close());

describe('GET /api/readiness', () => {
  it('gives each criterion with its basis against 60 %: shares, years, pass and fail', async () => {
    const res = await readiness(qinshui);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body as ZoneReadiness;
    expect(body).toMatchObject({ asOf: '2026-12-05', year: 2025, county: '140521', settings: { producerShare: 0.6, outputShare: 0.6, minYears: 3 } });
    expect(itemOf(body, ready.designationId)).toMatchObject({
      productZh: '示范区测试黄梨', counties: ['140521'],
      producers: { result: 'pass', value: 0.6, threshold: 0.6, gap: 0, users: 3, producers: 5, basis: 'figures_households', basisYear: 2025 },
      output: { result: 'fail', value: 0.55, threshold: 0.6, markedTonnes: 55, reporters: 2, outputTonnes: 100 },
      years: { result: 'pass', value: 6, threshold: 3, grantedOn: '2020-03-01' },
      met: 2, eligible: false,
    } satisfies Partial<Record<keyof ZoneReadinessItem, unknown>>);
    expect(itemOf(body, ready.designationId).output.gap).toBeCloseTo(0.05 / 0.6, 9);
  });

  it('counts producers from the cooperative-farmer model without figures, and a grant known to the year can be unknown', async () => {
    const body = (await readiness(qinshui)).body as ZoneReadiness;
    expect(itemOf(body, model.designationId)).toMatchObject({
      producers: { result: 'fail', value: 0.1, users: 1, producers: 10, basis: 'participants', basisYear: null },
      output: { result: 'unknown', value: null, markedTonnes: 0, reporters: 0, outputTonnes: null, gap: 1 },
      // 2023: from its last day (2023-12-31) 2 years, from its first (2023-01-01) 3: not known.
      years: { result: 'unknown', value: 2, grantedOn: '2023', gap: 1 },
      met: 0,
    });
    expect(itemOf(body, young.designationId)).toMatchObject({
      producers: { result: 'pass', value: 1 }, output: { result: 'pass', value: 1 },
      years: { result: 'fail', value: 2, grantedOn: '2024-06' }, met: 2,
    });
    expect(body.items.map((i) => i.designationId)).not.toContain(candidate.designationId);
  });

  it('lists the closest to eligible: most criteria met, then the smallest gap', async () => {
    const body = (await readiness(admin)).body as ZoneReadiness;
    expect(body.county).toBeNull();
    // Only these two meet two criteria (the seeded GIs have no users); the model's meets none.
    expect(body.closest.slice(0, 2)).toEqual([ready.designationId, young.designationId]);
    const listed = body.closest.map((id) => itemOf(body, id));
    expect(listed.every((i) => !i.eligible)).toBe(true);
    for (let n = 1; n < listed.length; n++) {
      const [a, b] = [listed[n - 1], listed[n]];
      expect(a.met > b.met || (a.met === b.met && a.gap <= b.gap), `${a.productZh} before ${b.productZh}`).toBe(true);
    }
    const left = body.items.filter((i) => !i.eligible && !body.closest.includes(i.designationId));
    expect(left.every((i) => i.met < listed.at(-1)!.met || (i.met === listed.at(-1)!.met && i.gap >= listed.at(-1)!.gap))).toBe(true);
    expect(body.closest.length).toBe(Math.min(10, body.items.filter((i) => !i.eligible).length));
  });

  it('an official of another county sees none of it; naming another county is 403; the public 401', async () => {
    const other = (await readiness(yangcheng)).body as ZoneReadiness;
    expect(other.items.map((i) => i.productZh)).not.toContain('示范区测试黄梨');
    expect(other.closest).not.toContain(ready.designationId);
    expect((await readiness(yangcheng, '?county=140521')).status).toBe(403);
    expect((await readiness(undefined)).status).toBe(401);
    expect((await readiness(admin, '?county=140522')).body.items.map((i: ZoneReadinessItem) => i.productZh)).not.toContain('示范区测试黄梨');
  });
});

describe('the thresholds', () => {
  const put = (body: unknown, cookie = admin, headers: Record<string, string> = {}) => send(s.url, 'PUT', '/api/readiness-settings', body, cookie, headers);

  it.each([
    ['a share above 1', { producerShare: 1.2, outputShare: 0.6, minYears: 3 }, 'producerShare'],
    ['a negative share', { producerShare: 0.6, outputShare: -0.1, minYears: 3 }, 'outputShare'],
    ['a share as text', { producerShare: '0.5', outputShare: 0.6, minYears: 3 }, 'producerShare'],
    ['part of a year', { producerShare: 0.6, outputShare: 0.6, minYears: 2.5 }, 'minYears'],
    ['more than 20 years', { producerShare: 0.6, outputShare: 0.6, minYears: 21 }, 'minYears'],
    ['negative years', { producerShare: 0.6, outputShare: 0.6, minYears: -1 }, 'minYears'],
    ['a field missing', { producerShare: 0.5, outputShare: 0.5 }, 'minYears'],
    ['an unknown field', { producerShare: 0.5, outputShare: 0.5, minYears: 3, province: '山西' }, ''],
    ['null', { producerShare: null, outputShare: 0.5, minYears: 3 }, 'producerShare'],
  ])('refuses %s with 400 and changes nothing', async (_what, body, field) => {
    const before = dumpTables(s.db);
    const res = await put(body);
    expect(res.status).toBe(400);
    const issue = (res.body.error.issues as { path: string[]; message: string }[]).find((i) => (i.path[0] ?? '') === field);
    expect(issue, JSON.stringify(res.body)).toBeDefined();
    if (field) expect(issue!.message).toContain(' / ');
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('is for admins only (401, 403, another site 403) and readable by officials', async () => {
    const before = dumpTables(s.db);
    const body = { producerShare: 0.5, outputShare: 0.5, minYears: 3 };
    expect((await put(body, '')).status).toBe(401);
    expect((await put(body, qinshui)).status).toBe(403);
    expect((await put(body, admin, { origin: 'https://evil.example' })).status).toBe(403);
    expect(dumpTables(s.db)).toEqual(before);
    const read = await send(s.url, 'GET', '/api/readiness-settings', undefined, qinshui);
    expect(read).toMatchObject({ status: 200, body: { producerShare: 0.6, outputShare: 0.6, minYears: 3 } });
    expect((await send(s.url, 'GET', '/api/readiness-settings')).status).toBe(401);
  });

  it('at 50 % (an admin\u2019s change, audited) the same GI passes', async () => {
    const res = await put({ producerShare: 0.5, outputShare: 0.5, minYears: 3 });
    expect(res).toMatchObject({ status: 200, body: { producerShare: 0.5, outputShare: 0.5, minYears: 3 } });
    const body = (await readiness(qinshui)).body as ZoneReadiness;
    expect(body.settings).toEqual({ producerShare: 0.5, outputShare: 0.5, minYears: 3 });
    expect(itemOf(body, ready.designationId)).toMatchObject({
      producers: { result: 'pass', threshold: 0.5 }, output: { result: 'pass', value: 0.55, threshold: 0.5, gap: 0 }, years: { result: 'pass' },
      met: 3, eligible: true, gap: 0,
    });
    expect(body.closest).not.toContain(ready.designationId);
    expect(body.closest[0]).toBe(young.designationId);

    const audit = await send(s.url, 'GET', '/api/audit?entity=readiness_settings', undefined, admin);
    expect(audit.body.items).toHaveLength(1);
    const zh = describeAuditEvent(audit.body.items[0], 'zh', { counties: {} });
    expect(zh.summary).toBe('修改地理标志保护示范区条件门槛');
    expect(zh.changes).toEqual(['用标生产者占比门槛：60% → 50%', '用标产量占比门槛：60% → 50%']);
    expect(describeAuditEvent(audit.body.items[0], 'en', { counties: {} }).summary).toBe('Changed the demonstration-zone thresholds');
  });
});
