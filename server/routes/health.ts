/** GET /api/health and GET /api/config: liveness, and the map settings the client needs. */
import { Router } from 'express';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { answerReady } from '../answer';
import { configSnapshot } from '../snapshot/public-snapshot';

/** Health and client-configuration routes. */
export function healthRoutes(ctx: AppContext): Router {
  return Router()
    .get('/api/health', (_req, res) => {
      // Never a kept answer: it says the database answers now.
      ctx.db.run(sql`select 1`);
      res.json({ ok: true });
    })
    .get('/api/config', async (req, res) => {
      // Every page asks for it: a ready body, so repeats take the fast path (and revalidate by ETag).
      await answerReady(ctx, req, res, 'config', {}, { text: () => configSnapshot(ctx.db, ctx.config) }, true);
    });
}
