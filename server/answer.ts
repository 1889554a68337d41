/**
 * Answering a read from the ready cache: the cache key of a viewer's request, the one function routes
 * call to send a ready body (built on a miss, by the event loop or a task worker), and the fast path
 * that answers a public URL already built at this version before Express sees the request.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { SESSION_COOKIE } from './auth';
import type { AppContext } from './context';
import { viewerOf } from './context';
import { scopeOf, type Viewer } from './domain/access/viewer';
import type { SnapshotText } from './snapshot/public-snapshot';
import {
  acceptedEncodings, encodedBytes, etagFor, identityBytes, makeReadyBody, pickEncoding, sendReadyBody, type Encoding, type ReadyBody,
} from './snapshot/ready-body';
import type { ReadyCache } from './snapshot/ready-cache';
import type { Dependency } from './snapshot/registry-changes';
import { answeredFromMemory, requestId } from './request-log';

/** A stable key for a parsed query: its entries sorted by name, undefined ones left out. */
export function queryKey(query: object): string {
  return JSON.stringify(Object.entries(query).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
}

/** The ready cache's key of `name`'s answer to `query` for `viewer` (the public: null). */
export function readyKey(name: string, viewer: Viewer, query: object): string {
  return `${name}|${scopeOf(viewer)}|${queryKey(query)}`;
}

/** A ready body that crossed from a worker (its buffers arrive as plain Uint8Arrays). */
export function reviveReadyBody(body: ReadyBody): ReadyBody {
  const buf = (b: Uint8Array | null) => (b === null || Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  return { ...body, raw: buf(body.raw), gzip: buf(body.gzip), br: buf(body.br) };
}

/**
 * How an answer is built on a miss: text on the event loop (cheap reads), or a ready body from a
 * worker, told which encodings the requesting client takes so it compresses those ahead; and what it
 * shows (`dependsOn`, default anything), so a write that touches none of it keeps it.
 */
export type Build = ({ text: () => SnapshotText } | { worker: (encodings: Encoding[]) => Promise<ReadyBody> }) & { dependsOn?: Dependency };

/**
 * Sends the viewer's answer for `name` + `query` from the ready cache, building it on a miss.
 * Public answers may be kept by shared caches; a signed-in viewer's are private, unless
 * `sameForEveryone` says the answer does not depend on who asks (the tally).
 */
export async function answerReady(
  ctx: AppContext, req: Request, res: Response, name: string, query: object, build: Build, sameForEveryone = false,
): Promise<void> {
  const signedIn = viewerOf(res) !== null;
  const viewer = sameForEveryone ? null : viewerOf(res);
  const key = readyKey(name, viewer, query);
  const encodings = acceptedEncodings(req.headers['accept-encoding']).slice(0, 1);
  const found = ctx.ready.get(key, 'text' in build
    ? async () => { const { type, text } = build.text(); return makeReadyBody(type, text, encodings); }
    : async () => reviveReadyBody(await build.worker(encodings)),
  // The public may get the previous version while another request rebuilds; the signed-in (who
  // may just have written) always wait for the current one.
  { allowStale: !signedIn, dependsOn: build.dependsOn });
  const body = found instanceof Promise ? await found : found;
  // An answer built for today (a tally, series or report with no date asked) holds for that day only.
  const day = 'today' in query && typeof query.today === 'string' ? query.today : null;
  if (!signedIn) ctx.ready.rememberUrl(req.originalUrl, key, day);
  sendReadyBody(req, res, body, viewer ? 'private, no-cache' : 'public, no-cache');
}

/**
 * An answer the fast path can make without Express for some public URLs (a tally on a date, from the
 * tally index): true when it has answered, false to leave the request to Express. `headersFor` gives
 * a URL's fixed headers, as Express would send them.
 */
export type FastAnswer = (req: IncomingMessage, res: ServerResponse, headersFor: (url: string) => [string, string][]) => boolean;

/**
 * The server's request listener: a public GET whose URL was answered before at this registry
 * version gets the same ready body at once, with the fixed security headers (`headersFor` its URL:
 * the open-data ones for a public read, as Express sends them) and none of Express's
 * routing, session or validation work; so does one that `fast` answers; everything else (and anything
 * with a session cookie) goes to `app`.
 */
export function withReadyFastPath(
  ready: ReadyCache, headersFor: (url: string) => [string, string][], app: RequestListener, fast?: FastAnswer,
): RequestListener {
  // The headers of a public answer that depend only on its header set, media type and encoding, as one flat
  // list for writeHead (a handful of lists in all); each answer adds its ETag and length. Kept per body,
  // they had taken 7 MB for the 10,000 product pages.
  const prepared = new WeakMap<[string, string][], Map<string, Map<string, string[]>>>();
  const headersOf = (headers: [string, string][], type: string, encoding: Encoding | null, etag: string, length: number) => {
    let byType = prepared.get(headers);
    if (!byType) prepared.set(headers, byType = new Map());
    let byEncoding = byType.get(type);
    if (!byEncoding) byType.set(type, byEncoding = new Map());
    let base = byEncoding.get(encoding ?? '');
    if (!base) {
      base = [...headers.flat(), 'Cache-Control', 'public, no-cache', 'Vary', 'Accept-Encoding', 'Content-Type', type,
        ...(encoding ? ['Content-Encoding', encoding] : [])];
      byEncoding.set(encoding ?? '', base);
    }
    return base.concat('ETag', etag, 'Content-Length', String(length));
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && !req.headers.cookie?.includes(SESSION_COOKIE)) {
      const body = ready.peekUrl(req.url ?? '');
      if (body) {
        const headers = headersFor(req.url ?? '');
        if (req.headers['if-none-match'] !== undefined) {
          for (const [name, value] of headers) res.setHeader(name, value);
          const id = requestId(req);
          if (id !== undefined) res.setHeader('X-Request-Id', id);
          sendReadyBody(req, res, body, 'public, no-cache');
          answeredFromMemory(res);
          return;
        }
        const encoding = pickEncoding(req.headers['accept-encoding'], body);
        const bytes = encoding ? encodedBytes(body, encoding) : identityBytes(body);
        const list = headersOf(headers, body.type, encoding, etagFor(body, encoding), bytes.length);
        const id = requestId(req);
        if (id !== undefined) list.push('X-Request-Id', id);
        res.writeHead(200, list);
        res.end(req.method === 'HEAD' ? undefined : bytes);
        answeredFromMemory(res);
        return;
      }
      if (fast?.(req, res, headersFor)) {
        answeredFromMemory(res);
        return;
      }
    }
    app(req, res);
  };
}
