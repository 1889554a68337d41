/**
 * Gzip bodies put together from pieces compressed apart. Each piece is raw deflate made by a fresh
 * stream (so it refers to nothing before it) and ended by a sync flush (so it ends on a byte
 * boundary): pieces in a row are one deflate stream, and the gzip member around them needs only the
 * CRC-32 of the whole, combined from the pieces' own as zlib's `crc32_combine` does. A few bytes that
 * differ per request (a date) go in as a stored block: no compression at all.
 */
import zlib from 'node:zlib';

/** Deflated bytes that stand for `length` bytes with CRC-32 `crc`. */
export interface Piece {
  /** Raw deflate, not final, ending on a byte boundary: one buffer, or several to write one after another. */
  deflated: Buffer[];
  crc: number;
  length: number;
  /** x^(8·length) modulo the CRC polynomial: what carries a CRC of bytes before the piece past it. */
  shift: number;
}

/** The CRC-32 polynomial, reflected. */
const POLY = 0xedb88320;

/** a(x)·b(x) modulo the CRC polynomial (zlib's multmodp). */
function multiply(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  while (m !== 0) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0…31. */
const X2N = (() => {
  const table = new Uint32Array(32);
  let p = 1 << 30; // x¹
  table[0] = p;
  for (let n = 1; n < 32; n++) table[n] = p = multiply(p, p);
  return table;
})();

/** x^(8·bytes) modulo the polynomial (zlib's x2nmodp(bytes, 3)). */
function shiftPast(bytes: number): number {
  let p = 0x80000000; // x⁰
  for (let k = 3; bytes > 0; bytes = Math.floor(bytes / 2), k++) if (bytes % 2) p = multiply(X2N[k & 31], p);
  return p;
}

/** The CRC-32 of some bytes then a piece's, from the CRC of the first and the piece. */
function crcThen(crc: number, piece: Piece): number {
  return (multiply(piece.shift, crc) ^ piece.crc) >>> 0;
}

/** Deflate settings of a piece (level 6, as the gzip of ready bodies). */
const DEFLATE: zlib.ZlibOptions = { level: 6, finishFlush: zlib.constants.Z_SYNC_FLUSH };

/** A piece of `bytes` deflated. */
export function deflatePiece(bytes: Buffer): Piece {
  return { deflated: [zlib.deflateRawSync(bytes, DEFLATE)], crc: zlib.crc32(bytes), length: bytes.length, shift: shiftPast(bytes.length) };
}

/** The largest stored block. */
const STORED_MAX = 0xffff;

/** The header of a stored block of `length` bytes (not final; its first byte's other five bits pad to the byte). */
function storedHeader(target: Buffer, at: number, length: number): void {
  target[at] = 0;
  target.writeUInt16LE(length, at + 1);
  target.writeUInt16LE(~length & 0xffff, at + 3);
}

/** A piece of `bytes` as they are, in stored blocks: no time spent compressing, five bytes more per 64 KB. */
export function storedPiece(bytes: Buffer): Piece {
  const blocks = Math.max(1, Math.ceil(bytes.length / STORED_MAX));
  const out = Buffer.allocUnsafe(bytes.length + 5 * blocks);
  for (let b = 0, at = 0; b < blocks; b++) {
    const part = bytes.subarray(b * STORED_MAX, (b + 1) * STORED_MAX);
    storedHeader(out, at, part.length);
    at += 5 + part.copy(out, at + 5);
  }
  return { deflated: [out], crc: zlib.crc32(bytes), length: bytes.length, shift: shiftPast(bytes.length) };
}

/**
 * Pieces in a row as one piece, their CRCs combined: their buffers in one list (nothing copied), or
 * with `copy`, copied into one buffer.
 */
export function joinPieces(pieces: readonly Piece[], { copy = false } = {}): Piece {
  let crc = 0;
  let length = 0;
  for (const p of pieces) {
    crc = length === 0 ? p.crc : crcThen(crc, p);
    length += p.length;
  }
  const buffers = pieces.flatMap((p) => p.deflated);
  return { deflated: copy ? [Buffer.concat(buffers)] : buffers, crc, length, shift: shiftPast(length) };
}

/** The bytes of a piece's deflate. */
export function deflatedBytes(piece: Piece): number {
  let bytes = 0;
  for (const b of piece.deflated) bytes += b.length;
  return bytes;
}

/** The gzip header: deflate, no name or time, from a Unix system (as zlib writes it). */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
/** An empty final block (fixed Huffman codes, end of block): what ends the deflate stream. */
const FINAL_BLOCK = Buffer.from([3, 0]);

/**
 * A gzip member of `lead`, then `dated` as they are (a stored block, at most 64 KB), then `rest`: as
 * buffers to write one after another (the pieces' own bytes, not copied), and their total length.
 */
export function gzipMember(lead: Piece, dated: Buffer, rest: readonly Piece[]): { parts: Buffer[]; length: number } {
  if (dated.length > 0xffff) throw new RangeError('gzipMember: the dated bytes are one stored block');
  let crc = zlib.crc32(dated, lead.crc);
  let length = lead.length + dated.length;
  for (const p of rest) {
    crc = crcThen(crc, p);
    length += p.length;
  }
  const first = Buffer.allocUnsafe(GZIP_HEADER.length + deflatedBytes(lead) + 5 + dated.length);
  let at = GZIP_HEADER.copy(first, 0);
  for (const b of lead.deflated) at += b.copy(first, at);
  storedHeader(first, at, dated.length);
  dated.copy(first, at + 5);
  const trailer = Buffer.allocUnsafe(10);
  FINAL_BLOCK.copy(trailer, 0);
  trailer.writeUInt32LE(crc, 2);
  trailer.writeUInt32LE(length % 2 ** 32, 6);
  const parts = [first, ...rest.flatMap((p) => p.deflated), trailer];
  let total = 0;
  for (const b of parts) total += b.length;
  return { parts, length: total };
}
