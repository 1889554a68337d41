/**
 * No account names in public answers: after officials and an admin have made moves, every public
 * answer (each GET the OpenAPI document marks as open to all, for every id found along the way, the
 * pages, robots.txt, the sitemap, and every file of a static copy) is scanned for their usernames.
 * The scan is generic on purpose: a field added later that names an account fails it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaticSite } from '../../server/cli/build-static';
import { openApiDocument } from '../../server/openapi';
import { startServer, type TestServer } from '../support/server';
import { addAccount, send, signIn } from './fixtures';

/** Usernames no public answer may contain (distinctive, so a hit is never a coincidence). */
const NAMES = ['qsn_k2v9', 'gpg_w3m1', 'adm_zq7x'];

let server: TestServer;
let work: string;

beforeAll(async () => {
  server = await startServer();
  await addAccount(server.db, NAMES[0], 'official', '140521');
  await addAccount(server.db, NAMES[1], 'official', '140581');
  await addAccount(server.db, NAMES[2], 'admin');
  const [qinshui, gaoping, admin] = await Promise.all(NAMES.map((n) => signIn(server.url, n)));
  const ok = async (res: Promise<{ status: number; body: any }>) => {
    const { status, body } = await res;
    expect(status, JSON.stringify(body)).toBeLessThan(300);
    return body;
  };
  // Officials make public products and move their designations; the admin moves a seeded one.
  const product = await ok(send(server.url, 'POST', '/api/products', {
    nameZh: '沁水扫描产品', category: 'food', counties: ['140521'], visibility: 'public',
    locations: [{ lat: 35.69, lng: 112.19, label: '龙港镇', precision: 'township', divisionCode: '140521100000' }],
  }, qinshui));
  const designation = await ok(send(server.url, 'POST', `/api/products/${product.id}/designations`, { giType: 'agricultural_product', startedOn: '2024-01-01' }, qinshui));
  await ok(send(server.url, 'POST', `/api/designations/${designation.id}/transitions`, { to: 'withdrawn', on: '2024-03-01', note: '暂缓' }, qinshui));
  await ok(send(server.url, 'POST', `/api/designations/${designation.id}/transitions`, { to: 'cultivating', on: '2024-06-01', note: '重新培育' }, qinshui));
  await ok(send(server.url, 'PUT', `/api/products/${product.id}/participants`, [{ role: 'farmers', households: 40 }], qinshui));
  const pear = await ok(send(server.url, 'GET', '/api/products/4', undefined, gaoping));
  await ok(send(server.url, 'PATCH', '/api/products/4', { description: `${pear.description}（已核对）` }, gaoping));
  const seeded = await ok(send(server.url, 'POST', '/api/products/4/designations', { giType: 'agricultural_product', startedOn: '2024-01-01' }, admin));
  await ok(send(server.url, 'POST', `/api/designations/${seeded.id}/transitions`, { to: 'withdrawn', on: '2025-01-02', note: '' }, admin));
  // The workspace does see who moved what: the names are there to leak.
  const inWorkspace = await ok(send(server.url, 'GET', `/api/products/${product.id}`, undefined, qinshui));
  expect(JSON.stringify(inWorkspace)).toContain(NAMES[0]);
  work = mkdtempSync(join(tmpdir(), 'gi-names-'));
}, 60_000);

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The text of every entry of a zip (XLSX, DOCX), read from its central directory. */
function zipText(bytes: Buffer): string {
  let eocd = bytes.length - 22;
  while (eocd >= 0 && bytes.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(p + 10);
    const size = bytes.readUInt32LE(p + 20);
    const nameLength = bytes.readUInt16LE(p + 28);
    const local = bytes.readUInt32LE(p + 42);
    const data = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(data, data + size);
    texts.push((method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return texts.join('\n');
}

/** An answer's text: zips unpacked, anything else as UTF-8. */
function textOf(bytes: Buffer): string {
  return bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) ? zipText(bytes) : bytes.toString('utf8');
}

/** Every number under a key `id` (or ending in `Id`) in a JSON value. */
function idsIn(value: unknown, into: Set<number>): void {
  if (Array.isArray(value)) for (const v of value) idsIn(v, into);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if ((key === 'id' || key.endsWith('Id')) && typeof v === 'number') into.add(v);
      else idsIn(v, into);
    }
  }
}

const leaks = (where: string, text: string) => NAMES.filter((n) => text.toLowerCase().includes(n)).map((n) => `${where}: ${n}`);

describe('no account names in public answers', () => {
  it('appear in no public API answer, for any id found', async () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { 'x-who'?: string }>> };
    const paths = Object.entries(doc.paths).filter(([, ops]) => ops.get?.['x-who'] === 'all').map(([path]) => path);
    const ids = new Set<number>();
    const found: string[] = [];
    const scanned = new Set<string>();
    const scan = async (url: string) => {
      if (scanned.has(url)) return;
      scanned.add(url);
      const res = await fetch(server.url + url);
      const bytes = Buffer.from(await res.arrayBuffer());
      found.push(...leaks(url, textOf(bytes)));
      if (/json/.test(res.headers.get('content-type') ?? '')) idsIn(JSON.parse(bytes.toString('utf8')), ids);
    };
    // Fixed paths first (with a few filters), then every path with an id, for every id seen so far, until no new one turns up.
    for (const path of paths.filter((p) => !p.includes('{'))) {
      await scan(path);
      if (/^\/api\/(products|export)/.test(path)) for (const q of ['?county=140521', '?status=withdrawn', '?limit=500']) await scan(path + q);
    }
    let before = -1;
    while (ids.size !== before) {
      before = ids.size;
      for (const path of paths.filter((p) => p.includes('{'))) {
        for (const id of [...ids]) await scan(path.replace(/\{[^}]+\}/g, String(id)));
      }
    }
    expect(scanned.size).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });

  it('appear in no public page, robots.txt or sitemap', async () => {
    const list = (await send(server.url, 'GET', '/api/products?limit=500')).body as { items: { id: number }[] };
    const found: string[] = [];
    for (const path of ['/', '/tally', '/robots.txt', '/sitemap.xml', '/no/such/page', ...list.items.map((p) => `/products/${p.id}`)]) {
      found.push(...leaks(path, await (await fetch(server.url + path)).text()));
    }
    expect(found).toEqual([]);
  });

  it('appear in no file of a static copy', async () => {
    const out = join(work, 'site');
    const client = join(work, 'client');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(client, { recursive: true });
    writeFileSync(join(client, 'index.html'), '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8" /><title>t</title></head><body><gi-app></gi-app></body></html>\n');
    await buildStaticSite(server.db, out, { clientDir: client, config: server.config, baseUrl: 'https://gi.example.cn' });
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (!/\.(br|gz)$/.test(name)) found.push(...leaks(path.slice(out.length), textOf(readFileSync(path))));
      }
    };
    walk(out);
    expect(found).toEqual([]);
  });
});
