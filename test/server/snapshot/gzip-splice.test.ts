/** Gzip bodies put together from pieces compressed apart: any pieces in any order decode to their bytes in that order. */
import zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deflatePiece, gzipMember, joinPieces, storedPiece, type Piece } from '../../../server/snapshot/gzip-splice';

const text = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.constantFrom('', '{"a":1}', ']}', '"asOf":"2024-02-29","periodEnded":false,'),
  fc.integer({ min: 1, max: 140_000 }).map((n) => '数'.repeat(n % 7) + 'x'.repeat(n)), // past one stored block (64 KB)
);

/** A piece of `bytes` made one of the three ways, and the bytes it stands for. */
const pieceOf = (bytes: Buffer, how: number): Piece => (how === 0 ? deflatePiece(bytes) : how === 1 ? storedPiece(bytes) : joinPieces([deflatePiece(bytes)], { copy: true }));

describe('gzipMember', () => {
  it('decodes to the lead, the dated bytes and the rest, in order, with the right CRC and length', () => {
    fc.assert(fc.property(text, fc.string({ maxLength: 60 }), fc.array(fc.tuple(text, fc.integer({ min: 0, max: 2 })), { maxLength: 6 }), fc.boolean(),
      (lead, dated, rest, join) => {
        const pieces = rest.map(([t, how]) => pieceOf(Buffer.from(t), how));
        const { parts, length } = gzipMember(deflatePiece(Buffer.from(lead)), Buffer.from(dated), join ? [joinPieces(pieces)] : pieces);
        const body = Buffer.concat(parts);
        expect(body.length).toBe(length);
        // gunzip checks the CRC-32 and the length in the trailer.
        expect(zlib.gunzipSync(body).toString()).toBe(lead + dated + rest.map(([t]) => t).join(''));
      }), { numRuns: 150 });
  });

  it('refuses dated bytes longer than one stored block', () => {
    expect(() => gzipMember(deflatePiece(Buffer.from('a')), Buffer.alloc(70_000), [])).toThrow(RangeError);
  });
});
