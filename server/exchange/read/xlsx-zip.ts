/**
 * An XLSX's zip, checked before anything parses it: only the parts a table needs are inflated
 * (package and workbook relationships, the workbook, shared strings, styles, the first worksheet),
 * each with its real output counted against the unpacked limit (declared sizes are not trusted);
 * every other entry (pictures, other sheets…) is counted but never inflated.
 */
import { inflateRawSync } from 'node:zlib';
import { importErrors, type ImportLimits } from './limits';
import { isEncryptedOle, OLE2_MAGIC, startsWith, ZIP_MAGIC } from './table';

// ---------------------------------------------------------------------------------------------
// XLSX: the zip, checked before anything parses it

interface ZipEntry { name: string; flags: number; method: number; compressedSize: number; localOffset: number }

/** The parts of the first worksheet, inflated within the unpacked limit. */
/** What the worksheet reader needs from the zip. */
export interface SheetParts {
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

/** A UTF-8 decoder for the XML parts. */
export const utf8 = new TextDecoder('utf-8');

/** XML text with its entities replaced. */
export function xmlUnescape(s: string): string {
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
/** The parts of the first visible worksheet, inflated within the limits. */
export function unpackFirstSheet(bytes: Uint8Array, limits: ImportLimits): SheetParts {
  if (startsWith(bytes, OLE2_MAGIC)) throw isEncryptedOle(bytes) ? importErrors.passwordProtected() : importErrors.oldXls();
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

