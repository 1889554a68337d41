/**
 * A body put together per request from kept pieces (tally-bodies.ts): sent gzip to a client that takes
 * it (its parts written one after another, nothing copied). Brotli streams cannot be put together from
 * pieces, so a client that does not take gzip gets the identity bytes made for it, as a ready body.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptedEncodings, makeReadyBody, matchesEtag, sendReadyBody } from './ready-body';

/** A body made of pieces: its media type, strong ETag, gzip parts, and identity bytes on demand. */
export interface SplicedBody {
  type: string;
  /** Strong ETag of the identity bytes, quoted (`"…"`); the gzip form is sent as `"…-gzip"`. */
  etag: string;
  gzip: readonly Buffer[];
  gzipLength: number;
  raw(): Buffer;
}

const NO_HEADERS: readonly [string, string][] = [];
/** Fixed headers as the flat list `writeHead` takes, per list (the fast path passes the same few lists). */
const flatHeaders = new WeakMap<readonly [string, string][], string[]>();

/**
 * Sends a spliced body as `sendReadyBody` sends a ready one: 304 when the client's copy is current,
 * `Vary: Accept-Encoding`, an ETag per encoding. `fixed` are headers to send besides (the fast path's,
 * which has no Express to set them).
 */
export function sendSplicedBody(
  req: IncomingMessage, res: ServerResponse, body: SplicedBody, cacheControl: string, fixed: readonly [string, string][] = NO_HEADERS,
): void {
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  if (!accepted.includes('gzip')) {
    for (const [name, value] of fixed) res.setHeader(name, value);
    sendReadyBody(req, res, makeReadyBody(body.type, body.raw(), accepted.slice(0, 1)), cacheControl);
    return;
  }
  let flat = flatHeaders.get(fixed);
  if (!flat) flatHeaders.set(fixed, flat = fixed.flat());
  const etag = `${body.etag.slice(0, -1)}-gzip"`;
  if (matchesEtag(req.headers['if-none-match'], body.etag)) {
    res.writeHead(304, flat.concat('Cache-Control', cacheControl, 'Vary', 'Accept-Encoding', 'ETag', etag));
    res.end();
    return;
  }
  res.writeHead(200, flat.concat('Cache-Control', cacheControl, 'Vary', 'Accept-Encoding', 'ETag', etag,
    'Content-Type', body.type, 'Content-Encoding', 'gzip', 'Content-Length', String(body.gzipLength)));
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  res.cork();
  for (const part of body.gzip) res.write(part);
  res.end();
}
