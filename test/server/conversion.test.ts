/**
 * Converting an agricultural-product GI into a 地理标志产品 over HTTP on the seeded registry: recording it
 * (one transaction, both designations linked), every refusal changing nothing, the tally and its series
 * counting each GI once on any date, the feed's entry, the cultivation board's list of what is still to
 * convert, the conversions' checklist, and the history's sentences.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEvent, Tally, TallySeries, todayInShanghai, type AuditEvent, type Designation, type Product } from '../../db/model';
import { call, startServer, type TestServer } from '../support/server';
import { addAccount, dumpTables, send, signIn, startWithClock } from './fixtures';

let s: TestServer;
let qinshui: string;
let yangcheng: string;
let admin: string;

/** The seeded designation of a product by its Chinese name and type. */
function seeded(nameZh: string, giType: string): { id: number; productId: number } {
  const row = s.db.$client.prepare(`SELECT d.id AS id, d.product_id AS productId FROM designations d JOIN products p ON p.id = d.product_id
    WHERE p.name_zh = ? AND d.gi_type = ?`).get(nameZh, giType) as { id: number; productId: number } | undefined;
  if (!row) throw new Error(`no ${giType} of ${nameZh}`);
  return row;
}

const tally = async (asOf: string) => Tally.parse((await call(`${s.url}/api/tally?period=1&asOf=${asOf}`)).body);
const typeOf = (x: Tally | Tally['counties'][number], giType: string) => x.types.find((y) => y.giType === giType)!;
const countyOf = (x: Tally, code: string) => x.counties.find((c) => c.code === code)!;
const product = async (id: number, cookie?: string) => (await send(s.url, 'GET', `/api/products/${id}`, undefined, cookie)).body as Product;
const convert = (id: number, body: unknown, cookie = qinshui) => send(s.url, 'POST', `/api/designations/${id}/conversion`, body, cookie);

/** A new public product of 沁水县 (qinshui's county) with a designation of `giType` granted on `grantedOn`. */
async function grantedDesignation(giType: string, grantedOn = '2015-06-01', productId?: number): Promise<{ id: number; productId: number }> {
  const pid = productId ?? (await send(s.url, 'POST', '/api/products', { nameZh: `转换测试${Math.random()}`, category: 'food', counties: ['140521'], visibility: 'public' }, qinshui)).body.id;
  const body = giType === 'trademark' ? { giType, markKind: 'collective', startedOn: '2014-01-01' } : { giType, startedOn: '2014-01-01' };
  const d = await send(s.url, 'POST', `/api/products/${pid}/designations`, body, qinshui);
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  for (const [to, on] of [['filed', '2014-06-01'], ['granted', grantedOn]]) {
    const moved = await send(s.url, 'POST', `/api/designations/${d.body.id}/transitions`, { to, on, confirmIncomplete: true }, qinshui);
    expect(moved.status, JSON.stringify(moved.body)).toBe(201);
  }
  return { id: d.body.id, productId: pid };
}

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qinshui', 'official', '140521');
  await addAccount(s.db, 'yangcheng', 'official', '140522');
  await addAccount(s.db, 'city', 'admin');
  [qinshui, yangcheng, admin] = await Promise.all([signIn(s.url, 'qinshui'), signIn(s.url, 'yangcheng'), signIn(s.url, 'city')]);
});
afterAll(() => s.close());

describe('refusals change nothing', () => {
  const tomorrow = todayInShanghai(new Date(Date.now() + 86_400_000));

  it.each([
    { what: 'a type that does not convert (a trademark)', make: async () => [(await grantedDesignation('trademark')).id, { on: '2024-09-01', announcement: '第646号' }], status: 400, code: 'not_convertible' },
    { what: 'an agricultural GI not granted', make: async () => {
      const pid = (await send(s.url, 'POST', '/api/products', { nameZh: '未获批', category: 'food', counties: ['140521'] }, qinshui)).body.id;
      return [(await send(s.url, 'POST', `/api/products/${pid}/designations`, { giType: 'agricultural_product', startedOn: '2014-01-01' }, qinshui)).body.id,
        { on: '2024-09-01', announcement: '第646号' }];
    }, status: 409, code: 'not_convertible' },
    { what: 'a date after today (by the app clock)', make: async () => [seeded('沁水黄小米', 'agricultural_product').id, { on: tomorrow, announcement: '第646号' }], status: 400, code: 'bad_request' },
    { what: 'a date before the grant (2010)', make: async () => [seeded('沁水黄小米', 'agricultural_product').id, { on: '2009-12-31', announcement: '第646号' }], status: 400, code: 'bad_request' },
    { what: 'no announcement', make: async () => [seeded('沁水黄小米', 'agricultural_product').id, { on: '2024-09-01' }], status: 400, code: 'bad_request' },
    { what: 'a blank announcement', make: async () => [seeded('沁水黄小米', 'agricultural_product').id, { on: '2024-09-01', announcement: '  ' }], status: 400, code: 'bad_request' },
    { what: 'a target of another product', make: async () => {
      const other = await send(s.url, 'POST', `/api/products/${(await grantedDesignation('trademark')).productId}/designations`, { giType: 'protected_product' }, qinshui);
      return [seeded('沁水黄小米', 'agricultural_product').id, { on: '2024-09-01', announcement: '第646号', designationId: other.body.id }];
    }, status: 400, code: 'bad_request' },
    { what: 'a target of another type', make: async () => {
      const agi = seeded('沁水黄小米', 'agricultural_product');
      const mark = await send(s.url, 'POST', `/api/products/${agi.productId}/designations`, { giType: 'trademark', markKind: 'collective' }, qinshui);
      return [agi.id, { on: '2024-09-01', announcement: '第646号', designationId: mark.body.id }];
    }, status: 400, code: 'bad_request' },
    { what: 'a target linked to another agricultural GI', make: async () => {
      const first = await grantedDesignation('agricultural_product');
      const second = await grantedDesignation('agricultural_product', '2016-01-01', first.productId);
      const started = await send(s.url, 'POST', `/api/products/${first.productId}/designations`, { giType: 'protected_product', convertedFromId: first.id }, qinshui);
      expect(started.status).toBe(201);
      return [second.id, { on: '2024-09-01', announcement: '第646号', designationId: started.body.id }];
    }, status: 409, code: 'already_linked' },
    { what: 'another county’s official', make: async () => [seeded('阳城桑椹', 'agricultural_product').id, { on: '2024-09-01', announcement: '第646号' }], status: 403, code: 'forbidden' },
  ])('$what → $status $code', async ({ make, status, code }) => {
    const [id, body] = await make();
    const before = dumpTables(s.db);
    const res = await convert(id as number, body as object);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('reads "today" from the app’s clock: a day after it is refused, the day itself is not', async () => {
    const clocked = await startWithClock(new Date('2024-09-05T04:00:00Z'));
    try {
      await addAccount(clocked.db, 'qs', 'official', '140521');
      const cookie = await signIn(clocked.url, 'qs');
      const id = (clocked.db.$client.prepare(`SELECT d.id FROM designations d JOIN products p ON p.id = d.product_id
        WHERE p.name_zh = '沁水黄小米' AND d.gi_type = 'agricultural_product'`).get() as { id: number }).id;
      const late = await send(clocked.url, 'POST', `/api/designations/${id}/conversion`, { on: '2024-09-06', announcement: '第646号' }, cookie);
      expect([late.status, late.body.error.issues[0].message]).toEqual([400, '转换日期不能晚于今天 2024-09-05 / The conversion may not be dated after today (2024-09-05)']);
      expect((await send(clocked.url, 'POST', `/api/designations/${id}/conversion`, { on: '2024-09-05', announcement: '第646号' }, cookie)).status).toBe(201);
    } finally {
      await clocked.close();
    }
  });

  it('refuses `converted` as a plain move, saying to record a conversion', async () => {
    const { id } = seeded('泽州黄小米', 'agricultural_product');
    const before = dumpTables(s.db);
    const res = await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'converted', on: '2024-09-01' }, admin);
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toEqual(['to']);
    expect(res.body.error.issues[0].message).toContain('/api/designations/{id}/conversion');
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('refuses to start a conversion of another product’s, or of a type that does not convert into it', async () => {
    const agi = seeded('沁水刺槐蜂蜜', 'agricultural_product');
    const elsewhere = await grantedDesignation('trademark');
    const before = dumpTables(s.db);
    const other = await send(s.url, 'POST', `/api/products/${elsewhere.productId}/designations`, { giType: 'protected_product', convertedFromId: agi.id }, qinshui);
    expect([other.status, other.body.error.issues[0].path]).toEqual([400, ['convertedFromId']]);
    const wrongType = await send(s.url, 'POST', `/api/products/${agi.productId}/designations`, { giType: 'trademark', markKind: 'collective', convertedFromId: agi.id }, qinshui);
    expect([wrongType.status, wrongType.body.error.issues[0].path]).toEqual([400, ['convertedFromId']]);
    expect(dumpTables(s.db)).toEqual(before);
  });
});

describe('recording a conversion of 沁水黄小米 on 2024-09-01', () => {
  let agi: { id: number; productId: number };
  let before: { eve: Tally; day: Tally; series: TallySeries };
  let answer: { converted: Designation; into: Designation };

  beforeAll(async () => {
    agi = seeded('沁水黄小米', 'agricultural_product');
    before = {
      eve: await tally('2024-08-31'), day: await tally('2024-09-01'),
      series: TallySeries.parse((await call(`${s.url}/api/tally/series?period=1&step=month`)).body),
    };
    const res = await convert(agi.id, { on: '2024-09-01', announcement: '第646号', number: 'GI2024-0646-01' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    answer = res.body;
  });

  it('moves the agricultural GI granted → converted on the day and grants a new 地理标志产品, each linking the other', () => {
    const { converted, into } = answer;
    expect(converted).toMatchObject({ id: agi.id, status: 'converted' });
    expect(converted.transitions.at(-1)).toMatchObject({ to: 'converted', on: '2024-09-01', by: 'qinshui' });
    expect(converted.transitions.at(-1)!.note).toContain('第646号');
    expect(converted.convertedTo).toEqual({ designationId: into.id, giType: 'protected_product', announcement: '第646号', on: '2024-09-01' });
    expect(into).toMatchObject({ productId: agi.productId, giType: 'protected_product', status: 'granted', grantedOn: '2024-09-01', announcement: '第646号', number: 'GI2024-0646-01' });
    expect(into.convertedFrom).toEqual({ designationId: agi.id, giType: 'agricultural_product', announcement: converted.announcement, on: '2024-09-01' });
    // Holder and authorised users are recorded as announced, not copied.
    expect(into.holder).toBeNull();
    expect(into.convertedTo).toBeNull();
    expect(converted.convertedFrom).toBeNull();
  });

  it('shows both links in the public product answer, and carries the protected area over to the new one', async () => {
    const p = await product(agi.productId);
    const converted = p.designations.find((d) => d.id === agi.id)!;
    const into = p.designations.find((d) => d.id === answer.into.id)!;
    expect(converted.convertedTo).toEqual(answer.converted.convertedTo);
    expect(into.convertedFrom).toEqual(answer.into.convertedFrom);
    expect(converted.transitions.every((m) => !('by' in m))).toBe(true);
    expect(converted.scope).not.toBeNull();
    expect(into.scope?.units.map((u) => u.code)).toEqual(converted.scope!.units.map((u) => u.code));
    expect(into.scope?.text).toBe(converted.scope!.text);
  });

  it('counts every GI once: the agricultural GI in force before the day, the 地理标志产品 from it', async () => {
    const [eve, day] = [await tally('2024-08-31'), await tally('2024-09-01')];
    expect(eve.types).toEqual(before.eve.types);
    expect(eve.counties).toEqual(before.eve.counties);
    const agri = typeOf(day, 'agricultural_product');
    const pp = typeOf(day, 'protected_product');
    const agriBefore = typeOf(before.day, 'agricultural_product');
    const ppBefore = typeOf(before.day, 'protected_product');
    expect(agri).toMatchObject({ inForce: agriBefore.inForce - 1, converted: 1, fromConversion: 0, towardTarget: agriBefore.towardTarget, target: 15 });
    expect(pp).toMatchObject({ inForce: ppBefore.inForce + 1, converted: 0, fromConversion: 1, towardTarget: ppBefore.towardTarget, target: 5 });
    expect(agri.towardTarget).toBe(agri.inForce - agri.fromConversion + agri.converted);
    expect(pp.remaining).toBe(Math.max(0, 5 - pp.towardTarget));
    expect(agri.progress).toBe(Math.round((agri.towardTarget / 15) * 1000) / 1000);
    const sum = (x: Tally) => x.types.reduce((n, y) => n + y.inForce, 0);
    expect(sum(day)).toBe(sum(before.day));
    expect(day.productsInForce).toBe(before.day.productsInForce);
    // 沁水县 (140521) the same, and no other county moves.
    const county = countyOf(day, '140521');
    expect(typeOf(county, 'agricultural_product')).toMatchObject({ inForce: typeOf(countyOf(before.day, '140521'), 'agricultural_product').inForce - 1, converted: 1 });
    expect(typeOf(county, 'protected_product')).toMatchObject({ inForce: typeOf(countyOf(before.day, '140521'), 'protected_product').inForce + 1, fromConversion: 1 });
    for (const c of day.counties.filter((x) => x.code !== '140521')) expect(c.types).toEqual(countyOf(before.day, c.code).types);
  });

  it('says the same in the series: converted from the month of the day', async () => {
    const series = TallySeries.parse((await call(`${s.url}/api/tally/series?period=1&step=month`)).body);
    const at = (x: TallySeries, on: string) => x.points.find((p) => p.on === on)!;
    expect(at(series, '2024-08-31')).toEqual(at(before.series, '2024-08-31'));
    const sept = at(series, '2024-09-30');
    const septBefore = at(before.series, '2024-09-30');
    expect(sept.converted).toEqual({ trademark: 0, protected_product: 0, agricultural_product: 1 });
    expect(septBefore.converted.agricultural_product).toBe(0);
    expect(sept.inForce.agricultural_product).toBe(septBefore.inForce.agricultural_product - 1);
    expect(sept.inForce.protected_product).toBe(septBefore.inForce.protected_product + 1);
    const last = series.points.at(-1)!;
    const tallyThen = await tally(last.on);
    expect(last.inForce).toEqual(Object.fromEntries(tallyThen.types.map((x) => [x.giType, x.inForce])));
    expect(last.converted).toEqual(Object.fromEntries(tallyThen.types.map((x) => [x.giType, x.converted])));
  });

  it('announces the conversion in the feed as one entry (not also as a grant)', async () => {
    const feed = (await call(`${s.url}/api/feed.atom`)).body as string;
    expect(feed).toContain('<title>沁水黄小米：农产品地理标志转换为地理标志保护产品</title>');
    expect(feed).toContain('沁水黄小米（沁水县）的农产品地理标志已转换为地理标志保护产品（公告 第646号）（2024-09-01）。');
    expect(feed).toContain('the Agricultural-product GI was converted into a GI protected product (announcement 第646号) on ');
    expect(feed).toContain('<category term="conversion"/>');
    expect(feed).not.toContain('<title>沁水黄小米：地理标志保护产品已获批</title>');
  });

  it('refuses a second conversion of it (409), or any move from `converted`, and changes nothing', async () => {
    const dump = dumpTables(s.db);
    const res = await convert(agi.id, { on: '2024-09-02', announcement: '第646号' });
    expect([res.status, res.body.error.code]).toEqual([409, 'already_converted']);
    for (const to of ['revoked', 'expired', 'granted']) {
      const moved = await send(s.url, 'POST', `/api/designations/${agi.id}/transitions`, { to, on: '2024-09-02' }, qinshui);
      expect([moved.status, moved.body.error.code]).toEqual([409, 'illegal_transition']);
    }
    expect(dumpTables(s.db)).toEqual(dump);
  });

  it('tells the history in both languages', async () => {
    const events = (await send(s.url, 'GET', `/api/audit?entity=designation&id=${agi.id}&action=conversion`, undefined, admin)).body.items as AuditEvent[];
    expect(events).toHaveLength(1);
    const names = { counties: {} };
    expect(describeAuditEvent(events[0], 'zh', names).summary).toBe('将 沁水黄小米 的 农产品地理标志 转换为 地理标志保护产品（公告 第646号）');
    expect(describeAuditEvent(events[0], 'en', names).summary).toBe('Converted the Agricultural-product GI of Qinshui yellow millet into a GI protected product (announcement 第646号)');
    expect(describeAuditEvent(events[0], 'zh', names).changes).toEqual(['状态：已获批 → 已转换（2024-09-01）']);
    const created = (await send(s.url, 'GET', `/api/audit?entity=designation&id=${answer.into.id}&action=create`, undefined, admin)).body.items as AuditEvent[];
    const from = answer.converted.announcement ? `公告 ${answer.converted.announcement}，` : '';
    expect(describeAuditEvent(created[0], 'zh', names).changes).toContain(`转换自：— → 农产品地理标志（${from}2024-09-01）`);
  });
});

describe('the cultivation board and starting a conversion', () => {
  const board = async (cookie = qinshui) => (await send(s.url, 'GET', '/api/cultivation', undefined, cookie)).body;

  it('lists the granted agricultural GIs not converted yet, of the viewer’s county only', async () => {
    const mine = await board();
    const names = mine.conversions.map((c: { productZh: string }) => c.productZh);
    expect(names).toContain('沁水刺槐蜂蜜');
    expect(names).not.toContain('沁水黄小米'); // converted above
    expect(names).not.toContain('阳城桑椹'); // another county
    expect(mine.conversions.every((c: { counties: string[] }) => c.counties.includes('140521'))).toBe(true);
    const city = await board(admin);
    expect(city.conversions.map((c: { productZh: string }) => c.productZh)).toEqual(expect.arrayContaining(['阳城桑椹', '阳城山茱萸', '泽州黄小米', '巴公大葱', '析城山小米']));
    expect(city.conversions.find((c: { productZh: string }) => c.productZh === '阳城山茱萸'))
      .toMatchObject({ giType: 'agricultural_product', convertsTo: 'protected_product', grantedOn: '2011-12-20', underWay: null });
  });

  it('starts a conversion with the conversions’ checklist, shows it under way, and drops it once recorded', async () => {
    const agi = seeded('沁水刺槐蜂蜜', 'agricultural_product');
    const started = await send(s.url, 'POST', `/api/products/${agi.productId}/designations`, { giType: 'protected_product', convertedFromId: agi.id, startedOn: '2024-10-08' }, qinshui);
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.convertedFrom).toEqual({ designationId: agi.id, giType: 'agricultural_product', announcement: null, on: null });
    const dossier = (await send(s.url, 'GET', `/api/designations/${started.body.id}/dossier`, undefined, qinshui)).body;
    expect(dossier.items.map((i: { key: string }) => i.key)).toEqual(['scope_review', 'specification', 'authorized_users', 'announcement']);
    expect(dossier.items[0].titleZh).toBe('保护范围按现行乡镇代码复核');
    const row = (await board()).conversions.find((c: { designationId: number }) => c.designationId === agi.id);
    expect(row.underWay).toEqual({ designationId: started.body.id, status: 'cultivating', readiness: 0, itemsReady: 0, itemsNeeded: 4 });
    // The agricultural GI says so too, and a second start is refused.
    expect((await product(agi.productId, qinshui)).designations.find((d) => d.id === agi.id)!.convertedTo)
      .toEqual({ designationId: started.body.id, giType: 'protected_product', announcement: null, on: null });
    const again = await send(s.url, 'POST', `/api/products/${agi.productId}/designations`, { giType: 'protected_product', convertedFromId: agi.id }, qinshui);
    expect([again.status, again.body.error.code]).toEqual([409, 'conversion_under_way']);
    // Granting it as a plain move would count both: refused until the conversion is recorded.
    await send(s.url, 'POST', `/api/designations/${started.body.id}/transitions`, { to: 'filed', on: '2024-10-09', confirmIncomplete: true }, qinshui);
    const granted = await send(s.url, 'POST', `/api/designations/${started.body.id}/transitions`, { to: 'granted', on: '2024-10-10' }, qinshui);
    expect([granted.status, granted.body.error.code]).toEqual([409, 'conversion_not_recorded']);
    // Recording it without naming the one under way is refused; naming it grants it on the day.
    const unnamed = await convert(agi.id, { on: '2024-10-10', announcement: '第650号' });
    expect([unnamed.status, unnamed.body.error.code]).toEqual([409, 'conversion_under_way']);
    const early = await convert(agi.id, { on: '2024-10-08', announcement: '第650号', designationId: started.body.id });
    expect(early.status).toBe(400);
    const res = await convert(agi.id, { on: '2024-10-10', announcement: '第650号', designationId: started.body.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.into).toMatchObject({ id: started.body.id, status: 'granted', grantedOn: '2024-10-10', announcement: '第650号' });
    expect(res.body.into.transitions.map((m: { to: string }) => m.to)).toEqual(['cultivating', 'filed', 'granted']);
    expect((await board()).conversions.map((c: { designationId: number }) => c.designationId)).not.toContain(agi.id);
    const t = await tally('2024-10-10');
    expect(typeOf(t, 'agricultural_product').converted).toBe(2);
    expect(typeOf(t, 'protected_product').fromConversion).toBe(2);
  });

  it('links a 地理标志产品 already granted on exactly the day, and refuses one granted on another day', async () => {
    const agi = seeded('泽州黄小米', 'agricultural_product');
    const zezhou = await signIn(s.url, 'city');
    const pp = await send(s.url, 'POST', `/api/products/${agi.productId}/designations`, { giType: 'protected_product', startedOn: '2024-01-01' }, zezhou);
    for (const [to, on] of [['filed', '2024-02-01'], ['granted', '2024-12-20']]) {
      expect((await send(s.url, 'POST', `/api/designations/${pp.body.id}/transitions`, { to, on, confirmIncomplete: true }, zezhou)).status).toBe(201);
    }
    const before = dumpTables(s.db);
    const other = await convert(agi.id, { on: '2024-12-19', announcement: '第660号', designationId: pp.body.id }, zezhou);
    expect(other.status).toBe(400);
    expect(dumpTables(s.db)).toEqual(before);
    const res = await convert(agi.id, { on: '2024-12-20', announcement: '第660号', designationId: pp.body.id }, zezhou);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.into.transitions.map((m: { to: string }) => m.to)).toEqual(['cultivating', 'filed', 'granted']);
    expect(res.body.into.convertedFrom.designationId).toBe(agi.id);
  });
});

describe('the conversions’ checklist', () => {
  it('is read and changed like the GI types’ own, with an audit id of its own', async () => {
    const got = await send(s.url, 'GET', '/api/dossier-templates/conversion', undefined, qinshui);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ giType: 'conversion', version: 1 });
    const items = [...got.body.items, { key: 'test_report', titleZh: '检测报告', titleEn: 'Test report' }];
    const put = await send(s.url, 'PUT', '/api/dossier-templates/conversion', { items }, admin);
    expect([put.status, put.body.version, put.body.items.length]).toEqual([200, 2, 5]);
    expect((await send(s.url, 'PUT', '/api/dossier-templates/conversion', { items }, qinshui)).status).toBe(403);
    const history = (await send(s.url, 'GET', '/api/audit?entity=dossier_template&id=1000', undefined, admin)).body.items as AuditEvent[];
    expect(history).toHaveLength(1);
    expect(describeAuditEvent(history[0], 'zh', { counties: {} }).summary).toBe('修改 转换为地理标志产品 的申报材料清单');
    // A conversion started now follows the new version.
    const agi = seeded('阳城桑椹', 'agricultural_product');
    const started = await send(s.url, 'POST', `/api/products/${agi.productId}/designations`, { giType: 'protected_product', convertedFromId: agi.id }, yangcheng);
    expect(started.status).toBe(201);
    const dossier = (await send(s.url, 'GET', `/api/designations/${started.body.id}/dossier`, undefined, yangcheng)).body;
    expect([dossier.templateVersion, dossier.items.at(-1).key]).toEqual([2, 'test_report']);
    // A 地理标志产品 started on its own keeps its type's checklist.
    const plain = await send(s.url, 'POST', `/api/products/${agi.productId}/designations`, { giType: 'protected_product' }, yangcheng);
    const own = (await send(s.url, 'GET', `/api/designations/${plain.body.id}/dossier`, undefined, yangcheng)).body;
    expect(own.items.map((i: { key: string }) => i.key)).toContain('technical_specification');
  });
});
