/**
 * Photos are decoded in a queue of their own, over HTTP on the real app: however many large photos arrive
 * at once, one is decoded at a time (sharp's own counters say how many it is working on), so the thread
 * pool that sign-in (scrypt) and compression share stays free; photos past the pixel budget are refused
 * (503, Retry-After) and keep nothing; the queue's state is there for the readiness check.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../support/server';
import { upload, uploadForm } from '../../support/sample-files';
import { addAccount, PASSWORD, send, signIn } from '../fixtures';

let s: TestServer;
let qinshui: string;
let productId: number;
/** Large camera-sized photos (24 MP), made once. */
let photos: Buffer[];

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qs-photos', 'official', '140521');
  qinshui = await signIn(s.url, 'qs-photos');
  productId = (await send(s.url, 'POST', '/api/products', { nameZh: '沁水照片队列', category: 'food', counties: ['140521'], visibility: 'public' }, qinshui)).body.id;
  photos = await Promise.all(['#5a8f3c', '#8f5a3c', '#3c5a8f', '#8f8f3c'].map((background) =>
    sharp({ create: { width: 6000, height: 4000, channels: 3, background } }).jpeg().toBuffer()));
}, 120_000);
afterAll(() => s?.close());

const sendPhoto = (bytes: Buffer, i: number) =>
  upload(s.url, productId, uploadForm({ kind: 'photo', title: `大照片 ${i}`, visibility: 'internal' }, { bytes, name: `p${i}.jpg` }), qinshui);

describe('decoding photos', () => {
  it('works on one photo at a time however many arrive, and sign-in is not held up meanwhile', async () => {
    let most = 0;
    const sampler = setInterval(() => { most = Math.max(most, sharp.counters().process); }, 10);
    const uploads = photos.map(sendPhoto);
    await new Promise((r) => setTimeout(r, 300)); // the photos are in the server's hands
    const started = performance.now();
    const signedIn = await signIn(s.url, 'qs-photos', PASSWORD);
    const signInMs = performance.now() - started;
    const answers = await Promise.all(uploads);
    clearInterval(sampler);
    expect(signedIn).toMatch(/^gi_session=/);
    for (const a of answers) expect([201, 503]).toContain(a.status);
    expect(answers.some((a) => a.status === 201)).toBe(true);
    // sharp's counter of images being worked on: one photo at a time, whatever arrives.
    expect(most).toBeGreaterThan(0);
    expect(most).toBeLessThanOrEqual(1);
    // Generous: sign-in is one scrypt on a free thread, whatever the photos are doing.
    expect(signInMs).toBeLessThan(5_000);
  }, 120_000);

  it('refuses photos past the pixel budget with 503 and Retry-After, keeping nothing of them', async () => {
    const { PHOTO_PIXEL_BUDGET } = await import('../../../server/documents/photo-queue');
    const count = Math.floor(PHOTO_PIXEL_BUDGET / 24_000_000) + 2;
    const before = s.db.$client.prepare('SELECT count(*) AS n FROM documents').get() as { n: number };
    const answers = await Promise.all(Array.from({ length: count }, (_, i) => sendPhoto(photos[i % photos.length], i)));
    const refused = answers.filter((a) => a.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.body.error.code).toBe('photos_busy');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(r.body.error.message).toMatch(/ \/ /);
    }
    const stored = answers.filter((a) => a.status === 201).length;
    expect(stored + refused.length).toBe(count);
    const after = s.db.$client.prepare('SELECT count(*) AS n FROM documents').get() as { n: number };
    expect(after.n - before.n).toBe(stored);
  }, 120_000);

  it('reports its state for the readiness check, empty once the photos are done', async () => {
    const { photoQueueState } = await import('../../../server/documents/photo-queue');
    expect(photoQueueState()).toMatchObject({ running: 0, waiting: 0, megapixels: 0, closed: false, full: false });
    expect(photoQueueState().budgetMegapixels).toBeGreaterThanOrEqual(100);
  });
});
