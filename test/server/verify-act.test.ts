/**
 * A verification people can act on, over HTTP with the app's clock moved by the test: a credit code
 * with a wrong check character, an unknown valid code, an unknown name and an empty registry each get
 * their own answer with the registry's size and last change; a suspension's or revocation's decision is
 * shown (on /verify and the product page) from its day to the last day of its window, then not at all,
 * and at once not when withdrawn; a decision number without its date, or a date ahead, is a 400 that
 * changes nothing; a found answer says what a genuine label shows (announcement or number by GI type, the
 * standard, a label photo); misses are counted (codes with a wrong check character never) and listed for
 * officials only, and a failed count never fails the answer.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { creditCodeCheckChar, describeAuditEvent, type AuditEvent, type AuthorizedUser, type VerifyResult } from '../../db/model';
import * as t from '../../db/schema';
import { pdfBytes, picture, upload, uploadForm } from '../support/sample-files';
import { addAccount, creditCode, dumpTables, send, signIn, startWithClock } from './fixtures';

type ClockServer = Awaited<ReturnType<typeof startWithClock>>;
let s: ClockServer;
let qinshui: string;

/** Noon in Asia/Shanghai on 2026-03-10. */
const START = new Date('2026-03-10T04:00:00Z');
const CODE_A = creditCode('91140521MA0KACT01');
const CODE_R = creditCode('91140521MA0KACT02');
const CODE_W = creditCode('91140521MA0KACT03');
const CODE_UNKNOWN = creditCode('91140521MA0KACT09');
const CODE_ASKED = creditCode('91140521MA0KACT08');
const WRONG_CHECK = `${CODE_A.slice(0, 17)}${creditCodeCheckChar(CODE_A.slice(0, 17)) === '0' ? '1' : '0'}`;

/** Moves the clock to noon (Shanghai) of a day, and signs in again (a session lasts a day at most). */
async function onDay(day: string) {
  s.clock.now = new Date(`${day}T04:00:00Z`).getTime();
  qinshui = await signIn(s.url, 'qs-act');
}

/** GET /api/verify; each ask moves the clock on 1.1 s, so the per-address limit (60 a minute) never bites. */
async function verify(q: string): Promise<VerifyResult> {
  s.clock.advance(1100);
  const res = await send(s.url, 'GET', `/api/verify?${new URLSearchParams({ q })}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as VerifyResult;
}

async function grantedDesignation(nameZh: string, designation: object, visibility = 'public') {
  const product = await send(s.url, 'POST', '/api/products', { nameZh, category: 'food', counties: ['140521'], visibility }, qinshui);
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  const d = await send(s.url, 'POST', `/api/products/${product.body.id}/designations`, { ...designation, startedOn: '2015-01-01' }, qinshui);
  expect(d.status, JSON.stringify(d.body)).toBe(201);
  for (const [to, on] of [['filed', '2016-03'], ['granted', '2017-05-20']]) {
    expect((await send(s.url, 'POST', `/api/designations/${d.body.id}/transitions`, { to, on, note: '', confirmIncomplete: true }, qinshui)).status).toBe(201);
  }
  return { productId: product.body.id as number, designationId: d.body.id as number };
}

const addUser = async (designationId: number, body: object) => {
  const res = await send(s.url, 'POST', `/api/designations/${designationId}/authorized-users`, { basis: 'approved_producer', from: '2020-01-01', ...body }, qinshui);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as AuthorizedUser;
};
const patchUser = (id: number, body: object) => send(s.url, 'PATCH', `/api/authorized-users/${id}`, body, qinshui);
const publicUsers = async (productId: number) => (await send(s.url, 'GET', `/api/products/${productId}`)).body.authorizedUsers as AuthorizedUser[];

beforeAll(async () => {
  s = await startWithClock(START);
  await addAccount(s.db, 'qs-act', 'official', '140521');
  qinshui = await signIn(s.url, 'qs-act');
});
afterAll(() => s.close());

describe('a fresh registry without users', () => {
  it('says it holds no users yet (absence proves nothing), and still tells a wrong check character', async () => {
    for (const q of ['晋城某某蜂业', CODE_UNKNOWN]) {
      const answer = await verify(q);
      expect(answer).toMatchObject({ kind: 'empty_registry', matches: [], registry: { users: 0, designations: 0, lastChangedOn: null } });
    }
    expect((await verify(WRONG_CHECK))).toMatchObject({ kind: 'invalid_code', by: 'credit_code', matches: [] });
  });
});

describe('with users', () => {
  let honey: { productId: number; designationId: number };
  let millet: { productId: number; designationId: number };
  let revoked: AuthorizedUser;
  let withdrawn: AuthorizedUser;

  beforeAll(async () => {
    honey = await grantedDesignation('核验行动蜂蜜', { giType: 'protected_product', announcement: '国家质检总局公告2012年第100号' });
    millet = await grantedDesignation('核验行动小米', { giType: 'trademark', markKind: 'certification', number: '第12345678号' });
    const draft = await grantedDesignation('核验行动草稿', { giType: 'protected_product' }, 'draft');
    await addUser(honey.designationId, { name: '沁水县核验蜂业有限公司', creditCode: CODE_A });
    await addUser(millet.designationId, { name: '沁水县核验蜂业有限公司', creditCode: CODE_A, basis: 'licensee' });
    await addUser(honey.designationId, { name: '沁水县 核验 养蜂户' });
    revoked = await addUser(honey.designationId, { name: '沁水县撤销示例蜂业公司', creditCode: CODE_R });
    withdrawn = await addUser(millet.designationId, { name: '沁水县撤回示例米业公司', creditCode: CODE_W, basis: 'licensee' });
    await addUser(draft.designationId, { name: '草稿产品的用标企业' });
  });

  it('counts enterprises once across their GIs, GIs with users, and dates the last change of a public user', async () => {
    const sqlite = s.db.$client;
    sqlite.exec("UPDATE authorized_users SET updated_at = '2026-02-01T00:00:00.000Z'");
    sqlite.prepare('UPDATE authorized_users SET updated_at = ? WHERE id = ?').run('2026-03-08T17:30:00.000Z', revoked.id); // 01:30 on the 9th in Shanghai
    sqlite.prepare("UPDATE authorized_users SET updated_at = '2026-03-09T12:00:00.000Z' WHERE name = '草稿产品的用标企业'").run(); // a draft's: not public
    const answer = await verify('查无此企业');
    expect(answer.kind).toBe('not_found');
    expect(answer.registry).toEqual({ users: 4, designations: 2, lastChangedOn: '2026-03-09' });
  });

  it('answers a wrong check character, an unknown valid code and an unknown name each for what it is', async () => {
    expect(await verify(WRONG_CHECK)).toMatchObject({ kind: 'invalid_code', by: 'credit_code', matches: [] });
    expect(await verify(` ${CODE_UNKNOWN.toLowerCase()} `)).toMatchObject({ kind: 'not_found', by: 'credit_code', matches: [] });
    expect(await verify('没有这家核验公司')).toMatchObject({ kind: 'not_found', by: 'name', matches: [] });
    const found = await verify(CODE_A);
    expect(found.kind).toBe('found');
    expect(found.matches[0].grants.map((g) => g.valid)).toEqual([true, true]);
  });

  it('a found answer says what a genuine label shows: the announcement or number, the standard, a label photo', async () => {
    const photo = await upload(s.url, honey.productId, uploadForm(
      { kind: 'label', title: '正品标签', visibility: 'public', designationId: String(honey.designationId) },
      { bytes: await picture('png', 320, 200), name: 'label.png' }), qinshui);
    expect(photo.status, JSON.stringify(photo.body)).toBe(201);
    const notPicture = await upload(s.url, honey.productId, uploadForm(
      { kind: 'label', title: '不是图片', visibility: 'public', designationId: String(honey.designationId) }, { bytes: pdfBytes(), name: 'label.pdf' }), qinshui);
    expect(notPicture.status).toBe(400);
    await upload(s.url, honey.productId, uploadForm(
      { kind: 'label', title: '内部标签', visibility: 'internal', designationId: String(honey.designationId) },
      { bytes: await picture('png', 320, 200), name: 'internal.png' }), qinshui);
    s.db.insert(t.designationSpecifications).values([
      { designationId: honey.designationId, number: 'DB14/T 1000-2015', title: '地理标志产品 核验行动蜂蜜', issuedOn: '2015' },
      { designationId: honey.designationId, number: 'DB14/T 1000-2022', title: '地理标志产品 核验行动蜂蜜', issuedOn: '2022-06' },
    ]).run();
    const grants = (await verify(CODE_A)).matches[0].grants;
    const ofHoney = grants.find((g) => g.designationId === honey.designationId)!;
    expect(ofHoney).toMatchObject({
      giType: 'protected_product', announcement: '国家质检总局公告2012年第100号',
      specification: { number: 'DB14/T 1000-2022', title: '地理标志产品 核验行动蜂蜜' },
    });
    expect(ofHoney.labels).toEqual([{ id: photo.body.id, title: '正品标签', mime: 'image/png', url: photo.body.url, thumbnailUrl: photo.body.thumbnailUrl }]);
    expect(grants.find((g) => g.designationId === millet.designationId)).toMatchObject({ number: '第12345678号', specification: null, labels: [] });
  });

  it('refuses a decision number without its date, a date ahead, or a withdrawal before the decision, and changes nothing', async () => {
    const before = dumpTables(s.db);
    for (const [body, field] of [
      [{ status: 'revoked', decisionNumber: '晋市监处〔2026〕12号' }, 'decisionOn'],
      [{ status: 'revoked', decisionOn: '2026-03-11', displayWindow: '3_months' }, 'decisionOn'],
      [{ status: 'revoked', decisionOn: '2026-03-09' }, 'displayWindow'],
      [{ decisionOn: '2026-03-09', displayWindow: '3_years', decisionWithdrawnOn: '2026-03-01' }, 'decisionWithdrawnOn'],
      [{ displayWindow: '1_day' }, 'displayWindow'],
    ] as const) {
      const res = await patchUser(revoked.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.issues.map((i: { path: string[] }) => i.path[0]), JSON.stringify(body)).toContain(field);
      expect(res.body.error.issues.every((i: { message: string }) => i.message.includes(' / ') || !/[\u4e00-\u9fff]/.test(i.message))).toBe(true);
    }
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('shows a revocation with its reason, number and day until the last day of its window, then not at all', async () => {
    const decision = { decisionReason: '伪造检测报告', decisionNumber: '晋市监处〔2026〕12号', decisionOn: '2026-03-09', displayWindow: '3_months' };
    const res = await patchUser(revoked.id, { status: 'revoked', ...decision });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ ...decision, displayUntil: '2026-06-09', decisionWithdrawnOn: null });
    const shown = { reason: '伪造检测报告', number: '晋市监处〔2026〕12号', on: '2026-03-09', displayUntil: '2026-06-09' };

    expect((await verify(CODE_R)).matches[0].grants[0]).toMatchObject({ valid: false, reason: 'revoked', decision: shown });
    expect((await publicUsers(honey.productId)).find((u) => u.id === revoked.id)).toMatchObject({ status: 'revoked', ...decision });

    await onDay('2026-06-09'); // the window's last day
    expect((await verify(CODE_R)).matches[0].grants[0]).toMatchObject({ reason: 'revoked', decision: shown });
    expect((await publicUsers(honey.productId)).map((u) => u.id)).toContain(revoked.id);

    s.clock.now = new Date('2026-06-09T15:59:00Z').getTime(); // 23:59 in Shanghai, still the last day
    expect((await verify(CODE_R)).matches[0].grants[0].reason).toBe('revoked');
    s.clock.now = new Date('2026-06-09T16:00:00Z').getTime(); // 00:00 on 2026-06-10: the day after, simply not authorised
    qinshui = await signIn(s.url, 'qs-act');
    const after = (await verify(CODE_R)).matches[0].grants[0];
    expect(after).toMatchObject({ valid: false, reason: 'not_authorised', decision: null });
    expect(JSON.stringify(await verify(CODE_R))).not.toContain('伪造检测报告');
    const users = await publicUsers(honey.productId);
    expect(users.map((u) => u.id)).not.toContain(revoked.id);
    expect(JSON.stringify(users)).not.toContain('晋市监处');
    // Officials still see it, decision and all.
    const official = (await send(s.url, 'GET', `/api/products/${honey.productId}`, undefined, qinshui)).body.authorizedUsers as AuthorizedUser[];
    expect(official.find((u) => u.id === revoked.id)).toMatchObject({ status: 'revoked', ...decision });
  });

  it('hides a withdrawn decision at once, and tells both in the history as sentences', async () => {
    const decision = { decisionReason: '超范围使用专用标志', decisionNumber: '沁市监处〔2026〕7号', decisionOn: '2026-06-01', displayWindow: '3_years' };
    expect((await patchUser(withdrawn.id, { status: 'suspended', ...decision })).body).toMatchObject({ displayUntil: '2029-06-01' });
    expect((await verify(CODE_W)).matches[0].grants[0]).toMatchObject({ reason: 'suspended', decision: { number: '沁市监处〔2026〕7号' } });
    expect((await publicUsers(millet.productId)).map((u) => u.id)).toContain(withdrawn.id);

    expect((await patchUser(withdrawn.id, { decisionWithdrawnOn: '2026-06-11' })).status).toBe(400); // ahead of today
    expect((await patchUser(withdrawn.id, { decisionWithdrawnOn: '2026-06-10' })).status).toBe(200);
    expect((await verify(CODE_W)).matches[0].grants[0]).toMatchObject({ reason: 'not_authorised', decision: null });
    expect((await publicUsers(millet.productId)).map((u) => u.id)).not.toContain(withdrawn.id);

    const audit = await send(s.url, 'GET', `/api/audit?entity=designation&id=${millet.designationId}&action=authorized_user_update`, undefined, qinshui);
    const told = (audit.body.items as AuditEvent[]).map((e) => describeAuditEvent(e, 'zh', { counties: {} }));
    expect(told.map((x) => x.summary)).toEqual(expect.arrayContaining([
      '暂停 沁水县撤回示例米业公司 使用 核验行动小米 的 地理标志商标 的专用标志（决定书 沁市监处〔2026〕7号）',
      '撤回对 核验行动小米 的 地理标志商标 的用标企业 沁水县撤回示例米业公司 的处理决定',
    ]));
    expect(told.flatMap((x) => x.changes)).toEqual(expect.arrayContaining(['决定书文号：— → 沁市监处〔2026〕7号', '公示截止日期：— → 2029-06-01']));
    const en = (audit.body.items as AuditEvent[]).map((e) => describeAuditEvent(e, 'en', { counties: {} }).summary);
    expect(en).toContain('Suspended the use by 沁水县撤回示例米业公司 of the mark of the GI trademark of 核验行动小米 (decision 沁市监处〔2026〕7号)');
  });
});

describe('misses', () => {
  it('are counted by comparable name or code (never a wrong check character), and listed for officials only, most asked first', async () => {
    await onDay('2026-07-01');
    const at = new Date(s.clock.now);
    for (let i = 0; i < 4; i++) await verify(`假冒 ＡＢＣ 蜂业${i % 2 ? ' ' : ''}`);
    for (let i = 0; i < 3; i++) await verify(CODE_ASKED.toLowerCase());
    for (let i = 0; i < 2; i++) await verify('只问过两次的公司');
    for (let i = 0; i < 3; i++) await verify(WRONG_CHECK);
    for (let i = 0; i < 3; i++) await verify(CODE_A); // found: not a miss

    expect((await send(s.url, 'GET', '/api/verify-misses')).status).toBe(401);
    const list = await send(s.url, 'GET', '/api/verify-misses', undefined, qinshui);
    expect(list.status).toBe(200);
    expect(list.headers.get('cache-control')).toContain('no-store');
    expect(list.body.minCount).toBe(3);
    const items = list.body.items as { key: string; kind: string; count: number; firstAt: string; lastAt: string }[];
    expect(items.map(({ key, kind, count }) => ({ key, kind, count }))).toEqual([
      { key: '假冒abc蜂业', kind: 'name', count: 4 },
      { key: CODE_ASKED, kind: 'credit_code', count: 3 },
    ]);
    expect(new Date(items[0].firstAt).getTime()).toBeGreaterThanOrEqual(at.getTime());
    expect(items[0].lastAt > items[0].firstAt).toBe(true);
    const stored = s.db.select().from(t.verifyMisses).all();
    expect(stored.find((r) => r.key === '只问过两次的公司')?.count).toBe(2);
    expect(stored.some((r) => r.key.toUpperCase() === WRONG_CHECK)).toBe(false);
    expect(Object.keys(stored[0]).sort()).toEqual(['count', 'firstAt', 'key', 'kind', 'lastAt']);
  });

  it('a count that cannot be written is logged, and the answer still goes out', async () => {
    const before = s.logs().length;
    s.db.$client.exec("CREATE TRIGGER verify_misses_fail BEFORE INSERT ON verify_misses BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    try {
      expect((await verify('写不进去的查询')).kind).toBe('not_found');
      await vi.waitFor(() => expect(s.logs().slice(before)).toContainEqual(expect.objectContaining({
        level: 'error', msg: expect.stringContaining('verify misses'), err: expect.objectContaining({ message: expect.stringContaining('disk full') }),
      })));
      expect(s.db.select().from(t.verifyMisses).where(eq(t.verifyMisses.key, '写不进去的查询')).all()).toEqual([]);
    } finally {
      s.db.$client.exec('DROP TRIGGER verify_misses_fail');
    }
  });
});
