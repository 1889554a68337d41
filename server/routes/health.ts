/** GET /api/health and GET /api/config: liveness, and the map settings the client needs. */
import { Router } from 'express';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context';

/** Health and client-configuration routes. */
export function healthRoutes({ db, config }: AppContext): Router {
  return Router()
    .get('/api/health', (_req, res) => {
      db.run(sql`select 1`);
      res.json({ ok: true });
    })
    .get('/api/config', (_req, res) => {
      res.json({ tiles: config.tiles, approvalNo: config.approvalNo });
    });
}
