/**
 * Signals from the yearly usage returns over HTTP, on a clock set to 2026-12-05 (Asia/Shanghai): the
 * ceiling flag rises exactly when the accepted returns' marked tonnes pass area × yield (else the
 * output), never without figures; users silent for the last two complete years they were authorised
 * in; terms ending within 90 days (boundary days, the clock moved); an official sees only their county.
 * The public aggregates withhold a year with fewer than three reporters and never carry one company's
 * volume, and stay right behind the ready cache when a return is added.
 *
 * Returns are written straight into the SQLite file here (usage_returns, as the schema has it): the
 * returns' own endpoints are another part of issue 21, and these tests must not wait on them. The
 * figures, yield per mu included, go through PUT /api/products/:id/figures as an official enters them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MarkUse, Signals, SilentUser, TermEnding, VolumeSignal } from '../../db/model';
import { addAccount, send, signIn, startWithClock } from './fixtures';

let s: Awaited<ReturnType<typeof startWithClock>>;
let qinshui: string;
let yangcheng: string;
let admin: string;

/** Noon of 2026-12-05 in Asia/Shanghai. */
const START = new Date('2026-12-05T04:00:00Z');

/** A public product of `county` with one protected-product designation granted on `grantedOn`; its ids. */
async function grantedGi(nameZh: string, county: string, cookie: string, grantedOn = '2020-03-01') {
  const product = await send(s.url, 'POST', '/api/products', { nameZh, category: 'food', counties: [county], visibility: 'public' }, cookie);
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const d = await send(s.url, 'POST', `/api/products/${product.body.id}/designations`, { giType: 'protected_product', startedOn: '2018-01-01' }, cookie);
  expect(d.status).toBe(201);
  expect((await send(s.url, 'POST', `/api/designations/${d.body.id}/transitions`, { to: 'filed', on: '2019', note: '', confirmIncomplete: true }, cookie)).status).toBe(201);
  expect((await send(s.url, 'POST', `/api/designations/${d.body.id}/transitions`, { to: 'granted', on: grantedOn, note: '' }, cookie)).status).toBe(201);
  return { productId: product.body.id as number, designationId: d.body.id as number };
}

/** Adds an authorised user; its id. */
async function user(designationId: number, name: string, cookie: string, extra: { from?: string; until?: string; status?: string } = {}) {
  const res = await send(s.url, 'POST', `/api/designations/${designationId}/authorized-users`,
    { name, basis: 'approved_producer', from: extra.from ?? '2020-01-01', ...(extra.until ? { until: extra.until } : {}), ...(extra.status ? { status: extra.status } : {}) }, cookie);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}

/** A return written straight into the database (see the file's comment). */
function usageReturn(authorizedUserId: number, year: number, markedTonnes: number | null, status: 'accepted' | 'submitted' | 'returned' = 'accepted') {
  s.db.$client.prepare('INSERT INTO usage_returns (authorized_user_id, year, marked_tonnes, status, via) VALUES (?, ?, ?, ?, ?)')
    .run(authorizedUserId, year, markedTonnes, status, 'county');
}

const signals = async (cookie?: string, query = '') => send(s.url, 'GET', `/api/signals${query}`, undefined, cookie);
const volumeOf = (body: Signals, designationId: number, year: number) => body.volumes.find((v) => v.designationId === designationId && v.year === year);

let honey: { productId: number; designationId: number };
let millet: { productId: number; designationId: number };
let walnut: { productId: number; designationId: number };
const users: Record<string, number> = {};

beforeAll(async () => {
  s = await startWithClock(START);
  await addAccount(s.db, 'qs-signals', 'official', '140521');
  await addAccount(s.db, 'yc-signals', 'official', '140522');
  await addAccount(s.db, 'city-signals', 'admin');
  [qinshui, yangcheng, admin] = await Promise.all([signIn(s.url, 'qs-signals'), signIn(s.url, 'yc-signals'), signIn(s.url, 'city-signals')]);
  honey = await grantedGi('信号测试蜂蜜', '140521', qinshui);
  millet = await grantedGi('信号测试小米', '140522', yangcheng);
  walnut = await grantedGi('信号测试核桃', '140521', qinshui);
  // 2025: 1,000 mu at 150 kg a mu bounds it at 150 t, though the recorded output says 500 t.
  // 2024: output only, 80 t. 2023: no figures at all.
  const figures = await send(s.url, 'PUT', `/api/products/${honey.productId}/figures`, [
    { year: 2024, outputTonnes: 80, sources: ['沁水县统计公报 2024'] },
    { year: 2025, areaMu: 1000, yieldKgPerMu: 150, outputTonnes: 500, households: 40, sources: ['沁水县统计公报 2025'] },
  ], qinshui);
  expect(figures.status, JSON.stringify(figures.body)).toBe(200);
  expect(figures.body[1]).toMatchObject({ year: 2025, areaMu: 1000, yieldKgPerMu: 150 });
  for (const name of ['甲蜂业公司', '乙蜂业合作社', '丙蜂产品公司']) users[name] = await user(honey.designationId, name, qinshui);
});
afterAll(() => s.close());

describe('the ceiling flag', () => {
  it('is not raised at the ceiling, and tells the basis: area × yield before the output', async () => {
    usageReturn(users['甲蜂业公司'], 2025, 100);
    usageReturn(users['乙蜂业合作社'], 2025, 50);
    // Not declarations: a company's return awaiting the county, and one sent back.
    usageReturn(users['丙蜂产品公司'], 2025, 1000, 'submitted');
    const res = await signals(qinshui);
    expect(res.status).toBe(200);
    expect(volumeOf(res.body, honey.designationId, 2025)).toMatchObject({
      productId: honey.productId, productZh: '信号测试蜂蜜', counties: ['140521'], declaredTonnes: 150, returns: 2, exceeds: false,
      ceiling: { basis: 'area_yield', tonnes: 150, areaMu: 1000, yieldKgPerMu: 150, outputTonnes: 500 },
    } satisfies Partial<VolumeSignal>);
  });

  it('rises when the declared tonnes pass the ceiling by a kilogram, and the flagged come first', async () => {
    s.db.$client.prepare("UPDATE usage_returns SET status = 'accepted', marked_tonnes = 0.001 WHERE authorized_user_id = ? AND year = 2025").run(users['丙蜂产品公司']);
    const body = (await signals(qinshui)).body as Signals;
    expect(volumeOf(body, honey.designationId, 2025)).toMatchObject({ declaredTonnes: 150.001, returns: 3, exceeds: true, ceiling: { basis: 'area_yield', tonnes: 150 } });
    expect(body.volumes[0]).toMatchObject({ designationId: honey.designationId, year: 2025, exceeds: true });
  });

  it('falls back to the output when area or yield is missing; with no figures the ceiling is unknown and never flags', async () => {
    usageReturn(users['甲蜂业公司'], 2024, 61.25);
    usageReturn(users['乙蜂业合作社'], 2024, 19.25);
    usageReturn(users['甲蜂业公司'], 2023, 99_999);
    usageReturn(users['乙蜂业合作社'], 2023, 1, 'returned');
    const body = (await signals(qinshui)).body as Signals;
    expect(volumeOf(body, honey.designationId, 2024)).toMatchObject({ declaredTonnes: 80.5, returns: 2, exceeds: true, ceiling: { basis: 'output', tonnes: 80, areaMu: null, yieldKgPerMu: null } });
    expect(volumeOf(body, honey.designationId, 2023)).toMatchObject({
      declaredTonnes: 99_999, returns: 1, exceeds: false, ceiling: { basis: 'unknown', tonnes: null, areaMu: null, yieldKgPerMu: null, outputTonnes: null },
    });
  });
});

describe('yield per mu as an official enters it', () => {
  it('makes area × yield the ceiling once PUT figures carries it, and the output again once it is taken out', async () => {
    const pepper = await grantedGi('信号测试花椒', '140521', qinshui);
    usageReturn(await user(pepper.designationId, '寅花椒合作社', qinshui), 2025, 20);
    const put = (year: Record<string, unknown>) => send(s.url, 'PUT', `/api/products/${pepper.productId}/figures`, [year], qinshui);
    // 200 mu at 120 kg a mu: 24 t, above the 20 t declared though the recorded output (10 t) is below it.
    const entered = await put({ year: 2025, areaMu: 200, yieldKgPerMu: 120, outputTonnes: 10, sources: ['沁水县花椒产业统计 2025'] });
    expect(entered.status, JSON.stringify(entered.body)).toBe(200);
    expect(entered.body).toEqual([expect.objectContaining({ year: 2025, areaMu: 200, yieldKgPerMu: 120, outputTonnes: 10 })]);
    expect(volumeOf((await signals(qinshui)).body, pepper.designationId, 2025)).toMatchObject({
      declaredTonnes: 20, exceeds: false, ceiling: { basis: 'area_yield', tonnes: 24, areaMu: 200, yieldKgPerMu: 120, outputTonnes: 10 },
    });
    expect((await put({ year: 2025, areaMu: 200, outputTonnes: 10 })).status).toBe(200);
    expect(volumeOf((await signals(qinshui)).body, pepper.designationId, 2025)).toMatchObject({
      declaredTonnes: 20, exceeds: true, ceiling: { basis: 'output', tonnes: 10, areaMu: 200, yieldKgPerMu: null },
    });
  });

  it.each([
    ['a negative yield', -150],
    ['an absurd yield (above 100,000 kg a mu)', 150_000],
  ])('refuses %s with a 400 and keeps the ceiling as it was', async (_, yieldKgPerMu) => {
    const before = volumeOf((await signals(qinshui)).body, honey.designationId, 2025);
    const res = await send(s.url, 'PUT', `/api/products/${honey.productId}/figures`, [{ year: 2025, areaMu: 1000, yieldKgPerMu }], qinshui);
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: (string | number)[] }) => i.path.join('.'))).toEqual(['0.yieldKgPerMu']);
    expect(volumeOf((await signals(qinshui)).body, honey.designationId, 2025)).toEqual(before);
  });
});

describe('users silent for the last two complete years', () => {
  const silentNames = (body: Signals) => body.silent.map((u) => u.name);

  it('lists active users with no accepted or submitted return for 2024 and 2025, counting only years they were authorised in', async () => {
    const d = walnut.designationId;
    const id = {
      quiet: await user(d, '丁沉默蜂场', qinshui, { from: '2019-05-01' }),
      submitted: await user(d, '戊已提交蜂场', qinshui),
      lastYearOnly: await user(d, '己前年报告蜂场', qinshui),
      sentBack: await user(d, '庚被退回蜂场', qinshui),
      newThisYear: await user(d, '辛今年新增蜂场', qinshui, { from: '2026-01-01' }),
      sinceMid2025: await user(d, '壬去年新增蜂场', qinshui, { from: '2025-06-01' }),
      suspended: await user(d, '癸暂停蜂场', qinshui, { status: 'suspended' }),
      endedIn2023: await user(d, '子已到期蜂场', qinshui, { from: '2019-01-01', until: '2023-12-31' }),
    };
    usageReturn(id.submitted, 2025, 3, 'submitted');
    usageReturn(id.lastYearOnly, 2024, 2);
    usageReturn(id.sentBack, 2025, 2, 'returned');
    const body = (await signals(qinshui)).body as Signals;
    expect(body.silentYears).toEqual([2024, 2025]);
    expect(silentNames(body)).toEqual(expect.arrayContaining(['丁沉默蜂场', '庚被退回蜂场', '壬去年新增蜂场']));
    for (const name of ['戊已提交蜂场', '己前年报告蜂场', '辛今年新增蜂场', '癸暂停蜂场', '子已到期蜂场', '甲蜂业公司', '乙蜂业合作社', '丙蜂产品公司']) {
      expect(silentNames(body)).not.toContain(name);
    }
    const quiet = body.silent.find((u) => u.name === '丁沉默蜂场')!;
    expect(quiet).toMatchObject({ authorizedUserId: id.quiet, designationId: d, productId: walnut.productId, from: '2019-05-01', until: null, yearsChecked: [2024, 2025] } satisfies Partial<SilentUser>);
    expect(body.silent.find((u) => u.name === '壬去年新增蜂场')!.yearsChecked).toEqual([2025]);
  });
});

describe('a converted agricultural-product GI (its mark no longer in force from the conversion day)', () => {
  it('asks its users for returns up to the conversion day only, lists none of their terms as ending, and leaves readiness to the GI it became', async () => {
    const product = await send(s.url, 'POST', '/api/products', { nameZh: '信号测试转换小米', category: 'food', counties: ['140521'], visibility: 'public' }, qinshui);
    expect(product.status, JSON.stringify(product.body)).toBe(201);
    const agi = await send(s.url, 'POST', `/api/products/${product.body.id}/designations`, { giType: 'agricultural_product', startedOn: '2014-01-01' }, qinshui);
    expect(agi.status, JSON.stringify(agi.body)).toBe(201);
    for (const [to, on] of [['filed', '2014-06-01'], ['granted', '2015-06-01']]) {
      expect((await send(s.url, 'POST', `/api/designations/${agi.body.id}/transitions`, { to, on, note: '', confirmIncomplete: true }, qinshui)).status).toBe(201);
    }
    await user(agi.body.id, '丑转换前沉默合作社', qinshui, { from: '2016-01-01' });
    usageReturn(await user(agi.body.id, '寅转换前到期合作社', qinshui, { from: '2016-01-01', until: '2027-01-15' }), 2024, 1);
    const before = (await signals(qinshui)).body as Signals;
    expect(before.silent.find((u) => u.name === '丑转换前沉默合作社')?.yearsChecked).toEqual([2024, 2025]);
    expect(before.termsEnding.map((u) => [u.name, u.daysLeft])).toContainEqual(['寅转换前到期合作社', 41]);

    const converted = await send(s.url, 'POST', `/api/designations/${agi.body.id}/conversion`, { on: '2024-06-30', announcement: '第646号' }, qinshui);
    expect(converted.status, JSON.stringify(converted.body)).toBe(201);
    const after = (await signals(qinshui)).body as Signals;
    expect(after.silent.find((u) => u.name === '丑转换前沉默合作社')?.yearsChecked).toEqual([2024]);
    expect(after.termsEnding.map((u) => u.name)).not.toContain('寅转换前到期合作社');

    const readiness = (await send(s.url, 'GET', '/api/readiness', undefined, qinshui)).body as { items: { designationId: number }[] };
    const ids = readiness.items.map((i) => i.designationId);
    expect(ids).not.toContain(agi.body.id);
    expect(ids).toContain(converted.body.into.id);
  });
});

describe('county scope', () => {
  it('an official of another county sees only their county; naming another county is 403; the public gets 401; an admin sees all or one county', async () => {
    await user(millet.designationId, '阳城小米沉默合作社', yangcheng, { from: '2018-01-01' });
    const own = (await signals(yangcheng)).body as Signals;
    expect(own.county).toBe('140522');
    expect(own.silent.map((u) => u.name)).toEqual(['阳城小米沉默合作社']);
    expect(own.volumes).toEqual([]);
    expect(JSON.stringify(own)).not.toContain('信号测试蜂蜜');
    expect(((await signals(qinshui)).body as Signals).silent.map((u) => u.name)).not.toContain('阳城小米沉默合作社');

    const other = await signals(yangcheng, '?county=140521');
    expect(other.status).toBe(403);
    expect(other.body.error.message).toMatch(/本县.* \/ Officials may only look at their own county/);
    expect((await signals(undefined)).status).toBe(401);
    expect((await signals(qinshui, '?county=nope')).status).toBe(400);
    // Six digits, but no county the registry has ever had (the counties are data): 400, named as such, for an admin too.
    const unknown = await signals(admin, '?county=110000');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe('unknown_county');
    expect((await send(s.url, 'GET', '/api/readiness?county=110000', undefined, admin)).body.error.code).toBe('unknown_county');
    expect((await signals(qinshui, '?year=2025')).status).toBe(400);

    const all = (await signals(admin)).body as Signals;
    expect(all.county).toBeNull();
    expect(all.silent.map((u) => u.name)).toEqual(expect.arrayContaining(['丁沉默蜂场', '阳城小米沉默合作社']));
    const yc = (await signals(admin, '?county=140522')).body as Signals;
    expect(yc.silent.map((u) => u.name)).toEqual(['阳城小米沉默合作社']);
  });
});

describe('public aggregates', () => {
  const markUse = async (productId: number, cookie?: string) => send(s.url, 'GET', `/api/products/${productId}/mark-use`, undefined, cookie);

  it('count the reporters and total their tonnes against the ceiling; a year with fewer than three reporters is withheld', async () => {
    const res = await markUse(honey.productId);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = res.body as MarkUse;
    expect(body.minReporters).toBe(3);
    expect(body.sources.length).toBeGreaterThan(0);
    const years = body.designations.find((d) => d.designationId === honey.designationId)!.years;
    expect(years.map((y) => y.year)).toEqual([2025, 2024, 2023]);
    expect(years[0]).toEqual({
      year: 2025, reporters: 3, markedTonnes: 150.001, withheld: false,
      ceiling: { basis: 'area_yield', tonnes: 150, areaMu: 1000, yieldKgPerMu: 150, outputTonnes: 500 },
      ceilingSources: [{ title: '沁水县统计公报 2025', url: null }],
    });
    expect(years[1]).toMatchObject({ year: 2024, reporters: 2, markedTonnes: null, withheld: true, ceiling: { basis: 'output', tonnes: 80 } });
    expect(years[2]).toMatchObject({ year: 2023, reporters: 1, markedTonnes: null, withheld: true, ceiling: { basis: 'unknown' } });
    // Nothing of one company: no names, no ids, no single volume, no total of two.
    const text = JSON.stringify(body);
    for (const secret of ['甲蜂业公司', '乙蜂业合作社', 'authorizedUserId', '61.25', '19.25', '80.5', '99999']) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/:(100|50)[,}]/);
  });

  it('follow a new return at once (the registry version moves), and a draft product is 404 to the public', async () => {
    expect((await markUse(honey.productId)).body.designations[0].years[1].withheld).toBe(true); // kept by the ready cache
    usageReturn(users['丙蜂产品公司'], 2024, 0.5);
    await new Promise((r) => setTimeout(r, 10)); // the version is remembered for 2 ms across processes
    const year2024 = ((await markUse(honey.productId)).body as MarkUse).designations[0].years[1];
    expect(year2024).toMatchObject({ year: 2024, reporters: 3, markedTonnes: 81, withheld: false });

    const draft = await send(s.url, 'POST', '/api/products', { nameZh: '信号测试草稿', category: 'food', counties: ['140521'] }, qinshui);
    expect((await markUse(draft.body.id)).status).toBe(404);
    expect((await markUse(draft.body.id, qinshui)).status).toBe(200);
    expect((await markUse(999_999)).status).toBe(404);
    expect((await send(s.url, 'GET', '/api/products/abc/mark-use')).status).toBe(400);
  });
});

describe('terms ending within 90 days (the app clock)', () => {
  it('lists a term ending today and on the 90th day, not the 91st nor yesterday; a day later the 91st comes in', async () => {
    const d = millet.designationId;
    await user(d, '到期-今天', yangcheng, { from: '2020-01-01', until: '2026-12-05' });
    await user(d, '到期-第90天', yangcheng, { from: '2020-01-01', until: '2027-03-05' });
    await user(d, '到期-第91天', yangcheng, { from: '2020-01-01', until: '2027-03-06' });
    await user(d, '到期-昨天', yangcheng, { from: '2020-01-01', until: '2026-12-04' });
    await user(d, '到期-暂停', yangcheng, { from: '2020-01-01', until: '2027-01-01', status: 'suspended' });
    const ending = (body: Signals) => body.termsEnding.map((u: TermEnding) => [u.name, u.daysLeft]);
    const first = (await signals(yangcheng)).body as Signals;
    expect(first.asOf).toBe('2026-12-05');
    expect(first.termDays).toBe(90);
    expect(ending(first)).toEqual([['到期-今天', 0], ['到期-第90天', 90]]);

    s.clock.advance(24 * 60 * 60 * 1000);
    const again = (await signals(await signIn(s.url, 'yc-signals'))).body as Signals;
    expect(again.asOf).toBe('2026-12-06');
    expect(ending(again)).toEqual([['到期-第90天', 89], ['到期-第91天', 90]]);
    expect(again.termsEnding[0]).toMatchObject({ until: '2027-03-05', productZh: '信号测试小米', counties: ['140522'] });
  });
});
