/**
 * Sends a stored file so that no browser can be tricked into running it: its real type with
 * `nosniff`, a `Content-Disposition` (inline for pictures and PDF, a download for Word and Excel) with
 * the title as the file name (RFC 6266/5987, so a Chinese title survives), and a sandboxing CSP.
 * The ETag is the bytes' SHA-256; public files may be cached and revalidated, internal ones are never kept.
 */
import type { Request, Response } from 'express';
import { DOCUMENT_TYPES, isImageMime } from '../../db/model';
import { matchesEtag } from '../snapshot/ready-body';

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

/** What to send: the bytes, their type, the name to give them, and who may keep them. */
export interface FileAnswer {
  id: number;
  title: string;
  mime: string;
  content: Buffer;
  /** Hex SHA-256 of `content`. */
  sha256: string;
  /** `public`: anyone may read it (cacheable, revalidated); `private`: a signed-in viewer's; `secret`: never kept. */
  cache: 'public' | 'private' | 'secret';
}

const CACHE_CONTROL: Record<FileAnswer['cache'], string> = {
  public: 'public, no-cache, no-transform',
  private: 'private, no-cache, no-transform',
  secret: 'private, no-store, no-transform',
};

/** Sends a stored file (or a 304 when the client's copy is current) with the safe headers above. */
export function sendFile(req: Request, res: Response, file: FileAnswer): void {
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
  res.setHeader('Content-Length', file.content.length);
  res.end(req.method === 'HEAD' ? undefined : file.content);
}
