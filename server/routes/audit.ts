/** GET /api/audit?entity=&id=: the audit log (officials see their county's products and designations). */
import { Router } from 'express';
import { AuditQuery } from '../../db/model';
import { requireSignedIn, signedInViewer } from '../auth';
import type { AppContext } from '../context';
import { listAudit } from '../domain/audit';
import { validate } from '../validate';

/** Audit routes. */
export function auditRoutes({ db }: AppContext): Router {
  return Router().get('/api/audit', requireSignedIn, (req, res) => {
    res.json(listAudit(db, signedInViewer(res), validate(AuditQuery, req.query, 'query')));
  });
}
