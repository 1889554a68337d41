/** GET /api/feed.atom: the public changes as an Atom feed (the same for every viewer). */
import { Router } from 'express';
import type { AppContext } from '../context';
import { answerReady } from '../answer';
import { feedSnapshot } from '../snapshot/public-snapshot';
import { basePrefix } from '../base-path';

/**
 * The feed route, answered from the ready cache of the registry version like the other public
 * reads (a write that changes what the public sees moves the version, and the feed is rebuilt once).
 * Links are absolute under PUBLIC_BASE_URL when it is set (feed readers resolve root-relative links
 * unevenly, some not at all), else root-relative (under the base path); either way the answer never depends on the Host asked.
 */
export function feedRoutes(ctx: AppContext): Router {
  return Router().get('/api/feed.atom', async (req, res) => {
    await answerReady(ctx, req, res, 'feed.atom', {}, { text: () => feedSnapshot(ctx.db, { baseUrl: ctx.config.publicBaseUrl ?? (basePrefix(ctx.config.basePath) || undefined) }) }, true);
  });
}
