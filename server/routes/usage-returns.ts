/**
 * Yearly usage returns: the county's reads and writes (GET and PUT …/authorized-users/:id/usage-returns,
 * GET /api/designations/:id/usage-returns, POST /api/usage-returns/:id/review, POST …/return-links), and
 * the company's link (GET and POST /api/return-links/:token: no account, the token the only key,
 * limited per address).
 */
import { Router, type Request } from 'express';
import { z } from 'zod';
import { ReturnLinkCreate, ReturnYear, UsageReturnInput, UsageReturnReview, type ReturnLinkIssued } from '../../db/model';
import { requireSignedIn, signedInViewer } from '../auth';
import { clockOf, todayOf, type AppContext } from '../context';
import { issueReturnLink, returnLinkForm, submitByLink } from '../domain/marks/return-links';
import { enterUsageReturn, listDesignationReturns, listUserReturns, reviewUsageReturn } from '../domain/marks/usage-returns';
import { tooManyRequests } from '../errors';
import { qrSvg } from '../exchange/export/product-qr';
import { addressOf, FailureLimiter } from '../rate-limit';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';
import { ifMatches, setETag } from '../versions';
import { siteRoot } from '../base-path';

/** Requests one address may make to return links in the window: a company opens its link and sends it a few times at most. */
export const RETURN_LINK_LIMIT = { max: 20, windowMs: 10 * 60_000 } as const;

const YearParam = z.object({ year: ReturnYear }).strict();

/** The page a link opens, for a token. */
export const returnPagePath = (token: string) => `/return/${token}`;

/** The usage-return routes. */
export function usageReturnRoutes(ctx: AppContext): Router {
  const { db, config } = ctx;
  const now = clockOf(ctx);
  const limiter = new FailureLimiter({ ...RETURN_LINK_LIMIT, now: () => now().getTime() });
  // Every request to a link counts: a token cannot be guessed, and this keeps anyone from trying.
  const limited = (req: Request) => {
    const address = addressOf(req);
    const wait = limiter.retryAfter(address);
    if (wait > 0) throw tooManyRequests(wait);
    limiter.fail(address);
  };
  const baseOf = (req: Request) => siteRoot(config, req);
  return Router()
    .get('/api/authorized-users/:id/usage-returns', requireSignedIn, (req, res) => {
      res.set('Cache-Control', 'private, no-store').json(listUserReturns(db, signedInViewer(res), idParam(req.params.id), now()));
    })
    .put('/api/authorized-users/:id/usage-returns/:year', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const { year } = validate(YearParam, { year: req.params.year }, 'params');
      const input = validate(UsageReturnInput, req.body, 'body');
      const entered = enterUsageReturn(db, signedInViewer(res), id, year, input, 'county', todayOf(ctx), ifMatches(req));
      setETag(res, entered.usageReturn);
      res.status(entered.created ? 201 : 200).json(entered.usageReturn);
    })
    .get('/api/designations/:id/usage-returns', requireSignedIn, (req, res) => {
      res.set('Cache-Control', 'private, no-store').json(listDesignationReturns(db, signedInViewer(res), idParam(req.params.id), now()));
    })
    .post('/api/usage-returns/:id/review', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const review = validate(UsageReturnReview, req.body, 'body');
      const reviewed = reviewUsageReturn(db, signedInViewer(res), id, review, ifMatches(req));
      setETag(res, reviewed);
      res.json(reviewed);
    })
    .post('/api/authorized-users/:id/return-links', requireSignedIn, ...jsonBody, async (req, res) => {
      const id = idParam(req.params.id);
      const input = validate(ReturnLinkCreate, req.body, 'body');
      const link = issueReturnLink(db, signedInViewer(res), id, input, now());
      const path = returnPagePath(link.token);
      const url = `${baseOf(req).replace(/\/+$/, '')}${path}`;
      const body: ReturnLinkIssued = { path, url, year: link.year, expiresAt: link.expiresAt, qrSvg: await qrSvg(url) };
      res.status(201).set('Cache-Control', 'private, no-store').json(body);
    })
    .get('/api/return-links/:token', (req, res) => {
      limited(req);
      res.set({ 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' }).json(returnLinkForm(db, String(req.params.token), now()));
    })
    .post('/api/return-links/:token', (req, res, next) => {
      limited(req);
      next();
    }, ...jsonBody, (req, res) => {
      const input = validate(UsageReturnInput, req.body, 'body');
      res.status(201).set('Cache-Control', 'private, no-store').json(submitByLink(db, String(req.params.token), input, now()));
    });
}
