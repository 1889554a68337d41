/**
 * Uploads and memory: the size limit is what the documentation says (exactly 20 MiB is taken, one byte more
 * is a 413), and the bytes of all uploads in flight together have a cap: past it an upload is refused (503
 * with Retry-After) and nothing is kept, and the room comes back when an upload ends or is dropped.
 */
import { request, type ClientRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../db/model';
import { UPLOADS_IN_FLIGHT_BYTES } from '../../server/documents/upload-budget';
import { call, startServer, type TestServer } from '../support/server';
import { pdfBytes, upload, uploadForm } from '../support/sample-files';
import { addAccount, send, signIn } from './fixtures';

let s: TestServer;
let qinshui: string;
let productId: number;

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qs-upload', 'official', '140521');
  qinshui = await signIn(s.url, 'qs-upload');
  productId = (await send(s.url, 'POST', '/api/products', { nameZh: '沁水上传测试', category: 'food', counties: ['140521'], visibility: 'public' }, qinshui)).body.id;
}, 60_000);
afterAll(() => s.close());

/** How many documents and stored files there are (the tables hold 20 MiB blobs: no whole dump here). */
const counts = () => s.db.$client.prepare('SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM document_files) AS files, (SELECT count(*) FROM audit_events) AS audit').get();

/** A PDF of exactly `size` bytes (a real one-page PDF, padded after its end). */
function pdfOfSize(size: number): Buffer {
  const pdf = pdfBytes();
  return Buffer.concat([pdf, Buffer.alloc(size - pdf.length, 0x0a)]);
}

describe('the size limit', () => {
  it('takes a file of exactly 20 MiB (what "at most 20 MB" promises) and refuses one byte more with a 413', async () => {
    expect(MAX_DOCUMENT_BYTES).toBe(20 * 1024 * 1024);
    const fits = await upload(s.url, productId, uploadForm({ kind: 'other', title: '恰好二十兆', visibility: 'internal' },
      { bytes: pdfOfSize(MAX_DOCUMENT_BYTES), name: 'exact.pdf' }), qinshui);
    expect(fits.status, JSON.stringify(fits.body)).toBe(201);
    expect(fits.body.bytes).toBe(MAX_DOCUMENT_BYTES);
    const before = counts();
    const over = await upload(s.url, productId, uploadForm({ kind: 'other', title: '多一个字节', visibility: 'internal' },
      { bytes: pdfOfSize(MAX_DOCUMENT_BYTES + 1), name: 'over.pdf' }), qinshui);
    expect(over.status).toBe(413);
    expect(over.body.error.message).toContain('20 MB');
    expect(counts()).toEqual(before);
  }, 60_000);
});

/** An upload sent by hand: the form's head and `fileBytes` of a PDF now, the rest only when `finish` is called. */
function partialUpload(fileBytes: number, { declare = true } = {}) {
  const boundary = `gi-${Math.random().toString(36).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\n分段上传\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="visibility"\r\n\r\ninternal\r\n` +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const file = pdfOfSize(fileBytes);
  const url = new URL(`${s.url}/api/products/${productId}/documents`);
  let req!: ClientRequest;
  const answer = new Promise<{ status: number; headers: Record<string, unknown>; body: any }>((resolve, reject) => {
    req = request({
      host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      headers: {
        cookie: qinshui, 'content-type': `multipart/form-data; boundary=${boundary}`,
        ...(declare ? { 'content-length': String(head.length + file.length + tail.length) } : { 'transfer-encoding': 'chunked' }),
      },
    }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : null }));
      res.on('error', reject);
    });
    req.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e); });
  });
  const sent = new Promise<void>((resolve) => {
    req.write(head);
    // All but the last byte of the file: the server holds it, waiting for the rest.
    if (req.write(file.subarray(0, file.length - 1))) resolve(); else req.once('drain', () => resolve());
  });
  return {
    answer, sent,
    finish: () => { req.write(file.subarray(file.length - 1)); req.end(tail); },
    drop: () => req.destroy(),
  };
}

describe('the bytes of all uploads in flight', () => {
  it('have a cap: past it an upload is refused with 503 and Retry-After, nothing is kept, and the room comes back', async () => {
    const size = 15 * 1024 * 1024;
    const fit = Math.floor(UPLOADS_IN_FLIGHT_BYTES / size);
    expect(fit).toBeGreaterThanOrEqual(2);
    expect(fit).toBeLessThanOrEqual(8);
    const before = counts();
    const held = Array.from({ length: fit }, () => partialUpload(size));
    await Promise.all(held.map((h) => h.sent));
    await new Promise((r) => setTimeout(r, 300)); // let the server take in what was sent

    // One more (with its length declared) is refused at once; one sent chunked is refused as it crosses the cap.
    for (const declare of [true, false]) {
      const extra = partialUpload(size, { declare });
      const refused = await extra.answer;
      expect(refused.status).toBe(503);
      expect(refused.body.error.code).toBe('uploads_busy');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(refused.body.error.message).toMatch(/ \/ /);
      extra.drop();
    }
    expect(counts()).toEqual(before);
    expect((await call(`${s.url}/api/health`)).status).toBe(200);

    // A dropped upload gives its room back; a finished one is kept and gives its room back too.
    held[0].drop();
    held[1].finish();
    expect((await held[1].answer).status).toBe(201);
    await new Promise((r) => setTimeout(r, 200));
    const again = partialUpload(size);
    await again.sent;
    again.finish();
    expect((await again.answer).status).toBe(201);
    for (const h of held.slice(2)) h.drop();
  }, 90_000);
});
