/** GET /api/counties and /api/counties.geojson. */
import { Router } from 'express';
import type { AppContext } from '../context';
import { viewerOf } from '../context';
import { countiesGeoJson, listCounties } from '../domain/counties';

/** County routes. */
export function countyRoutes({ db }: AppContext): Router {
  return Router()
    .get('/api/counties', (_req, res) => {
      res.json(listCounties(db));
    })
    .get('/api/counties.geojson', (_req, res) => {
      res.type('application/geo+json').send(JSON.stringify(countiesGeoJson(db, viewerOf(res))));
    });
}
