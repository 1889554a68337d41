/**
 * The import's report as a file to download (`POST /api/import/report.xlsx`): the file's own rows as
 * it sent them, with a result column from a check (nothing kept), for the official to fix and send again.
 */
import type { ImportRowReport } from '../../../db/model';
import type { Db } from '../../../db/open';
import { interpretImport, readImportTable, type ImportFileInput } from './import-file';
import { checkList } from './import-run';

/** What the report task is given: the file, who checks it, and the language of the result column. */
export type ImportReportInput = Omit<ImportFileInput, 'dryRun'> & { lang: 'zh' | 'en' };

/** The result of a row as one cell's text, in one language. */
function resultText(row: ImportRowReport | undefined, lang: 'zh' | 'en', example: boolean): string {
  if (example) return { zh: '模板示例行，已跳过，不导入', en: 'The template’s example row: skipped, never imported' }[lang];
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
export async function importReportXlsx(db: Db, input: ImportReportInput): Promise<Uint8Array> {
  const table = await readImportTable(input);
  const { kind, list } = interpretImport(db, table, input.today);
  const ctx = { db, viewer: input.viewer, today: input.today, visibility: input.visibility ?? 'draft' };
  const report = checkList(kind, list, ctx, { encoding: table.encoding ?? null });
  const examples = new Set(report.examples.map((e) => e.line));
  const byLine = new Map(report.rows.map((r) => [r.line, r]));
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  const sheet = book.addWorksheet(input.lang === 'zh' ? '检查结果' : 'Check result', { views: [{ state: 'frozen', ySplit: 1 }] });
  const resultHeader = input.lang === 'zh' ? '检查结果 result' : 'Result';
  sheet.addRow([...table.header, resultHeader]).font = { bold: true };
  const resultColumn = table.header.length + 1;
  for (const { line, cells } of table.rows) {
    const row = byLine.get(line);
    const added = sheet.addRow([...Array.from({ length: table.header.length }, (_, i) => cells[i] ?? null), resultText(row, input.lang, examples.has(line))]);
    const result = added.getCell(resultColumn);
    result.alignment = { wrapText: true, vertical: 'top' };
    if (row?.outcome === 'error') result.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4E4' } };
  }
  sheet.getColumn(resultColumn).width = 60;
  for (const problem of report.problems) sheet.addRow([problem[input.lang]]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
