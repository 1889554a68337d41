/**
 * Makes an uploaded file safe to keep and to serve: its type recognised from its bytes (file-type),
 * never from its name; only PDF, JPEG, PNG, WebP, DOCX and XLSX accepted. Pictures are decoded and
 * written again (sharp), in their turn in the photo queue (photo-queue.ts): turned upright, with no EXIF,
 * GPS, XMP or other metadata left in the stored file (a farmer's photo should not publish where their
 * house is), plus a 320-pixel WebP thumbnail. Word and Excel files lose the names and picture metadata they
 * carry (office-metadata.ts); a PDF is kept as it is, unless it carries a photo's GPS position (refused).
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import {
  DOCUMENT_TYPES, isImageMime, isPictureKind, PHOTO_NOT_IMAGE_MESSAGE, type DocumentKind, type DocumentMime,
} from '../../db/model';
import type { PreparedFile } from '../domain/products/documents-write';
import { HttpError, badRequest } from '../errors';
import { hasGpsMetadata } from './image-metadata';
import { cleanOfficeFile } from './office-metadata';
import { decodeInTurn } from './photo-queue';
import { tooLarge } from './read-upload';

/** The thumbnail's box: 320 pixels wide at most, and no taller than twice that. */
export const THUMBNAIL_BOX = { width: 320, height: 640 } as const;
/** The most pixels a picture may have (100 megapixels): a decompression bomb is refused before it is decoded. */
export const MAX_IMAGE_PIXELS = 100_000_000;

const ACCEPTED_NAMES = 'PDF、JPEG、PNG、WebP、DOCX、XLSX';

/** 415: the bytes are not one of the accepted types (whatever the file's name says). */
function unsupportedFile(detected: string | undefined): HttpError {
  const what = detected ? `（识别为 ${detected}）` : '';
  const whatEn = detected ? ` (it looks like ${detected})` : '';
  return new HttpError(415, 'unsupported_file_type',
    `文件内容不是 ${ACCEPTED_NAMES} 之一${what}：类型按文件内容识别，与文件名无关 / ` +
    `The file's content is not a PDF, JPEG, PNG, WebP, DOCX or XLSX${whatEn}: the type is recognised from the bytes, not the name`);
}

/** The accepted media type of some bytes, or a 415. */
export async function recogniseType(bytes: Uint8Array): Promise<DocumentMime> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found || !(found.mime in DOCUMENT_TYPES)) throw unsupportedFile(found?.ext);
  return found.mime as DocumentMime;
}

/** The longest one step of a picture may take (a hostile file, or a machine far too busy): then it is refused. */
const PICTURE_STEP_SECONDS = 60;

const tooManyPixels = () =>
  tooLarge('image_too_large', `图片像素过多（最多 ${MAX_IMAGE_PIXELS / 1_000_000} 百万像素） / The picture has too many pixels (at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels)`);
const unreadable = () => new HttpError(400, 'unreadable_image', '图片已损坏，无法读取 / The picture is damaged and cannot be read');

/**
 * A picture written again without metadata (upright), and its thumbnail, decoded in the photo queue: 413 past
 * the pixel limit (read from the header, before any decoding), 503 when the queue is full, 400 when it cannot
 * be decoded. The two outputs are made one after the other: one decoding at a time. JPEG is written by
 * libjpeg-turbo, not mozjpeg: mozjpeg took 15 s for a 48 MP photo (2 s without) for files 3–4 % smaller.
 */
async function cleanPicture(bytes: Buffer, mime: DocumentMime): Promise<{ content: Buffer; thumbnail: Buffer }> {
  const header = await sharp(bytes).metadata().catch(() => { throw unreadable(); });
  const pixels = (header.width ?? 0) * (header.height ?? 0) * Math.max(1, header.pages ?? 1);
  if (pixels > MAX_IMAGE_PIXELS) throw tooManyPixels();
  const decode = () => sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).timeout({ seconds: PICTURE_STEP_SECONDS }).rotate();
  return decodeInTurn(pixels, async () => {
    try {
      const upright = decode();
      const encoded = mime === 'image/jpeg' ? upright.jpeg({ quality: 90 })
        : mime === 'image/png' ? upright.png({ compressionLevel: 6 })
          : upright.webp({ quality: 90 });
      const content = await encoded.toBuffer();
      const thumbnail = await decode().resize({ ...THUMBNAIL_BOX, fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer();
      return { content, thumbnail };
    } catch (error) {
      const message = (error as Error).message;
      if (/pixel limit/i.test(message)) throw tooManyPixels();
      if (/timeout/i.test(message)) {
        throw tooLarge('image_too_complex', '图片处理时间过长，请缩小后再上传 / The picture took too long to process; make it smaller and upload it again');
      }
      throw unreadable();
    }
  });
}

/**
 * A PDF as it is kept: byte for byte, since writing it again would break a digital signature (announcements
 * and certificates are often signed) and its metadata names an office more often than a person; so a PDF
 * that carries a photo with its GPS position (a scan or img2pdf keeps a camera's JPEG whole) is refused.
 */
function checkedPdf(bytes: Buffer): Buffer {
  if (hasGpsMetadata(bytes)) {
    throw new HttpError(400, 'pdf_has_location',
      'PDF 中的照片带有拍摄位置（GPS）。请先去掉照片的位置信息（或用“打印为 PDF”重新生成）后再上传 / ' +
      'A photo inside the PDF holds the place it was taken (GPS). Remove the location from the photo (or make the PDF again with "Print to PDF") and upload again');
  }
  return bytes;
}

/**
 * Recognises an uploaded file and prepares what is kept: 415 for a type not accepted, 400 for a `photo`
 * that is not a picture, a picture that cannot be decoded, a Word or Excel file whose zip cannot be read, or
 * a PDF with a photo's GPS position; 413/503 from the photo queue. Nothing is written here.
 */
export async function prepareFile(bytes: Buffer, kind: DocumentKind): Promise<PreparedFile> {
  const mime = await recogniseType(bytes);
  if (isPictureKind(kind) && !isImageMime(mime)) throw badRequest(PHOTO_NOT_IMAGE_MESSAGE, [{ path: ['kind'], message: PHOTO_NOT_IMAGE_MESSAGE }]);
  const { content, thumbnail } = isImageMime(mime) ? await cleanPicture(bytes, mime)
    : mime === 'application/pdf' ? { content: checkedPdf(bytes), thumbnail: null }
      : { content: await cleanOfficeFile(bytes), thumbnail: null };
  return { mime, content, thumbnail, sha256: createHash('sha256').update(content).digest('hex') };
}
