/**
 * The operations of spreadsheet imports (tag `import`): templates, progress, the report, the import itself.
 */
import { z } from 'zod';
import * as m from '../../../db/model';
import { MEDIA, WRITE, ok200, file, type Operation } from '../operation';

/** The 400 of an import whose rows have errors: the error and the report. */
export const ImportFailed = m.ApiError.extend({ report: m.ImportReport });

/** Every operation of imports. */
export const IMPORT_OPERATIONS: Operation[] = [
  { operationId: 'getImportTemplate', method: 'get', path: '/api/import/template.xlsx', tag: 'import', who: 'official',
    summary: 'The import template', description: 'Chinese headers, drop-down lists, an instructions sheet.',
    ok: file(MEDIA.xlsx, 'An Excel workbook'), errors: [401] },
  { operationId: 'getAuthorizedUserTemplate', method: 'get', path: '/api/import/authorized-users-template.xlsx', tag: 'import', who: 'official',
    summary: 'The authorised-user list template', description: 'A list of 用标企业 (told apart by its 用标企业名称 column) imports through POST /api/import like a product table.',
    ok: file(MEDIA.xlsx, 'An Excel workbook'), errors: [401] },
  { operationId: 'getUsageReturnTemplate', method: 'get', path: '/api/import/usage-returns-template.xlsx', tag: 'import', who: 'official',
    summary: 'The yearly usage-return template', description: 'A list of 用标报告 (told apart by its 报告年度 column and a figure: 用标数量, 产量 or 印制标志), one user and year per row, imports through POST /api/import; imported returns are accepted.',
    ok: file(MEDIA.xlsx, 'An Excel workbook'), errors: [401] },
  { operationId: 'getImportProgress', method: 'get', path: '/api/import/progress', tag: 'import', who: 'official',
    summary: 'Where the viewer\u2019s import under way stands', ok: ok200(m.ImportProgress), errors: [401] },
  { operationId: 'importReportXlsx', method: 'post', path: '/api/import/report.xlsx', tag: 'import', who: 'official',
    summary: 'The file sent back with a result column per row', description: 'A dry run: nothing is kept.',
    query: m.ImportReportQuery, body: m.ImportRequest, ok: file(MEDIA.xlsx, 'The workbook with a result column'), errors: [...WRITE, 401],
    why: { 413: 'The file is over a limit (5 MB, 40 MB unpacked, 10,000 rows, 60 columns, 400,000 cells, 5,000 characters a cell).' } },
  { operationId: 'importTable', method: 'post', path: '/api/import', tag: 'import', who: 'official',
    summary: 'Import a CSV/XLSX table', description: '`dryRun=1` reports row by row what would change and keeps nothing; otherwise all rows or none.',
    query: m.ImportQuery, body: m.ImportRequest,
    ok: [{ status: 200, description: 'The report of a dry run', schema: m.ImportReport }, { status: 201, description: 'Imported: the report', schema: m.ImportReport }],
    errors: [...WRITE, 401], badRequestSchema: z.union([m.ApiError, ImportFailed]),
    why: { 400: 'Invalid input, an unreadable file, or rows with errors (`import_failed`, nothing imported; the report is included).',
      413: 'The file is over a limit (5 MB, 40 MB unpacked, 10,000 rows, 60 columns, 400,000 cells, 5,000 characters a cell).' } },
];
