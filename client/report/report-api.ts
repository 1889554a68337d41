/**
 * The annual report's addresses and calls: the page's URL state (`?year=`), the report's JSON, its
 * Word and Excel files (on the live server, or the files a static copy keeps), and the issuer setting.
 */
import { reportFileName, todayInShanghai, type AnnualReport, type ReportLang, type ReportSettings, type ReportSettingsAnswer } from '../../db/model';
import { apiGet, apiSend } from '../lib/api';
import { isStaticCopy } from '../lib/static-copy';
import { staticFileOf } from '../lib/static-api';
import { appHref } from '../lib/base-path';

/** The current year in Asia/Shanghai: the latest year a report can be asked for. */
export function currentYear(): number {
  return Number(todayInShanghai().slice(0, 4));
}

/**
 * The year a report page shows: `?year=` when it is a year from 1949 to this one, else the last year
 * that is over (an annual report is of a finished year).
 */
export function readReportYear(search: string): number {
  const year = Number(new URLSearchParams(search).get('year'));
  return Number.isInteger(year) && year >= 1949 && year <= currentYear() ? year : currentYear() - 1;
}

/** The report page of a year. */
export function reportPageUrl(year: number): string {
  return `/reports/annual?year=${year}`;
}

/** Where a year's Word or Excel file is downloaded from, and the name to save it as. */
export function reportFile(year: number, format: 'docx' | 'xlsx', lang: ReportLang): { href: string; name: string } {
  const api = `/api/reports/annual.${format}?year=${year}${lang === 'en' ? '&lang=en' : ''}`;
  return { href: appHref(isStaticCopy() ? staticFileOf(api) ?? api : api), name: `${reportFileName(year, lang)}.${format}` };
}

/** The calls of the report page and the issuer form. */
export const reportApi = {
  annual: (year: number, signal?: AbortSignal) => apiGet<AnnualReport>(`/api/reports/annual?year=${year}`, signal),
  settings: (signal?: AbortSignal) => apiGet<ReportSettingsAnswer>('/api/report-settings', signal),
  /** Replaces the issuer; `version` is the settings' version as shown (server/versions.ts). */
  saveSettings: (settings: ReportSettings, version: string | undefined) =>
    apiSend<ReportSettingsAnswer>('PUT', '/api/report-settings', settings, version),
};
