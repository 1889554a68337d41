/**
 * A full disk, simulated by capping the database's size (`PRAGMA max_page_count` on the server's own
 * connection): a write that needs room answers 507 with a message that says what to do, changes nothing,
 * and deleting documents still works and frees room for the next upload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { pdfBytes, upload, uploadForm } from '../support/sample-files';
import { addAccount, send, signIn } from './fixtures';

let s: TestServer;
let qinshui: string;
let productId: number;

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qs-full', 'official', '140521');
  qinshui = await signIn(s.url, 'qs-full');
  productId = (await send(s.url, 'POST', '/api/products', { nameZh: '沁水满盘测试', category: 'food', counties: ['140521'], visibility: 'public' }, qinshui)).body.id;
}, 60_000);
afterAll(() => s.close());

/** A PDF of `size` bytes that does not compress (so it takes its size in pages). */
const pdfOfSize = (size: number) => Buffer.concat([pdfBytes(), Buffer.from(Array.from({ length: size }, (_, i) => (i * 7919) % 251))]);
const counts = () => s.db.$client.prepare('SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM document_files) AS files, (SELECT count(*) FROM audit_events) AS audit').get();

describe('a full disk', () => {
  it('answers 507 to a write that needs room, lets documents be deleted, and takes the next upload in the room freed', async () => {
    const kept = [];
    for (let i = 0; i < 3; i++) {
      const res = await upload(s.url, productId, uploadForm({ kind: 'other', title: `占位 ${i}`, visibility: 'internal' }, { bytes: pdfOfSize(1024 * 1024), name: 'a.pdf' }), qinshui);
      expect(res.status).toBe(201);
      kept.push(res.body.id as number);
    }
    const client = s.db.$client;
    const pages = client.pragma('page_count', { simple: true }) as number;
    client.pragma(`max_page_count = ${pages + 16}`);
    try {
      const before = counts();
      const full = await upload(s.url, productId, uploadForm({ kind: 'other', title: '放不下', visibility: 'internal' }, { bytes: pdfOfSize(2 * 1024 * 1024), name: 'b.pdf' }), qinshui);
      expect(full.status, JSON.stringify(full.body)).toBe(507);
      expect(full.body.error.code).toBe('storage_full');
      expect(full.body.error.message).toMatch(/空间.* \/ .*space/);
      expect(counts()).toEqual(before);
      // A JSON write that needs room is refused the same way.
      const many = await send(s.url, 'PATCH', `/api/products/${productId}`, { description: '长'.repeat(4_000) }, qinshui);
      expect([200, 507]).toContain(many.status);

      // Deleting works on a database with not one page to spare, and its room is taken by the next upload.
      client.pragma(`max_page_count = ${client.pragma('page_count', { simple: true }) as number}`);
      for (const id of kept) expect((await send(s.url, 'DELETE', `/api/documents/${id}`, undefined, qinshui)).status).toBe(204);
      const after = await upload(s.url, productId, uploadForm({ kind: 'other', title: '腾出空间后', visibility: 'internal' }, { bytes: pdfOfSize(2 * 1024 * 1024), name: 'c.pdf' }), qinshui);
      expect(after.status, JSON.stringify(after.body)).toBe(201);
      expect((await send(s.url, 'GET', '/api/health')).status).toBe(200);
    } finally {
      client.pragma('max_page_count = 4294967294');
    }
  }, 60_000);
});
