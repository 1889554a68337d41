/**
 * Product writes: POST /api/products, PATCH and DELETE /api/products/:id, POST /api/products/:id/restore,
 * PUT /api/products/:id/participants, PUT /api/products/:id/figures. Every write to an existing product
 * names the version it is based on in If-Match (server/versions.ts): the product's own `version` for
 * PATCH, DELETE and restore, `participantsVersion` and `figuresVersion` for the two PUTs.
 */
import { Router } from 'express';
import { Participants, ProductCreate, ProductFigures, ProductUpdate } from '../../db/model';
import { requireAdmin, requireSignedIn, signedInViewer } from '../auth';
import type { AppContext } from '../context';
import { replaceFigures } from '../domain/products/figures';
import { replaceParticipants } from '../domain/products/participants';
import { archiveProduct, createProduct, restoreProduct, updateProduct } from '../domain/products/products-write';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';
import { ifMatches, setETag } from '../versions';
import { figuresVersion, participantsVersion } from '../domain/access/resource-versions';

/** Product write routes (officials of the product's county, and admins). */
export function productWriteRoutes({ db }: AppContext): Router {
  return Router()
    .post('/api/products', requireSignedIn, ...jsonBody, (req, res) => {
      const input = validate(ProductCreate, req.body, 'body');
      res.status(201).json(createProduct(db, signedInViewer(res), input));
    })
    .patch('/api/products/:id', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const patch = validate(ProductUpdate, req.body, 'body');
      const product = updateProduct(db, signedInViewer(res), id, patch, ifMatches(req));
      setETag(res, product);
      res.json(product);
    })
    .delete('/api/products/:id', requireSignedIn, ...jsonBody, (req, res) => {
      const product = archiveProduct(db, signedInViewer(res), idParam(req.params.id), ifMatches(req));
      setETag(res, product);
      res.json(product);
    })
    .post('/api/products/:id/restore', requireAdmin, ...jsonBody, (req, res) => {
      const product = restoreProduct(db, signedInViewer(res), idParam(req.params.id), ifMatches(req));
      setETag(res, product);
      res.json(product);
    })
    .put('/api/products/:id/participants', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const list = validate(Participants, req.body, 'body');
      const participants = replaceParticipants(db, signedInViewer(res), id, list, ifMatches(req));
      // The answer is the list itself: its version travels as the ETag (the product answer has it as participantsVersion).
      setETag(res, { version: participantsVersion(participants) });
      res.json(participants);
    })
    .put('/api/products/:id/figures', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const series = validate(ProductFigures, req.body, 'body');
      const figures = replaceFigures(db, signedInViewer(res), id, series, ifMatches(req));
      setETag(res, { version: figuresVersion(figures) });
      res.json(figures);
    });
}
