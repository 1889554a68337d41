/**
 * GET /api/security-events: the security log, filtered (kind, username, from, to) and paged, newest first;
 * GET /api/security-events/export.xlsx: the same filters as a sheet. Auditors read it, and city admins
 * too unless SEPARATE_DUTIES keeps it to the auditors (三员分立).
 */
import { Router, type Response } from 'express';
import { SecurityEventExportQuery, SecurityEventQuery } from '../../db/model';
import { requireAccount, signedInAccount } from '../auth';
import { clockOf, type AppContext } from '../context';
import { assertMayReadSecurityEvents } from '../domain/access/permissions';
import { allSecurityEvents, listSecurityEvents } from '../domain/security/events';
import { writeSecurityEventsXlsx } from '../exchange/export/security-events-export';
import { validate } from '../validate';

/** Security event routes. */
export function securityEventRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const now = clockOf(ctx);
  const reader = (res: Response) => assertMayReadSecurityEvents(signedInAccount(res), ctx.config.security.separateDuties);
  return Router()
    .get('/api/security-events', requireAccount, (req, res) => {
      reader(res);
      const query = validate(SecurityEventQuery, req.query, 'query');
      res.set('Cache-Control', 'private, no-store').json(listSecurityEvents(db, query));
    })
    .get('/api/security-events/export.xlsx', requireAccount, async (req, res) => {
      reader(res);
      const { lang, ...filter } = validate(SecurityEventExportQuery, req.query, 'query');
      const day = new Date(now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(`jincheng-gi-security-events-${day}.xlsx`).set('Cache-Control', 'no-store');
      try {
        await writeSecurityEventsXlsx(res, allSecurityEvents(db, filter), lang);
      } catch (error) {
        if (!res.headersSent) throw error;
        res.destroy();
      }
    });
}
