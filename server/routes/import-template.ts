/** GET /api/import/template.xlsx, …/authorized-users-template.xlsx and …/usage-returns-template.xlsx: the import templates (signed-in officials and admins). */
import { Router } from 'express';
import { requireSignedIn } from '../auth';
import type { AppContext } from '../context';
import { importTemplate } from '../exchange/templates/product-template';
import { returnTemplate } from '../exchange/templates/return-template';
import { userTemplate } from '../exchange/templates/user-template';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The import template routes: the same workbooks for every official (only the counties' names come from the registry). */
export function importTemplateRoutes(ctx: AppContext): Router {
  return Router()
    .get('/api/import/template.xlsx', requireSignedIn, async (_req, res) => {
      const body = await importTemplate(ctx.db);
      res.type(XLSX).attachment('jincheng-gi-import-template.xlsx').set('Cache-Control', 'private, no-cache').send(body);
    })
    .get('/api/import/authorized-users-template.xlsx', requireSignedIn, async (_req, res) => {
      const body = await userTemplate();
      res.type(XLSX).attachment('jincheng-gi-authorized-users-template.xlsx').set('Cache-Control', 'private, no-cache').send(body);
    })
    .get('/api/import/usage-returns-template.xlsx', requireSignedIn, async (_req, res) => {
      const body = await returnTemplate();
      res.type(XLSX).attachment('jincheng-gi-usage-returns-template.xlsx').set('Cache-Control', 'private, no-cache').send(body);
    });
}
