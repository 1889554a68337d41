/** GET /api/periods (everyone); POST /api/periods and PUT /api/periods/:id (admins). */
import { Router } from 'express';
import { PeriodInput } from '../../db/model';
import { requireAdmin, signedInViewer } from '../auth';
import type { AppContext } from '../context';
import { createPeriod, listPeriods, updatePeriod } from '../domain/tally/periods';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';

/** Period read routes. */
export function periodReadRoutes({ db }: AppContext): Router {
  return Router().get('/api/periods', (_req, res) => {
    res.json(listPeriods(db));
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
