/** The audit log: written with each change in the same transaction, append-only, county-scoped for officials. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProduct } from '../../server/domain/products/products-write';
import { startServer, type TestServer } from '../support/server';
import { addAccount, dumpTables, send, signIn } from './fixtures';

let s: TestServer;
const c: Record<'admin' | 'qinshui' | 'yangcheng', string> = { admin: '', qinshui: '', yangcheng: '' };
let qinshuiProduct: number;
let yangchengProduct: number;
let designationId: number;

const count = () => (s.db.$client.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'city', 'admin');
  await addAccount(s.db, 'qinshui', 'official', '140521');
  await addAccount(s.db, 'yangcheng', 'official', '140522');
  c.admin = await signIn(s.url, 'city');
  c.qinshui = await signIn(s.url, 'qinshui');
  c.yangcheng = await signIn(s.url, 'yangcheng');
  qinshuiProduct = (await send(s.url, 'POST', '/api/products', { nameZh: '沁水审计', category: 'food', counties: ['140521'] }, c.qinshui)).body.id;
  yangchengProduct = (await send(s.url, 'POST', '/api/products', { nameZh: '阳城审计', category: 'food', counties: ['140522'] }, c.yangcheng)).body.id;
  designationId = (await send(s.url, 'POST', `/api/products/${qinshuiProduct}/designations`, { giType: 'protected_product', startedOn: '2024-01-01' }, c.qinshui)).body.id;
  await send(s.url, 'POST', '/api/users', { username: 'newcomer', password: 'long enough pw', role: 'official', county: '140524' }, c.admin);
});
afterAll(() => s.close());

describe('writing the log', () => {
  it('records who changed what, with before and after', async () => {
    const patch = await send(s.url, 'PATCH', `/api/products/${qinshuiProduct}`, { description: '新描述', visibility: 'public' }, c.qinshui);
    expect(patch.status).toBe(200);
    const { body } = await send(s.url, 'GET', `/api/audit?entity=product&id=${qinshuiProduct}`, undefined, c.qinshui);
    expect(body.items[0]).toEqual({
      id: expect.any(Number), at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), user: 'qinshui', action: 'update',
      entity: 'product', entityId: qinshuiProduct,
      before: { description: '', visibility: 'draft' }, after: { description: '新描述', visibility: 'public' },
      subject: { name: '沁水审计', nameEn: null, productId: qinshuiProduct, giType: null, counties: ['140521'] },
    });
    expect(body.items.at(-1)).toMatchObject({ action: 'create', before: null, after: { nameZh: '沁水审计' } });
  });

  it('logs transitions and participants', async () => {
    await send(s.url, 'POST', `/api/designations/${designationId}/transitions`, { to: 'filed', on: '2024-02-01', note: '申报', confirmIncomplete: true }, c.qinshui);
    await send(s.url, 'PUT', `/api/products/${qinshuiProduct}/participants`, [{ role: 'farmers', households: 300 }], c.qinshui);
    const moves = (await send(s.url, 'GET', `/api/audit?entity=designation&id=${designationId}`, undefined, c.admin)).body.items;
    expect(moves[0]).toMatchObject({ action: 'transition', before: { status: 'cultivating' }, after: { status: 'filed', on: '2024-02-01', note: '申报' } });
    const product = (await send(s.url, 'GET', `/api/audit?entity=product&id=${qinshuiProduct}`, undefined, c.admin)).body.items;
    expect(product[0]).toMatchObject({ action: 'replace_participants', before: [], after: [{ role: 'farmers', households: 300 }] });
  });

  it('never logs a password or its hash', async () => {
    const users = (await send(s.url, 'GET', '/api/audit?entity=user', undefined, c.admin)).body.items;
    expect(users.length).toBeGreaterThan(0);
    expect(JSON.stringify(users)).not.toMatch(/scrypt|password_?hash|long enough pw/i);
  });

  it('writes nothing when the change fails: the change and its entry share one transaction', () => {
    const before = dumpTables(s.db);
    // A viewer whose id is no account makes the audit insert fail (foreign key) after the product rows were written.
    const ghost = { id: 999_999, username: 'ghost', role: 'admin' as const, county: null };
    expect(() => createProduct(s.db, ghost, { nameZh: '幽灵产品', category: 'food', counties: ['140521'] })).toThrow(/FOREIGN KEY/);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('leaves no entry for a refused request', async () => {
    const n = count();
    await send(s.url, 'POST', `/api/designations/${designationId}/transitions`, { to: 'expired', on: '2024-03-01' }, c.qinshui);
    await send(s.url, 'PATCH', `/api/products/${yangchengProduct}`, { description: 'x' }, c.qinshui);
    expect(count()).toBe(n);
  });
});

describe('the log is append-only', () => {
  it.each([
    ['UPDATE', "UPDATE audit_events SET action = 'forged'"],
    ['DELETE', 'DELETE FROM audit_events'],
  ])('refuses %s', (_what, statement) => {
    const n = count();
    expect(() => s.db.$client.prepare(statement).run()).toThrow(/append-only/);
    expect(count()).toBe(n);
  });

  it('offers no way to delete entries over HTTP', async () => {
    expect((await send(s.url, 'DELETE', '/api/audit', undefined, c.admin)).status).toBe(405);
  });
});

describe('reading the log', () => {
  it('shows an official only entries about their county’s products and designations', async () => {
    const { body } = await send(s.url, 'GET', '/api/audit?limit=200', undefined, c.qinshui);
    expect(body.total).toBe(body.items.length);
    expect(body.items.length).toBeGreaterThan(0);
    for (const e of body.items) {
      expect(['product', 'designation']).toContain(e.entity);
      if (e.entity === 'product') expect(e.entityId).toBe(qinshuiProduct);
      else expect(e.entityId).toBe(designationId);
    }
    const theirs = await send(s.url, 'GET', `/api/audit?entity=product&id=${yangchengProduct}`, undefined, c.qinshui);
    expect(theirs.body).toEqual({ items: [], total: 0 });
  });

  it('shows an admin everything, newest first, paged', async () => {
    const all = (await send(s.url, 'GET', '/api/audit?limit=200', undefined, c.admin)).body;
    expect(new Set(all.items.map((e: { entity: string }) => e.entity))).toEqual(new Set(['product', 'designation', 'user']));
    const ids = all.items.map((e: { id: number }) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const page = (await send(s.url, 'GET', '/api/audit?limit=2&offset=1', undefined, c.admin)).body;
    expect(page.items.map((e: { id: number }) => e.id)).toEqual(ids.slice(1, 3));
    expect(page.total).toBe(all.total);
  });

  it.each([['entity=session'], ['id=abc'], ['limit=0'], ['colour=red']])('refuses ?%s with 400', async (q) => {
    expect((await send(s.url, 'GET', `/api/audit?${q}`, undefined, c.admin)).status).toBe(400);
  });
});
