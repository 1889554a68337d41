/**
 * Using the marks: POST /api/designations/:id/authorized-users and PATCH /api/authorized-users/:id
 * (officials of the county, admins), GET /api/verify?q= (everyone, rate-limited per address), and
 * GET /api/verify-misses (signed-in officials: what the public asked for and did not find).
 */
import { Router } from 'express';
import { AuthorizedUserCreate, AuthorizedUserUpdate, missKeyOf, VerifyQuery } from '../../db/model';
import { requireSignedIn, signedInViewer } from '../auth';
import { clockOf, type AppContext, todayOf } from '../context';
import { addAuthorizedUser, updateAuthorizedUser } from '../domain/marks/authorized-users';
import { verify } from '../domain/marks/verify';
import { listVerifyMisses, VerifyMissCounter } from '../domain/marks/verify-misses';
import { tooManyRequests } from '../errors';
import { addressOf, FailureLimiter } from '../rate-limit';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';
import { ifMatches, setETag } from '../versions';

/** Verifications one address may ask for per minute (an inspector's phone asks a few; a scraper many). */
export const VERIFY_PER_MINUTE = 60;

/** Authorised-user writes, the public verification and the officials' list of what it did not find. */
export function markRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const today = () => todayOf(ctx);
  const limiter = new FailureLimiter({ max: VERIFY_PER_MINUTE, windowMs: 60_000, now: () => clockOf(ctx)().getTime() });
  const misses = new VerifyMissCounter(db, {
    now: clockOf(ctx), mayWrite: () => !ctx.writeGate.busy, writable: () => ctx.writeGate.idle(), log: (message, err) => ctx.log.error({ err }, message),
  });
  return Router()
    .post('/api/designations/:id/authorized-users', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const input = validate(AuthorizedUserCreate, req.body, 'body');
      res.status(201).json(addAuthorizedUser(db, signedInViewer(res), id, input, today()));
    })
    .patch('/api/authorized-users/:id', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const patch = validate(AuthorizedUserUpdate, req.body, 'body');
      const user = updateAuthorizedUser(db, signedInViewer(res), id, patch, today(), ifMatches(req));
      setETag(res, user);
      res.json(user);
    })
    .get('/api/verify', (req, res) => {
      const address = addressOf(req);
      const wait = limiter.retryAfter(address);
      if (wait > 0) throw tooManyRequests(wait);
      limiter.fail(address);
      const { q } = validate(VerifyQuery, req.query, 'query');
      const answer = verify(db, q, today());
      // A browser (or a shared cache) asking the same again within the minute is answered from its cache
      // and not counted again: a buyer re-checking is not a second buyer (README, "Verification").
      res.set('Cache-Control', 'public, max-age=60').json(answer);
      if (answer.kind === 'not_found' || answer.kind === 'empty_registry') {
        const miss = missKeyOf(q);
        if (miss) misses.record(miss.kind, miss.key);
      }
    })
    .get('/api/verify-misses', requireSignedIn, (_req, res) => {
      if (!ctx.writeGate.busy) misses.flush();
      res.set('Cache-Control', 'private, no-store').json(listVerifyMisses(db));
    });
}
