/**
 * An old Excel workbook (.xls, Excel 97–2003): a BIFF8 "Workbook" stream of one sheet of text cells
 * (shared strings, as Excel and WPS write them) inside an OLE compound file, the container every .xls
 * is. Nothing on npm writes this format any more, and the import must recognise it to refuse it with
 * advice, so the tests build one by the book (MS-XLS, MS-CFB): python's xlrd reads it back.
 */

/** One BIFF record: type, length, data. */
function record(type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

const u16 = (...values: number[]) => Buffer.from(new Uint16Array(values).buffer);
const u32 = (...values: number[]) => Buffer.from(new Uint32Array(values).buffer);

/** BOF of a BIFF8 substream: 0x0005 the workbook globals, 0x0010 a worksheet. */
const bof = (kind: number) => record(0x0809, Buffer.concat([u16(0x0600, kind, 0x0dbb, 0x07cc), u32(0, 0x0006)]));
const eof = () => record(0x000a, Buffer.alloc(0));

/** The records of the workbook globals, with the sheet's BOF at `sheetAt` bytes into the stream. */
function globals(sheetName: string, strings: readonly string[], sheetAt: number): Buffer {
  const name = Buffer.from(sheetName, 'utf16le');
  const sst = Buffer.concat([u32(strings.length, strings.length),
    ...strings.map((s) => Buffer.concat([u16(s.length), Buffer.from([1]), Buffer.from(s, 'utf16le')]))]);
  return Buffer.concat([
    bof(0x0005),
    record(0x0042, u16(1200)), // CODEPAGE: UTF-16
    record(0x003d, u16(0, 0, 0x4000, 0x2000, 0x0038, 0, 0, 1, 0x0258)), // WINDOW1
    record(0x0031, Buffer.concat([u16(200, 0, 0x7fff, 400, 0), Buffer.from([0, 0, 0, 0]), Buffer.from([5, 1]), Buffer.from('Arial', 'utf16le')])), // FONT
    record(0x0085, Buffer.concat([u32(sheetAt), Buffer.from([0, 0, sheetName.length, 1]), name])), // BOUNDSHEET8
    record(0x00fc, sst), // SST
    eof(),
  ]);
}

/** The records of the worksheet: every cell a LABELSST into the shared strings. */
function worksheet(rows: readonly (readonly string[])[], indexOf: (s: string) => number): Buffer {
  const columns = Math.max(...rows.map((r) => r.length));
  return Buffer.concat([
    bof(0x0010),
    record(0x0200, Buffer.concat([u32(0, rows.length), u16(0, columns, 0)])), // DIMENSIONS
    ...rows.flatMap((row, r) => row.map((text, c) => record(0x00fd, Buffer.concat([u16(r, c, 15), u32(indexOf(text))])))), // LABELSST
    record(0x023e, u16(0x06b6, 0, 0, 0x40, 0, 0, 0, 0, 0)), // WINDOW2
    eof(),
  ]);
}

/** The compound file holding one stream, "Workbook": a FAT sector, the stream's sectors, a directory sector. */
function compoundFile(stream: Buffer): Buffer {
  const SECTOR = 512;
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  // At 4,096 bytes and more a stream lives in ordinary sectors (smaller ones would need the mini stream).
  const body = Buffer.concat([stream, Buffer.alloc(Math.max(4096, Math.ceil(stream.length / SECTOR) * SECTOR) - stream.length)]);
  const streamSectors = body.length / SECTOR;
  const directoryAt = 1 + streamSectors;
  if (directoryAt + 1 > SECTOR / 4) throw new Error('too large for one FAT sector');

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  u16(0x003e, 0x0003, 0xfffe, 9, 6).copy(header, 24); // versions, byte order, 512-byte sectors, 64-byte mini sectors
  u32(0, 1, directoryAt, 0, 4096, END, 0, END, 0).copy(header, 40); // 1 FAT sector, the directory, mini cutoff, no mini FAT or DIFAT
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + 4 * i); // the FAT is sector 0

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0 is the FAT itself
  for (let s = 1; s <= streamSectors; s++) fat.writeUInt32LE(s === streamSectors ? END : s + 1, 4 * s);
  fat.writeUInt32LE(END, 4 * directoryAt);

  const entry = (name: string, type: number, child: number, start: number, size: number) => {
    const e = Buffer.alloc(128);
    if (type === 0) { u32(FREE, FREE, FREE).copy(e, 68); return e; }
    Buffer.from(`${name}\0`, 'utf16le').copy(e, 0);
    e.writeUInt16LE((name.length + 1) * 2, 64);
    e[66] = type;
    e[67] = 1; // black
    u32(FREE, FREE, child).copy(e, 68);
    u32(start, size).copy(e, 116);
    return e;
  };
  const directory = Buffer.concat([
    entry('Root Entry', 5, 1, END, 0),
    entry('Workbook', 2, FREE, 1, body.length),
    entry('', 0, 0, 0, 0),
    entry('', 0, 0, 0, 0),
  ]);
  return Buffer.concat([header, fat, body, directory]);
}

/** An .xls workbook of one sheet whose cells are these rows of text (the first row a header, as an official's old list). */
export function oldXls(rows: readonly (readonly string[])[], sheetName = 'Sheet1'): Buffer {
  const strings = [...new Set(rows.flat())];
  const indexOf = (s: string) => strings.indexOf(s);
  const sheetAt = globals(sheetName, strings, 0).length;
  return compoundFile(Buffer.concat([globals(sheetName, strings, sheetAt), worksheet(rows, indexOf)]));
}
