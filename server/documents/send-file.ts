/**
 * Sends a stored file so that no browser can be tricked into running it: its real type with
 * `nosniff`, a `Content-Disposition` (inline for pictures and PDF, a download for Word and Excel) with
 * the title as the file name (RFC 6266/5987, so a Chinese title survives), and a sandboxing CSP.
 * The ETag is the bytes' SHA-256; public files may be cached and revalidated, internal ones are never kept.
 *
 * The bytes go out in slices read one at a time as the client takes them (a write the socket cannot take
 * waits for 'drain'), so a client that never reads holds one slice, not the file; a client that takes
 * nothing for DRAIN_TIMEOUT_MS is cut. One address has at most DOWNLOADS_PER_ADDRESS files larger than a
 * slice in flight (429 beyond).
 */
import type { Request, Response } from 'express';
import { DOCUMENT_TYPES, isImageMime } from '../../db/model';
import { HttpError } from '../errors';
import { matchesEtag } from '../snapshot/ready-body';

/** The bytes read from the database and handed to the socket at a time. */
export const FILE_SLICE_BYTES = 512 * 1024;
/** How long a client may take none of what is sent before its download is cut. */
export const DRAIN_TIMEOUT_MS = 60_000;
/** Downloads larger than one slice that one address may have in flight at once (a browser opens about six connections). */
export const DOWNLOADS_PER_ADDRESS = 6;

/** 429: this address already has its share of large downloads running. */
export function tooManyDownloads(): HttpError {
  return new HttpError(429, 'too_many_downloads',
    `同时下载的文件过多（每个地址最多 ${DOWNLOADS_PER_ADDRESS} 个），请等前面的下载完成后再试 / ` +
    `Too many downloads at once (at most ${DOWNLOADS_PER_ADDRESS} per address); try again when one has finished`,
    undefined, { 'Retry-After': '5' });
}

/**
 * The policy every stored file is served with: a sandbox (an opaque origin, no scripts, no forms)
 * that loads nothing, except what a browser needs to show a picture on its own page.
 */
export const FILE_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'";

/** Characters a file name may not carry (path separators, quotes, and what Windows refuses). */
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

/** RFC 5987 percent-encoding (encodeURIComponent leaves ' ( ) * alone, which the ext-value grammar does not allow). */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `inline` or `attachment` with a file name: the title (made safe) and extension as `filename*`, and a
 * plain ASCII `filename` for old clients (`document-12.pdf` when the title is not ASCII).
 */
export function contentDisposition(type: 'inline' | 'attachment', title: string, ext: string, id: number): string {
  const name = `${title.replace(UNSAFE_IN_NAME, '_').trim() || `document-${id}`}.${ext}`;
  const ascii = /^[\x20-\x7e]+$/.test(name) ? name.replace(/[%]/g, '_') : `document-${id}.${ext}`;
  return `${type}; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}

/** What to send: the bytes (their size, and a reader of slices), their type, the name to give them, and who may keep them. */
export interface FileAnswer {
  id: number;
  title: string;
  mime: string;
  size: number;
  /** `length` bytes from `offset`, or null when the file is gone. */
  read(offset: number, length: number): Buffer | null;
  /** Hex SHA-256 identifying the bytes (the ETag). */
  sha256: string;
  /** `public`: anyone may read it (cacheable, revalidated); `private`: a signed-in viewer's; `secret`: never kept. */
  cache: 'public' | 'private' | 'secret';
}

const CACHE_CONTROL: Record<FileAnswer['cache'], string> = {
  public: 'public, no-cache, no-transform',
  private: 'private, no-cache, no-transform',
  secret: 'private, no-store, no-transform',
};

/** Whether a file is sent in more than one slice (and so takes one of its address's download places). */
export const isLargeFile = (size: number) => size > FILE_SLICE_BYTES;

/** Sends a stored file (or a 304 when the client's copy is current) with the safe headers above; resolves when it is sent or cut. */
export async function sendFile(req: Request, res: Response, file: FileAnswer): Promise<void> {
  const ext = (DOCUMENT_TYPES as Record<string, string>)[file.mime] ?? (file.mime === 'image/webp' ? 'webp' : 'bin');
  const inline = isImageMime(file.mime) || file.mime === 'application/pdf';
  const etag = `"${Buffer.from(file.sha256, 'hex').toString('base64url')}"`;
  res.setHeader('Cache-Control', CACHE_CONTROL[file.cache]);
  res.setHeader('ETag', etag);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', FILE_CSP);
  res.setHeader('Content-Disposition', contentDisposition(inline ? 'inline' : 'attachment', file.title, ext, file.id));
  if (matchesEtag(req.headers['if-none-match'], etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', file.mime);
  res.setHeader('Content-Length', file.size);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await writeSlices(res, file.size, file.read);
}

/** What writeSlices writes to: an HTTP response, or anything that behaves like one. */
export interface SliceSink {
  write(chunk: Buffer): boolean;
  end(): void;
  destroy(): void;
  readonly destroyed: boolean;
  once(event: 'drain' | 'close', listener: () => void): unknown;
  off(event: 'drain' | 'close', listener: () => void): unknown;
}

/**
 * Writes `size` bytes read by `read` in slices, each only once the sink has taken the one before ('drain'):
 * at most one slice waits in memory. Cut (destroyed) when a slice is missing (the file was deleted
 * meanwhile: the client sees a short body, not a wrong one) or the sink takes nothing for `drainMs`.
 */
export async function writeSlices(sink: SliceSink, size: number, read: FileAnswer['read'],
  { sliceBytes = FILE_SLICE_BYTES, drainMs = DRAIN_TIMEOUT_MS } = {}): Promise<void> {
  for (let offset = 0; offset < size; offset += sliceBytes) {
    if (sink.destroyed) return;
    const length = Math.min(sliceBytes, size - offset);
    const slice = read(offset, length);
    if (!slice || slice.length !== length) { sink.destroy(); return; }
    if (!sink.write(slice) && !(await drained(sink, drainMs))) { sink.destroy(); return; }
  }
  sink.end();
}

/** Resolves true once the sink takes more ('drain'), false when it closes or `ms` pass first. */
function drained(sink: SliceSink, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (ok: boolean) => {
      clearTimeout(timer);
      sink.off('drain', onDrain);
      sink.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    const timer = setTimeout(() => settle(false), ms);
    sink.once('drain', onDrain);
    sink.once('close', onClose);
  });
}
