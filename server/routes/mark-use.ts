/** The public aggregates of a product's yearly usage returns: GET /api/products/:id/mark-use. */
import { Router } from 'express';
import type { AppContext } from '../context';
import { viewerOf } from '../context';
import { answerReady } from '../answer';
import { markUseSnapshot } from '../snapshot/mark-use-snapshot';
import { idParam } from '../validate';

/** The mark-use read, answered from the ready cache of the registry version (returns' writes move it). */
export function markUseRoutes(ctx: AppContext): Router {
  return Router()
    .get('/api/products/:id/mark-use', async (req, res) => {
      const id = idParam(req.params.id);
      const viewer = viewerOf(res);
      await answerReady(ctx, req, res, 'markUse', { id }, { text: () => markUseSnapshot(ctx.db, id, viewer) });
    });
}
