/** GET /api/periods (everyone); POST /api/periods and PUT /api/periods/:id (admins). */
import { Router } from 'express';
import { PeriodInput } from '../../db/model';
import { requireAdmin, signedInViewer } from '../auth';
import { viewerOf, type AppContext } from '../context';
import { answerReady } from '../answer';
import { createPeriod, updatePeriod } from '../domain/tally/periods';
import { periodsSnapshot } from '../snapshot/public-snapshot';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';
import { ifMatches, setETag } from '../versions';

/**
 * Period read routes: a ready body of the registry version (periods and targets move it), the same for
 * everyone but admins, whose answer carries each period's version (they may change them).
 */
export function periodReadRoutes(ctx: AppContext): Router {
  return Router().get('/api/periods', async (req, res) => {
    const admin = viewerOf(res)?.role === 'admin';
    await answerReady(ctx, req, res, 'periods', {}, { text: () => periodsSnapshot(ctx.db, admin) }, !admin);
  });
}

/** Period write routes: admins only, JSON only, audited. */
export function periodWriteRoutes({ db }: AppContext): Router {
  return Router()
    .post('/api/periods', requireAdmin, ...jsonBody, (req, res) => {
      const input = validate(PeriodInput, req.body, 'body');
      res.status(201).json(createPeriod(db, signedInViewer(res), input));
    })
    .put('/api/periods/:id', requireAdmin, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const period = updatePeriod(db, signedInViewer(res), id, validate(PeriodInput, req.body, 'body'), ifMatches(req));
      setETag(res, period);
      res.json(period);
    });
}
