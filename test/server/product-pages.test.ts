/**
 * Every published product's page is kept ready before anyone asks (server/product-pages.ts): after a
 * pass, any product page is answered from memory (its log line is at debug) with the bytes a request
 * would have built; a write makes its own product's page the only one to rebuild, a county's name every
 * page; drafts are never built for the public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productPagesOf } from '../../server/app';
import { FULL_PASS_MS } from '../../server/product-pages';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn, startWithClock } from './fixtures';

let s: TestServer;
let official: string;
beforeAll(async () => {
  s = await startServer({ logLevel: 'debug' });
  await addAccount(s.db, 'qinshui', 'official', '140521');
  official = await signIn(s.url, 'qinshui');
});
afterAll(() => s.close());

const published = () => s.db.$client.prepare("SELECT id FROM products WHERE visibility = 'public' AND archived_at IS NULL ORDER BY id").pluck().all() as number[];
const warm = () => productPagesOf(s.app).warm();

/** A public GET of a product page: its status, bytes and the level of its log line. */
async function page(id: number) {
  const res = await fetch(`${s.url}/api/products/${id}`, { headers: { 'accept-encoding': 'br' } });
  const text = await res.text();
  const reqId = res.headers.get('x-request-id');
  await new Promise((resolve) => setTimeout(resolve, 5)); // the line is written when the answer closes
  const line = s.logs().find((l) => l.reqId === reqId && l.req);
  return { status: res.status, text, level: line?.level as string | undefined };
}

describe('product pages kept ready', () => {
  it('builds every published product\'s page in a pass; each is then answered from memory', async () => {
    const ids = published();
    expect(ids.length).toBeGreaterThan(5);
    expect(await warm()).toBe(ids.length);
    for (const id of ids) {
      const { status, level } = await page(id);
      expect(status).toBe(200);
      expect(level, `product ${id}`).toBe('debug');
    }
    // A second pass at the same version and day builds nothing.
    expect(await warm()).toBe(0);
  });

  it('sends a kept page (kept in brotli alone) with the same bytes to a client that takes gzip or no encoding', async () => {
    const [a] = published();
    await warm();
    const brotli = (await page(a)).text;
    const gzip = await fetch(`${s.url}/api/products/${a}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(await gzip.text()).toBe(brotli);
    const identity = await fetch(`${s.url}/api/products/${a}`, { headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers.get('content-encoding')).toBeNull();
    expect(await identity.text()).toBe(brotli);
    expect(JSON.parse(brotli)).toMatchObject({ id: a });
  });

  it('has the bytes a request builds: the same page after the kept one is dropped by a write elsewhere', async () => {
    const [a] = published();
    const kept = (await page(a)).text;
    // A county's name is on every page: everything is rebuilt, by the next request (not from memory).
    s.db.$client.prepare("UPDATE counties SET name_en = name_en WHERE code = '140521'").run();
    const rebuilt = await page(a);
    expect(rebuilt.level).toBe('info');
    expect(rebuilt.text).toBe(kept);
    expect(await warm()).toBe(published().length - 1);
  });

  it('after a write to one product, rebuilds that page only, and the page shows the write', async () => {
    const [a, b] = published();
    await warm();
    const res = await send(s.url, 'PATCH', `/api/products/${a}`, { description: '预先备好的页面' }, official);
    expect(res.status).toBe(200);
    expect(await warm()).toBe(1);
    const after = await page(a);
    expect(after.level).toBe('debug');
    expect(JSON.parse(after.text).description).toBe('预先备好的页面');
    expect((await page(b)).level).toBe('debug');
  });

  it('after a write to one product, looks again at that product alone; after a change of everything, at every one', async () => {
    const pages = productPagesOf(s.app);
    const [a] = published();
    await warm();
    const full = pages.stats.fullPasses;
    const res = await send(s.url, 'PATCH', `/api/products/${a}`, { description: '只看写过的产品' }, official);
    expect(res.status).toBe(200);
    expect(await warm()).toBe(1);
    expect(pages.stats.fullPasses).toBe(full);
    s.db.$client.prepare("UPDATE counties SET name_en = name_en WHERE code = '140521'").run();
    expect(await warm()).toBe(published().length);
    expect(pages.stats.fullPasses).toBe(full + 1);
  });

  it('never builds a draft\'s page for the public', async () => {
    const res = await send(s.url, 'POST', '/api/products', { nameZh: '沁水草稿产品', category: 'food', counties: ['140521'] }, official);
    expect(res.status).toBe(201);
    expect(await warm()).toBe(0);
    expect((await page(res.body.id)).status).toBe(404);
  });
});

describe('product pages kept ready, over time', () => {
  it('looks at every published product again once FULL_PASS_MS has passed, even between writes to one product', async () => {
    const c = await startWithClock(new Date('2026-06-01T02:00:00Z'));
    try {
      await addAccount(c.db, 'qinshui', 'official', '140521');
      const token = await signIn(c.url, 'qinshui');
      const pages = productPagesOf(c.app);
      const [a] = c.db.$client.prepare("SELECT id FROM products WHERE visibility = 'public' AND archived_at IS NULL ORDER BY id").pluck().all() as number[];
      await pages.warm();
      const full = pages.stats.fullPasses;
      const write = async (text: string) => expect((await send(c.url, 'PATCH', `/api/products/${a}`, { description: text }, token)).status).toBe(200);
      await write('第一次');
      expect(await pages.warm()).toBe(1);
      expect(pages.stats.fullPasses).toBe(full);
      c.clock.advance(FULL_PASS_MS);
      await write('第二次');
      expect(await pages.warm()).toBe(1);
      expect(pages.stats.fullPasses).toBe(full + 1);
    } finally {
      await c.close();
    }
  });
});
