/** POST /api/import?dryRun=1: a CSV or XLSX table (base64 in a JSON body), reported row by row. */
import { Router } from 'express';
import { ImportQuery, ImportRequest, todayInShanghai } from '../../db/model';
import { requireSignedIn, signedInViewer } from '../auth';
import { clockOf, type AppContext } from '../context';
import { importRows } from '../domain/import';
import { readCsvRows, readXlsxRows } from '../domain/import-parse';
import { HttpError } from '../errors';
import { validate } from '../validate';
import { jsonBody } from '../write-guard';

/** Import route (officials and admins; each row is checked like the single-product API). */
export function importRoutes(ctx: AppContext): Router {
  return Router().post('/api/import', requireSignedIn, ...jsonBody, async (req, res) => {
    const { dryRun } = validate(ImportQuery, req.query, 'query');
    const body = validate(ImportRequest, req.body, 'body');
    const bytes = Buffer.from(body.data, 'base64');
    let raw;
    try {
      raw = body.format === 'csv' ? readCsvRows(bytes.toString('utf8')) : await readXlsxRows(bytes);
    } catch {
      throw new HttpError(400, 'bad_file', `The file is not a readable ${body.format.toUpperCase()} table`);
    }
    const report = importRows(ctx.db, signedInViewer(res), raw, { dryRun: dryRun === '1', today: todayInShanghai(clockOf(ctx)()) });
    if (!report.dryRun && !report.applied) {
      res.status(400).json({
        error: {
          code: 'import_failed',
          message: `${report.summary.errors} row(s) have errors; nothing was imported`,
          issues: report.rows.filter((r) => r.outcome === 'error').map((r) => ({ path: ['line', r.line], message: r.messages.join('; ') })),
        },
        report,
      });
      return;
    }
    res.status(report.dryRun ? 200 : 201).json(report);
  });
}
