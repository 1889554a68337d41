/**
 * Reading a CSV import: the bytes decoded (UTF-8, GB18030/GBK, UTF-16 with BOM), then a streaming
 * RFC 4180 parser that counts columns, cells and characters per cell as each field ends and rows as
 * each row ends.
 */
import { restoreFormula } from '../cells/formula-guard';
import { decodeCsvBytes } from './decode-text';
import { IMPORT_LIMITS, importErrors, type ImportLimits } from './limits';
import { EMPTY_ZIP_MAGIC, isEncryptedOle, OLE2_MAGIC, startsWith, TableBuilder, ZIP_MAGIC, type Table, type TableCell } from './table';

// ---------------------------------------------------------------------------------------------
// CSV


const QUOTE = 34;
const CR = 13;
const LF = 10;

/** The delimiter of the first row: a tab when it has more tabs than commas (Excel's "Unicode text"), else a comma. */
function sniffDelimiter(text: string): number {
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 44) commas++;
    else if (c === 9) tabs++;
    else if ((c === LF || c === CR) && (commas > 0 || tabs > 0)) break;
  }
  return tabs > commas ? 9 : 44;
}

/**
 * Reads a CSV file: decodes it, then parses it field by field, throwing at the first limit passed.
 * Cells are text (`null` when empty or blank); quoted fields, doubled quotes, CRLF/LF/CR, and a quote
 * inside an unquoted field kept as text (as Excel does). A field the export guarded against formulas
 * (`'=…`) is read without the guard's apostrophe.
 */
export function readCsvTable(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Table {
  if (bytes.byteLength > limits.fileBytes) throw importErrors.fileTooLarge(limits);
  // An old .xls sent as a table of text (its name fooled the page) gets the same advice as one sent as Excel.
  if (startsWith(bytes, OLE2_MAGIC)) throw isEncryptedOle(bytes) ? importErrors.passwordProtected() : importErrors.oldXls();
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) throw importErrors.notCsv();
  const { text, encoding } = decodeCsvBytes(bytes);
  const table = new TableBuilder(limits);
  const delimiter = sniffDelimiter(text);
  const max = limits.cellChars;
  const len = text.length;

  let line = 1;
  let column = 0;
  let cells: TableCell[] = [];
  let pendingEmpty = 0; // empty fields not yet kept: kept only when a non-empty one follows
  let i = 0;
  for (;;) {
    column++;
    let value: string;
    if (i < len && text.charCodeAt(i) === QUOTE) {
      let field = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        const end = q < 0 ? len : q;
        if (field.length + (end - i) > max) throw importErrors.cellTooLong(limits, line, column);
        field += text.slice(i, end);
        if (q < 0) { i = len; break; } // an unterminated quote runs to the end, as in Excel
        if (text.charCodeAt(q + 1) === QUOTE) { field += '"'; i = q + 2; continue; }
        i = q + 1;
        break;
      }
      const start = i; // text after the closing quote, up to the delimiter, is kept (as Excel does)
      while (i < len) {
        const c = text.charCodeAt(i);
        if (c === delimiter || c === LF || c === CR) break;
        if (field.length + (++i - start) > max) throw importErrors.cellTooLong(limits, line, column);
      }
      value = start === i ? field : field + text.slice(start, i);
    } else {
      const start = i;
      while (i < len) {
        const c = text.charCodeAt(i);
        if (c === delimiter || c === LF || c === CR) break;
        if (++i - start > max) throw importErrors.cellTooLong(limits, line, column);
      }
      value = text.slice(start, i);
    }

    // The export's guard against formulas comes off here, where the CSV format put it on (formula-guard.ts).
    value = restoreFormula(value);
    if (value.trim() === '') pendingEmpty++;
    else {
      table.cell(line, column, value);
      for (; pendingEmpty > 0; pendingEmpty--) cells.push(null);
      cells.push(value);
    }

    if (i >= len) { table.row(line, cells); break; }
    const c = text.charCodeAt(i);
    if (c === delimiter) { i++; continue; }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    table.row(line, cells);
    if (i >= len) break; // the file's last line break ends the last row; no empty row after it
    line++;
    column = 0;
    cells = [];
    pendingEmpty = 0;
  }
  return table.table({ encoding });
}

