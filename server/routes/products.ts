/** Public product reads: GET /api/products, /api/products.geojson, /api/clusters.geojson, /api/map-summary, /api/products/:id. */
import { Router } from 'express';
import { ClusterTileQuery, MapSummaryQuery, ProductFilter, ProductQuery } from '../../db/model';
import type { AppContext } from '../context';
import { scopeOf, type Viewer } from '../domain/access/viewer';
import { todayOf, viewerOf } from '../context';
import { assertCountyKnown } from '../domain/places/county-history';
import { answerReady, queryKey } from '../answer';
import { clusterTileSnapshot, mapSummarySnapshot, productListSnapshot, productSnapshot } from '../snapshot/public-snapshot';
import { makeReadyBody } from '../snapshot/ready-body';
import { idParam, validate } from '../validate';

/** Product read routes, answered from the ready cache of the registry version. */
export function productReadRoutes(ctx: AppContext): Router {
  const { db, pool } = ctx;
  // The map's view of a filter (clusters, numbers, list), made once from places a worker reads.
  const mapView = (viewer: Viewer, filter: ProductFilter) =>
    ctx.clusters.view(`${scopeOf(viewer)}|${queryKey(filter)}`, () => pool.run('productPlaces', { filter, viewer }), filter);
  return Router()
    .get('/api/products', async (req, res) => {
      const query = validate(ProductQuery, req.query, 'query');
      if (query.county) assertCountyKnown(db, query.county);
      const viewer = viewerOf(res);
      await answerReady(ctx, req, res, 'products', query, { text: () => productListSnapshot(db, query, viewer, ctx.nameOrders) });
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
      const { z, x, y, span, ...filter } = query;
      // Each tile (or block of tiles) is a lookup in the view's index.
      await answerReady(ctx, req, res, 'products.clusters', query, { worker: async (encodings) => {
        const { type, text } = clusterTileSnapshot((await mapView(viewer, filter)).index, { z, x, y, span });
        return makeReadyBody(type, text, encodings);
      } });
    })
    .get('/api/map-summary', async (req, res) => {
      const query = validate(MapSummaryQuery, req.query, 'query');
      if (query.county) assertCountyKnown(db, query.county);
      const viewer = viewerOf(res);
      const { lang, offset, limit, at, ...filter } = query;
      // Each page is a slice of the view's list, summed up once.
      await answerReady(ctx, req, res, 'map.summary', query, { worker: async (encodings) => {
        const { type, text } = mapSummarySnapshot((await mapView(viewer, filter)).lists, { lang, offset, limit, at });
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
