/**
 * Using the marks: POST /api/designations/:id/authorized-users and PATCH /api/authorized-users/:id
 * (officials of the county, admins), and GET /api/verify?q= (everyone, rate-limited per address).
 */
import { Router } from 'express';
import { AuthorizedUserCreate, AuthorizedUserUpdate, VerifyQuery } from '../../db/model';
import { requireSignedIn, signedInViewer } from '../auth';
import { clockOf, type AppContext, todayOf } from '../context';
import { addAuthorizedUser, updateAuthorizedUser } from '../domain/marks/authorized-users';
import { verify } from '../domain/marks/verify';
import { tooManyRequests } from '../errors';
import { addressOf, FailureLimiter } from '../rate-limit';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';

/** Verifications one address may ask for per minute (an inspector's phone asks a few; a scraper many). */
export const VERIFY_PER_MINUTE = 60;

/** Authorised-user writes and the public verification. */
export function markRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const today = () => todayOf(ctx);
  const limiter = new FailureLimiter({ max: VERIFY_PER_MINUTE, windowMs: 60_000, now: () => clockOf(ctx)().getTime() });
  return Router()
    .post('/api/designations/:id/authorized-users', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const input = validate(AuthorizedUserCreate, req.body, 'body');
      res.status(201).json(addAuthorizedUser(db, signedInViewer(res), id, input));
    })
    .patch('/api/authorized-users/:id', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const patch = validate(AuthorizedUserUpdate, req.body, 'body');
      res.json(updateAuthorizedUser(db, signedInViewer(res), id, patch));
    })
    .get('/api/verify', (req, res) => {
      const address = addressOf(req);
      const wait = limiter.retryAfter(address);
      if (wait > 0) throw tooManyRequests(wait);
      limiter.fail(address);
      const { q } = validate(VerifyQuery, req.query, 'query');
      res.set('Cache-Control', 'public, max-age=60').json(verify(db, q, today()));
    });
}
