/** GET /api/health, GET /api/ready and GET /api/config: liveness, readiness, and the map settings the client needs. */
import { Router } from 'express';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';
import { answerReady } from '../answer';
import { configSnapshot } from '../snapshot/public-snapshot';
import { readiness, readJournal } from '../readiness';
import { requestLog } from '../request-log';

/** Health, readiness and client-configuration routes. */
export function healthRoutes(ctx: AppContext): Router {
  const journal = readJournal();
  return Router()
    .get('/api/health', (_req, res) => {
      // Liveness, kept cheap: never a kept answer, it says the database answers now.
      ctx.db.run(sql`select 1`);
      res.json({ ok: true });
    })
    .get('/api/ready', async (req, res) => {
      const answer = await readiness({ sqlite: ctx.db.$client, pool: ctx.pool, writeGate: ctx.writeGate, journal });
      if (!answer.ready) requestLog(req).warn({ checks: answer.checks }, 'not ready');
      res.status(answer.ready ? 200 : 503).set('Cache-Control', 'no-store').json(answer);
    })
    .get('/api/config', async (req, res) => {
      // Every page asks for it: a ready body, so repeats take the fast path (and revalidate by ETag).
      await answerReady(ctx, req, res, 'config', {}, { text: () => configSnapshot(ctx.db, ctx.config) }, true);
    });
}
