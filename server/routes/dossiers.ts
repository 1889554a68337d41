/**
 * Cultivation dossiers: GET /api/designations/:id/dossier (everyone: public items only for the
 * public), PUT /api/designations/:id/dossier/:key and POST …/dossier-template (officials of the
 * county, admins), GET /api/cultivation and its .xlsx (the board), GET/PUT /api/dossier-templates/:giType (a GI
 * type, or `conversion`).
 */
import { Router } from 'express';
import { z } from 'zod';
import {
  CultivationQuery, DossierItemInput, DossierItemKey, DossierTemplateInput, TemplateAcceptInput, TemplateKey,
} from '../../db/model';
import { requireAdmin, requireSignedIn, signedInViewer } from '../auth';
import { viewerOf, type AppContext, todayOf } from '../context';
import { listCounties } from '../domain/places/counties';
import { assertCountyKnown } from '../domain/places/county-history';
import { cultivationBoard } from '../domain/designations/cultivation';
import { loadTemplate, putTemplate } from '../domain/designations/dossier-templates';
import { acceptTemplate, getDossier, putDossierItem } from '../domain/designations/dossiers';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';
import { ifMatches, setETag } from '../versions';

const KeyParams = z.object({ id: z.string(), key: DossierItemKey }).strict();
const TypeParams = z.object({ giType: TemplateKey }).strict();
const BoardExportQuery = CultivationQuery.extend({ lang: z.enum(['zh', 'en']).default('zh') }).strict();

/** Dossier reads (everyone) and writes (officials of the product's county, admins). */
export function dossierRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const today = () => todayOf(ctx);
  return Router()
    .get('/api/designations/:id/dossier', (req, res) => {
      const id = idParam(req.params.id);
      const viewer = viewerOf(res);
      // Overdue marks depend on the day, so the officials' view is never kept by a cache.
      res.set('Cache-Control', viewer ? 'private, no-store' : 'public, no-cache').json(getDossier(db, viewer, id, today()));
    })
    .put('/api/designations/:id/dossier/:key', requireSignedIn, ...jsonBody, (req, res) => {
      const { key } = validate(KeyParams, req.params, 'params');
      const id = idParam(req.params.id);
      const input = validate(DossierItemInput, req.body, 'body');
      const dossier = putDossierItem(db, signedInViewer(res), id, key, input, today(), ifMatches(req));
      // The item written is the resource: its version is the ETag (the dossier around it is the answer).
      setETag(res, dossier.items.find((i) => i.key === key)!);
      res.json(dossier);
    })
    .post('/api/designations/:id/dossier-template', requireSignedIn, ...jsonBody, (req, res) => {
      const id = idParam(req.params.id);
      const { version } = validate(TemplateAcceptInput, req.body, 'body');
      const dossier = acceptTemplate(db, signedInViewer(res), id, version, today(), ifMatches(req));
      setETag(res, { version: dossier.checklistVersion });
      res.json(dossier);
    })
    .get('/api/cultivation', requireSignedIn, (req, res) => {
      const query = validate(CultivationQuery, req.query, 'query');
      if (query.county) assertCountyKnown(db, query.county);
      res.set('Cache-Control', 'private, no-store').json(cultivationBoard(db, signedInViewer(res), query, today()));
    })
    .get('/api/cultivation.xlsx', requireSignedIn, async (req, res) => {
      const { lang, ...query } = validate(BoardExportQuery, req.query, 'query');
      if (query.county) assertCountyKnown(db, query.county);
      const board = cultivationBoard(db, signedInViewer(res), query, today());
      const names = Object.fromEntries(listCounties(db).map((c) => [c.code, { zh: c.nameZh, en: c.nameEn }]));
      const bytes = await ctx.pool.run('cultivationXlsx', { board, lang, names });
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').set('Cache-Control', 'private, no-store')
        .attachment(lang === 'zh' ? `cultivation-培育看板-${board.asOf}.xlsx` : `cultivation-${board.asOf}.xlsx`)
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    })
    .get('/api/dossier-templates/:giType', requireSignedIn, (req, res) => {
      const { giType } = validate(TypeParams, req.params, 'params');
      const template = loadTemplate(db, giType);
      setETag(res, template);
      res.set('Cache-Control', 'private, no-cache').json(template);
    })
    .put('/api/dossier-templates/:giType', requireAdmin, ...jsonBody, (req, res) => {
      const { giType } = validate(TypeParams, req.params, 'params');
      const input = validate(DossierTemplateInput, req.body, 'body');
      const template = putTemplate(db, signedInViewer(res), giType, input, ifMatches(req));
      setETag(res, template);
      res.json(template);
    });
}
