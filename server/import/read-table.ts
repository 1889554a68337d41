/**
 * Reading an import file (CSV or XLSX) into a table of typed cells, with every limit checked while
 * reading, never after: a hostile file is refused (413 or 400, `ImportFileError`) after a bounded
 * amount of work.
 *
 * CSV: the bytes are decoded (UTF-8, GB18030/GBK, UTF-16 with BOM), then a streaming RFC 4180 parser
 * counts columns, cells and characters per cell as each field ends and rows as each row ends.
 *
 * XLSX: the zip is checked before anything parses it. Only the parts the table needs are inflated
 * (package and workbook relationships, the workbook, shared strings, styles, the first worksheet),
 * each with its real output counted against the unpacked limit (declared sizes are not trusted);
 * every other entry (pictures, other sheets…) is counted but never inflated. The sheet's XML is then
 * read in one pass (a tokenizer, not exceljs: its streaming reader walks every slot of a row up to the
 * highest cell, 16,384 for a cell in XFD, for each row of a batch before the caller sees any), with
 * rows, columns, cells and cell length checked as each cell and row ends. Empty cells are never
 * iterated: a row is as wide as its highest non-empty cell.
 */
import { inflateRawSync } from 'node:zlib';
import { decodeCsvBytes, type CsvEncoding } from './decode-text';
import { IMPORT_LIMITS, importErrors, type ImportLimits } from './limits';

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

const isEmpty = (v: TableCell): boolean => v === null || (typeof v === 'string' && v.trim() === '');

function headerText(v: TableCell): string {
  if (v === null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  return String(v);
}

class TableBuilder {
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

// ---------------------------------------------------------------------------------------------
// CSV

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

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
 * inside an unquoted field kept as text (as Excel does).
 */
export function readCsvTable(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Table {
  if (bytes.byteLength > limits.fileBytes) throw importErrors.fileTooLarge(limits);
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC) || startsWith(bytes, OLE2_MAGIC)) throw importErrors.notCsv();
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

// ---------------------------------------------------------------------------------------------
// XLSX: the zip, checked before anything parses it

interface ZipEntry { name: string; flags: number; method: number; compressedSize: number; localOffset: number }

/** The parts of the first worksheet, inflated within the unpacked limit. */
interface SheetParts {
  sheetName: string;
  date1904: boolean;
  sheet: Uint8Array;
  sharedStrings: Uint8Array | null;
  styles: Uint8Array | null;
}

/** Lists a zip's entries from its central directory, counting them against the limit; reads no data. */
function zipEntries(bytes: Uint8Array, limits: ImportLimits): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.byteLength;
  let eocd = -1;
  for (let p = len - 22; p >= 0 && p >= len - 22 - 0xffff; p--) {
    if (view.getUint32(p, true) === 0x06054b50) { eocd = p; break; }
  }
  if (eocd < 0) throw importErrors.brokenXlsx();
  const declared = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (declared === 0xffff || cdOffset === 0xffffffff) throw importErrors.brokenXlsx(); // ZIP64: no spreadsheet of a few MB needs it
  if (declared > limits.zipEntries) throw importErrors.tooManyEntries(limits);
  const cdEnd = cdOffset + cdSize;
  if (cdEnd > eocd) throw importErrors.brokenXlsx();

  const names = new TextDecoder('utf-8');
  const entries = new Map<string, ZipEntry>();
  let count = 0;
  for (let p = cdOffset; p < cdEnd;) {
    if (p + 46 > cdEnd || view.getUint32(p, true) !== 0x02014b50) throw importErrors.brokenXlsx();
    if (++count > limits.zipEntries) throw importErrors.tooManyEntries(limits);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > cdEnd) throw importErrors.brokenXlsx();
    if (flags & 0x41) throw importErrors.encrypted(); // bit 0: encrypted; bit 6: strong encryption
    const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength)).replace(/\\/g, '/').replace(/^\/+/, '');
    const key = name.toLowerCase(); // OPC part names are case-insensitive
    if (!entries.has(key)) entries.set(key, { name, flags, method, compressedSize, localOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Inflates one entry, counting its real output against what is left of the unpacked limit. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: { left: number }, limits: ImportLimits): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== 0x04034b50) throw importErrors.brokenXlsx();
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (entry.compressedSize === 0xffffffff || end > bytes.byteLength) throw importErrors.brokenXlsx();
  const raw = bytes.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) out = raw;
  else if (entry.method === 8) {
    try {
      out = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget.left) });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw importErrors.unpackedTooLarge(limits);
      throw importErrors.brokenXlsx();
    }
  } else throw importErrors.brokenXlsx();
  if (out.byteLength > budget.left) throw importErrors.unpackedTooLarge(limits);
  budget.left -= out.byteLength;
  return out;
}

const utf8 = new TextDecoder('utf-8');

function xmlUnescape(s: string): string {
  return s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (m, hex: string, dec: string, name: string) => {
    if (hex || dec) {
      const code = parseInt(hex ?? dec, hex ? 16 : 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()] ?? m;
  });
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = xmlUnescape(m[2] ?? m[3] ?? '');
  return out;
}

/** The start tags named `local` (any namespace prefix), with their attributes. */
function elements(xml: string, local: string): Record<string, string>[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}\\b([^>]*)>`, 'g'))].map((m) => attributes(m[1]));
}

/** An attribute by local name, whatever its prefix (`r:id`, `relationships:id`). */
const attr = (attrs: Record<string, string>, local: string) =>
  Object.entries(attrs).find(([k]) => k === local || k.endsWith(`:${local}`))?.[1];

/** Resolves a relationship's target against the folder of the part that holds it. */
function resolvePart(fromPart: string, target: string): string {
  const segments = target.startsWith('/') ? [] : fromPart.split('/').slice(0, -1);
  for (const s of target.replace(/\\/g, '/').split('/')) {
    if (s === '..') segments.pop();
    else if (s && s !== '.') segments.push(s);
  }
  return segments.join('/');
}

/** The relationships part of a part (`xl/workbook.xml` → `xl/_rels/workbook.xml.rels`). */
const relsOf = (part: string) => {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

/** Checks the zip and inflates, within the limits, the parts the first worksheet's table needs. */
function unpackFirstSheet(bytes: Uint8Array, limits: ImportLimits): SheetParts {
  if (startsWith(bytes, OLE2_MAGIC)) throw importErrors.oldXls();
  if (!startsWith(bytes, ZIP_MAGIC)) throw importErrors.notXlsx();
  const entries = zipEntries(bytes, limits);
  const budget = { left: limits.unpackedBytes };
  const read = (part: string): Uint8Array | null => {
    const entry = entries.get(part.toLowerCase());
    return entry ? inflateEntry(bytes, entry, budget, limits) : null;
  };
  const readText = (part: string) => { const b = read(part); return b ? utf8.decode(b) : null; };
  const relationships = (xml: string | null) => (xml ? elements(xml, 'Relationship') : [])
    .filter((r) => r.TargetMode !== 'External')
    .map((r) => ({ id: r.Id ?? '', type: r.Type ?? '', target: r.Target ?? '' }));

  const root = relationships(readText('_rels/.rels')).find((r) => r.type.endsWith('/officeDocument'));
  const workbookPart = root ? resolvePart('', root.target) : 'xl/workbook.xml';
  const workbook = readText(workbookPart);
  if (workbook === null) throw importErrors.notXlsx();
  const rels = relationships(readText(relsOf(workbookPart)));
  const target = (r: { target: string }) => resolvePart(workbookPart, r.target);

  const worksheets = elements(workbook, 'sheet').flatMap((s) => {
    const rel = rels.find((r) => r.id === attr(s, 'id') && r.type.endsWith('/worksheet'));
    return rel ? [{ name: s.name ?? '', hidden: s.state === 'hidden' || s.state === 'veryHidden', part: target(rel) }] : [];
  });
  const first = worksheets.find((s) => !s.hidden) ?? worksheets[0];
  if (!first) throw importErrors.noSheet();
  const sheet = read(first.part);
  if (sheet === null) throw importErrors.brokenXlsx();
  const part = (type: string) => { const rel = rels.find((r) => r.type.endsWith(type)); return rel ? read(target(rel)) : null; };
  const workbookPr = elements(workbook, 'workbookPr')[0] ?? {};
  return {
    sheetName: first.name,
    date1904: workbookPr.date1904 === '1' || workbookPr.date1904 === 'true',
    sheet,
    sharedStrings: part('/sharedStrings'),
    styles: part('/styles'),
  };
}

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
