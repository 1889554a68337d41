/**
 * The operations of the tally (tag `tally`): counts against targets, the annual report and its settings, the plan periods.
 */
import { z } from 'zod';
import * as m from '../../../db/model';
import { IF_MATCH, MEDIA, WRITE, read, ok200, ok201, file, type Operation } from '../operation';

/** Every operation of the tally, reports and periods. */
export const TALLY_OPERATIONS: Operation[] = [
  { operationId: 'getTally', ...read('/api/tally'), tag: 'tally', etag: true,
    summary: 'GI counts against targets as of a date',
    description: 'The current period and today (Asia/Shanghai) unless `period` and `asOf` say otherwise. Once the last period has ended, the default is that period as of its last day; `periodEnded` says whether today is past the shown period\u2019s end (whatever `asOf` is), and `period.nameEn` is its English name.',
    query: m.TallyQuery, ok: ok200(m.Tally), errors: [400, 404], why: { 404: 'No such period (or no period at all).' } },
  { operationId: 'getTallySeries', ...read('/api/tally/series'), tag: 'tally', etag: true,
    summary: 'Designations in force per GI type over a period', query: m.TallySeriesQuery, ok: ok200(m.TallySeries),
    errors: [400, 404], why: { 404: 'No such period (or no period at all).' } },
  { operationId: 'getAnnualReport', ...read('/api/reports/annual'), tag: 'tally', etag: true,
    summary: 'The annual report of a calendar year',
    description: 'Totals in force at the year end (today while the year is not over) against the targets of the period containing it, what was new in the year (grants, filings, authorised users, with dates and numbers), by county, households and the year\u2019s industry figures, trademarks due for renewal next year, and who issues it. The counts are the tally\u2019s (`GET /api/tally?asOf=`) on the same day. Both languages are in the JSON; `lang` is for the files.',
    query: m.AnnualReportQuery, ok: ok200(m.AnnualReport), errors: [400], why: { 400: 'No year, or a year before 1949 or after the current year.' } },
  { operationId: 'getAnnualReportDocx', ...read('/api/reports/annual.docx'), tag: 'tally',
    summary: 'The annual report as a Word file', description: 'A4, headings and Word tables, page numbers in the footer; in Chinese unless `lang=en`.',
    query: m.AnnualReportQuery, ok: file(MEDIA.docx, 'A Word document (.docx)'), errors: [400], why: { 400: 'No year, or a year before 1949 or after the current year.' } },
  { operationId: 'getAnnualReportXlsx', ...read('/api/reports/annual.xlsx'), tag: 'tally',
    summary: 'The annual report as an Excel workbook', description: 'A sheet per section with frozen headers; dates known to the day are date cells, others text as known.',
    query: m.AnnualReportQuery, ok: file(MEDIA.xlsx, 'An Excel workbook'), errors: [400], why: { 400: 'No year, or a year before 1949 or after the current year.' } },
  { operationId: 'getReportSettings', method: 'get', path: '/api/report-settings', tag: 'tally', who: 'admin',
    summary: 'Who issues the annual report', ok: ok200(m.ReportSettingsAnswer), errors: [401, 403] },
  { operationId: 'putReportSettings', ifMatch: IF_MATCH.version, method: 'put', path: '/api/report-settings', tag: 'tally', who: 'admin',
    summary: 'Change who issues the annual report', description: 'Audited.', body: m.ReportSettings, ok: ok200(m.ReportSettingsAnswer), errors: [...WRITE, 401] },
  { operationId: 'listPeriods', ...read('/api/periods'), tag: 'tally', etag: true,
    summary: 'Plan periods with targets', description: 'Oldest first, each with its Chinese `name` and English `nameEn` (empty for one stored before periods had English names), its dates (never overlapping another\u2019s) and per-type baseline and target.',
    ok: ok200(z.array(m.Period)), errors: [] },
  { operationId: 'createPeriod', method: 'post', path: '/api/periods', tag: 'tally', who: 'admin',
    summary: 'Add a plan period', description: 'Both names are required and each must be unique (the English one whatever its capitals); the dates may not share a day with another period\u2019s. Audited.',
    body: m.PeriodInput, ok: ok201(m.Period), errors: [...WRITE, 401, 409],
    why: { 409: 'Another period has this Chinese or English name (`period_name_taken`), or the dates overlap another period\u2019s (`period_overlap`); the issue names the field.' } },
  { operationId: 'updatePeriod', ifMatch: IF_MATCH.version, method: 'put', path: '/api/periods/{id}', tag: 'tally', who: 'admin',
    summary: 'Change a plan period and its targets', description: 'Replaces its names, dates and targets (a type left out has none afterwards), with the same rules as adding one. Audited.',
    body: m.PeriodInput, ok: ok200(m.Period), errors: [...WRITE, 401, 404, 409],
    why: { 409: 'Another period has this Chinese or English name (`period_name_taken`), or the dates overlap another period\u2019s (`period_overlap`); the issue names the field.' } },
];
