/** GET /api/tally and GET /api/tally/series: the tally of a period on a date, and over the period. */
import { Router } from 'express';
import { TallyQuery, TallySeriesQuery } from '../../db/model';
import { todayOf, type AppContext } from '../context';
import { answerReady } from '../answer';
import { validate } from '../validate';

/**
 * Tally routes. Both count public, unarchived products for every viewer, so they are built by a
 * task worker from its replay index and kept per registry version and day (the default as-of date
 * and the series' end are today in Asia/Shanghai by the app's clock, so a test's clock moves them too).
 */
export function tallyRoutes(ctx: AppContext): Router {
  return Router()
    .get('/api/tally', async (req, res) => {
      const query = validate(TallyQuery, req.query, 'query');
      const input = { period: query.period, asOf: query.asOf, today: todayOf(ctx) };
      await answerReady(ctx, req, res, 'tally', input, { worker: (encodings) => ctx.pool.run('tally', { ...input, encodings }) }, true);
    })
    .get('/api/tally/series', async (req, res) => {
      const query = validate(TallySeriesQuery, req.query, 'query');
      const input = { period: query.period, step: query.step, today: todayOf(ctx) };
      await answerReady(ctx, req, res, 'series', input, { worker: (encodings) => ctx.pool.run('series', { ...input, encodings }) }, true);
    });
}
