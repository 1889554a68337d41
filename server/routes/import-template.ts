/** GET /api/import/template.xlsx: the import template (signed-in officials and admins). */
import { Router } from 'express';
import { requireSignedIn } from '../auth';
import type { AppContext } from '../context';
import { importTemplate } from '../domain/import-template';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The import template route: the same workbook for every official (only the counties' names come from the registry). */
export function importTemplateRoutes(ctx: AppContext): Router {
  return Router().get('/api/import/template.xlsx', requireSignedIn, async (_req, res) => {
    const body = await importTemplate(ctx.db);
    res.type(XLSX).attachment('jincheng-gi-import-template.xlsx').set('Cache-Control', 'private, no-cache').send(body);
  });
}
