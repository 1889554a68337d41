/**
 * An import from the file to the report, as a task worker runs it: read the table within the limits,
 * read each cell, apply the rows — products, or authorised users when the header is a user list's
 * (user-columns.ts) — or check them in a dry run, reporting progress as it goes. Also
 * the downloadable report: the file's own rows with a result column, for the official to fix and send again.
 */
import type { Db } from '../../../db/open';
import type { ImportProgress, ImportReport, ImportRowReport } from '../../../db/model';
import * as t from '../../../db/schema';
import { importRows } from './import-products';
import { importAuthorizedUserRows } from './import-authorized-users';
import type { SignedIn } from '../../domain/access/viewer';
import { interpretTable } from './interpret-products';
import { interpretUserTable } from './interpret-users';
import { readCsvTable, readXlsxTable, type Table } from '../read/read-table';
import { isUserTable } from '../sheets/user-columns';

/** What an import task is given: the file, who imports it, and whether to keep anything. */
export interface ImportFileInput {
  format: 'csv' | 'xlsx';
  data: Uint8Array;
  viewer: SignedIn;
  dryRun: boolean;
  today: string;
}

function readTable(input: ImportFileInput): Table | Promise<Table> {
  return input.format === 'csv' ? readCsvTable(input.data) : readXlsxTable(input.data);
}

function check(db: Db, table: Table, input: ImportFileInput, progress: (p: ImportProgress) => void): ImportReport {
  const counties = db.select({ code: t.counties.code, nameZh: t.counties.nameZh, nameEn: t.counties.nameEn }).from(t.counties).all();
  const total = table.rows.length;
  progress({ phase: 'checking', done: 0, total });
  const options = {
    dryRun: input.dryRun, today: input.today, encoding: table.encoding ?? null,
    onProgress: (done: number) => progress({ phase: input.dryRun ? 'checking' : 'writing', done, total }),
  };
  // A list of authorised users (用标企业) is told apart by its header; any other table is of products.
  if (isUserTable(table.header)) return importAuthorizedUserRows(db, input.viewer, interpretUserTable(table, input.today), options);
  return importRows(db, input.viewer, interpretTable(table, counties, input.today), options);
}

/** Imports (or checks) a file as `input.viewer`; `progress` hears each phase and every 200 rows. */
export async function importFile(db: Db, input: ImportFileInput, progress: (p: ImportProgress) => void): Promise<ImportReport> {
  progress({ phase: 'reading', done: 0, total: 0 });
  const report = check(db, await readTable(input), input, progress);
  progress({ phase: 'done', done: report.rows.length, total: report.rows.length });
  return report;
}

/** The result of a row as one cell's text, in one language. */
function resultText(row: ImportRowReport | undefined, lang: 'zh' | 'en'): string {
  if (!row) return '';
  const head = {
    created: { zh: '将新建', en: 'Will be created' }, updated: { zh: '将更新', en: 'Will be updated' },
    unchanged: { zh: '无变化', en: 'No change' }, error: { zh: '有错误，请改正', en: 'Fix this row' },
  }[row.outcome][lang];
  const lines = row.outcome === 'error'
    ? row.problems.map((p) => (p.column ? `${p.column}：${p[lang]}` : p[lang]))
    : row.changes.map((c) => c[lang]);
  return [head, ...lines].join('\n');
}

/** The file's rows as it sent them, with a result column (a dry run's), as an XLSX workbook. */
export async function importReportXlsx(db: Db, input: ImportFileInput & { lang: 'zh' | 'en' }): Promise<Uint8Array> {
  const table = await readTable(input);
  const report = check(db, table, { ...input, dryRun: true }, () => {});
  const byLine = new Map(report.rows.map((r) => [r.line, r]));
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  const sheet = book.addWorksheet(input.lang === 'zh' ? '检查结果' : 'Check result', { views: [{ state: 'frozen', ySplit: 1 }] });
  const resultHeader = input.lang === 'zh' ? '检查结果 result' : 'Result';
  sheet.addRow([...table.header, resultHeader]).font = { bold: true };
  const resultColumn = table.header.length + 1;
  for (const { line, cells } of table.rows) {
    const row = byLine.get(line);
    const added = sheet.addRow([...Array.from({ length: table.header.length }, (_, i) => cells[i] ?? null), resultText(row, input.lang)]);
    const result = added.getCell(resultColumn);
    result.alignment = { wrapText: true, vertical: 'top' };
    if (row?.outcome === 'error') result.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4E4' } };
  }
  sheet.getColumn(resultColumn).width = 60;
  for (const problem of report.problems) sheet.addRow([problem[input.lang]]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
