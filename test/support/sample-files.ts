/**
 * Small real files of every accepted type, made in the test (PDF bytes, pictures with sharp, Word with
 * docx, Excel with exceljs), files that pretend to be something else, and a multipart upload helper.
 */
import { Document as WordDocument, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import sharp from 'sharp';

/** A minimal valid one-page PDF. */
export function pdfBytes(text = 'Jincheng GI'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 12 Tf 20 50 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 12 Tf 20 50 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => { offsets.push(body.length); body += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A picture of `width` × `height` in one colour. */
export function picture(format: 'jpeg' | 'png' | 'webp', width = 640, height = 480, colour = '#c8a040'): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: colour } });
  return (format === 'jpeg' ? image.jpeg() : format === 'png' ? image.png() : image.webp()).toBuffer();
}

/** A camera-like JPEG: EXIF orientation 6 (turn right to view), a camera make and a GPS position. */
export function cameraJpeg(width = 600, height = 400): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#5a8f3c' } })
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: 'FieldCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLongitudeRef: 'E' } })
    .jpeg().toBuffer();
}

/** A one-paragraph Word document. */
export function docxBytes(text = '沁水蜂蜜质量技术要求'): Promise<Buffer> {
  return Packer.toBuffer(new WordDocument({ sections: [{ children: [new Paragraph(text)] }] }));
}

/** A one-sheet Excel workbook (by `creator`, when named). */
export async function xlsxBytes(creator?: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (creator) { workbook.creator = creator; workbook.lastModifiedBy = creator; }
  workbook.addWorksheet('检测结果').addRows([['项目', '结果'], ['水分', '18%']]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An HTML page with a script: what a disguised upload would carry. */
export const HTML_BYTES = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');

/** The fields of an upload besides the file. */
export type UploadFields = Record<string, string>;

/** A multipart form with the fields and, when given, one file. */
export function uploadForm(fields: UploadFields, file?: { bytes: Buffer; name: string; type?: string }): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  return form;
}

/** POSTs an upload to a product, with the session cookie (and any extra headers). */
export async function upload(url: string, productId: number | string, form: FormData, cookie?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/api/products/${productId}/documents`, {
    method: 'POST', body: form, headers: { ...(cookie ? { cookie } : {}), ...headers },
  });
  const text = await res.text();
  let body: any = text;
  try { body = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, body };
}
