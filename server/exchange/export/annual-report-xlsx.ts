/**
 * The annual report as an Excel workbook: a sheet per section with a bold, frozen header row. A
 * date known to the day is a real date cell; a date known only to the year or month stays text as
 * it is written (`2013年`, `2013年7月`), never padded to a day that did not happen.
 */
import type ExcelJS from 'exceljs';
import {
  formatPartialDate, LABELS, longDay, partialDateParts, REPORT_WORDS, reportCountyNames, reportPeriodLine, reportProductName,
  reportScope, reportStatRows, reportTitle, reportTotalsNote, reportTotalsTable, reportTypeName, GI_TYPES, type AnnualReport, type ReportLang,
} from '../../../db/model';

type Value = string | number | Date | null;

/** A date cell when the date is known to the day, else its text at the precision known. */
function dateValue(d: string | null, lang: ReportLang): Value {
  if (d === null) return null;
  return partialDateParts(d)?.day !== undefined ? new Date(`${d}T00:00:00Z`) : formatPartialDate(d, lang);
}

/** Adds a sheet with a bold frozen header, its rows, date cells formatted as dates, and sensible widths. */
function addSheet(book: ExcelJS.Workbook, name: string, headers: string[], rows: Value[][], widths: number[] = []): ExcelJS.Worksheet {
  const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const r of rows) {
    const row = sheet.addRow(r);
    row.eachCell((cell) => { if (cell.value instanceof Date) cell.numFmt = 'yyyy-mm-dd'; });
  }
  sheet.columns.forEach((c, i) => { c.width = widths[i] ?? 16; });
  return sheet;
}

/** The annual report as the bytes of an .xlsx workbook in one language. */
export async function annualReportXlsx(r: AnnualReport, lang: ReportLang): Promise<Uint8Array> {
  const w = REPORT_WORDS[lang];
  const c = w.col;
  const s = w.sheet;
  const product = (x: { productZh: string; productEn: string | null }) => reportProductName(x, lang);
  // Loaded when a report is first asked for: exceljs takes a quarter of a second to load, in every worker that starts.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  book.creator = r.issuer[lang];
  book.title = reportTitle(r.year, lang);

  const summary = book.addWorksheet(s.summary);
  summary.addRow([reportTitle(r.year, lang)]).font = { bold: true, size: 14 };
  summary.addRow([w.issuer, r.issuer[lang]]);
  summary.addRow([w.issuedOn, longDay(r.issuedOn, lang)]);
  summary.addRow([reportScope(r, lang)]);
  summary.addRow([reportPeriodLine(r, lang)]);
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 48;

  const table = reportTotalsTable(r, lang, (share) => share);
  const totals = addSheet(book, s.totals, table.headers, table.rows, [24]);
  totals.getColumn(table.headers.indexOf(w.col.progress) + 1).numFmt = '0%';
  totals.addRow([]);
  totals.addRow([reportTotalsNote(lang)]);
  const moves = (list: AnnualReport['newInYear']['grants']) =>
    list.map((m) => [product(m), reportCountyNames(r, m.counties, lang), reportTypeName(m.giType, m.markKind, lang), m.number, dateValue(m.on, lang)]);
  addSheet(book, s.grants, [c.product, c.counties, c.giType, c.number, c.grantedOn], moves(r.newInYear.grants), [20, 18, 30, 26, 14]);
  addSheet(book, s.filings, [c.product, c.counties, c.giType, c.appNumber, c.filedOn], moves(r.newInYear.filings), [20, 18, 30, 26, 14]);
  addSheet(book, s.users, [c.userName, c.creditCode, c.product, c.giType, c.basis, c.reference, c.from, c.status],
    r.newInYear.authorizedUsers.map((u) => [u.name, u.creditCode, product(u), LABELS.giType[u.giType][lang], LABELS.basis[u.basis][lang],
      u.reference, dateValue(u.from, lang), LABELS.authorizationStatus[u.status][lang]]), [28, 22, 20, 22, 22, 22, 14, 12]);
  addSheet(book, s.counties, [c.county, ...GI_TYPES.map((g) => LABELS.giType[g][lang]), c.newGrants, c.authorizedUsers],
    r.byCounty.map((x) => [lang === 'en' ? x.nameEn : x.nameZh, ...GI_TYPES.map((g) => x.inForce[g]), x.newGrants, x.authorizedUsers]), [18, 16, 18, 20]);
  addSheet(book, s.households, [c.item, c.value], reportStatRows(r, lang).map((x) => [x.label, x.value]), [44, 16]);
  addSheet(book, s.renewals, [c.product, c.number, c.validUntil],
    r.renewalsDueNextYear.map((x) => [lang === 'en' && x.nameEn ? x.nameEn : x.nameZh, x.number, dateValue(x.validUntil, lang)]), [20, 26, 14]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
