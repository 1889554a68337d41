/**
 * The photo queue on its own: one decoding at a time in order, the pixel budget counting waiting and running
 * photos, and closing for shutdown (waiting photos refused at once, the running one let finish).
 */
import { describe, expect, it } from 'vitest';
import { closePhotoQueue, decodeInTurn, PHOTO_PIXEL_BUDGET, photoQueueState } from '../../../server/documents/photo-queue';

/** A job that runs until `finish` is called, noting when it started. */
function job(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => { finish = resolve; });
  return { work: async () => { log.push(`start ${name}`); await done; log.push(`end ${name}`); return name; }, finish };
}

describe('the photo queue', () => {
  it('runs one photo at a time in order, counts the pixels of all, refuses past the budget, and on close refuses the waiting', async () => {
    const log: string[] = [];
    const a = job(log, 'a');
    const b = job(log, 'b');
    const ra = decodeInTurn(60_000_000, a.work);
    const rb = decodeInTurn(60_000_000, b.work);
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['start a']);
    expect(photoQueueState()).toMatchObject({ running: 1, waiting: 1, megapixels: 120, closed: false });
    await expect(decodeInTurn(PHOTO_PIXEL_BUDGET - 100_000_000, async () => 'c')).rejects.toMatchObject({ status: 503, code: 'photos_busy' });

    a.finish();
    expect(await ra).toBe('a');
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['start a', 'end a', 'start b']);
    const c = job(log, 'c');
    const rc = decodeInTurn(10_000_000, c.work);
    rc.catch(() => {});

    // Shutdown: c (waiting) is refused at once; b (running) is waited for, up to the bound.
    const closing = closePhotoQueue(5_000);
    await expect(rc).rejects.toMatchObject({ status: 503, code: 'shutting_down' });
    expect(photoQueueState()).toMatchObject({ running: 1, waiting: 0, megapixels: 60, closed: true, full: true });
    await expect(decodeInTurn(1, async () => 'd')).rejects.toMatchObject({ code: 'shutting_down' });
    b.finish();
    await closing;
    expect(await rb).toBe('b');
    expect(photoQueueState()).toMatchObject({ running: 0, waiting: 0, megapixels: 0 });
    expect(log).not.toContain('start c');
  });
});
