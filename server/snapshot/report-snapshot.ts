/**
 * The annual report's answers: the JSON (a ready body per registry version, year and day) and the
 * Word and Excel files, each built from one consistent read of the registry. The live server runs
 * them in a task worker; a static-site build calls them directly.
 */
import type { Db } from '../../db/open';
import { reportFileName, type ReportLang } from '../../db/model';
import { annualReport } from '../domain/tally/annual-report';
import { annualReportDocx } from '../exchange/export/annual-report-docx';
import { annualReportXlsx } from '../exchange/export/annual-report-xlsx';
import type { ReplayIndex } from '../domain/tally/tally-replay';
import type { SnapshotText } from './public-snapshot';

/** Which report: a year (already checked against today), and today (its as-of date while the year runs, and its date). */
export interface AnnualReportRequest { year: number; today: string }

/** The formats of the report's files, with their media types. */
export const REPORT_FILE_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
/** A format of the report's files. */
export type ReportFormat = keyof typeof REPORT_FILE_TYPES;

/** The annual report as JSON (GET /api/reports/annual). */
export function annualReportSnapshot(db: Db, index: ReplayIndex, { year, today }: AnnualReportRequest): SnapshotText {
  return { type: 'application/json; charset=utf-8', text: JSON.stringify(annualReport(db, year, today, index)) };
}

/**
 * The annual report as a .docx or .xlsx file in one language, with the name to download it as.
 * `index` gives the replay index of the registry version read (asked for inside the read transaction).
 */
export async function annualReportFile(
  db: Db, index: () => ReplayIndex, { year, today, format, lang }: AnnualReportRequest & { format: ReportFormat; lang: ReportLang },
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const report = db.transaction(() => annualReport(db, year, today, index()));
  const bytes = format === 'docx' ? await annualReportDocx(report, lang) : await annualReportXlsx(report, lang);
  return { bytes, fileName: `${reportFileName(year, lang)}.${format}` };
}
