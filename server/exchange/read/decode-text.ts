/**
 * Decoding a CSV file's bytes as offices save them: UTF-8 (with or without BOM), GB18030 (which
 * covers GBK and GB2312: what Chinese Excel and WPS write by default for "CSV"), and UTF-16 with a
 * BOM (Excel's "Unicode text"). Every decoder is strict: a file that does not decode cleanly in any
 * of them is refused, never stored as mojibake.
 */
import { importErrors } from './limits';

/** The encodings a CSV file is read in. */
export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** The decoded text and the encoding it was read in. */
export interface DecodedText { text: string; encoding: CsvEncoding }

const strict = (encoding: CsvEncoding, bytes: Uint8Array): string | null => {
  try {
    // ignoreBOM: the BOM has been looked at (and cut off) already; a second one is content.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
};

/** U+FFFD (a replacement character: the file was mojibake before it reached us) or NUL (binary, or UTF-16 without a BOM). */
const SUSPECT = /[\uFFFD\u0000]/;

/**
 * Decodes a CSV file's bytes: a BOM decides (UTF-8, UTF-16 LE/BE); without one, strict UTF-8, then
 * strict GB18030. Throws `ImportFileError` 400 `undecodable` when nothing decodes cleanly.
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  const b = bytes;
  let tried: CsvEncoding[];
  let decoded: DecodedText | null = null;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    tried = ['utf-8'];
    const text = strict('utf-8', b.subarray(3));
    if (text !== null) decoded = { text, encoding: 'utf-8' };
  } else if (b[0] === 0xff && b[1] === 0xfe) {
    tried = ['utf-16le'];
    const text = strict('utf-16le', b.subarray(2));
    if (text !== null) decoded = { text, encoding: 'utf-16le' };
  } else if (b[0] === 0xfe && b[1] === 0xff) {
    tried = ['utf-16be'];
    const text = strict('utf-16be', b.subarray(2));
    if (text !== null) decoded = { text, encoding: 'utf-16be' };
  } else {
    tried = ['utf-8', 'gb18030'];
    for (const encoding of tried) {
      const text = strict(encoding, b);
      if (text !== null) { decoded = { text, encoding }; break; }
    }
  }
  if (!decoded || SUSPECT.test(decoded.text)) throw importErrors.undecodable(tried.map(label).join(', '));
  return decoded;
}

function label(encoding: CsvEncoding): string {
  return { 'utf-8': 'UTF-8', gb18030: 'GB18030/GBK', 'utf-16le': 'UTF-16 LE', 'utf-16be': 'UTF-16 BE' }[encoding];
}
