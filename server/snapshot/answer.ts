/**
 * Answering a read from the ready cache: the cache key of a viewer's request, and the one function
 * routes call to send a ready body (built on a miss, by the event loop or a task worker).
 */
import type { Request, RequestHandler, Response } from 'express';
import { SESSION_COOKIE } from '../auth';
import type { AppContext } from '../context';
import { viewerOf } from '../context';
import type { Viewer } from '../domain/viewer';
import { makeReadyBody, sendReadyBody, type ReadyBody } from './ready-body';
import type { SnapshotText } from './public-snapshot';
import type { ReadyCache } from './ready-cache';

/** Whose view an answer is: the public's, an admin's, or one county's officials'. */
export function scopeOf(viewer: Viewer): string {
  if (!viewer) return 'public';
  return viewer.role === 'admin' ? 'admin' : `county:${viewer.county}`;
}

/** A stable key for a parsed query: its entries sorted by name, undefined ones left out. */
export function queryKey(query: object): string {
  return JSON.stringify(Object.entries(query).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
}

/** A ready body that crossed from a worker (its buffers arrive as plain Uint8Arrays). */
export function reviveReadyBody(body: ReadyBody): ReadyBody {
  const buf = (b: Uint8Array | null) => (b === null || Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  return { ...body, raw: buf(body.raw)!, gzip: buf(body.gzip), br: buf(body.br) };
}

/** How an answer is built on a miss: text on the event loop (cheap reads), or a ready body from a worker. */
export type Build = { text: () => SnapshotText } | { worker: () => Promise<ReadyBody> };

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
  const key = `${name}|${scopeOf(viewer)}|${queryKey(query)}`;
  const found = ctx.ready.get(key, 'text' in build
    ? () => { const { type, text } = build.text(); return makeReadyBody(type, text); }
    : async () => reviveReadyBody(await build.worker()),
  // The public may get the previous version while another request rebuilds; the signed-in (who
  // may just have written) always wait for the current one.
  { allowStale: !signedIn });
  const body = found instanceof Promise ? await found : found;
  if (!signedIn) ctx.ready.rememberUrl(req.originalUrl, key);
  sendReadyBody(req, res, body, viewer ? 'private, no-cache' : 'public, no-cache');
}

/**
 * The first middleware: a public GET whose URL was answered before at this registry version gets
 * the same ready body at once, with the fixed security headers and none of the routing, session
 * or validation work (a request with a session cookie always takes the full path).
 */
export function readyFastPath(ready: ReadyCache, headers: [string, string][]): RequestHandler {
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.cookie?.includes(SESSION_COOKIE)) return next();
    const body = ready.peekUrl(req.url);
    if (!body) return next();
    for (const [name, value] of headers) res.setHeader(name, value);
    sendReadyBody(req, res, body, 'public, no-cache');
  };
}
