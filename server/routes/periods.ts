/** GET /api/periods (everyone); POST /api/periods and PUT /api/periods/:id (admins). */
import { Router } from 'express';
import { PeriodInput } from '../../db/model';
import { requireAdmin, signedInViewer } from '../auth';
import type { AppContext } from '../context';
import { answerReady } from '../answer';
import { createPeriod, updatePeriod } from '../domain/tally/periods';
import { periodsSnapshot } from '../snapshot/public-snapshot';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';

/** Period read routes: the same for everyone, a ready body of the registry version (periods and targets move it). */
export function periodReadRoutes(ctx: AppContext): Router {
  return Router().get('/api/periods', async (req, res) => {
    await answerReady(ctx, req, res, 'periods', {}, { text: () => periodsSnapshot(ctx.db) }, true);
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
      res.json(updatePeriod(db, signedInViewer(res), id, validate(PeriodInput, req.body, 'body')));
    });
}
