/**
 * Reading the first worksheet of an XLSX into a table: its XML read in one pass by a tokenizer (not
 * exceljs: its streaming reader walks every slot of a row up to the highest cell, 16,384 for a cell
 * in XFD, for each row of a batch before the caller sees any), with rows, columns, cells and cell
 * length checked as each cell and row ends. Empty cells are never iterated: a row is as wide as its
 * highest non-empty cell.
 */
import { IMPORT_LIMITS, importErrors, type ImportLimits } from './limits';
import { isEmpty, TableBuilder, type Table, type TableCell } from './table';
import { unpackFirstSheet, utf8, xmlUnescape, type SheetParts } from './xlsx-zip';

// ---------------------------------------------------------------------------------------------
// XLSX: the cells


/** Character data as written in the XML: entities, and OOXML's `_xHHHH_` escapes (e.g. `_x000D_`). */
function textOf(raw: string): string {
  const unescaped = raw.includes('&') ? xmlUnescape(raw) : raw;
  return unescaped.includes('_x') ? unescaped.replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : unescaped;
}

interface Tag { name: string; end: boolean; selfClosing: boolean; attrs: string }

/**
 * The most tags one part may hold: enough for the largest table the limits allow written the most
 * verbose way (every cell an inline string: 6 tags), with room for empty formatted cells; past it,
 * the part is mostly something other than the table (millions of empty cells or rows), and reading
 * on would only burn time.
 */
const maxTags = (limits: ImportLimits) => limits.cells * 8 + limits.rows * 4;

/**
 * One attribute's value from a start tag's attribute text (`r`, or `x:r`), or undefined. A plain
 * scan, no regular expression per tag.
 */
function attrValue(attrs: string, name: string): string | undefined {
  for (let from = 0; ;) {
    const k = attrs.indexOf(name, from);
    if (k < 0) return undefined;
    from = k + name.length;
    const before = k === 0 ? 32 : attrs.charCodeAt(k - 1);
    if (before > 32 && before !== 58 /* : */) continue;
    let p = from;
    while (attrs.charCodeAt(p) <= 32) p++;
    if (attrs.charCodeAt(p) !== 61 /* = */) continue;
    p++;
    while (attrs.charCodeAt(p) <= 32) p++;
    const quote = attrs[p];
    if (quote !== '"' && quote !== "'") continue;
    const end = attrs.indexOf(quote, p + 1);
    if (end < 0) return undefined;
    const raw = attrs.slice(p + 1, end);
    return raw.includes('&') ? xmlUnescape(raw) : raw;
  }
}

/**
 * Walks an XML text tag by tag, in one pass with no backtracking: start and end tags (the name
 * without its namespace prefix; attribute values may hold `>`), comments and processing instructions
 * skipped, CDATA as text. A DOCTYPE is refused (no spreadsheet has one; entity definitions are how
 * XML bombs are built). `onTag` returns true to collect the character data up to the next tag, which
 * it then receives as `text`.
 */
function walkXml(xml: string, limits: ImportLimits, onTag: (tag: Tag, text: string | null) => boolean): void {
  const n = xml.length;
  let tags = maxTags(limits);
  let collecting = false;
  let text = '';
  let i = 0;
  const tag: Tag = { name: '', end: false, selfClosing: false, attrs: '' }; // one object, refilled per tag
  for (;;) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return;
    if (collecting && lt > i) text += textOf(xml.slice(i, lt));
    const first = xml.charCodeAt(lt + 1);
    if (first === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end < 0) throw importErrors.brokenXlsx();
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw importErrors.brokenXlsx();
        if (collecting) text += xml.slice(lt + 9, end);
        i = end + 3;
      } else throw importErrors.brokenXlsx();
      continue;
    }
    if (first === 63 /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end < 0) throw importErrors.brokenXlsx();
      i = end + 2;
      continue;
    }
    const isEnd = first === 47; /* / */
    let j = isEnd ? lt + 2 : lt + 1;
    const nameStart = j;
    let colon = -1;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (c === 62 || c === 47 || c <= 32) break;
      if (c === 58) colon = j;
    }
    const name = xml.slice(colon >= 0 ? colon + 1 : nameStart, j);
    const attrStart = j;
    let quote = 0;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (quote !== 0) { if (c === quote) quote = 0; } else if (c === 34 || c === 39) quote = c;
      else if (c === 62) break;
    }
    if (j >= n) throw importErrors.brokenXlsx();
    const selfClosing = j > attrStart && xml.charCodeAt(j - 1) === 47;
    if (--tags < 0) throw importErrors.tooComplex(limits);
    tag.name = name;
    tag.end = isEnd;
    tag.selfClosing = selfClosing;
    tag.attrs = xml.slice(attrStart, selfClosing ? j - 1 : j);
    i = j + 1;
    const collected = collecting ? text : null;
    text = '';
    collecting = onTag(tag, collected);
  }
}

/** The shared strings, in order (rich-text runs joined; phonetic runs left out). */
function sharedStringsOf(xml: string, limits: ImportLimits): string[] {
  const strings: string[] = [];
  let parts: string[] = [];
  let phonetic = false;
  walkXml(xml, limits, (tag, text) => {
    if (text !== null) parts.push(text);
    if (tag.name === 'si') {
      if (tag.end || tag.selfClosing) { strings.push(parts.join('')); parts = []; } else parts = [];
    } else if (tag.name === 'rPh') phonetic = !tag.end && !tag.selfClosing;
    else if (tag.name === 't' && !tag.end && !tag.selfClosing) return !phonetic;
    return false;
  });
  return strings;
}

/** Built-in number formats that are dates or times (14–22, 45–47; 27–36 and 50–58 in Chinese, Japanese and Korean Excel). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A number format that shows a date or a time: date letters outside quotes and brackets (as exceljs decides). */
const isDateFormat = (format: string) => /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

/** For each cell style (the `s` of a cell), whether it shows a date. */
function dateStylesOf(xml: string, limits: ImportLimits): boolean[] {
  const custom = new Map<number, string>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  walkXml(xml, limits, (tag) => {
    if (tag.name === 'cellXfs') inCellXfs = !tag.end && !tag.selfClosing;
    else if (tag.name === 'numFmt' && !tag.end) {
      custom.set(Number(attrValue(tag.attrs, 'numFmtId')), attrValue(tag.attrs, 'formatCode') ?? '');
    } else if (tag.name === 'xf' && inCellXfs && !tag.end) {
      const id = Number(attrValue(tag.attrs, 'numFmtId') ?? 0);
      const format = custom.get(id);
      styles.push(format !== undefined ? isDateFormat(format) : BUILT_IN_DATE_FORMATS.has(id));
    }
    return false;
  });
  return styles;
}

const excelDate = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** A cell reference's column (`XFD12` → 16384), or null when it is not a valid reference. */
function columnOf(ref: string): number | null {
  let n = 0;
  let i = ref.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  const start = i;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  if (i === start || i - start > 3 || n > 16_384) return null;
  return n;
}

/** A cell's value from its type (`t`), its `<v>` text, its inline string, and whether its style shows a date. */
function cellValue(type: string, v: string | null, inline: string | null, isDate: boolean, strings: string[], date1904: boolean): TableCell {
  switch (type) {
    case 's': {
      const i = v === null ? NaN : Number(v);
      return Number.isInteger(i) ? strings[i] ?? null : null;
    }
    case 'inlineStr': return inline ?? v;
    case 'str': return v;
    case 'e': return v;
    case 'b': return v === null ? null : v.trim() === '1' || v.trim() === 'true';
    case 'd': {
      if (v === null) return null;
      const d = new Date(v);
      return Number.isNaN(d.getTime()) ? v : d;
    }
    default: {
      if (v === null || v.trim() === '') return inline;
      const n = Number(v);
      if (!Number.isFinite(n)) return v;
      return isDate ? excelDate(n, date1904) : n;
    }
  }
}

/**
 * Reads the sheet's rows in one pass over its XML, checking each cell as it ends and each row as it
 * ends. Only cells that hold something are looked at: a row is as wide as its highest non-empty cell,
 * and an empty cell in column XFD costs what any tag costs.
 */
function readSheet(table: TableBuilder, parts: SheetParts, limits: ImportLimits): void {
  const strings = parts.sharedStrings ? sharedStringsOf(utf8.decode(parts.sharedStrings), limits) : [];
  const dateStyles = parts.styles ? dateStylesOf(utf8.decode(parts.styles), limits) : [];
  let inSheetData = false;
  let line = 0;
  let cells: TableCell[] | null = null;
  let column = 0;
  let cell: { column: number; type: string; style: number; v: string | null; inline: string | null } | null = null;
  let inInline = false;
  let phonetic = false;
  let collecting: 'v' | 't' | null = null;

  const endCell = () => {
    const c = cell!;
    cell = null;
    const value = cellValue(c.type, c.v, c.inline, dateStyles[c.style] === true, strings, parts.date1904);
    if (isEmpty(value)) return;
    table.cell(line, c.column, value);
    cells![c.column - 1] = value;
  };
  const endRow = () => {
    table.row(line, Array.from(cells!, (c) => c ?? null));
    cells = null;
  };

  walkXml(utf8.decode(parts.sheet), limits, (tag, text) => {
    if (text !== null && cell) {
      if (collecting === 'v') cell.v = (cell.v ?? '') + text;
      else if (collecting === 't') cell.inline = (cell.inline ?? '') + text;
    }
    collecting = null;
    const { name } = tag;
    if (name === 'sheetData') { inSheetData = !tag.end && !tag.selfClosing; return false; }
    if (!inSheetData) return false;
    if (name === 'row') {
      if (tag.end) { if (cells) endRow(); return false; }
      const r = attrValue(tag.attrs, 'r');
      const n = r === undefined ? line + 1 : Number(r);
      if (!Number.isInteger(n) || n < 1 || n > 1_048_576) throw importErrors.brokenXlsx();
      line = n;
      column = 0;
      cells = [];
      if (tag.selfClosing) endRow();
      return false;
    }
    if (!cells) return false;
    if (name === 'c') {
      if (tag.end) { if (cell) endCell(); return false; }
      const r = attrValue(tag.attrs, 'r');
      const col = r === undefined ? column + 1 : columnOf(r);
      if (col === null) throw importErrors.brokenXlsx();
      column = col;
      if (tag.selfClosing) return false; // an empty cell (a style alone)
      cell = { column: col, type: attrValue(tag.attrs, 't') ?? 'n', style: Number(attrValue(tag.attrs, 's') ?? 0), v: null, inline: null };
      inInline = false;
      phonetic = false;
      return false;
    }
    if (!cell) return false;
    if (tag.end || tag.selfClosing) {
      if (name === 'is') inInline = false;
      else if (name === 'rPh') phonetic = false;
      return false;
    }
    if (name === 'v') { collecting = 'v'; return true; }
    if (name === 'is') inInline = true;
    else if (name === 'rPh') phonetic = true;
    else if (name === 't' && inInline && !phonetic) { collecting = 't'; return true; }
    return false;
  });
  if (cells) endRow(); // a row left open at the end of a cut-short sheet
}

/**
 * Reads the first visible worksheet of an XLSX file, throwing at the first limit passed: the zip is
 * checked and only the needed parts are inflated (within the unpacked limit), then the sheet's XML is
 * read in one pass with rows, columns, cells and cell length counted as they end.
 */
export async function readXlsxTable(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<Table> {
  if (bytes.byteLength > limits.fileBytes) throw importErrors.fileTooLarge(limits);
  const parts = unpackFirstSheet(bytes, limits);
  const table = new TableBuilder(limits);
  readSheet(table, parts, limits);
  return table.table({ sheetName: parts.sheetName });
}

