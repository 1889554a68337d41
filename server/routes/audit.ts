/**
 * GET /api/audit: the audit log, filtered (county, user, entity, id, action, from, to) and paged;
 * GET /api/audit/export.xlsx: the same filters as a sheet of sentences. Officials see their county's
 * products and designations; signed-in only.
 */
import { Router } from 'express';
import { AuditExportQuery, AuditQuery, type AuditNames } from '../../db/model';
import { requireSignedIn, signedInViewer } from '../auth';
import { clockOf, type AppContext } from '../context';
import { allAudit, listAudit } from '../domain/access/audit';
import { writeAuditXlsx } from '../exchange/export/audit-export';
import { listCounties } from '../domain/places/counties';
import { assertCountyKnown } from '../domain/places/county-history';
import { validate } from '../validate';

/** Audit routes. */
export function auditRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const now = clockOf(ctx);
  return Router()
    .get('/api/audit', requireSignedIn, (req, res) => {
      const query = validate(AuditQuery, req.query, 'query');
      if (query.county) assertCountyKnown(db, query.county);
      res.json(listAudit(db, signedInViewer(res), query));
    })
    .get('/api/audit/export.xlsx', requireSignedIn, async (req, res) => {
      const { lang, ...filter } = validate(AuditExportQuery, req.query, 'query');
      if (filter.county) assertCountyKnown(db, filter.county);
      const events = allAudit(db, signedInViewer(res), filter);
      const names: AuditNames = { counties: Object.fromEntries(listCounties(db).map((c) => [c.code, c])) };
      const day = new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`jincheng-gi-history-${day}.xlsx`).set('Cache-Control', 'no-store');
      try {
        await writeAuditXlsx(res, events, lang, names);
      } catch (error) {
        if (!res.headersSent) throw error;
        res.destroy(); // headers are gone: cutting the download short is all that is left
      }
    });
}
