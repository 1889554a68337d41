/**
 * GET /api/audit: the audit log, filtered (county, user, entity, id, action, from, to) and paged;
 * GET /api/audit/export.xlsx: the same filters as a sheet of sentences. Officials see their county's
 * products and designations, admins and auditors everything; security admins nothing (accounts only).
 */
import { Router, type Response } from 'express';
import { AuditExportQuery, AuditQuery, type AuditNames } from '../../db/model';
import { requireAccount, signedInAccount } from '../auth';
import { clockOf, type AppContext } from '../context';
import { allAudit, listAudit } from '../domain/access/audit';
import { assertMayReadAudit } from '../domain/access/permissions';
import { writeAuditXlsx } from '../exchange/export/audit-export';
import { listCounties } from '../domain/places/counties';
import { assertCountyKnown } from '../domain/places/county-history';
import { validate } from '../validate';

/** Audit routes. */
export function auditRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const now = clockOf(ctx);
  /** The signed-in reader of the history (401; 403 for a security admin). */
  const reader = (res: Response) => {
    const account = signedInAccount(res);
    assertMayReadAudit(account);
    return account;
  };
  return Router()
    .get('/api/audit', requireAccount, (req, res) => {
      const account = reader(res);
      const query = validate(AuditQuery, req.query, 'query');
      if (query.county) assertCountyKnown(db, query.county);
      res.json(listAudit(db, account, query));
    })
    .get('/api/audit/export.xlsx', requireAccount, async (req, res) => {
      const account = reader(res);
      const { lang, ...filter } = validate(AuditExportQuery, req.query, 'query');
      if (filter.county) assertCountyKnown(db, filter.county);
      const events = allAudit(db, account, filter);
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
