/**
 * The multipart reader on its own, over real HTTP: a body that stops arriving is dropped after the stall
 * timeout (408, the connection cut), and the room it took from the uploads' budget comes back.
 */
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readUpload } from '../../../server/documents/read-upload';
import { UploadBudget } from '../../../server/documents/upload-budget';
import { HttpError } from '../../../server/errors';

const budget = new UploadBudget(8 * 1024 * 1024);
let server: Server;
let port: number;
const outcomes: (string | number)[] = [];

beforeAll(async () => {
  const app = express();
  app.post('/upload', async (req, res) => {
    try {
      const upload = await readUpload(req, { hold: budget.holdFor(res, Number(req.get('content-length'))), stallMs: 300 });
      outcomes.push(upload.file?.length ?? 0);
      res.json({ bytes: upload.file?.length ?? 0 });
    } catch (error) {
      outcomes.push((error as HttpError).code);
      if (!res.headersSent && !req.socket.destroyed) res.status((error as HttpError).status).json({ code: (error as HttpError).code });
    }
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));

describe('readUpload', () => {
  it('drops a body that stops arriving after the stall timeout, cutting the connection and freeing its room', async () => {
    const boundary = 'stall-boundary';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\n`);
    const closed = new Promise<number>((resolve) => {
      const started = performance.now();
      const req = request({
        host: '127.0.0.1', port, path: '/upload', method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + 4 * 1024 * 1024) },
      });
      req.on('error', () => resolve(performance.now() - started));
      req.on('response', (res) => { res.resume(); res.on('close', () => resolve(performance.now() - started)); });
      req.on('close', () => resolve(performance.now() - started));
      req.write(head);
      req.write(Buffer.alloc(1024 * 1024, 0x20)); // a quarter of what it announced, then nothing more
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(budget.left).toBeLessThan(budget.capacity); // it holds what arrived
    const ms = await closed;
    expect(ms).toBeLessThan(10_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(outcomes).toContain('upload_stalled');
    expect(budget.left).toBe(budget.capacity);
  });

  it('reads a whole body that keeps arriving, however slowly, within the stall timeout between chunks', async () => {
    const boundary = 'slow-boundary';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const answer = await new Promise<string>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1', port, path: '/upload', method: 'POST',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
      }, (res) => { let t = ''; res.on('data', (d) => { t += d; }); res.on('end', () => resolve(t)); });
      req.on('error', reject);
      req.write(head);
      let sent = 0;
      const next = () => {
        if (sent++ === 6) { req.end(tail); return; }
        req.write(chunk);
        setTimeout(next, 100); // every 100 ms: slower than one go, faster than the 300 ms stall
      };
      next();
    });
    expect(JSON.parse(answer)).toEqual({ bytes: 6 * chunk.length });
    expect(budget.left).toBe(budget.capacity);
  });
});
