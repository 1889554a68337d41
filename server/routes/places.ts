/**
 * Places: a designation's protected area (POST /api/designations/:id/scope/check, PUT and DELETE
 * /api/designations/:id/scope, for the officials of the product's county and admins), the township and
 * village codes (GET /api/divisions, the location picker's list) and the public lookup "is my village in
 * a protected area?" (GET /api/places/lookup?q=, rate-limited per address like /api/verify).
 */
import { Router } from 'express';
import { DivisionQuery, PlaceLookupQuery, ScopeCheckInput, ScopeInput } from '../../db/model';
import { requireSignedIn, signedInViewer } from '../auth';
import { clockOf, type AppContext } from '../context';
import { deleteScope, putScope } from '../domain/designations/scope-write';
import { assertCountyKnown } from '../domain/places/county-history';
import { listDivisions } from '../domain/places/division-units';
import { lookupPlaces } from '../domain/places/place-lookup';
import { checkScope } from '../domain/places/scope-check';
import { tooManyRequests } from '../errors';
import { addressOf, FailureLimiter } from '../rate-limit';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';
import { ifMatches, setETag } from '../versions';

/** Look-ups one address may ask for per minute, as for verification (a villager asks a few; a scraper many). */
export const LOOKUP_PER_MINUTE = 60;

/** The scope routes, the code list and the public lookup. */
export function placeRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const limiter = new FailureLimiter({ max: LOOKUP_PER_MINUTE, windowMs: 60_000, now: () => clockOf(ctx)().getTime() });
  return Router()
    .post('/api/designations/:id/scope/check', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const { text } = validate(ScopeCheckInput, req.body, 'body');
      res.json(checkScope(db, signedInViewer(res), id, text));
    })
    .put('/api/designations/:id/scope', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const input = validate(ScopeInput, req.body, 'body');
      const scope = putScope(db, signedInViewer(res), id, input, ifMatches(req));
      setETag(res, scope);
      res.json(scope);
    })
    .delete('/api/designations/:id/scope', requireSignedIn, ...jsonBody, (req, res) => {
      deleteScope(db, signedInViewer(res), idParam(req.params.id), ifMatches(req));
      res.status(204).end();
    })
    .get('/api/divisions', (req, res) => {
      const query = validate(DivisionQuery, req.query, 'query');
      if (query.county) assertCountyKnown(db, query.county);
      res.set('Cache-Control', 'public, max-age=3600').json(listDivisions(query));
    })
    .get('/api/places/lookup', (req, res) => {
      const address = addressOf(req);
      const wait = limiter.retryAfter(address);
      if (wait > 0) throw tooManyRequests(wait);
      limiter.fail(address);
      const { q } = validate(PlaceLookupQuery, req.query, 'query');
      res.set('Cache-Control', 'public, max-age=60').json(lookupPlaces(db, q));
    });
}
