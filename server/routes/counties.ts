/** GET /api/counties and /api/counties.geojson. */
import { Router } from 'express';
import type { AppContext } from '../context';
import { viewerOf } from '../context';
import { answerReady } from '../answer';
import { countiesSnapshot, countyListSnapshot } from '../snapshot/public-snapshot';

/** County routes. */
export function countyRoutes(ctx: AppContext): Router {
  return Router()
    .get('/api/counties', async (req, res) => {
      await answerReady(ctx, req, res, 'counties', {}, { text: () => countyListSnapshot(ctx.db) });
    })
    .get('/api/counties.geojson', async (req, res) => {
      const viewer = viewerOf(res);
      // Six counties and a grouped count: a few milliseconds, built in place.
      await answerReady(ctx, req, res, 'counties.geojson', {}, { text: () => countiesSnapshot(ctx.db, viewer) });
    });
}
