/**
 * Public reads are ready bodies of the registry version: compressed, validated by ETag, rebuilt
 * after a registry write and only then, and never mixed up between the public and an official.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

let s: TestServer;
let official: string;
beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qinshui', 'official', '140521');
  official = await signIn(s.url, 'qinshui');
});
afterAll(() => s.close());

const version = () => s.db.$client.prepare('SELECT version FROM registry_meta WHERE id = 1').pluck().get() as number;
const get = (path: string, headers: Record<string, string> = {}) => fetch(s.url + path, { headers });
const newDraft = async (nameZh: string) => {
  const res = await send(s.url, 'POST', '/api/products', { nameZh, category: 'food', counties: ['140521'] }, official);
  expect(res.status).toBe(201);
  return res.body.id as number;
};

describe('ready bodies', () => {
  it.each(['/api/products.geojson', '/api/counties.geojson', '/api/tally', '/api/tally/series', '/api/products?limit=50'])(
    '%s comes in brotli or gzip as asked, the same JSON either way', async (path) => {
      const plain = await get(path, { 'accept-encoding': 'identity' });
      expect(plain.status).toBe(200);
      expect(plain.headers.get('content-encoding')).toBeNull();
      const json = JSON.parse(await plain.text());
      // fetch would decompress on its own; read the raw bytes through node's http instead.
      for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
        const raw = await rawGet(path, encoding);
        expect(raw.headers['content-encoding']).toBe(encoding);
        expect(raw.headers.vary).toMatch(/Accept-Encoding/i);
        expect(JSON.parse(decode(raw.body).toString())).toEqual(json);
      }
    });

  it('answers a URL built before (the fast path, ahead of Express) with the same headers and bytes', async () => {
    const path = '/api/products?limit=5&county=140521';
    const first = await rawGet(path, 'br');
    const again = await rawGet(path, 'br');
    for (const name of ['content-security-policy', 'x-content-type-options', 'etag', 'cache-control', 'vary', 'content-type', 'content-encoding']) {
      expect(again.headers[name], name).toBe(first.headers[name]);
    }
    expect(again.headers['content-security-policy']).toContain("default-src 'self'");
    expect(again.body.equals(first.body)).toBe(true);
  });

  it('answers 304 to a client that has the current body, in any encoding', async () => {
    const first = await get('/api/products.geojson', { 'accept-encoding': 'br' });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+-br"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    const again = await get('/api/products.geojson', { 'if-none-match': etag, 'accept-encoding': 'gzip' });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('a registry write moves the version and the next read shows it with a new ETag', async () => {
    const before = await get('/api/products.geojson');
    const etag = before.headers.get('etag')!;
    const v = version();
    const id = await newDraft('沁水测试版本');
    expect(version()).toBeGreaterThan(v);
    // A public product with a location appears on the map at once.
    expect((await send(s.url, 'PATCH', `/api/products/${id}`, {
      visibility: 'public', locations: [{ lat: 35.69, lng: 112.19, label: '', precision: 'county' }],
    }, official)).status).toBe(200);
    const after = await get('/api/products.geojson', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect((await after.json()).features.map((f: { properties: { productId: number } }) => f.properties.productId)).toContain(id);
  });

  it('signing in, reading and session touches leave the registry version where it was', async () => {
    const v = version();
    const etag = (await get('/api/tally')).headers.get('etag')!;
    const cookie = await signIn(s.url, 'qinshui');
    await fetch(`${s.url}/api/session`, { headers: { cookie } });
    await get('/api/products?mine=1', { cookie });
    expect(version()).toBe(v);
    expect((await get('/api/tally', { 'if-none-match': etag })).status).toBe(304);
  });

  it('a write by another connection (a CLI, another process) is seen too', async () => {
    const total = async () => (await (await get('/api/products?limit=1')).json()).total as number;
    const before = await total();
    const other = new Database(s.dbFile);
    other.prepare("UPDATE products SET archived_at = '2026-01-01T00:00:00Z' WHERE id = (SELECT min(id) FROM products WHERE visibility = 'public' AND archived_at IS NULL)").run();
    other.close();
    await new Promise((resolve) => setTimeout(resolve, 5)); // the remembered registry version lives 2 ms
    expect(await total()).toBe(before - 1);
  });

  it("never gives an official the public's body, nor the public an official's", async () => {
    const id = await newDraft('沁水草稿不公开');
    const names = async (cookie?: string) => {
      const res = await get('/api/products?limit=200', cookie ? { cookie } : {});
      return { cache: res.headers.get('cache-control'), names: (await res.json()).items.map((p: { nameZh: string }) => p.nameZh) };
    };
    for (let i = 0; i < 2; i++) { // the second round is answered from what the first kept
      expect((await names()).names).not.toContain('沁水草稿不公开');
      const mine = await names(official);
      expect(mine.names).toContain('沁水草稿不公开');
      expect(mine.cache).toBe('private, no-cache');
    }
    expect((await get(`/api/products/${id}`)).status).toBe(404);
    expect((await get(`/api/products/${id}`, { cookie: official })).status).toBe(200);
  });

  it('refuses a bad query before any build, and never keeps the refusal', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await get('/api/products.geojson?county=1');
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('bad_request');
    }
    expect((await get('/api/tally?period=999')).status).toBe(404);
  });
});

describe('every other text answer', () => {
  it('is compressed when the client accepts it', async () => {
    const raw = await rawGet('/api/openapi.json', 'gzip');
    expect(raw.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(raw.body).toString()).openapi).toMatch(/^3\./);
  });
});

/** A GET through node:http, which hands back the bytes as sent (fetch decompresses them). */
async function rawGet(path: string, encoding: string): Promise<{ headers: Record<string, string>; body: Buffer }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    request(s.url + path, { headers: { 'accept-encoding': encoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers as Record<string, string>, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject).end();
  });
}
