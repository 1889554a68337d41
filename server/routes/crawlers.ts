/** GET /robots.txt and GET /sitemap.xml: what search engines read (see exchange/export/site-map.ts). */
import { Router, type Request, type Response } from 'express';
import type { AppContext } from '../context';
import { ownOrigin } from '../context';
import { badRequest } from '../errors';
import { basePrefix } from '../base-path';
import { robotsSnapshot, sitemapSnapshot, type SnapshotText } from '../snapshot/public-snapshot';
import { makeReadyBody, sendReadyBody } from '../snapshot/ready-body';

/** The request's own origin, normalised (`http://host:port`); 400 for a Host header that is not one. */
function originOf(req: Request): string {
  try {
    if (!req.get('host')) throw new Error('no Host');
    const url = new URL(ownOrigin(req));
    if (url.pathname !== '/' || url.search || url.username || url.password) throw new Error('not a host');
    return url.origin;
  } catch {
    throw badRequest('The Host header does not name this site');
  }
}

/**
 * The crawler files, kept ready per registry version like the other public answers. Their URLs are
 * absolute: under PUBLIC_BASE_URL when it is set (the site's one address, whatever Host a request
 * names), else the request's own origin and the base path, so each Host has its own body; none is remembered for the
 * fast path (which answers by path alone): a request naming another Host never changes what others are sent.
 */
export function crawlerRoutes(ctx: AppContext): Router {
  const answer = async (req: Request, res: Response, name: string, build: (origin: string) => SnapshotText) => {
    const origin = ctx.config.publicBaseUrl ?? originOf(req) + basePrefix(ctx.config.basePath);
    const found = ctx.ready.get(`${name}|${origin}`, async () => {
      const { type, text } = build(origin);
      return makeReadyBody(type, text);
    }, { allowStale: true });
    sendReadyBody(req, res, found instanceof Promise ? await found : found, 'public, no-cache');
  };
  return Router()
    .get('/robots.txt', (req, res) => answer(req, res, 'robots.txt', (origin) => robotsSnapshot(origin)))
    .get('/sitemap.xml', (req, res) => answer(req, res, 'sitemap.xml', (origin) => sitemapSnapshot(ctx.db, origin)));
}
