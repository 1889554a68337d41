/**
 * Authorised users and public verification over HTTP: county-scoped, audited writes; verification by
 * exact credit code and by part of a name, suspended / expired / revoked users not valid, a clear
 * empty answer, nothing from drafts, the rate limit; and the tally's users in force.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInShanghai, type VerifyResult } from '../../db/model';
import { startServer, type TestServer } from '../support/server';
import { addAccount, creditCode, dumpTables, send, signIn } from './fixtures';

let s: TestServer;
let qinshui: string;
let yangcheng: string;
let admin: string;
let grantedId: number;
let draftDesignationId: number;
let collectiveId: number;

const today = todayInShanghai();
const CODE_A = creditCode('91140521MA0HNEY12');
const CODE_B = creditCode('93140521MA0CP0221');
const CODE_C = creditCode('91140521MA0LATE33');
const CODE_DRAFT = creditCode('91140521MA0DRAFT4');

async function granted(productBody: object, giType = 'agricultural_product', markKind?: string) {
  const product = await send(s.url, 'POST', '/api/products', productBody, qinshui);
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const d = await send(s.url, 'POST', `/api/products/${product.body.id}/designations`, { giType, ...(markKind ? { markKind } : {}), startedOn: '2015-01-01' }, qinshui);
  const id = d.body.id as number;
  expect((await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'filed', on: '2016-03', note: '', confirmIncomplete: true }, qinshui)).status).toBe(201);
  expect((await send(s.url, 'POST', `/api/designations/${id}/transitions`, { to: 'granted', on: '2017-05-20', note: '' }, qinshui)).status).toBe(201);
  return id;
}

const addUser = (designationId: number, body: object, cookie = qinshui) =>
  send(s.url, 'POST', `/api/designations/${designationId}/authorized-users`, body, cookie);
const verify = async (q: string) => send(s.url, 'GET', `/api/verify?${new URLSearchParams({ q })}`);

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qs-marks', 'official', '140521');
  await addAccount(s.db, 'yc-marks', 'official', '140522');
  await addAccount(s.db, 'city-marks', 'admin');
  qinshui = await signIn(s.url, 'qs-marks');
  yangcheng = await signIn(s.url, 'yc-marks');
  admin = await signIn(s.url, 'city-marks');
  grantedId = await granted({ nameZh: '用标测试蜂蜜', category: 'food', counties: ['140521'], visibility: 'public' });
  collectiveId = await granted({ nameZh: '用标测试集体商标', category: 'food', counties: ['140521'], visibility: 'public' }, 'trademark', 'collective');
  draftDesignationId = await granted({ nameZh: '用标测试草稿', category: 'food', counties: ['140521'] });
});
afterAll(() => s.close());

describe('authorised users in the workspace', () => {
  it('an official adds users of their county’s GI; another county gets 403; bad input 400; nothing changes on refusal', async () => {
    const ok = await addUser(grantedId, { name: '沁水县蜜源蜂业有限公司', creditCode: CODE_A, basis: 'approved_producer', reference: '国知局公告第500号', from: '2023-03-01' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ designationId: grantedId, status: 'active', until: null });
    const before = dumpTables(s.db);
    expect((await addUser(grantedId, { name: '别县企业', basis: 'approved_producer', from: '2023-01-01' }, yangcheng)).status).toBe(403);
    const badCode = await addUser(grantedId, { name: '错误代码企业', creditCode: '911405210000000000', basis: 'approved_producer', from: '2023-01-01' });
    expect(badCode.status).toBe(400);
    expect(JSON.stringify(badCode.body)).toContain('校验位');
    expect((await addUser(grantedId, { name: '日期倒置', basis: 'approved_producer', from: '2023-01-01', until: '2022-01-01' })).status).toBe(400);
    expect((await addUser(grantedId, { name: '依据不符', basis: 'collective_member', from: '2023-01-01' })).status).toBe(400);
    const dup = await addUser(grantedId, { name: '重复', creditCode: CODE_A, basis: 'approved_producer', from: '2023-01-01' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('duplicate_user');
    expect((await send(s.url, 'POST', `/api/designations/${grantedId}/authorized-users`, { name: '匿名', basis: 'approved_producer', from: '2023-01-01' })).status).toBe(401);
    expect(dumpTables(s.db)).toEqual(before);
    expect((await addUser(collectiveId, { name: '沁水县蜂业合作社', creditCode: CODE_B, basis: 'collective_member', from: '2022-06-01' })).status).toBe(201);
  });

  it('a change is audited and told as a sentence; the product JSON lists the users', async () => {
    const created = await addUser(grantedId, { name: '沁水县晚到蜂产品公司', creditCode: CODE_C, basis: 'approved_producer', from: '2020-01-01', until: '2021-12-31' });
    expect(created.status).toBe(201);
    const patched = await send(s.url, 'PATCH', `/api/authorized-users/${created.body.id}`, { reference: '备案第7号' }, qinshui);
    expect(patched.status).toBe(200);
    expect((await send(s.url, 'PATCH', `/api/authorized-users/${created.body.id}`, { until: '2019-01-01' }, qinshui)).status).toBe(400);
    expect((await send(s.url, 'PATCH', `/api/authorized-users/${created.body.id}`, { status: 'revoked' }, yangcheng)).status).toBe(403);
    expect((await send(s.url, 'PATCH', '/api/authorized-users/999999', { status: 'revoked' }, admin)).status).toBe(404);
    const audit = await send(s.url, 'GET', `/api/audit?entity=designation&id=${grantedId}&action=authorized_user_update`, undefined, qinshui);
    const { describeAuditEvent } = await import('../../db/model');
    const told = describeAuditEvent(audit.body.items[0], 'zh', { counties: {} });
    expect(told.summary).toContain('修改');
    expect(told.summary).toContain('沁水县晚到蜂产品公司');
    expect(told.changes).toContain('公告号/备案号：— → 备案第7号');
    const product = await send(s.url, 'GET', `/api/designations/${grantedId}/dossier`);
    const page = await send(s.url, 'GET', `/api/products/${product.body.productId}`);
    expect(page.body.authorizedUsers.map((u: { name: string }) => u.name)).toEqual(['沁水县晚到蜂产品公司', '沁水县蜜源蜂业有限公司']);
  });
});

describe('verification', () => {
  it('by exact credit code (spaces and lower case forgiven): the GI, since when, valid', async () => {
    const res = await verify(` ${CODE_A.toLowerCase().slice(0, 9)} ${CODE_A.toLowerCase().slice(9)} `);
    expect(res.status).toBe(200);
    const body = res.body as VerifyResult;
    expect(body.by).toBe('credit_code');
    expect(body.matches).toHaveLength(1);
    expect(body.matches[0]).toMatchObject({ name: '沁水县蜜源蜂业有限公司', creditCode: CODE_A });
    expect(body.matches[0].grants[0]).toMatchObject({
      productZh: '用标测试蜂蜜', giType: 'agricultural_product', from: '2023-03-01', valid: true, reason: 'valid', counties: ['140521'],
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('by part of a name, full-width forgiven', async () => {
    const body = (await verify('蜜源蜂业')).body as VerifyResult;
    expect(body.by).toBe('name');
    expect(body.matches.map((m) => m.name)).toEqual(['沁水县蜜源蜂业有限公司']);
    expect(((await verify('沁水县')).body as VerifyResult).matches.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['a zero-width space', '蜜源\u200b蜂业'],
    ['a zero-width joiner and a BOM', '\ufeff蜜源蜂\u200d业'],
    ['a soft hyphen', '蜜源\u00ad蜂业'],
    ['a word joiner inside a credit code', `${CODE_A.slice(0, 9)}\u2060${CODE_A.slice(9)}`],
  ])('finds the user through %s in the query (pasted text carries invisible characters)', async (_what, q) => {
    const body = (await verify(q)).body as VerifyResult;
    expect(body.matches.map((m) => m.name)).toEqual(['沁水县蜜源蜂业有限公司']);
  });

  it('an expired, suspended or revoked user is not valid, and says why', async () => {
    const expired = (await verify(CODE_C)).body as VerifyResult;
    expect(expired.matches[0].grants[0]).toMatchObject({ valid: false, reason: 'expired', until: '2021-12-31' });
    const coop = (await send(s.url, 'GET', `/api/products/${(await send(s.url, 'GET', `/api/designations/${collectiveId}/dossier`)).body.productId}`)).body;
    const id = coop.authorizedUsers[0].id;
    const decision = { decisionReason: '超出核准范围使用', decisionNumber: '沁市监处〔2026〕3号', decisionOn: today, displayWindow: '3_months' };
    expect((await send(s.url, 'PATCH', `/api/authorized-users/${id}`, { status: 'suspended', ...decision }, qinshui)).status).toBe(200);
    expect(((await verify(CODE_B)).body as VerifyResult).matches[0].grants[0]).toMatchObject({ valid: false, reason: 'suspended' });
    expect((await send(s.url, 'PATCH', `/api/authorized-users/${id}`, { status: 'revoked' }, qinshui)).status).toBe(200);
    expect(((await verify(CODE_B)).body as VerifyResult).matches[0].grants[0]).toMatchObject({ valid: false, reason: 'revoked' });
  });

  it('nothing matches: an empty answer, not an error; too short a query is a 400', async () => {
    const none = await verify('没有这家公司');
    expect(none.status).toBe(200);
    expect(none.body.matches).toEqual([]);
    expect(none.body.kind).toBe('not_found');
    expect((await verify('蜂')).status).toBe(400);
    expect((await send(s.url, 'GET', '/api/verify')).status).toBe(400);
  });

  it('users of a draft product are never answered, and no internal field is', async () => {
    expect((await addUser(draftDesignationId, { name: '草稿产品用标企业', creditCode: CODE_DRAFT, basis: 'approved_producer', from: '2023-01-01' })).status).toBe(201);
    expect(((await verify(CODE_DRAFT)).body as VerifyResult).matches).toEqual([]);
    expect(((await verify('草稿产品')).body as VerifyResult).matches).toEqual([]);
    const body = JSON.stringify((await verify('沁水县')).body);
    for (const internal of ['createdAt', 'updatedAt', 'nameKey', 'name_key', 'qs-marks', 'visibility']) expect(body).not.toContain(internal);
  });

  it('the tally counts users in force on its date', async () => {
    const period = await send(s.url, 'POST', '/api/periods', { name: '用标测试期', nameEn: 'Authorised users test period', startsOn: '2026-01-01', endsOn: '2030-12-31', targets: [] }, admin);
    const on = async (asOf: string) => (await send(s.url, 'GET', `/api/tally?period=${period.body.id}&asOf=${asOf}`)).body;
    expect((await on('2021-06-30')).authorizedUsers).toBe(1); // CODE_C, 2020–2021 (the draft product is not counted)
    const now = await on(today);
    expect(now.authorizedUsers).toBe(1); // CODE_A (CODE_C expired, CODE_B revoked)
    expect(now.counties.find((c: { code: string }) => c.code === '140521').authorizedUsers).toBe(1);
    expect((await on('2022-06-30')).authorizedUsers).toBe(0);
  });
});

describe('the rate limit', () => {
  it('answers 429 with Retry-After once an address asks too often', async () => {
    const { VERIFY_PER_MINUTE } = await import('../../server/routes/marks');
    let last: Response | null = null;
    for (let i = 0; i < VERIFY_PER_MINUTE + 1; i++) {
      last = await fetch(`${s.url}/api/verify?q=${encodeURIComponent('测试限流')}`);
      if (last.status === 429) break;
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
