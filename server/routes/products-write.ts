/**
 * Product writes: POST /api/products, PATCH and DELETE /api/products/:id, POST /api/products/:id/restore,
 * PUT /api/products/:id/participants, PUT /api/products/:id/figures.
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
      res.json(updateProduct(db, signedInViewer(res), id, patch));
    })
    .delete('/api/products/:id', requireSignedIn, ...jsonBody, (req, res) => {
      res.json(archiveProduct(db, signedInViewer(res), idParam(req.params.id)));
    })
    .post('/api/products/:id/restore', requireAdmin, ...jsonBody, (req, res) => {
      res.json(restoreProduct(db, signedInViewer(res), idParam(req.params.id)));
    })
    .put('/api/products/:id/participants', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const list = validate(Participants, req.body, 'body');
      res.json(replaceParticipants(db, signedInViewer(res), id, list));
    })
    .put('/api/products/:id/figures', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const series = validate(ProductFigures, req.body, 'body');
      res.json(replaceFigures(db, signedInViewer(res), id, series));
    });
}
