/** GET /api/periods. */
import { Router } from 'express';
import type { AppContext } from '../context';
import { listPeriods } from '../domain/periods';

/** Period read routes. */
export function periodReadRoutes({ db }: AppContext): Router {
  return Router().get('/api/periods', (_req, res) => {
    res.json(listPeriods(db));
  });
}
