/** GET /api/tally and GET /api/tally/series: the tally of a period on a date, and over the period. */
import { Router } from 'express';
import { TallyQuery, TallySeriesQuery } from '../../db/model';
import { todayOf, type AppContext } from '../context';
import { answerReady, type FastAnswer } from '../answer';
import { choosePeriod, defaultAsOf } from '../domain/tally/tally';
import { notFound } from '../errors';
import { sendSplicedBody, type SplicedBody } from '../snapshot/spliced-body';
import type { TallyBodies } from '../snapshot/tally-bodies';
import { validate } from '../validate';

/**
 * Tally routes. Both count public, unarchived products for every viewer. A tally, on a date asked for
 * or today's, is answered from the tally index (built by a task worker each time a write can have moved
 * the tally); the series, and a tally when the registry cannot have an index, are built by a task worker
 * from its replay index and kept until such a write, per day (the default as-of date and the series'
 * end are today in Asia/Shanghai by the app's clock, so a test's clock moves them too).
 */
export function tallyRoutes(ctx: AppContext): Router {
  return Router()
    .get('/api/tally', async (req, res) => {
      const query = validate(TallyQuery, req.query, 'query');
      const today = todayOf(ctx);
      const { bodies } = await ctx.tallyIndex.current();
      if (bodies) {
        const body = tallyOnDate(bodies, query.period, query.asOf, today);
        if (!body) throw notFound('period');
        sendSplicedBody(req, res, body, 'public, no-cache');
        return;
      }
      const input = { period: query.period, asOf: query.asOf, today };
      await answerReady(ctx, req, res, 'tally', input, { worker: (encodings) => ctx.pool.run('tally', { ...input, encodings }), dependsOn: 'tally' }, true);
    })
    .get('/api/tally/series', async (req, res) => {
      const query = validate(TallySeriesQuery, req.query, 'query');
      const input = { period: query.period, step: query.step, today: todayOf(ctx) };
      await answerReady(ctx, req, res, 'series', input, { worker: (encodings) => ctx.pool.run('series', { ...input, encodings }), dependsOn: 'tally' }, true);
    });
}

/**
 * The tally of a period (default: the one `today` falls in) on `asOf` (default: today, capped at the
 * period's end: the same bytes as that date asked for) from the index, or null when there is no such period.
 */
function tallyOnDate(bodies: TallyBodies, id: number | undefined, asOf: string | undefined, today: string): SplicedBody | null {
  const period = choosePeriod(bodies.index.periods, id, today);
  return period && bodies.answer(period, asOf ?? defaultAsOf(period, today), today);
}

/** A plain `/api/tally`, or with `?asOf=…` and/or `period=…`: letters, digits, `-`, one of each name, no escapes. */
const PLAIN_TALLY_URL = /^\/api\/tally(?:\?([A-Za-z0-9=&-]+))?$/;

/** The query of a plain tally URL that the route accepts as it is, or null (Express then answers it, its 400s included). */
function plainTallyQuery(url: string): TallyQuery | null {
  const m = PLAIN_TALLY_URL.exec(url);
  if (!m) return null;
  const entries = new Map<string, string>();
  for (const pair of m[1] === undefined ? [] : m[1].split('&')) {
    const [name, value, extra] = pair.split('=');
    if (value === undefined || extra !== undefined || entries.has(name)) return null;
    entries.set(name, value);
  }
  const parsed = TallyQuery.safeParse(Object.fromEntries(entries));
  return parsed.success ? parsed.data : null;
}

/**
 * The fast path's tally on a date: a public, plain tally URL is answered from the tally index kept
 * on the event loop (the previous version's while the current one is being built, as the ready cache
 * does), without Express. Anything else, or no index yet, goes to the route.
 */
export function tallyFastAnswer(ctx: AppContext, today: () => string): FastAnswer {
  return (req, res, headersFor) => {
    const url = req.url ?? '';
    if (!url.startsWith('/api/tally') || url.startsWith('/api/tally/')) return false;
    const query = plainTallyQuery(url);
    const bodies = query && ctx.tallyIndex.peek()?.bodies;
    if (!query || !bodies) return false;
    const body = tallyOnDate(bodies, query.period, query.asOf, today());
    if (!body) return false;
    sendSplicedBody(req, res, body, 'public, no-cache', headersFor(url));
    return true;
  };
}
