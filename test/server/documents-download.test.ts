/**
 * Downloads that cost the server little whatever the clients do: a stored file is sent in slices read from
 * SQLite one at a time as the client takes them, so connections that never read hold a slice each, not the
 * file; one address may have only a few large downloads at once (429 with Retry-After beyond); the server
 * answers others meanwhile.
 */
import { createHash } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOWNLOADS_PER_ADDRESS, FILE_SLICE_BYTES } from '../../server/documents/send-file';
import { startServer, type TestServer } from '../support/server';
import { pdfBytes, picture, upload, uploadForm } from '../support/sample-files';
import { addAccount, send, signIn } from './fixtures';

const BIG = 16 * 1024 * 1024;
let s: TestServer;
let big: { id: number; url: string; bytes: number };
let bigBytes: Buffer;
let small: { id: number; url: string; thumbnailUrl: string };
const sockets: Socket[] = [];

beforeAll(async () => {
  // Behind one trusted proxy on loopback, so each test socket can be a client of its own address.
  s = await startServer({ env: { TRUST_PROXY: 'loopback' } });
  await addAccount(s.db, 'qs-download', 'official', '140521');
  const qinshui = await signIn(s.url, 'qs-download');
  const productId = (await send(s.url, 'POST', '/api/products', { nameZh: '沁水下载测试', category: 'food', counties: ['140521'], visibility: 'public' }, qinshui)).body.id;
  const pdf = pdfBytes();
  bigBytes = Buffer.concat([pdf, Buffer.from(Array.from({ length: BIG - pdf.length }, (_, i) => (i * 31) % 256))]);
  const res = await upload(s.url, productId, uploadForm({ kind: 'specification', title: '大文件', visibility: 'public' }, { bytes: bigBytes, name: 'big.pdf' }), qinshui);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  big = res.body;
  small = (await upload(s.url, productId, uploadForm({ kind: 'photo', title: '小照片', visibility: 'public' }, { bytes: await picture('jpeg'), name: 'p.jpg' }), qinshui)).body;
}, 60_000);
afterAll(async () => {
  for (const sock of sockets.splice(0)) sock.destroy();
  await s.close();
});

/** A client at `address` that asks for `path` and then never reads its answer. */
function neverReads(path: string, address?: string): Promise<Socket> {
  const { port } = new URL(s.url);
  return new Promise((resolve, reject) => {
    const sock = connect(Number(port), '127.0.0.1', () => {
      sock.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${address ? `X-Forwarded-For: ${address}\r\n` : ''}\r\n`);
      sock.pause();
      resolve(sock);
    });
    sock.on('error', () => {});
    sock.once('error', reject);
    sockets.push(sock);
  });
}

const get = (path: string, address?: string) => fetch(`${s.url}${path}`, { headers: address ? { 'x-forwarded-for': address } : {} });

describe('a large public file', () => {
  it('is sent whole and byte for byte to a client that reads it', async () => {
    const res = await get(big.url, '192.0.2.1');
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBe(BIG);
    const body = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(body).digest('hex')).toBe(createHash('sha256').update(bigBytes).digest('hex'));
    const head = await fetch(`${s.url}${big.url}`, { method: 'HEAD', headers: { 'x-forwarded-for': '192.0.2.1' } });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, String(BIG)]);
  });

  it('costs a slice per client that never reads, not the file, and the server answers others meanwhile', async () => {
    const clients = 24;
    const before = process.memoryUsage().arrayBuffers;
    for (let i = 0; i < clients; i++) await neverReads(big.url, `198.51.100.${i + 1}`);
    await new Promise((r) => setTimeout(r, 1_500)); // let every answer fill what the sockets take
    const grown = process.memoryUsage().arrayBuffers - before;
    // Whole files would be 24 × 16 MiB = 384 MiB held; slices are at most a few MiB each (generous bound).
    expect(grown).toBeLessThan(clients * 4 * FILE_SLICE_BYTES + 32 * 1024 * 1024);
    const started = performance.now();
    const health = await get('/api/health', '203.0.113.50');
    expect(health.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(2_000);
    const other = await get(big.url, '203.0.113.51');
    expect(Buffer.from(await other.arrayBuffer()).length).toBe(BIG);
    for (const sock of sockets.splice(0)) sock.destroy();
  }, 60_000);

  it('is refused (429, Retry-After) to an address that already has its share of large downloads; small files still pass', async () => {
    const address = '198.51.100.200';
    const held = [];
    for (let i = 0; i < DOWNLOADS_PER_ADDRESS; i++) held.push(await neverReads(big.url, address));
    await new Promise((r) => setTimeout(r, 300));
    const refused = await get(big.url, address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).error.message).toMatch(/ \/ /);
    // Its thumbnails and small files are answered, and other addresses are not held up.
    expect((await get(small.thumbnailUrl, address)).status).toBe(200);
    expect((await get(small.url, address)).status).toBe(200);
    expect((await get(big.url, '198.51.100.201')).status).toBe(200);
    // A download that ends gives its place back.
    held[0].destroy();
    await new Promise((r) => setTimeout(r, 300));
    const again = await get(big.url, address);
    expect(again.status).toBe(200);
    await again.arrayBuffer();
    for (const sock of held) sock.destroy();
  }, 60_000);
});
