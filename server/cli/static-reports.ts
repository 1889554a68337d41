/**
 * The annual reports of a static copy: for every year from the first recorded fact to this one, the
 * JSON the report page reads and the Word and Excel files in both languages, built by the same
 * functions as the live server's answers.
 *
 *   api/reports/annual/<year>.json  api/reports/annual/<year>.<zh|en>.docx  api/reports/annual/<year>.<zh|en>.xlsx
 */
import type { Db } from '../../db/open';
import { reportYears } from '../domain/tally/annual-report';
import type { ReplayIndex } from '../domain/tally/tally-replay';
import { annualReportFile, annualReportSnapshot, REPORT_FILE_TYPES, type ReportFormat } from '../snapshot/report-snapshot';

/** Writes every year's report through `write` (a path under the copy, and its content); returns the years written. */
export async function writeStaticReports(
  db: Db, index: ReplayIndex, today: string, write: (file: string, content: string | Uint8Array) => void,
): Promise<number[]> {
  const years = reportYears(db, today);
  for (const year of years) {
    write(`api/reports/annual/${year}.json`, annualReportSnapshot(db, index, { year, today }).text);
    for (const lang of ['zh', 'en'] as const) {
      for (const format of Object.keys(REPORT_FILE_TYPES) as ReportFormat[]) {
        const { bytes } = await annualReportFile(db, () => index, { year, today, format, lang });
        write(`api/reports/annual/${year}.${lang}.${format}`, bytes);
      }
    }
  }
  return years;
}
