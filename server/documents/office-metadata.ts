/**
 * Word and Excel files (Office Open XML: a zip of XML parts) as they are kept: the document properties that
 * name people emptied (the author and who last changed it in docProps/core.xml, the company and manager in
 * docProps/app.xml, every custom property in docProps/custom.xml), and the pictures under `…/media/` written
 * again without their EXIF, GPS and XMP (image-metadata.ts: no decoding, pixels untouched). Every other part
 * (the text, styles, the title) is kept as it was. The zip is read and written with JSZip; only the parts
 * changed are compressed again, and each part is inflated under a byte cap (a zip's sizes can lie).
 */
import JSZip from 'jszip';
import { HttpError, badRequest } from '../errors';
import { hasGpsMetadata, stripJpegMetadata, stripPngMetadata } from './image-metadata';
import { tooLarge } from './read-upload';

/** The most a property part may unpack to (they are a few KB). */
const PROPERTIES_CAP = 1024 * 1024;
/** The most all pictures together may unpack to. */
const MEDIA_CAP = 64 * 1024 * 1024;

const unreadable = () => badRequest('无法读取该 Word/Excel 文件（压缩包已损坏） / The Word or Excel file cannot be read (its zip is damaged)');
const unpacksTooLarge = () => tooLarge('office_unpacks_too_large',
  '该文件解压后过大，无法检查其中的图片 / The file unpacks to too much to check the pictures inside it');

/** A part's bytes, inflated with a cap on what it may unpack to (the work stops as soon as it passes). */
function partBytes(file: JSZip.JSZipObject, cap: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = file.nodeStream('nodebuffer');
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= cap) { chunks.push(chunk); return; }
      // Stop pulling: JSZip inflates a chunk at a time, only as the stream is read.
      stream.off('data', onData);
      stream.pause();
      chunks.length = 0;
      reject(unpacksTooLarge());
    };
    stream.on('data', onData);
    stream.on('error', () => reject(unreadable()));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** Removes each element named `local` (any namespace prefix), as `<p:local …>…</p:local>` or `<p:local …/>`. */
function withoutElements(xml: string, locals: readonly string[]): string {
  let out = xml;
  for (const local of locals) {
    const name = `(?:[\\w.-]+:)?${local}`;
    out = out.replace(new RegExp(`<${name}\\b[^>]*/>|<${name}\\b[^>]*>[\\s\\S]*?</${name}\\s*>`, 'g'), '');
  }
  return out;
}

/** The custom properties part with no property left (its root element and namespaces kept). */
function withoutCustomProperties(xml: string): string {
  return xml.replace(/(<(?:[\w.-]+:)?Properties\b[^>]*?)(\/>|>[\s\S]*<\/(?:[\w.-]+:)?Properties\s*>)/, (_m, open: string) => `${open}/>`);
}

const PROPERTY_CLEANERS: Record<string, (xml: string) => string> = {
  'docprops/core.xml': (xml) => withoutElements(xml, ['creator', 'lastModifiedBy', 'lastPrinted']),
  'docprops/app.xml': (xml) => withoutElements(xml, ['Company', 'Manager', 'HyperlinkBase']),
  'docprops/custom.xml': withoutCustomProperties,
};

/** 400: a picture inside the file holds a GPS position in a format this server cannot clean. */
const pictureWithLocation = (name: string) => new HttpError(400, 'office_picture_has_location',
  `文件中的图片“${name}”带有拍摄位置（GPS），且格式无法自动清除；请在 Office 中另存为 JPEG 或 PNG 图片后再上传 / ` +
  `The picture "${name}" inside the file holds the place it was taken (GPS) in a format that cannot be cleaned; insert it as a JPEG or PNG and upload again`);

/** A picture without its metadata (JPEG and PNG), the same bytes (other formats, with no GPS), or a 400. */
function cleanPicture(name: string, bytes: Buffer): Buffer {
  const cleaned = stripJpegMetadata(bytes) ?? stripPngMetadata(bytes) ?? bytes;
  if (hasGpsMetadata(cleaned)) throw pictureWithLocation(name);
  return cleaned;
}

/** An Office Open XML file (DOCX, XLSX) without the metadata named above; 400 when its zip cannot be read. */
export async function cleanOfficeFile(bytes: Buffer): Promise<Buffer> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw unreadable();
  }
  let mediaLeft = MEDIA_CAP;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const key = file.name.toLowerCase();
    const cleaner = PROPERTY_CLEANERS[key];
    if (cleaner) {
      const xml = (await partBytes(file, PROPERTIES_CAP)).toString('utf8');
      zip.file(file.name, cleaner(xml));
    } else if (/(^|\/)media\/[^/]+$/.test(key)) {
      const picture = await partBytes(file, mediaLeft);
      mediaLeft -= picture.length;
      const cleaned = cleanPicture(file.name.split('/').pop()!, picture);
      if (!cleaned.equals(picture)) zip.file(file.name, cleaned);
    }
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
