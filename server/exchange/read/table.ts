/**
 * A table read from an import file: the header and its rows of typed cells, built row by row with
 * the limits on rows, columns, cells and cell length checked as each cell and row ends.
 */
import type { CsvEncoding } from './decode-text';
import { importErrors, type ImportLimits } from './limits';

/** One cell: text, a number, a date (a UTC instant, as Excel's dates are), a boolean, or nothing. */
export type TableCell = string | number | Date | boolean | null;

/** One non-blank row: its number as the sheet shows it, and its cells (index 0 is column A). */
export interface TableRow { line: number; cells: TableCell[] }

/** A file's first table: the header (the first non-blank row, as text) and the non-blank rows under it. */
export interface Table {
  header: string[];
  rows: TableRow[];
  /** The worksheet's name (XLSX). */
  sheetName?: string;
  /** The encoding the text was read in (CSV). */
  encoding?: CsvEncoding;
}

// ---------------------------------------------------------------------------------------------
// The table, with its limits counted as cells and rows arrive

/** Whether a cell holds nothing (null or blank text). */
export const isEmpty = (v: TableCell): boolean => v === null || (typeof v === 'string' && v.trim() === '');

function headerText(v: TableCell): string {
  if (v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

/** Builds a table row by row, checking the limits as cells and rows arrive. */
export class TableBuilder {
  header: string[] | null = null;
  readonly rows: TableRow[] = [];
  private cellCount = 0;

  constructor(private readonly limits: ImportLimits) {}

  /** Checks one non-empty cell at (line, column 1-based) before it is kept. */
  cell(line: number, column: number, value: TableCell): void {
    if (column > this.limits.columns) throw importErrors.tooManyColumns(this.limits, line, column);
    if (typeof value === 'string' && value.length > this.limits.cellChars) throw importErrors.cellTooLong(this.limits, line, column);
    if (++this.cellCount > this.limits.cells) throw importErrors.tooManyCells(this.limits);
  }

  /** Ends a row whose non-empty cells were all checked; a row with none is blank and skipped. */
  row(line: number, cells: TableCell[]): void {
    if (cells.length === 0) return;
    if (this.header === null) { this.header = cells.map(headerText); return; }
    if (this.rows.length >= this.limits.rows) throw importErrors.tooManyRows(this.limits);
    this.rows.push({ line, cells });
  }

  table(extra: Partial<Table>): Table {
    return { header: this.header ?? [], rows: this.rows, ...extra };
  }
}

/** Whether bytes begin with a file signature. */
export const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
/** A zip's signature (an XLSX), an empty zip's, and an old binary Office file's (.xls). */
export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
export const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
export const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** "EncryptionInfo" as an OLE2 directory names a stream (UTF-16LE): the mark of a password-protected .xlsx. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** Whether an OLE2 file is a password-protected workbook (an .xlsx wrapped in encryption) rather than an old .xls. */
export const isEncryptedOle = (bytes: Uint8Array): boolean => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO);
