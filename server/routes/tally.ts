/** GET /api/tally and GET /api/tally/series: the tally of a period on a date, and over the period. */
import { Router } from 'express';
import { TallyQuery, TallySeriesQuery, todayInShanghai, type Tally, type TallySeries } from '../../db/model';
import type { AppContext } from '../context';
import { notFound } from '../errors';
import { computeTally, defaultAsOf, resolvePeriod } from '../domain/tally';
import { StampedCache, type StampedCacheOptions } from '../domain/tally-cache';
import { computeSeries } from '../domain/tally-series';
import { validate } from '../validate';

/** Tally routes; `cache` tunes (or, for measuring, disables) the change-stamped cache. */
export function tallyRoutes({ db }: AppContext, cache: StampedCacheOptions = {}): Router {
  // The tally counts public, unarchived products for every viewer, so visibility is not part of the key.
  const tallies = new StampedCache<Tally>(db.$client, cache);
  const series = new StampedCache<TallySeries>(db.$client, cache);
  // One read transaction per computation: a consistent snapshot even if another process commits meanwhile.
  const snapshot = <T>(fn: () => T): T => db.transaction(fn);

  return Router()
    .get('/api/tally', (req, res) => {
      const query = validate(TallyQuery, req.query, 'query');
      const today = todayInShanghai();
      const period = resolvePeriod(db, query.period, today);
      if (!period) throw notFound('period');
      const asOf = query.asOf ?? defaultAsOf(period, today);
      res.json(tallies.get(`${period.id}|${asOf}`, () => snapshot(() => computeTally(db, period, asOf))));
    })
    .get('/api/tally/series', (req, res) => {
      const query = validate(TallySeriesQuery, req.query, 'query');
      const today = todayInShanghai();
      const period = resolvePeriod(db, query.period, today);
      if (!period) throw notFound('period');
      res.json(series.get(`${period.id}|${query.step}|${today}`, () => snapshot(() => computeSeries(db, period, query.step, today))));
    });
}
