/**
 * Designation writes: POST /api/products/:id/designations, PATCH /api/designations/:id,
 * POST /api/designations/:id/transitions, POST /api/designations/:id/conversion. PATCH, a move and a
 * conversion name the designation's `version` in If-Match (server/versions.ts); a conversion into a
 * designation already there names that one's in its body (`designationVersion`).
 */
import { Router } from 'express';
import { ConversionCreate, DesignationCreate, DesignationUpdate, TransitionCreate } from '../../db/model';
import { requireSignedIn, signedInViewer } from '../auth';
import { type AppContext, todayOf } from '../context';
import { recordConversion } from '../domain/designations/conversion';
import { createDesignation, moveDesignation, updateDesignation } from '../domain/designations/designations';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';
import { ifMatches, setETag, staleVersion, type VersionCheck } from '../versions';

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
      const designation = updateDesignation(db, signedInViewer(res), id, patch, ifMatches(req));
      setETag(res, designation);
      res.json(designation);
    })
    .post('/api/designations/:id/transitions', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const move = validate(TransitionCreate, req.body, 'body');
      const designation = moveDesignation(db, signedInViewer(res), id, move, today(), { check: ifMatches(req) });
      setETag(res, designation);
      res.status(201).json(designation);
    })
    .post('/api/designations/:id/conversion', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const input = validate(ConversionCreate, req.body, 'body');
      const { designationVersion } = input;
      // The named designation's version is the body's, not a header's: checked when given.
      const checkNamed: VersionCheck | undefined = designationVersion === undefined ? undefined
        : (version, current) => { if (designationVersion !== '*' && designationVersion !== version) throw staleVersion(current); };
      const recorded = recordConversion(db, signedInViewer(res), id, input, today(), { check: ifMatches(req), checkNamed });
      setETag(res, recorded.converted);
      res.status(201).json(recorded);
    });
}
