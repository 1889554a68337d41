/** Public product reads: GET /api/products, /api/products.geojson, /api/clusters.geojson, /api/products/:id. */
import { Router } from 'express';
import { ClusterTileQuery, ProductFilter, ProductQuery } from '../../db/model';
import type { AppContext } from '../context';
import { todayOf, viewerOf } from '../context';
import { assertCountyKnown } from '../domain/places/county-history';
import { answerReady, queryKey, scopeOf } from '../answer';
import { clusterTileSnapshot, productListSnapshot, productSnapshot } from '../snapshot/public-snapshot';
import { makeReadyBody } from '../snapshot/ready-body';
import { idParam, validate } from '../validate';

/** Product read routes, answered from the ready cache of the registry version. */
export function productReadRoutes(ctx: AppContext): Router {
  const { db, pool } = ctx;
  return Router()
    .get('/api/products', async (req, res) => {
      const query = validate(ProductQuery, req.query, 'query');
      if (query.county) assertCountyKnown(db, query.county);
      const viewer = viewerOf(res);
      await answerReady(ctx, req, res, 'products', query, { text: () => productListSnapshot(db, query, viewer) });
    })
    .get('/api/products.geojson', async (req, res) => {
      const filter = validate(ProductFilter, req.query, 'query');
      // Checked here, not in the worker, so the 400 keeps its issues.
      if (filter.county) assertCountyKnown(db, filter.county);
      const viewer = viewerOf(res);
      await answerReady(ctx, req, res, 'products.geojson', filter, { worker: (encodings) => pool.run('productsGeoJson', { filter, viewer, encodings }) });
    })
    .get('/api/clusters.geojson', async (req, res) => {
      const query = validate(ClusterTileQuery, req.query, 'query');
      if (query.county) assertCountyKnown(db, query.county);
      const viewer = viewerOf(res);
      const { z, x, y, ...filter } = query;
      // The index (per scope and filter) is made once from places a worker reads; each tile is then a lookup.
      await answerReady(ctx, req, res, 'products.clusters', query, { worker: async (encodings) => {
        const index = await ctx.clusters.index(`${scopeOf(viewer)}|${queryKey(filter)}`,
          () => pool.run('productPlaces', { filter, viewer }), filter.county ?? null);
        const { type, text } = clusterTileSnapshot(index, { z, x, y });
        return makeReadyBody(type, text, encodings);
      } });
    })
    .get('/api/products/:id', async (req, res) => {
      const id = idParam(req.params.id);
      const viewer = viewerOf(res);
      // Kept for the day: a suspension's decision is shown to the public for a window of days only.
      const today = todayOf(ctx);
      await answerReady(ctx, req, res, 'product', { id, today }, { text: () => productSnapshot(db, id, viewer, today), dependsOn: { product: id } });
    });
}
