/**
 * Makes an uploaded file safe to keep and to serve: its type recognised from its bytes (file-type),
 * never from its name; only PDF, JPEG, PNG, WebP, DOCX and XLSX accepted. Pictures are decoded and
 * written again (sharp): turned upright, with no EXIF, GPS, XMP or other metadata left in the stored
 * file (a farmer's photo should not publish where their house is), plus a 320-pixel WebP thumbnail.
 */
import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import {
  DOCUMENT_TYPES, isImageMime, isPictureKind, PHOTO_NOT_IMAGE_MESSAGE, type DocumentKind, type DocumentMime,
} from '../../db/model';
import type { PreparedFile } from '../domain/products/documents-write';
import { HttpError, badRequest } from '../errors';
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

/** A picture written again without metadata (upright), and its thumbnail; 400 when it cannot be decoded. */
async function cleanPicture(bytes: Buffer, mime: DocumentMime): Promise<{ content: Buffer; thumbnail: Buffer }> {
  const decode = () => sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
  try {
    const upright = decode();
    const encoded = mime === 'image/jpeg' ? upright.jpeg({ quality: 90, mozjpeg: true })
      : mime === 'image/png' ? upright.png({ compressionLevel: 9 })
        : upright.webp({ quality: 90 });
    const [content, thumbnail] = await Promise.all([
      encoded.toBuffer(),
      decode().resize({ ...THUMBNAIL_BOX, fit: 'inside', withoutEnlargement: true }).webp({ quality: 75 }).toBuffer(),
    ]);
    return { content, thumbnail };
  } catch (error) {
    const message = (error as Error).message;
    if (/pixel limit/i.test(message)) {
      throw tooLarge('image_too_large', `图片像素过多（最多 ${MAX_IMAGE_PIXELS / 1_000_000} 百万像素） / The picture has too many pixels (at most ${MAX_IMAGE_PIXELS / 1_000_000} megapixels)`);
    }
    throw new HttpError(400, 'unreadable_image', '图片已损坏，无法读取 / The picture is damaged and cannot be read');
  }
}

/**
 * Recognises an uploaded file and prepares what is kept: 415 for a type not accepted, 400 for a `photo`
 * that is not a picture or a picture that cannot be decoded. Nothing is written here.
 */
export async function prepareFile(bytes: Buffer, kind: DocumentKind): Promise<PreparedFile> {
  const mime = await recogniseType(bytes);
  if (isPictureKind(kind) && !isImageMime(mime)) throw badRequest(PHOTO_NOT_IMAGE_MESSAGE, [{ path: ['kind'], message: PHOTO_NOT_IMAGE_MESSAGE }]);
  const { content, thumbnail } = isImageMime(mime) ? await cleanPicture(bytes, mime) : { content: bytes, thumbnail: null };
  return { mime, content, thumbnail, sha256: createHash('sha256').update(content).digest('hex') };
}
