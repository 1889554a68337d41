/** GET /api/feed.atom: the public changes as an Atom feed (the same for every viewer). */
import { Router } from 'express';
import type { AppContext } from '../context';
import { answerReady } from '../answer';
import { feedSnapshot } from '../snapshot/public-snapshot';

/**
 * The feed route, answered from the ready cache of the registry version like the other public
 * reads (a write that changes what the public sees moves the version, and the feed is rebuilt once).
 * Links are root-relative, so the answer does not depend on the Host a request names.
 */
export function feedRoutes(ctx: AppContext): Router {
  return Router().get('/api/feed.atom', async (req, res) => {
    await answerReady(ctx, req, res, 'feed.atom', {}, { text: () => feedSnapshot(ctx.db) }, true);
  });
}
