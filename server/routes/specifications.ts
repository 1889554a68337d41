/**
 * A designation's specification, version by version: POST /api/designations/:id/specifications,
 * PATCH and DELETE /api/specifications/:id (officials of the product's county, and admins). The
 * versions are read with the product (GET /api/products/:id).
 */
import { Router } from 'express';
import { SpecificationInput, SpecificationUpdate } from '../../db/model';
import { requireSignedIn, signedInViewer } from '../auth';
import { type AppContext, todayOf } from '../context';
import { createSpecification, deleteSpecification, updateSpecification } from '../domain/designations/specifications';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';
import { ifMatches, setETag } from '../versions';

/** Specification write routes. */
export function specificationRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const today = () => todayOf(ctx);
  return Router()
    .post('/api/designations/:id/specifications', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const input = validate(SpecificationInput, req.body, 'body');
      res.status(201).json(createSpecification(db, signedInViewer(res), id, input, today()));
    })
    .patch('/api/specifications/:id', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const patch = validate(SpecificationUpdate, req.body, 'body');
      const specification = updateSpecification(db, signedInViewer(res), id, patch, today(), ifMatches(req));
      // Its version is `etag` (`version` is the edition's name).
      setETag(res, { version: specification.etag });
      res.json(specification);
    })
    .delete('/api/specifications/:id', requireSignedIn, ...jsonBody, (req, res) => {
      deleteSpecification(db, signedInViewer(res), idParam(req.params.id), ifMatches(req));
      res.status(204).end();
    });
}
