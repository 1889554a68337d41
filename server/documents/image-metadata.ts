/**
 * Metadata inside picture bytes, handled without decoding a pixel: JPEG and PNG written again without
 * their EXIF, GPS, XMP, IPTC and text, the compressed image data copied as it was (so a picture inside a
 * Word file loses where it was taken and by what, and nothing else; a JPEG keeps its orientation, which
 * Word honours when it shows it); and a scan of any bytes for an EXIF block that holds a GPS position.
 */

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1');
const XMP_GPS = Buffer.from('GPSLatitude', 'latin1');
const ORIENTATION_TAG = 0x0112;
const GPS_IFD_TAG = 0x8825;

/** The little TIFF reader EXIF needs: 16- and 32-bit numbers in the block's byte order, within its bounds. */
function tiffReader(bytes: Uint8Array, start: number, end: number) {
  if (start + 8 > end) return null;
  const order = String.fromCharCode(bytes[start], bytes[start + 1]);
  if (order !== 'II' && order !== 'MM') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const little = order === 'II';
  const ok = (at: number, size: number) => at >= start && at + size <= end;
  const u16 = (at: number) => (ok(at, 2) ? view.getUint16(at, little) : null);
  const u32 = (at: number) => (ok(at, 4) ? view.getUint32(at, little) : null);
  /** The entries of the IFD at `offset` (from the TIFF header): tag → where its 12-byte entry starts. */
  const ifd = (offset: number | null): Map<number, number> => {
    const entries = new Map<number, number>();
    if (offset === null) return entries;
    const at = start + offset;
    const count = u16(at);
    if (count === null || !ok(at + 2, count * 12)) return entries;
    for (let i = 0; i < count; i++) entries.set(u16(at + 2 + i * 12)!, at + 2 + i * 12);
    return entries;
  };
  return { u16, u32, ifd, firstIfd: () => ifd(u32(start + 4)) };
}

/** The orientation (1–8) an EXIF block (starting with `Exif\0\0`) records, or null. */
function orientationOf(block: Uint8Array): number | null {
  const tiff = tiffReader(block, EXIF_HEADER.length, block.length);
  const entry = tiff?.firstIfd().get(ORIENTATION_TAG);
  const value = entry === undefined ? null : tiff!.u16(entry + 8);
  return value !== null && value >= 1 && value <= 8 ? value : null;
}

/** An APP1 segment with an EXIF block that says only `orientation` (big-endian TIFF, one IFD entry). */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.from([
    0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08, // MM, 42, IFD0 at 8
    0x00, 0x01, // one entry
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, orientation, 0x00, 0x00, // Orientation, SHORT, 1, value
    0x00, 0x00, 0x00, 0x00, // no next IFD
  ]);
  const length = 2 + EXIF_HEADER.length + tiff.length;
  return Buffer.concat([Buffer.from([0xff, 0xe1, length >> 8, length & 0xff]), EXIF_HEADER, tiff]);
}

/** JPEG markers kept before the image data: JFIF (APP0), the colour profile (APP2), Adobe's colour transform (APP14) and the coding segments. */
const DROPPED_JPEG_MARKERS = (marker: number) => (marker >= 0xe1 && marker <= 0xef && marker !== 0xe2 && marker !== 0xee) || marker === 0xfe;

/**
 * A JPEG without its EXIF, XMP, IPTC, comments and other application segments (keeping only its orientation,
 * as an EXIF block of one entry), the image data copied as it is; null when the bytes are not a JPEG it can walk.
 */
export function stripJpegMetadata(bytes: Uint8Array): Buffer | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const kept: Uint8Array[] = [];
  let orientation: number | null = null;
  let p = 2;
  while (p + 4 <= bytes.length) {
    if (bytes[p] !== 0xff) return null;
    const marker = bytes[p + 1];
    if (marker === 0xff) { p++; continue; }
    if (marker === 0xda) { kept.push(bytes.subarray(p)); p = bytes.length; break; } // start of scan: the rest is image data
    const length = (bytes[p + 2] << 8) | bytes[p + 3];
    if (length < 2 || p + 2 + length > bytes.length) return null;
    const segment = bytes.subarray(p, p + 2 + length);
    if (marker === 0xe1 && Buffer.from(segment.subarray(4, 10)).equals(EXIF_HEADER)) orientation ??= orientationOf(segment.subarray(4));
    if (!DROPPED_JPEG_MARKERS(marker)) kept.push(segment);
    p += 2 + length;
  }
  if (p < bytes.length) return null;
  const head = [Buffer.from([0xff, 0xd8]), ...(orientation !== null && orientation !== 1 ? [orientationSegment(orientation)] : [])];
  return Buffer.concat([...head, ...kept]);
}

/** PNG chunks that carry metadata: EXIF, text (any of three kinds) and the time it was last changed. */
const DROPPED_PNG_CHUNKS = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt', 'tIME']);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG without its EXIF, text and time chunks (every other chunk copied as it is); null when the bytes are not a PNG it can walk. */
export function stripPngMetadata(bytes: Uint8Array): Buffer | null {
  if (bytes.length < 8 || !Buffer.from(bytes.subarray(0, 8)).equals(PNG_SIGNATURE)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  let p = 8;
  while (p + 12 <= bytes.length) {
    const length = view.getUint32(p);
    const type = String.fromCharCode(...bytes.subarray(p + 4, p + 8));
    const end = p + 12 + length;
    if (end > bytes.length) return null;
    if (!DROPPED_PNG_CHUNKS.has(type)) kept.push(bytes.subarray(p, end));
    p = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(kept);
}

/**
 * Whether some bytes hold a GPS position: an EXIF block (anywhere: a photo inside a PDF or a zip entry) whose
 * first IFD points to a GPS IFD with entries, or an XMP packet naming a GPS latitude.
 */
export function hasGpsMetadata(bytes: Uint8Array): boolean {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (all.includes(XMP_GPS)) return true;
  for (let at = all.indexOf(EXIF_HEADER); at >= 0; at = all.indexOf(EXIF_HEADER, at + 1)) {
    const start = at + EXIF_HEADER.length;
    // An EXIF block is at most 64 KB (one JPEG segment).
    const tiff = tiffReader(bytes, start, Math.min(bytes.length, start + 65_536));
    const pointer = tiff?.firstIfd().get(GPS_IFD_TAG);
    if (pointer === undefined) continue;
    if (tiff!.ifd(tiff!.u32(pointer + 8)).size > 0) return true;
  }
  return false;
}
