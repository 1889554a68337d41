/**
 * Serving under a sub-path (BASE_PATH, e.g. `/gi/` for https://www.jcgov.example/gi/). The proxy passes the
 * path as the visitor asked it; the server takes the prefix off once, before anything else reads the URL, so
 * every route, the ready cache and the fast path keep working with root paths (`/api/products`, `/products/7`).
 * What goes back out carries the prefix again: the pages' `<base href>`, the session cookie's Path, and the
 * absolute addresses of QR codes, the feed, the sitemap (`siteRoot`).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Request } from 'express';
import type { Config } from './config';
import { requestId } from './request-log';

/** The base path without its last slash, as cookie paths and URL prefixes want it (`''` at the root). */
export function basePrefix(basePath: string): string {
  return basePath.replace(/\/$/, '');
}

/** The request id's header, for the answers given here (before Express). */
const idHeader = (req: IncomingMessage) => {
  const id = requestId(req);
  return id === undefined ? {} : { 'X-Request-Id': id };
};

/** The JSON 404 for a path outside the base (the same shape as every other error). */
function outside(req: IncomingMessage, res: ServerResponse): void {
  const body = JSON.stringify({ error: { code: 'not_found', message: 'Not under this site\u2019s path' } });
  res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), ...idHeader(req) });
  res.end(body);
}

/**
 * A listener that strips `basePath` from each request's URL before `next` sees it; `/gi` alone is sent to
 * `/gi/` (308), and a path outside the base is a 404. At the root (`/`) it is `next` itself.
 */
export function withBasePath(basePath: string, next: RequestListener): RequestListener {
  if (basePath === '/') return next;
  const prefix = basePrefix(basePath);
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (url.startsWith(basePath)) {
      req.url = url.slice(prefix.length);
      next(req, res);
    } else if (url === prefix || url.startsWith(`${prefix}?`)) {
      res.writeHead(308, { Location: basePath + url.slice(prefix.length), 'Content-Length': 0, ...idHeader(req) });
      res.end();
    } else {
      outside(req, res);
    }
  };
}

/**
 * The site's address for absolute links (QR codes, the feed, the sitemap): PUBLIC_BASE_URL when it is set,
 * else the address the request came to with the base path (no trailing slash).
 */
export function siteRoot(config: Pick<Config, 'publicBaseUrl' | 'basePath'>, req: Request): string {
  return config.publicBaseUrl ?? `${req.protocol}://${req.host}${basePrefix(config.basePath)}`;
}
