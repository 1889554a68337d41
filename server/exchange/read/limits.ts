/**
 * What an import file may hold, and the error that refuses one. The limits are checked while a file
 * is read (bytes before anything else, unpacked size while inflating, rows, columns, cells and cell
 * length as rows arrive), so a hostile file is refused after a bounded amount of work.
 *
 * `ImportFileError` is an `HttpError` (so the error middleware and the task worker's failure
 * message carry its status and code unchanged) with the message in both languages.
 */
import { HttpError } from '../../errors';

/** The limits on one import file. */
export interface ImportLimits {
  /** Bytes of the file as uploaded. */
  readonly fileBytes: number;
  /** Bytes inflated from an XLSX's zip, all entries read together. */
  readonly unpackedBytes: number;
  /** Data rows (the header and blank rows not counted). */
  readonly rows: number;
  /** The highest column that holds a value, in any row. */
  readonly columns: number;
  /** Non-empty cells in the whole table, header included. */
  readonly cells: number;
  /** Characters in one cell. */
  readonly cellChars: number;
  /** Entries in an XLSX's zip (all of them, read or not). */
  readonly zipEntries: number;
}

/** The limits every import is read with. */
export const IMPORT_LIMITS: ImportLimits = Object.freeze({
  fileBytes: 5 * 1024 * 1024,
  unpackedBytes: 40 * 1024 * 1024,
  rows: 10_000,
  columns: 60,
  cells: 400_000,
  cellChars: 5_000,
  zipEntries: 2_000,
});

/** A file that cannot be imported: 413 when it is too big in some way, 400 when it cannot be read. */
export class ImportFileError extends HttpError {
  declare readonly status: 400 | 413;

  constructor(
    status: 400 | 413,
    code: string,
    /** What is wrong and what to do, in Chinese. */
    readonly zh: string,
    /** The same in English. */
    readonly en: string,
  ) {
    super(status, code, `${zh} / ${en}`);
    this.name = 'ImportFileError';
  }
}

const n = (x: number) => x.toLocaleString('en-US');
const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** The column's letters as the sheet shows them (1 → A, 27 → AA, 16384 → XFD). */
export function columnName(column: number): string {
  let s = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** The errors an import file can meet, each with its code and both messages. */
export const importErrors = {
  fileTooLarge: (limits: ImportLimits) => new ImportFileError(413, 'file_too_large',
    `文件超过 ${mb(limits.fileBytes)}，请分成多个文件导入`,
    `The file is larger than ${mb(limits.fileBytes)}; split it into several files`),
  tooManyRows: (limits: ImportLimits) => new ImportFileError(413, 'too_many_rows',
    `文件超过 ${limits.rows} 行，请分成多个文件导入`,
    `The file has more than ${n(limits.rows)} rows; split it into several files`),
  tooManyColumns: (limits: ImportLimits, line: number, column: number) => new ImportFileError(413, 'too_many_columns',
    `第 ${line} 行在 ${columnName(column)} 列有内容，超过了 ${limits.columns} 列；请删除多余的列（导入模板只用前 ${limits.columns} 列以内）后再导入`,
    `Row ${line} has a value in column ${columnName(column)}, beyond ${limits.columns} columns; delete the extra columns (the template uses fewer) and import again`),
  tooManyCells: (limits: ImportLimits) => new ImportFileError(413, 'too_many_cells',
    `文件的非空单元格超过 ${limits.cells} 个，请分成多个文件导入`,
    `The file has more than ${n(limits.cells)} non-empty cells; split it into several files`),
  cellTooLong: (limits: ImportLimits, line: number, column: number) => new ImportFileError(413, 'cell_too_long',
    `第 ${line} 行 ${columnName(column)} 列的内容超过 ${limits.cellChars} 个字符，请缩短后再导入`,
    `The cell in row ${line}, column ${columnName(column)} has more than ${n(limits.cellChars)} characters; shorten it and import again`),
  unpackedTooLarge: (limits: ImportLimits) => new ImportFileError(413, 'unpacked_too_large',
    `Excel 文件解压后超过 ${mb(limits.unpackedBytes)}，请只保留要导入的表格（删除图片和其他工作表）或分成多个文件`,
    `The Excel file unpacks to more than ${mb(limits.unpackedBytes)}; keep only the table to import (remove pictures and other sheets) or split it into several files`),
  tooManyEntries: (limits: ImportLimits) => new ImportFileError(413, 'too_many_entries',
    `Excel 文件包含的部件超过 ${limits.zipEntries} 个，请把表格复制到新建的工作簿后再导入`,
    `The Excel file holds more than ${n(limits.zipEntries)} parts; copy the table into a new workbook and import that`),
  tooComplex: (limits: ImportLimits) => new ImportFileError(413, 'sheet_too_complex',
    `Excel 表格里的空白单元格、空行或格式过多（超出 ${limits.rows} 行、${limits.columns} 列的表格所需），请把要导入的数据复制到新建的工作簿后再导入`,
    `The sheet holds far more empty cells, empty rows or formatting than a table of ${n(limits.rows)} rows and ${limits.columns} columns needs; copy the data into a new workbook and import that`),
  notXlsx: () => new ImportFileError(400, 'not_xlsx',
    '这不是 Excel（.xlsx）文件，请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”后再导入；CSV 文件请按 CSV 导入',
    'This is not an Excel (.xlsx) file; save it as "Excel Workbook (*.xlsx)" in Excel or WPS and import again (import a CSV file as CSV)'),
  oldXls: () => new ImportFileError(400, 'not_xlsx',
    '这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中「另存为」.xlsx 后再导入',
    'This is an old Excel (.xls) file: in Excel or WPS, use “Save As” to save it as .xlsx, then import that'),
  passwordProtected: () => new ImportFileError(400, 'not_xlsx',
    '这个 Excel 文件设了打开密码，无法读取。请在 Excel 或 WPS 中去掉密码，「另存为」.xlsx 后再导入',
    'This Excel file has an opening password and cannot be read: remove the password in Excel or WPS, use “Save As” to save it as .xlsx, then import that'),
  encrypted: () => new ImportFileError(400, 'not_xlsx',
    '这不是可读取的 Excel（.xlsx）文件：其中的内容已加密。请去掉密码，另存为“Excel 工作簿（*.xlsx）”后再导入',
    'This is not a readable Excel (.xlsx) file: its contents are encrypted. Remove the password, save it as "Excel Workbook (*.xlsx)" and import again'),
  brokenXlsx: () => new ImportFileError(400, 'not_xlsx',
    '这不是完整的 Excel（.xlsx）文件，可能已损坏或未传完。请在 Excel 或 WPS 中打开并重新另存为 .xlsx 后再导入',
    'This is not a complete Excel (.xlsx) file; it may be damaged or cut short. Open it in Excel or WPS, save it again as .xlsx and import again'),
  noSheet: () => new ImportFileError(400, 'no_sheet',
    'Excel 文件里没有工作表，请把要导入的表格放在第一个工作表',
    'The Excel file has no worksheet; put the table to import on the first sheet'),
  notCsv: () => new ImportFileError(400, 'not_csv',
    '这是 Excel 文件，不是 CSV 文件；请按 Excel（.xlsx）导入，或在 Excel 中另存为“CSV UTF-8”',
    'This is an Excel file, not a CSV file; import it as Excel (.xlsx), or save it as "CSV UTF-8" in Excel'),
  undecodable: (tried: string) => new ImportFileError(400, 'undecodable',
    `无法识别文件的文字编码（已尝试 ${tried}），请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或在 WPS 中另存为 CSV 后再导入`,
    `The file's text encoding cannot be read cleanly (tried ${tried}); save it as "CSV UTF-8 (Comma delimited)" in Excel, or as CSV in WPS, and import again`),
} as const;
