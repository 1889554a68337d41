/**
 * Designation writes: POST /api/products/:id/designations, PATCH /api/designations/:id,
 * POST /api/designations/:id/transitions, POST /api/designations/:id/conversion.
 */
import { Router } from 'express';
import { ConversionCreate, DesignationCreate, DesignationUpdate, TransitionCreate } from '../../db/model';
import { requireSignedIn, signedInViewer } from '../auth';
import { type AppContext, todayOf } from '../context';
import { recordConversion } from '../domain/designations/conversion';
import { createDesignation, moveDesignation, updateDesignation } from '../domain/designations/designations';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';

/** Designation write routes (officials of the product's county, and admins). */
export function designationRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const today = () => todayOf(ctx);
  return Router()
    .post('/api/products/:id/designations', requireSignedIn, ...jsonBody, (req, res) => {
      const productId = idParam(req.params.id);
      const input = validate(DesignationCreate, req.body, 'body');
      res.status(201).json(createDesignation(db, signedInViewer(res), productId, input, today()));
    })
    .patch('/api/designations/:id', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const patch = validate(DesignationUpdate, req.body, 'body');
      res.json(updateDesignation(db, signedInViewer(res), id, patch));
    })
    .post('/api/designations/:id/transitions', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const move = validate(TransitionCreate, req.body, 'body');
      res.status(201).json(moveDesignation(db, signedInViewer(res), id, move, today()));
    })
    .post('/api/designations/:id/conversion', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const input = validate(ConversionCreate, req.body, 'body');
      res.status(201).json(recordConversion(db, signedInViewer(res), id, input, today()));
    });
}
