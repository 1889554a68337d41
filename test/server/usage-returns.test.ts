/**
 * Yearly usage returns over HTTP, against a real SQLite file and the app's injected clock: the county
 * enters a return (accepted at once, audited and told as a sentence); another county's official is
 * refused and nothing changes; negative or absurd volumes and years outside the user's are refused; a
 * link is issued, filled by the company without a session, refused the second time (410), refused once
 * expired (410), and cannot reach another user; the county accepts or returns a company's return and a
 * returned one gets a new link; a newer link, or the county's own entry, ends a link still out; the link's API is
 * limited per address (429); the company's page is kept from search engines.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeAuditEvent, type AuditEvent, type ReturnLinkForm, type ReturnLinkIssued, type UsageReturn, type UsageReturnList } from '../../db/model';
import { robotsTxt } from '../../server/exchange/export/site-map';
import { RETURN_LINK_LIMIT } from '../../server/routes/usage-returns';
import { call, startServer } from '../support/server';
import { addAccount, creditCode, dumpTables, send, signIn, startWithClock } from './fixtures';

let s: Awaited<ReturnType<typeof startWithClock>>;
let qinshui: string;
let yangcheng: string;
let admin: string;
let designationId: number;
let userA: number;
let userB: number;
let userC: number;

const NAME_A = '沁水县报告测试蜂业有限公司';
const thisYear = new Date().getFullYear();
const lastYear = thisYear - 1;

async function signInAll() {
  qinshui = await signIn(s.url, 'qs-returns');
  yangcheng = await signIn(s.url, 'yc-returns');
  admin = await signIn(s.url, 'city-returns');
}

beforeAll(async () => {
  // Every test moves the clock 10 minutes on (the link limiter's window): sessions idle for 8 hours and live a day here.
  s = await startWithClock(new Date(), { SESSION_IDLE_MINUTES: '480', SESSION_MAX_HOURS: '24' });
  await addAccount(s.db, 'qs-returns', 'official', '140521');
  await addAccount(s.db, 'yc-returns', 'official', '140522');
  await addAccount(s.db, 'city-returns', 'admin');
  await signInAll();
  const product = await send(s.url, 'POST', '/api/products', { nameZh: '用标报告测试蜂蜜', category: 'food', counties: ['140521'], visibility: 'public' }, qinshui);
  expect(product.status, JSON.stringify(product.body)).toBe(201);
  designationId = (await send(s.url, 'POST', `/api/products/${product.body.id}/designations`, { giType: 'agricultural_product', startedOn: '2015-01-01' }, qinshui)).body.id;
  for (const [to, on] of [['filed', '2016-03'], ['granted', '2017-05-20']]) {
    expect((await send(s.url, 'POST', `/api/designations/${designationId}/transitions`, { to, on, note: '', confirmIncomplete: true }, qinshui)).status).toBe(201);
  }
  const add = async (name: string, code: string | null) => {
    const res = await send(s.url, 'POST', `/api/designations/${designationId}/authorized-users`, { name, creditCode: code, basis: 'approved_producer', from: '2022-03-01' }, qinshui);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as number;
  };
  userA = await add(NAME_A, creditCode('91140521MA0RETA11'));
  userB = await add('沁水县报告测试乙合作社', creditCode('93140521MA0RETB22'));
  userC = await add('沁水县报告测试丙农场', null);
});
afterAll(() => s.close());

// Each test starts a fresh window of the link limiter (all requests come from one address).
beforeEach(() => { s.clock.advance(RETURN_LINK_LIMIT.windowMs + 1); });

const put = (userId: number, year: number | string, body: unknown, cookie = qinshui) =>
  send(s.url, 'PUT', `/api/authorized-users/${userId}/usage-returns/${year}`, body, cookie);
const returnsOf = async (userId: number) => (await send(s.url, 'GET', `/api/authorized-users/${userId}/usage-returns`, undefined, qinshui)).body as UsageReturnList;
const issue = (userId: number, body: unknown, cookie = qinshui) => send(s.url, 'POST', `/api/authorized-users/${userId}/return-links`, body, cookie);
const tokenOf = (link: ReturnLinkIssued) => link.path.split('/').at(-1)!;
const openLink = (token: string) => send(s.url, 'GET', `/api/return-links/${token}`);
const fill = (token: string, body: unknown) => send(s.url, 'POST', `/api/return-links/${token}`, body);
const review = (id: number, body: unknown, cookie = qinshui) => send(s.url, 'POST', `/api/usage-returns/${id}/review`, body, cookie);

async function lastAudit(action: string): Promise<AuditEvent> {
  const res = await send(s.url, 'GET', `/api/audit?entity=designation&id=${designationId}&action=${action}&limit=1`, undefined, qinshui);
  expect(res.status).toBe(200);
  return res.body.items[0] as AuditEvent;
}
const told = (event: AuditEvent, lang: 'zh' | 'en') => describeAuditEvent(event, lang, { counties: {} });

describe('the county enters a return', () => {
  it('is accepted at once (via county), replaced by a second PUT, audited with before and after, and told as a sentence', async () => {
    const created = await put(userA, lastYear, { markedTonnes: 120, outputTonnes: 150, marksPrinted: 20_000, channels: ['线上', '商超'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      authorizedUserId: userA, year: lastYear, markedTonnes: 120, outputTonnes: 150, marksPrinted: 20_000, channels: ['线上', '商超'],
      note: '', status: 'accepted', via: 'county', reviewedBy: 'qs-returns',
    });
    const entered = await lastAudit('usage_return_enter');
    expect(entered.user).toBe('qs-returns');
    expect(entered.before).toBeNull();
    expect(told(entered, 'zh').summary).toBe(`${NAME_A} ${lastYear} 年度用标报告：用标 120 吨，产量 150 吨，印制标志 20,000 枚，渠道：线上、商超，已接受（县级录入）`);
    expect(told(entered, 'en').summary).toBe(`${NAME_A}, usage return for ${lastYear}: 120 t marked, output 150 t, 20,000 marks printed, channels: 线上, 商超; accepted (entered by the county)`);

    const replaced = await put(userA, lastYear, { markedTonnes: 130, outputTonnes: 150, marksPrinted: 20_000, channels: ['线上', '商超'], note: '更正' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ id: created.body.id, markedTonnes: 130, note: '更正', status: 'accepted' });
    const changed = await lastAudit('usage_return_enter');
    expect(changed.before).toMatchObject({ markedTonnes: 120 });
    expect(told(changed, 'zh').changes).toEqual(['用标数量：120 吨 → 130 吨', '说明：— → 更正']);
    const list = await returnsOf(userA);
    expect(list.items.map((r) => [r.year, r.status, r.via])).toEqual([[lastYear, 'accepted', 'county']]);
  });

  it('an official of another county gets 403 and nothing changes, for every write and read', async () => {
    const before = dumpTables(s.db);
    expect((await put(userA, lastYear, { markedTonnes: 1 }, yangcheng)).status).toBe(403);
    expect((await put(userB, lastYear, { markedTonnes: 1 }, yangcheng)).status).toBe(403);
    expect((await issue(userB, { year: lastYear }, yangcheng)).status).toBe(403);
    expect((await send(s.url, 'GET', `/api/authorized-users/${userA}/usage-returns`, undefined, yangcheng)).status).toBe(403);
    expect((await send(s.url, 'GET', `/api/designations/${designationId}/usage-returns`, undefined, yangcheng)).status).toBe(403);
    expect((await put(userA, lastYear, { markedTonnes: 1 }, '')).status).toBe(401);
    expect(dumpTables(s.db)).toEqual(before);
    // The city's admin may.
    expect((await put(userC, lastYear, { markedTonnes: 3 }, admin)).status).toBe(201);
  });

  it.each([
    ['a negative volume', lastYear, { markedTonnes: -1 }, 'markedTonnes'],
    ['an absurd volume', lastYear, { markedTonnes: 1_000_001, outputTonnes: 2_000_000 }, 'markedTonnes'],
    ['more marked than produced', lastYear, { markedTonnes: 200, outputTonnes: 100 }, 'markedTonnes'],
    ['a negative output', lastYear, { outputTonnes: -0.5 }, 'outputTonnes'],
    ['marks printed in fractions', lastYear, { marksPrinted: 1.5 }, 'marksPrinted'],
    ['eleven channels', lastYear, { channels: Array.from({ length: 11 }, (_, i) => `渠道${i}`) }, 'channels'],
    ['a channel of 101 characters', lastYear, { channels: ['长'.repeat(101)] }, 'channels'],
    ['a year before the user\'s first', 2021, { markedTonnes: 1 }, 'year'],
    ['next year', thisYear + 1, { markedTonnes: 1 }, 'year'],
    ['a year that is no year', 'soon', { markedTonnes: 1 }, 'year'],
    ['a user named in the body', lastYear, { markedTonnes: 1, authorizedUserId: 1 }, null],
  ])('%s is refused with 400 and nothing changes', async (_what, year, body, field) => {
    const before = dumpTables(s.db);
    const res = await put(userB, year, body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    if (field) expect(res.body.error.issues.map((i: { path: string[] }) => i.path[0])).toContain(field);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('says why in both halves of the message, so each page shows its own language', async () => {
    const res = await put(userB, lastYear, { markedTonnes: 200, outputTonnes: 100 });
    expect(res.body.error.issues[0].message).toBe('用标数量不能大于产量 / The marked volume may not exceed the output');
    const year = await put(userB, 2021, {});
    expect(year.body.error.issues[0].message).toBe(`年度须在 2022 至 ${thisYear} 年之间 / The year must be from 2022 to ${thisYear}`);
  });
});

describe('a link the county issues, filled by the company', () => {
  let link: ReturnLinkIssued;

  it('is issued as an address with a QR code; only the token\'s hash is kept', async () => {
    const res = await issue(userB, { year: lastYear });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    link = res.body;
    expect(link.path).toMatch(/^\/return\/[A-Za-z0-9_-]{43}$/);
    expect(link.url).toBe(`${s.url}${link.path}`);
    expect(link.qrSvg).toMatch(/^<svg /);
    expect(Date.parse(link.expiresAt) - s.clock.now).toBe(30 * 86_400_000);
    const stored = JSON.stringify(dumpTables(s.db));
    expect(stored).not.toContain(tokenOf(link));
    expect((await returnsOf(userB)).links).toEqual([expect.objectContaining({ authorizedUserId: userB, year: lastYear, expiresAt: link.expiresAt })]);
    expect(told(await lastAudit('return_link_issue'), 'zh').summary).toMatch(new RegExp(`^为 沁水县报告测试乙合作社 发放 ${lastYear} 年度用标报告填报链接，有效至 \\d{4}-\\d{2}-\\d{2}$`));
  });

  it('shows the company its own name, GI and year, and nothing else', async () => {
    const res = await openLink(tokenOf(link));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.body as ReturnLinkForm).toEqual({
      userName: '沁水县报告测试乙合作社', productZh: '用标报告测试蜂蜜', productEn: null, giType: 'agricultural_product', markKind: null,
      year: lastYear, expiresAt: link.expiresAt, returned: null,
    });
  });

  it('refuses a bad return with 400 and keeps the link; a body naming another user or year is refused', async () => {
    const before = dumpTables(s.db);
    expect((await fill(tokenOf(link), { markedTonnes: -5 })).status).toBe(400);
    expect((await fill(tokenOf(link), { markedTonnes: 5, authorizedUserId: userA })).status).toBe(400);
    expect((await fill(tokenOf(link), { markedTonnes: 5, year: 2023 })).status).toBe(400);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('takes the return once, without a session, as submitted via link; a second use is 410 and changes nothing', async () => {
    const res = await fill(tokenOf(link), { markedTonnes: 40, outputTonnes: 55, marksPrinted: 8000, channels: ['批发市场'], note: '合作社直销' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ year: lastYear, status: 'submitted' });
    const list = await returnsOf(userB);
    expect(list.items).toEqual([expect.objectContaining({ year: lastYear, markedTonnes: 40, status: 'submitted', via: 'link', reviewedBy: null })]);
    expect(list.links).toEqual([]);
    const submitted = await lastAudit('usage_return_submit');
    expect(submitted.user).toBeNull();
    expect(told(submitted, 'zh').summary).toBe(`沁水县报告测试乙合作社 ${lastYear} 年度用标报告：用标 40 吨，产量 55 吨，印制标志 8,000 枚，渠道：批发市场，已提交（企业通过填报链接）`);

    const before = dumpTables(s.db);
    const again = await fill(tokenOf(link), { markedTonnes: 1 });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('link_used');
    expect((await openLink(tokenOf(link))).status).toBe(410);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('cannot reach another user: user A and C keep their returns, and an unknown token is 404', async () => {
    const a = await returnsOf(userA);
    expect(a.items).toHaveLength(1);
    expect(a.items[0]).toMatchObject({ markedTonnes: 130, via: 'county' });
    const before = dumpTables(s.db);
    const made = `${tokenOf(link).slice(0, -1)}${tokenOf(link).endsWith('A') ? 'B' : 'A'}`;
    expect((await openLink(made)).status).toBe(404);
    expect((await fill(made, { markedTonnes: 1 })).status).toBe(404);
    expect((await fill('short', { markedTonnes: 1 })).status).toBe(404);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('the county returns it with a note (a note is required), then a new link shows the note and the values to correct', async () => {
    const submitted = (await returnsOf(userB)).items[0];
    expect((await review(submitted.id, { decision: 'return' })).status).toBe(400);
    expect((await review(submitted.id, { decision: 'return', note: '产量与合作社年报不符' }, yangcheng)).status).toBe(403);
    // While it awaits review, a new link is refused.
    expect((await issue(userB, { year: lastYear })).body.error.code).toBe('return_submitted');
    const returned = await review(submitted.id, { decision: 'return', note: '产量与合作社年报不符' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'returned', reviewNote: '产量与合作社年报不符', reviewedBy: 'qs-returns' });
    expect(told(await lastAudit('usage_return_review'), 'zh').summary).toContain('，已退回（产量与合作社年报不符）');
    expect((await review(submitted.id, { decision: 'accept' })).body.error.code).toBe('not_submitted');

    const second = (await issue(userB, { year: lastYear, days: 7 })).body as ReturnLinkIssued;
    const form = (await openLink(tokenOf(second))).body as ReturnLinkForm;
    expect(form.returned).toEqual({ note: '产量与合作社年报不符', values: { markedTonnes: 40, outputTonnes: 55, marksPrinted: 8000, channels: ['批发市场'], note: '合作社直销' } });
    expect((await fill(tokenOf(second), { markedTonnes: 40, outputTonnes: 60, marksPrinted: 8000, channels: ['批发市场'] })).status).toBe(201);
    const resubmitted = (await returnsOf(userB)).items[0];
    expect(resubmitted).toMatchObject({ id: submitted.id, status: 'submitted', outputTonnes: 60, reviewNote: '' });
    const accepted = await review(resubmitted.id, { decision: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', via: 'link', reviewedBy: 'qs-returns' });
    expect(told(await lastAudit('usage_return_review'), 'en').summary).toBe(
      `沁水县报告测试乙合作社, usage return for ${lastYear}: 40 t marked, output 60 t, 8,000 marks printed, channels: 批发市场; accepted`,
    );
    expect((await issue(userB, { year: lastYear })).body.error.code).toBe('return_accepted');
    // A county's own entry cannot be "reviewed".
    const entered = (await returnsOf(userA)).items[0];
    expect((await review(entered.id, { decision: 'accept' })).status).toBe(409);
  });

  it('a newer link for the same user and year ends the older one', async () => {
    const first = (await issue(userC, { year: thisYear })).body as ReturnLinkIssued;
    const second = (await issue(userC, { year: thisYear })).body as ReturnLinkIssued;
    expect((await openLink(tokenOf(first))).status).toBe(410);
    expect((await openLink(tokenOf(second))).status).toBe(200);
    expect((await returnsOf(userC)).links.map((l) => l.expiresAt)).toEqual([second.expiresAt]);
    // The county entering the year's return itself ends the link that is still out.
    expect((await put(userC, thisYear, { markedTonnes: 1 })).status).toBe(201);
    expect((await openLink(tokenOf(second))).status).toBe(410);
    expect((await returnsOf(userC)).links).toEqual([]);
  });

  it('an expired link (by the app\'s clock) is 410 and changes nothing', async () => {
    const link = (await issue(userA, { year: thisYear, days: 1 })).body as ReturnLinkIssued;
    expect((await openLink(tokenOf(link))).status).toBe(200);
    s.clock.advance(86_400_000 + 1000);
    const before = dumpTables(s.db);
    const opened = await openLink(tokenOf(link));
    expect(opened.status).toBe(410);
    expect(opened.body.error.code).toBe('link_expired');
    expect((await fill(tokenOf(link), { markedTonnes: 2 })).status).toBe(410);
    expect(dumpTables(s.db)).toEqual(before);
    await signInAll(); // the day moved on past the sessions' absolute timeout
  });

  it('is limited per address: past the limit 429 with Retry-After, and free again after the window', async () => {
    let last = 0;
    for (let i = 0; i < RETURN_LINK_LIMIT.max + 1; i++) last = (await openLink('x'.repeat(43))).status;
    expect(last).toBe(429);
    const refused = await fill('x'.repeat(43), { markedTonnes: 1 });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    s.clock.advance(RETURN_LINK_LIMIT.windowMs + 1);
    expect((await openLink('x'.repeat(43))).status).toBe(404);
  });
});

describe('the designation\'s returns', () => {
  it('lists every user\'s returns for the county\'s officials', async () => {
    const res = await send(s.url, 'GET', `/api/designations/${designationId}/usage-returns`, undefined, qinshui);
    expect(res.status).toBe(200);
    const items = (res.body as UsageReturnList).items as UsageReturn[];
    expect(items.map((r) => [r.authorizedUserId, r.year, r.status]).sort()).toEqual([[userA, lastYear, 'accepted'], [userB, lastYear, 'accepted'], [userC, lastYear, 'accepted'], [userC, thisYear, 'accepted']].sort());
  });
});

describe('the company\'s page', () => {
  it('is answered for any token below /return, kept from search engines and from referrers; other pages are not', async () => {
    const clientDir = mkdtempSync(join(tmpdir(), 'gi-return-client-'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>shell</title><gi-app></gi-app></html>');
    const server = await startServer({ seed: false, env: { CLIENT_DIR: clientDir } });
    try {
      const page = await call(`${server.url}/return/${'a'.repeat(43)}?lang=en`);
      expect(page.status).toBe(200);
      expect(page.body).toContain('<title>Yearly return on the use of the mark · Jincheng GI</title>');
      expect(page.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      const verify = await call(`${server.url}/verify`);
      expect(verify.headers.get('x-robots-tag')).toBeNull();
      expect(robotsTxt(null).split('\n')).toContain('Disallow: /return');
    } finally {
      await server.close();
      rmSync(clientDir, { recursive: true, force: true });
    }
  });
});
