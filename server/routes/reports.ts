/**
 * The annual report: GET /api/reports/annual (JSON), …/annual.docx and …/annual.xlsx (everyone);
 * GET and PUT /api/report-settings, who issues it (admins, audited).
 */
import { Router, type Request, type Response } from 'express';
import { AnnualReportQuery, ReportSettings } from '../../db/model';
import { requireAdmin, signedInViewer } from '../auth';
import { type AppContext, todayOf } from '../context';
import { assertReportYear } from '../domain/tally/annual-report';
import { getReportSettings, putReportSettings, versionedReportSettings } from '../domain/tally/report-settings';
import { answerReady } from '../answer';
import { REPORT_FILE_TYPES, type ReportFormat } from '../snapshot/report-snapshot';
import { validate } from '../validate';
import { jsonBody } from '../write-guard';
import { ifMatches, setETag } from '../versions';

/** Report routes. The report counts the public registry, the same for every viewer, so it is built by a task worker. */
export function reportRoutes(ctx: AppContext): Router {
  const today = () => todayOf(ctx);
  /** The checked year of a request (400 before 1949 or after this year) and today. */
  const requested = (req: Request) => {
    const query = validate(AnnualReportQuery, req.query, 'query');
    const day = today();
    assertReportYear(query.year, day);
    return { year: query.year, lang: query.lang ?? 'zh', today: day };
  };
  const sendFile = (format: ReportFormat) => async (req: Request, res: Response) => {
    const { year, lang, today: day } = requested(req);
    const { bytes, fileName } = await ctx.pool.run('annualReportFile', { year, today: day, format, lang });
    res.type(REPORT_FILE_TYPES[format]).set('Cache-Control', 'public, no-cache').attachment(fileName)
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  };
  return Router()
    .get('/api/reports/annual', async (req, res) => {
      // Both languages are in the JSON: `lang` is for the files, and left out of the cache key.
      const { year, today: day } = requested(req);
      const input = { year, today: day };
      await answerReady(ctx, req, res, 'annualReport', input, { worker: (encodings) => ctx.pool.run('annualReport', { ...input, encodings }) }, true);
    })
    .get('/api/reports/annual.docx', sendFile('docx'))
    .get('/api/reports/annual.xlsx', sendFile('xlsx'))
    .get('/api/report-settings', requireAdmin, (_req, res) => {
      const settings = versionedReportSettings(getReportSettings(ctx.db));
      setETag(res, settings);
      res.set('Cache-Control', 'private, no-cache').json(settings);
    })
    .put('/api/report-settings', requireAdmin, ...jsonBody, (req, res) => {
      const settings = putReportSettings(ctx.db, signedInViewer(res), validate(ReportSettings, req.body, 'body'), ifMatches(req));
      setETag(res, settings);
      res.json(settings);
    });
}
