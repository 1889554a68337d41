/**
 * Import files as offices save them, and as attackers build them: every file here is built for real
 * (exceljs, or a zip written byte by byte), and every limit must be met while reading.
 */
import { createInflateRaw, constants, crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../server/exchange/read/decode-text';
import { IMPORT_LIMITS, ImportFileError, columnName } from '../../../server/exchange/read/limits';
import { readCsvTable, readXlsxTable } from '../../../server/exchange/read/read-table';
import { HttpError } from '../../../server/errors';

// ------------------------------------------------------------------------------------------------
// Helpers

/** GB18030/GBK bytes of the characters these tests use (ASCII passes through). */
const GBK: Record<string, [number, number]> = {
  产: [0xb2, 0xfa], 品: [0xc6, 0xb7], 名: [0xc3, 0xfb], 称: [0xb3, 0xc6], 类: [0xc0, 0xe0], 别: [0xb1, 0xf0],
  沁: [0xc7, 0xdf], 水: [0xcb, 0xae], 黄: [0xbb, 0xc6], 小: [0xd0, 0xa1], 米: [0xc3, 0xd7], 食: [0xca, 0xb3],
  用: [0xd3, 0xc3], 农: [0xc5, 0xa9], 林: [0xc1, 0xd6], 及: [0xbc, 0xb0],
};
function gbk(text: string): Uint8Array {
  return Uint8Array.from([...text].flatMap((ch) => {
    if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
    const bytes = GBK[ch];
    if (!bytes) throw new Error(`no GBK bytes for ${ch} in the test table`);
    return bytes;
  }));
}
const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string, bigEndian: boolean) => {
  const le = Buffer.from(text, 'utf16le');
  if (bigEndian) le.swap16();
  return Buffer.concat([Buffer.from(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]), le]);
};

/** Calls `read` and returns the ImportFileError it throws (failing when it throws nothing else). */
async function refusal(read: () => unknown): Promise<ImportFileError> {
  try {
    await read();
  } catch (error) {
    expect(error).toBeInstanceOf(ImportFileError);
    return error as ImportFileError;
  }
  throw new Error('expected the file to be refused');
}

interface ZipPart { name: string; data?: Uint8Array; deflated?: { data: Uint8Array; size: number; crc: number }; flags?: number }

/** A zip written byte by byte: parts deflated (or given already deflated, with their real size and CRC). */
function zip(parts: ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const packed = part.deflated ?? { data: deflateRawSync(part.data!), size: part.data!.byteLength, crc: crc32(part.data!) };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(20, 4); local.writeUInt16LE(part.flags ?? 0, 6); local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.crc, 14); local.writeUInt32LE(packed.data.byteLength, 18); local.writeUInt32LE(packed.size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0); entry.writeUInt16LE(20, 4); entry.writeUInt16LE(20, 6); entry.writeUInt16LE(part.flags ?? 0, 8);
    entry.writeUInt16LE(8, 10); entry.writeUInt32LE(packed.crc, 16); entry.writeUInt32LE(packed.data.byteLength, 20);
    entry.writeUInt32LE(packed.size, 24); entry.writeUInt16LE(name.length, 28); entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(packed.data));
    central.push(entry, name);
    offset += 30 + name.length + packed.data.byteLength;
  }
  const size = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(Math.min(parts.length, 0xfffe), 8); end.writeUInt16LE(Math.min(parts.length, 0xfffe), 10);
  end.writeUInt32LE(size, 12); end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** `count` bytes of zeros, deflated 1 MB at a time (no 200 MB buffer is ever made), with their CRC. */
function deflatedZeros(megabytes: number): { data: Uint8Array; size: number; crc: number } {
  const mb = Buffer.alloc(1 << 20);
  const block = deflateRawSync(mb, { finishFlush: constants.Z_SYNC_FLUSH }); // not final: blocks can follow
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(mb, crc);
  return { data: Buffer.concat([...Array(megabytes).fill(block), deflateRawSync(Buffer.alloc(0))]), size: megabytes << 20, crc };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** Sheet XML with inline strings: one `<row>` per array, cells from column A. */
function sheetXml(rows: string[][], padding = ''): string {
  const body = rows.map((cells, r) => `<row r="${r + 1}">${cells.map((v, c) =>
    `<c r="${columnName(c + 1)}${r + 1}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`).join('')}</row>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
    + `<sheetData>${body}</sheetData>${padding}</worksheet>`;
}

/** A minimal XLSX (as Excel lays one out), its first sheet given as XML, plus any other parts. */
function xlsx(sheet: string | Uint8Array | ZipPart, extra: ZipPart[] = []): Buffer {
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const sheetPart: ZipPart = typeof sheet === 'string' || sheet instanceof Uint8Array
    ? { name: 'xl/worksheets/sheet1.xml', data: typeof sheet === 'string' ? utf8(sheet) : sheet } : sheet;
  return zip([
    { name: '[Content_Types].xml', data: utf8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: '_rels/.rels', data: utf8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', data: utf8(`<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${R}"><sheets><sheet name="导入" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    sheetPart,
    ...extra,
  ]);
}

const toBytes = async (book: ExcelJS.Workbook) => new Uint8Array(await book.xlsx.writeBuffer());

// ------------------------------------------------------------------------------------------------
// Encodings

describe('decodeCsvBytes', () => {
  const text = '产品名称,类别\r\n沁水黄小米,食用农林产品及食品\r\n';

  it('reads GBK/GB18030, what Chinese Excel and WPS save as "CSV"', () => {
    const bytes = gbk(text);
    expect(bytes.length).toBeLessThan(utf8(text).length); // two bytes a character: really not UTF-8
    expect(decodeCsvBytes(bytes)).toEqual({ text, encoding: 'gb18030' });
    const table = readCsvTable(bytes);
    expect(table.encoding).toBe('gb18030');
    expect(table.header).toEqual(['产品名称', '类别']);
    expect(table.rows).toEqual([{ line: 2, cells: ['沁水黄小米', '食用农林产品及食品'] }]);
  });

  it('reads UTF-8 with and without a BOM (the BOM is not part of the first header)', () => {
    expect(decodeCsvBytes(utf8(text))).toEqual({ text, encoding: 'utf-8' });
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(decodeCsvBytes(withBom)).toEqual({ text, encoding: 'utf-8' });
    expect(readCsvTable(withBom).header).toEqual(['产品名称', '类别']);
  });

  it('reads UTF-16 with a BOM, little- and big-endian; Excel\'s "Unicode text" is tab-separated', () => {
    expect(decodeCsvBytes(utf16(text, false))).toEqual({ text, encoding: 'utf-16le' });
    expect(decodeCsvBytes(utf16(text, true))).toEqual({ text, encoding: 'utf-16be' });
    const tabbed = readCsvTable(utf16('产品名称\t类别\r\n沁水黄小米\t"食用农林产品及食品, 其他"\r\n', false));
    expect(tabbed.header).toEqual(['产品名称', '类别']);
    expect(tabbed.rows[0].cells).toEqual(['沁水黄小米', '食用农林产品及食品, 其他']);
  });

  it('refuses bytes no encoding reads cleanly, naming the encodings tried', async () => {
    const e = await refusal(() => decodeCsvBytes(Uint8Array.from([0x41, 0x2c, 0xff, 0x80, 0x0d, 0x0a])));
    expect(e.status).toBe(400);
    expect(e.code).toBe('undecodable');
    expect(e.zh).toContain('GB18030');
    expect(e.en).toMatch(/tried UTF-8, GB18030/);
    expect(e).toBeInstanceOf(HttpError); // the error middleware and the task worker carry its status
  });

  it('refuses a bad sequence after a BOM, NULs (UTF-16 without a BOM, binary) and U+FFFD (mojibake already)', async () => {
    expect((await refusal(() => decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0xc0, 0x41])))).code).toBe('undecodable');
    expect((await refusal(() => decodeCsvBytes(Buffer.from('a,b\r\n', 'utf16le')))).code).toBe('undecodable');
    expect((await refusal(() => decodeCsvBytes(utf8('名称\n\uFFFD\uFFFD\n')))).code).toBe('undecodable');
    expect((await refusal(() => decodeCsvBytes(utf16('a\uD800b', false)))).code).toBe('undecodable'); // a lone surrogate
  });
});

// ------------------------------------------------------------------------------------------------
// CSV

describe('readCsvTable', () => {
  it('parses quotes, doubled quotes, line breaks in cells; skips blank rows but counts them', () => {
    const table = readCsvTable(utf8('a,b,c\n"x, ""y""","two\nlines",3\n\n,,\n  ,\t\nlast,,\r\nonly-first'));
    expect(table.header).toEqual(['a', 'b', 'c']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['x, "y"', 'two\nlines', '3'] },
      { line: 6, cells: ['last'] }, // line 3 is empty, 4 and 5 are blank
      { line: 7, cells: ['only-first'] },
    ]);
  });

  it('keeps empty cells between values as null and never widens a row for trailing empty fields', () => {
    const table = readCsvTable(utf8(`h1,h2,h3\n,x,,y${','.repeat(5000)}\n`));
    expect(table.rows).toEqual([{ line: 2, cells: [null, 'x', null, 'y'] }]);
  });

  it('takes 10,000 data rows and refuses the 10,001st with 413', async () => {
    const rows = (n: number) => utf8(`name,county\n${Array.from({ length: n }, (_, i) => `p${i},140521\n`).join('')}`);
    expect(readCsvTable(rows(10_000)).rows).toHaveLength(10_000);
    const e = await refusal(() => readCsvTable(rows(10_001)));
    expect(e.status).toBe(413);
    expect(e.code).toBe('too_many_rows');
    expect(e.zh).toBe('文件超过 10000 行，请分成多个文件导入');
    expect(e.en).toBe('The file has more than 10,000 rows; split it into several files');
  });

  it('refuses a row with a value in column 61, naming the row and column', async () => {
    const cols = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`).join(',');
    expect(readCsvTable(utf8(`${cols(60)}\n${cols(60)}\n`)).rows[0].cells).toHaveLength(60);
    const e = await refusal(() => readCsvTable(utf8(`${cols(3)}\n${cols(3)}\n${cols(61)}\n`)));
    expect(e.status).toBe(413);
    expect(e.code).toBe('too_many_columns');
    expect(e.zh).toContain('第 3 行在 BI 列');
    expect(e.en).toContain('Row 3 has a value in column BI');
  });

  it('refuses a cell over 5,000 characters, quoted or not', async () => {
    const long = '黄'.repeat(5_001);
    expect(readCsvTable(utf8(`a\n${'黄'.repeat(5_000)}\n`)).rows[0].cells[0]).toHaveLength(5_000);
    for (const cell of [long, `"${long}"`, `"${'x'.repeat(4_000)}"${'y'.repeat(1_001)}`, `"${'""'.repeat(5_001)}"`]) {
      const e = await refusal(() => readCsvTable(utf8(`a,b\nx,${cell}\n`)));
      expect(e.status).toBe(413);
      expect(e.code).toBe('cell_too_long');
      expect(e.en).toContain('row 2, column B');
    }
  });

  it('refuses more than 400,000 non-empty cells', async () => {
    const row = Array.from({ length: 41 }, () => 'x').join(',');
    const e = await refusal(() => readCsvTable(utf8(`${row}\n${`${row}\n`.repeat(9_999)}`)));
    expect(e.status).toBe(413);
    expect(e.code).toBe('too_many_cells');
  });

  it('refuses a file over 5 MB before decoding it, and an Excel file sent as CSV', async () => {
    const big = new Uint8Array(IMPORT_LIMITS.fileBytes + 1).fill(0x61);
    expect((await refusal(() => readCsvTable(big))).code).toBe('file_too_large');
    expect((await refusal(() => readCsvTable(xlsx(sheetXml([['a']]))))).code).toBe('not_csv');
  });
});

// ------------------------------------------------------------------------------------------------
// XLSX

describe('readXlsxTable', () => {
  it('reads the first sheet of an Excel workbook: text, numbers, real dates, formulas, booleans, errors', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('产品');
    book.addWorksheet('说明').addRow(['not read']);
    sheet.addRow(['产品名称', '面积', '获批日期', '合计', '在册', '错误', '说明']);
    sheet.addRow(['沁水黄小米', 1200.5, new Date(Date.UTC(2024, 4, 1)), { formula: 'B2*2', result: 2401 }, true, { error: '#N/A' },
      { richText: [{ text: '富' }, { font: { bold: true }, text: '文本' }] }]);
    sheet.getCell('C2').numFmt = 'yyyy-mm-dd';
    sheet.addRow([]);
    sheet.addRow(['  ', null]); // blank: skipped, counted
    sheet.getCell('A5').value = '阳城蚕茧';
    sheet.getCell('C5').value = { formula: 'DATE(2023,3,1)', result: 44986 };
    sheet.getCell('C5').numFmt = 'yyyy"年"m"月"d"日"';
    const table = await readXlsxTable(await toBytes(book));
    expect(table.sheetName).toBe('产品');
    expect(table.header).toEqual(['产品名称', '面积', '获批日期', '合计', '在册', '错误', '说明']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['沁水黄小米', 1200.5, new Date(Date.UTC(2024, 4, 1)), 2401, true, '#N/A', '富文本'] },
      { line: 5, cells: ['阳城蚕茧', null, new Date(Date.UTC(2023, 2, 1))] },
    ]);
  });

  it('refuses at once a small file whose 2,000 rows each have one cell in column XFD', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Sheet1');
    sheet.addRow(['product_zh', 'category']);
    for (let r = 2; r <= 2_001; r++) sheet.getCell(`XFD${r}`).value = 'x';
    const bytes = await toBytes(book);
    expect(bytes.length).toBeLessThan(40_000);
    const e = await refusal(() => readXlsxTable(bytes));
    expect(e.status).toBe(413);
    expect(e.code).toBe('too_many_columns');
    expect(e.en).toContain('Row 2 has a value in column XFD');
  });

  it('never inflates pictures: a 200 MB media entry next to a valid sheet costs nothing', async () => {
    const media = deflatedZeros(200);
    const bytes = xlsx(sheetXml([['product_zh'], ['沁水黄小米']]), [{ name: 'xl/media/image1.png', deflated: media }]);
    expect(bytes.length).toBeLessThan(300_000);
    let inflated = 0; // the bomb is real: the entry unpacks to 200 MB
    await new Promise<void>((resolve, reject) => {
      const inflate = createInflateRaw().on('data', (c: Buffer) => { inflated += c.length; }).on('end', resolve).on('error', reject);
      inflate.end(media.data);
    });
    expect(inflated).toBe(200 << 20);
    const table = await readXlsxTable(bytes);
    expect(table).toEqual({ header: ['product_zh'], rows: [{ line: 2, cells: ['沁水黄小米'] }], sheetName: '导入' });
  });

  it('refuses a worksheet that inflates past 40 MB, counting the real bytes (declared sizes lie)', async () => {
    const xml = utf8(sheetXml([['product_zh'], ['x']], ' '.repeat(45 << 20)));
    const part: ZipPart = { name: 'xl/worksheets/sheet1.xml', deflated: { data: deflateRawSync(xml), size: 1000, crc: 0 } };
    const bytes = xlsx(part);
    expect(bytes.length).toBeLessThan(200_000);
    const e = await refusal(() => readXlsxTable(bytes));
    expect(e.status).toBe(413);
    expect(e.code).toBe('unpacked_too_large');
  });

  it('counts the unpacked limit over every part it reads', async () => {
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si>${' '.repeat(25 << 20)}</sst>`;
    const sheet = utf8(sheetXml([['product_zh']], ' '.repeat(25 << 20)));
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const bytes = zip([
      { name: 'xl/workbook.xml', data: utf8(`<workbook xmlns:r="${R}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      { name: 'xl/_rels/workbook.xml.rels', data: utf8(`<Relationships><Relationship Id="rId1" Type="${R}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`) },
      { name: 'xl/sharedStrings.xml', data: utf8(strings) },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
    ]);
    expect((await refusal(() => readXlsxTable(bytes))).code).toBe('unpacked_too_large');
  });

  it('stops reading a sheet of millions of empty cells (no values, so no other limit would see them)', async () => {
    const e = await refusal(() => readXlsxTable(xlsx(sheetXml([['product_zh']], '').replace('</sheetData>', `<row r="2">${'<c/>'.repeat(3_500_000)}</row></sheetData>`))));
    expect(e.status).toBe(413);
    expect(e.code).toBe('sheet_too_complex');
  });

  it('takes 10,000 data rows and refuses 10,001 with 413', async () => {
    const rows = (n: number) => [['product_zh', 'county'], ...Array.from({ length: n }, (_, i) => [`p${i}`, '140521'])];
    expect((await readXlsxTable(xlsx(sheetXml(rows(10_000))))).rows).toHaveLength(10_000);
    const e = await refusal(() => readXlsxTable(xlsx(sheetXml(rows(10_001)))));
    expect(e.status).toBe(413);
    expect(e.code).toBe('too_many_rows');
  });

  it('refuses a cell over 5,000 characters', async () => {
    const e = await refusal(() => readXlsxTable(xlsx(sheetXml([['a', 'b'], ['x', 'y'.repeat(5_001)]]))));
    expect(e.status).toBe(413);
    expect(e.code).toBe('cell_too_long');
    expect(e.zh).toContain('第 2 行 B 列');
  });

  it('refuses a zip with more than 2,000 entries without reading them', async () => {
    const many = Array.from({ length: 2_000 }, (_, i) => ({ name: `xl/media/p${i}.bin`, data: new Uint8Array(1) }));
    const e = await refusal(() => readXlsxTable(xlsx(sheetXml([['a']]), many)));
    expect(e.status).toBe(413);
    expect(e.code).toBe('too_many_entries');
  });

  it('refuses an old .xls (OLE2) with 400 not_xlsx, saying it is an old .xls to save as .xlsx', async () => {
    const xls = new Uint8Array(4096);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = await refusal(() => readXlsxTable(xls));
    expect(e.status).toBe(400);
    expect(e.code).toBe('not_xlsx');
    expect(e.zh).toBe('这是旧版 Excel（.xls）文件，请在 Excel 或 WPS 中「另存为」.xlsx 后再导入');
    expect(e.en).toMatch(/^This is an old Excel \(\.xls\) file: .*save it as \.xlsx/);
    expect(e.zh).not.toContain('密码');
  });

  it('tells a password-protected workbook (OLE2 with an EncryptionInfo stream) from an old .xls', async () => {
    const locked = new Uint8Array(4096);
    locked.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    locked.set(Buffer.from('EncryptionInfo', 'utf16le'), 1024);
    const e = await refusal(() => readXlsxTable(locked));
    expect([e.status, e.code]).toEqual([400, 'not_xlsx']);
    expect(e.zh).toContain('密码');
    expect(e.zh).not.toContain('旧版');
  });

  it('refuses encrypted entries, non-zip bytes, a cut-short zip, a zip with no workbook, and a file over 5 MB', async () => {
    const good = xlsx(sheetXml([['a']]));
    const encrypted = xlsx({ name: 'xl/worksheets/sheet1.xml', data: utf8(sheetXml([['a']])), flags: 1 });
    const cases: [Uint8Array, string, number][] = [
      [encrypted, 'not_xlsx', 400],
      [utf8('product_zh,category\n沁水黄小米,food\n'), 'not_xlsx', 400],
      [good.subarray(0, good.length - 30), 'not_xlsx', 400],
      [zip([{ name: 'word/document.xml', data: utf8('<w:document/>') }]), 'not_xlsx', 400],
      [new Uint8Array(IMPORT_LIMITS.fileBytes + 1), 'file_too_large', 413],
    ];
    for (const [bytes, code, status] of cases) {
      const e = await refusal(() => readXlsxTable(bytes));
      expect([e.code, e.status]).toEqual([code, status]);
    }
  });

  it('takes the first visible worksheet, wherever its part lives', async () => {
    const book = new ExcelJS.Workbook();
    const hidden = book.addWorksheet('lists');
    hidden.addRow(['hidden list']);
    hidden.state = 'veryHidden';
    book.addWorksheet('数据').addRows([['product_zh'], ['陵川连翘']]);
    const table = await readXlsxTable(await toBytes(book));
    expect(table.sheetName).toBe('数据');
    expect(table.rows).toEqual([{ line: 2, cells: ['陵川连翘'] }]);
  });
});
