/**
 * The queue photos are decoded in. sharp runs on libuv's thread pool, which the whole process shares
 * (4 threads: scrypt at sign-in, gzip and brotli, file reads); a photo of 48 MP holds a thread for seconds
 * and hundreds of MB, so a few at once stalled sign-in and added GBs. Here photos are decoded one at a
 * time (libvips with one thread of its own), the others wait in order, and what waits or runs is bounded
 * by a pixel budget: a photo that would pass it is refused with a 503 at once. On shutdown the waiting
 * ones are refused and only the running one is let finish. The process has one queue, as it has one pool.
 */
import sharp from 'sharp';
import { HttpError } from '../errors';

// One libvips thread per image and no libvips cache: the queue, not libvips, decides how much runs at once.
sharp.concurrency(1);
sharp.cache(false);

/** Photos decoded at once. */
export const PHOTO_DECODES_AT_ONCE = 1;
/** The pixels all photos waiting or being decoded may have together (one and a half of the largest picture). */
export const PHOTO_PIXEL_BUDGET = 150_000_000;
/** Seconds a refused photo is told to wait: about what the budget takes to decode on a busy machine. */
const RETRY_AFTER_SECONDS = 15;

/** What the queue holds now (for the readiness check). */
export interface PhotoQueueState {
  /** Photos being decoded. */
  running: number;
  /** Photos waiting their turn. */
  waiting: number;
  /** Megapixels of the photos running and waiting. */
  megapixels: number;
  /** The most megapixels the queue takes (PHOTO_PIXEL_BUDGET). */
  budgetMegapixels: number;
  /** True once the server is stopping: every photo is refused. */
  closed: boolean;
  /** True when a phone's photo (12 MP) would be refused now: the budget is used up, or the queue is closed. */
  full: boolean;
}

/** The pixels of a phone's photo, for `full`. */
const PHONE_PHOTO_PIXELS = 12_000_000;

/** 503: the photos queued already use the pixel budget; retry shortly. */
function photosBusy(): HttpError {
  return new HttpError(503, 'photos_busy',
    `服务器正在处理其他照片，请 ${RETRY_AFTER_SECONDS} 秒后再上传 / The server is processing other photos; upload again in ${RETRY_AFTER_SECONDS} s`,
    undefined, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
}

/** 503: the server is stopping and takes no more photos. */
function stopping(): HttpError {
  return new HttpError(503, 'shutting_down', '服务器正在停止，请稍后再上传 / The server is shutting down; upload again shortly',
    undefined, { 'Retry-After': String(RETRY_AFTER_SECONDS) });
}

interface Waiting { pixels: number; start(): void; refuse(error: HttpError): void }

let running = 0;
let pixels = 0;
let closed = false;
const waiting: Waiting[] = [];
const idleListeners = new Set<() => void>();

/** Starts waiting photos while there is room to run them. */
function next(): void {
  while (running < PHOTO_DECODES_AT_ONCE && waiting.length > 0) waiting.shift()!.start();
  if (running === 0) for (const listener of idleListeners) listener();
}

/**
 * Runs `work` (the decoding of a photo of `photoPixels`) in its turn; a 503 at once when the budget has
 * no room for it, or when the server is stopping (also for a photo still waiting then).
 */
export function decodeInTurn<T>(photoPixels: number, work: () => Promise<T>): Promise<T> {
  if (closed) return Promise.reject(stopping());
  if (pixels + photoPixels > PHOTO_PIXEL_BUDGET) return Promise.reject(photosBusy());
  pixels += photoPixels;
  return new Promise<T>((resolve, reject) => {
    waiting.push({
      pixels: photoPixels,
      start: () => {
        running++;
        work().then(resolve, reject).finally(() => {
          running--;
          pixels -= photoPixels;
          next();
        });
      },
      refuse: (error) => {
        pixels -= photoPixels;
        reject(error);
      },
    });
    next();
  });
}

/** What the queue holds now: the readiness check reports it (a long queue means uploads of photos will wait or be refused). */
export function photoQueueState(): PhotoQueueState {
  return {
    running, waiting: waiting.length, megapixels: Math.round(pixels / 1e6),
    budgetMegapixels: PHOTO_PIXEL_BUDGET / 1e6, closed,
    full: closed || pixels + PHONE_PHOTO_PIXELS > PHOTO_PIXEL_BUDGET,
  };
}

/**
 * For shutdown: refuses every waiting photo (503) and every later one, and resolves once the photo being
 * decoded is done or `waitMs` has passed, whichever is first (the decoding itself cannot be stopped; a
 * photo is at most 100 MP, decoded by one thread).
 */
export function closePhotoQueue(waitMs: number): Promise<void> {
  closed = true;
  for (const w of waiting.splice(0)) w.refuse(stopping());
  if (running === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      idleListeners.delete(done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    timer.unref();
    idleListeners.add(done);
  });
}
