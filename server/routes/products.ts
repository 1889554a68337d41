/** Public product reads: GET /api/products, /api/products.geojson, /api/products/:id. */
import { Router } from 'express';
import { ProductFilter, ProductQuery } from '../../db/model';
import type { AppContext } from '../context';
import { viewerOf } from '../context';
import { notFound } from '../errors';
import { getProduct, listProducts, productPoints } from '../domain/products-read';
import { idParam, validate } from '../validate';

/** Product read routes. */
export function productReadRoutes({ db }: AppContext): Router {
  return Router()
    .get('/api/products', (req, res) => {
      res.json(listProducts(db, validate(ProductQuery, req.query, 'query'), viewerOf(res)));
    })
    .get('/api/products.geojson', (req, res) => {
      const filter = validate(ProductFilter, req.query, 'query');
      res.type('application/geo+json').send(JSON.stringify(productPoints(db, filter, viewerOf(res))));
    })
    .get('/api/products/:id', (req, res) => {
      const product = getProduct(db, idParam(req.params.id), viewerOf(res));
      if (!product) throw notFound('product');
      res.json(product);
    });
}
