/**
 * Open data across origins: the public reads (GET and HEAD of the open-data API) may be fetched by a
 * page on any site, `Access-Control-Allow-Origin: *` without credentials, and embedded anywhere
 * (`Cross-Origin-Resource-Policy: cross-origin`). Everything else (pages, the signed-in and write
 * routes, and any request carrying the session cookie) keeps helmet's `same-origin` and no CORS.
 *
 * The headers do not depend on the requesting Origin, so nothing here adds `Vary: Origin`; they
 * do depend on the session cookie, which the fast path never answers and whose answers are private.
 */
import type { RequestHandler } from 'express';
import { openDataPattern } from '../db/model';
import { SESSION_COOKIE } from './auth';

/**
 * The public read paths: the open-data table's paths open to every origin (db/model/public-surface.ts),
 * an allowlist compiled once into one expression (a new route is closed until the table opens it).
 * Documents are open only as far as the public can read them: internal ones are read with a session,
 * and requests with a session never get these headers.
 */
const PUBLIC_READ = openDataPattern();

/** Whether a path (no query) is one of the public reads. */
export function isPublicReadPath(path: string): boolean {
  return PUBLIC_READ.test(path);
}

/** Whether a request carries the session cookie (the same test the ready fast path makes). */
export function carriesSession(cookie: string | undefined): boolean {
  return cookie?.includes(SESSION_COOKIE) ?? false;
}

/** The methods another site may use on a public read. */
export const OPEN_METHODS = 'GET, HEAD, OPTIONS';

/** What a public answer carries besides the security headers (CORP replaces helmet's `same-origin`). */
export const OPEN_DATA_HEADERS: readonly [string, string][] = [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Expose-Headers', 'ETag, Content-Disposition'],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
];

/** What a preflight for a public read is told: the read methods, the headers a reader may send, for a day. */
export const PREFLIGHT_HEADERS: readonly [string, string][] = [
  ['Access-Control-Allow-Methods', OPEN_METHODS],
  ['Access-Control-Allow-Headers', 'If-None-Match, If-Modified-Since, Cache-Control, Accept, Accept-Encoding, Accept-Language'],
  ['Access-Control-Max-Age', '86400'],
];

/** The security header list of a public answer: the fixed one with CORP opened and the CORS headers added. */
export function openDataHeaderList(security: [string, string][]): [string, string][] {
  const opened = new Set(OPEN_DATA_HEADERS.map(([name]) => name.toLowerCase()));
  return [...security.filter(([name]) => !opened.has(name.toLowerCase())), ...OPEN_DATA_HEADERS];
}

/**
 * The header list for a request URL, for the fast path: `open` for a public read, `own` otherwise
 * (the fast path answers only GET and HEAD without the session cookie).
 */
export function headersByUrl(own: [string, string][], open: [string, string][]): (url: string) => [string, string][] {
  return (url) => {
    const q = url.indexOf('?');
    return isPublicReadPath(q < 0 ? url : url.slice(0, q)) ? open : own;
  };
}

/**
 * Opens the public reads (mount under `/api`, after the fixed security headers): GET, HEAD and
 * OPTIONS of a public path without the session cookie get the open-data headers; an OPTIONS also
 * gets the preflight answer (sent by the method table's OPTIONS answer, which follows).
 */
export const openDataCors: RequestHandler = (req, res, next) => {
  const method = req.method;
  if ((method === 'GET' || method === 'HEAD' || method === 'OPTIONS') && !carriesSession(req.headers.cookie)
    && isPublicReadPath(req.baseUrl + req.path)) {
    for (const [name, value] of OPEN_DATA_HEADERS) res.setHeader(name, value);
    if (method === 'OPTIONS') for (const [name, value] of PREFLIGHT_HEADERS) res.setHeader(name, value);
  }
  next();
};
