/**
 * Picture metadata handled without decoding: a camera JPEG loses its EXIF (make, GPS) but keeps its pixels
 * and orientation; a PNG loses its text and EXIF chunks; bytes that are no such picture are left to the
 * caller (null); a GPS position is found wherever an EXIF block sits in some bytes.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hasGpsMetadata, stripJpegMetadata, stripPngMetadata } from '../../../server/documents/image-metadata';
import { cameraJpeg, pdfBytes } from '../../support/sample-files';

describe('stripJpegMetadata', () => {
  it('drops EXIF and GPS, keeps the orientation and every pixel', async () => {
    const photo = await cameraJpeg(120, 80);
    expect(hasGpsMetadata(photo)).toBe(true);
    const clean = stripJpegMetadata(photo)!;
    expect(clean.includes(Buffer.from('FieldCam'))).toBe(false);
    expect(hasGpsMetadata(clean)).toBe(false);
    expect((await sharp(clean).metadata()).orientation).toBe(6);
    expect((await sharp(clean).raw().toBuffer()).equals(await sharp(photo).raw().toBuffer())).toBe(true);
  });

  it.each([
    ['a PDF', pdfBytes()],
    ['a truncated JPEG header', Buffer.from('ffd8ffe1ffff', 'hex')],
    ['two bytes', Buffer.from('ffd8', 'hex')],
  ])('leaves %s to the caller (null)', (_what, bytes) => {
    expect(stripJpegMetadata(bytes)).toBeNull();
  });
});

describe('stripPngMetadata', () => {
  it('drops text and EXIF chunks and keeps the picture', async () => {
    const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#123456' } })
      .withExifMerge({ IFD0: { Artist: 'Zhang San' } }).png().toBuffer();
    expect(png.includes(Buffer.from('Zhang San'))).toBe(true);
    const clean = stripPngMetadata(png)!;
    expect(clean.includes(Buffer.from('Zhang San'))).toBe(false);
    expect((await sharp(clean).raw().toBuffer()).equals(await sharp(png).raw().toBuffer())).toBe(true);
    expect(stripPngMetadata(pdfBytes())).toBeNull();
  });
});

describe('hasGpsMetadata', () => {
  it('finds no position in a photo without one, or in a PDF of text', async () => {
    const plain = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#123456' } })
      .withExifMerge({ IFD0: { Make: 'FieldCam' } }).jpeg().toBuffer();
    expect(hasGpsMetadata(plain)).toBe(false);
    expect(hasGpsMetadata(pdfBytes())).toBe(false);
  });
});
