/**
 * POST /api/import?dryRun=1: a CSV or XLSX table (base64 in a JSON body), read and applied by a task
 * worker, reported row by row; GET /api/import/progress: where the viewer's import stands;
 * POST /api/import/report.xlsx: the same file back with a result column.
 */
import express, { Router } from 'express';
import { ImportQuery, ImportReportQuery, ImportRequest, type ImportProgress } from '../../db/model';
import { requireSignedIn, signedInViewer } from '../auth';
import { type AppContext, todayOf } from '../context';
import { IMPORT_LIMITS, importErrors } from '../exchange/read/limits';
import { validate } from '../validate';
import { requireJson } from '../write-guard';

/** Room for a 5 MB file in base64 (the file limit itself is checked on the decoded bytes). */
const IMPORT_BODY_LIMIT = '7mb';

/** Import routes (officials and admins; each row is checked like the single-product API). */
export function importRoutes(ctx: AppContext): Router {
  const body = [requireJson, express.json({ limit: IMPORT_BODY_LIMIT, type: 'application/json' })];
  const fileOf = (req: express.Request) => {
    const request = validate(ImportRequest, req.body, 'body');
    const data = Buffer.from(request.data, 'base64');
    if (data.length > IMPORT_LIMITS.fileBytes) throw importErrors.fileTooLarge(IMPORT_LIMITS);
    return { format: request.format, data: new Uint8Array(data.buffer, data.byteOffset, data.length) };
  };
  return Router()
    .post('/api/import', requireSignedIn, ...body, async (req, res) => {
      const { dryRun, visibility } = validate(ImportQuery, req.query, 'query');
      const viewer = signedInViewer(res);
      const file = fileOf(req);
      const today = todayOf(ctx);
      // Reading and writing happen in a worker on its own connection; other writes wait at the gate meanwhile.
      const report = await ctx.writeGate.hold(() => ctx.pool.run('importFile', { ...file, viewer, dryRun: dryRun === '1', today, visibility }, {
        onProgress: (p) => ctx.imports.set(viewer.id, p as ImportProgress),
      }));
      if (!report.dryRun && !report.applied) {
        res.status(400).json({
          error: {
            code: 'import_failed',
            message: `${report.summary.errors} 行有错误，未导入任何内容 / ${report.summary.errors} row(s) have errors; nothing was imported`,
            issues: report.rows.filter((r) => r.outcome === 'error')
              .map((r) => ({ path: ['line', r.line], message: r.problems.map((p) => `${p.column ? `${p.column}: ` : ''}${p.zh} / ${p.en}`).join('; ') })),
          },
          report,
        });
        return;
      }
      res.status(report.dryRun ? 200 : 201).json(report);
    })
    .get('/api/import/progress', requireSignedIn, (_req, res) => {
      res.json(ctx.imports.get(signedInViewer(res).id));
    })
    .post('/api/import/report.xlsx', requireSignedIn, ...body, async (req, res) => {
      const { lang = 'zh' } = validate(ImportReportQuery, req.query, 'query');
      const viewer = signedInViewer(res);
      const file = fileOf(req);
      const today = todayOf(ctx);
      const bytes = await ctx.writeGate.hold(() => ctx.pool.run('importReportXlsx', { ...file, viewer, today, lang }));
      res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .attachment(lang === 'zh' ? 'import-check-检查结果.xlsx' : 'import-check.xlsx')
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    });
}
