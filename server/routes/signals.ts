/**
 * What the yearly usage returns tell officials: GET /api/signals (ceilings exceeded, silent users,
 * terms ending), GET /api/readiness (demonstration-zone readiness of the GIs in force), and the
 * readiness thresholds: GET /api/readiness-settings (officials), PUT (admins, audited).
 * An official sees their county; an admin the city, or the county asked.
 */
import { Router } from 'express';
import { CountyScopeQuery, ReadinessSettings } from '../../db/model';
import { requireAdmin, requireSignedIn, signedInViewer } from '../auth';
import { type AppContext, todayOf } from '../context';
import { assertCountyKnown } from '../domain/places/county-history';
import { getReadinessSettings, putReadinessSettings, versionedReadinessSettings } from '../domain/marks/readiness-settings';
import { markSignals } from '../domain/marks/signals';
import { zoneReadiness } from '../domain/marks/zone-readiness';
import { validate } from '../validate';
import { jsonBody } from '../write-guard';
import { ifMatches, setETag } from '../versions';

/** Signal and readiness routes: private answers that depend on the day, never kept by a cache. */
export function signalRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  return Router()
    .get('/api/signals', requireSignedIn, (req, res) => {
      const query = validate(CountyScopeQuery, req.query, 'query');
      if (query.county) assertCountyKnown(db, query.county);
      res.set('Cache-Control', 'private, no-store').json(markSignals(db, signedInViewer(res), query, todayOf(ctx)));
    })
    .get('/api/readiness', requireSignedIn, (req, res) => {
      const query = validate(CountyScopeQuery, req.query, 'query');
      if (query.county) assertCountyKnown(db, query.county);
      res.set('Cache-Control', 'private, no-store').json(zoneReadiness(db, signedInViewer(res), query, todayOf(ctx)));
    })
    .get('/api/readiness-settings', requireSignedIn, (_req, res) => {
      // Officials read the thresholds; admins, who may change them, get their version too.
      const settings = getReadinessSettings(db);
      if (signedInViewer(res).role === 'admin') {
        const versioned = versionedReadinessSettings(settings);
        setETag(res, versioned);
        res.set('Cache-Control', 'private, no-cache').json(versioned);
      } else {
        res.set('Cache-Control', 'private, no-cache').json(settings);
      }
    })
    .put('/api/readiness-settings', requireAdmin, ...jsonBody, (req, res) => {
      const settings = putReadinessSettings(db, signedInViewer(res), validate(ReadinessSettings, req.body, 'body'), ifMatches(req));
      setETag(res, settings);
      res.json(settings);
    });
}
