/**
 * Word and Excel files are published without who wrote them or where their photos were taken: the
 * document properties that name people are emptied, the pictures inside lose their EXIF, GPS and XMP (and
 * keep their pixels and orientation), and the rest of the file is kept as it was. A PDF is kept byte for
 * byte (rewriting it would break its signature), so one that carries a photo with its GPS position is
 * refused, saying how to make one that does not.
 */
import JSZip from 'jszip';
import { Document as WordDocument, ImageRun, Packer, Paragraph } from 'docx';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server';
import { cameraJpeg, pdfBytes, upload, uploadForm, xlsxBytes } from '../support/sample-files';
import { addAccount, send, signIn } from './fixtures';

let s: TestServer;
let qinshui: string;
let productId: number;

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qs-meta', 'official', '140521');
  qinshui = await signIn(s.url, 'qs-meta');
  productId = (await send(s.url, 'POST', '/api/products', { nameZh: '沁水元数据测试', category: 'food', counties: ['140521'], visibility: 'public' }, qinshui)).body.id;
}, 60_000);
afterAll(() => s.close());

/** A Word file by a named person, with a camera photo (EXIF make, GPS, orientation) inside it. */
async function wordWithPhoto(photo: Buffer): Promise<Buffer> {
  return Packer.toBuffer(new WordDocument({
    creator: '张三 Zhang San', lastModifiedBy: '李四 Li Si', title: '蜂场照片说明', description: '内部草稿',
    customProperties: [{ name: 'Reviewer', value: '王五 Wang Wu' }],
    sections: [{ children: [new Paragraph('沁水蜂场'), new Paragraph({ children: [new ImageRun({ type: 'jpg', data: photo, transformation: { width: 200, height: 300 } })] })] }],
  }));
}

/** A one-page PDF that shows a JPEG (embedded as it is, as scanners and img2pdf do). */
function pdfWithJpeg(jpeg: Buffer, width: number, height: number): Buffer {
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer | string) => { const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b; parts.push(buf); length += buf.length; };
  push('%PDF-1.4\n');
  const content = `q ${width} 0 0 ${height} 0 0 cm /Im1 Do Q`;
  const objects: (string | Buffer[])[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    [Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`, 'latin1'), jpeg, Buffer.from('\nendstream', 'latin1')],
  ];
  objects.forEach((o, i) => {
    offsets.push(length);
    push(`${i + 1} 0 obj\n`);
    if (typeof o === 'string') push(o); else o.forEach(push);
    push('\nendobj\n');
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(parts);
}

const download = async (url: string) => Buffer.from(await (await fetch(`${s.url}${url}`, { headers: { cookie: qinshui } })).arrayBuffer());

describe('a Word file', () => {
  it('is kept without its authors and custom properties, and its photos without EXIF or GPS, the text and pixels unchanged', async () => {
    const photo = await cameraJpeg(600, 400);
    const original = await wordWithPhoto(photo);
    const inside = await (await JSZip.loadAsync(original)).file(/^word\/media\//)[0].async('nodebuffer');
    expect(inside.includes(Buffer.from('FieldCam'))).toBe(true);
    expect(await (await JSZip.loadAsync(original)).file('docProps/core.xml')!.async('string')).toContain('Zhang San');
    const res = await upload(s.url, productId, uploadForm({ kind: 'history', title: '蜂场说明', visibility: 'public' }, { bytes: original, name: 'a.docx' }), qinshui);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const stored = await download(res.body.url);
    const zip = await JSZip.loadAsync(stored);
    const core = await zip.file('docProps/core.xml')!.async('string');
    const custom = await zip.file('docProps/custom.xml')?.async('string') ?? '';
    for (const name of ['Zhang San', '张三', 'Li Si', '李四', 'Wang Wu', '王五']) {
      expect(core + custom, name).not.toContain(name);
    }
    expect(core).toContain('蜂场照片说明'); // the title is the document's, not a person's
    expect(await zip.file('word/document.xml')!.async('string')).toContain('沁水蜂场');
    const media = zip.file(/^word\/media\//);
    expect(media).toHaveLength(1);
    const picture = await media[0].async('nodebuffer');
    expect(picture.includes(Buffer.from('FieldCam'))).toBe(false);
    const meta = await sharp(picture).metadata();
    expect([meta.width, meta.height, meta.orientation]).toEqual([600, 400, 6]); // pixels as they were, still turned as the camera said
    expect(Buffer.from(meta.exif ?? []).includes(Buffer.from('GPS'))).toBe(false);
    const [a, b] = await Promise.all([sharp(photo).raw().toBuffer(), sharp(picture).raw().toBuffer()]);
    expect(a.equals(b)).toBe(true);
    expect(res.body.bytes).toBe(stored.length);
  });

  it('an Excel file loses its authors too, and stays a workbook', async () => {
    const res = await upload(s.url, productId, uploadForm({ kind: 'test_report', title: '检测', visibility: 'public' }, { bytes: await xlsxBytes('赵六 Zhao Liu'), name: 'a.xlsx' }), qinshui);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const zip = await JSZip.loadAsync(await download(res.body.url));
    expect(await zip.file('docProps/core.xml')!.async('string')).not.toContain('Zhao Liu');
    expect(zip.file('xl/workbook.xml')).not.toBeNull();
  });
});

describe('a Word file that unpacks to far more than it weighs', () => {
  it('is refused (413) as soon as its pictures pass the cap, and the server answers meanwhile', async () => {
    const zip = await JSZip.loadAsync(await wordWithPhoto(await cameraJpeg(60, 40)));
    zip.file('word/media/bomb.png', Buffer.alloc(80 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const answer = upload(s.url, productId, uploadForm({ kind: 'other', title: '压缩炸弹', visibility: 'internal' }, { bytes: bomb, name: 'b.docx' }), qinshui);
    expect((await send(s.url, 'GET', '/api/health')).status).toBe(200);
    const res = await answer;
    expect(res.status, JSON.stringify(res.body)).toBe(413);
    expect(res.body.error.code).toBe('office_unpacks_too_large');
  }, 60_000);
});

describe('a PDF', () => {
  it('carrying a photo with its GPS position is refused (400, saying how), keeping nothing', async () => {
    const before = s.db.$client.prepare('SELECT count(*) AS n FROM documents').get();
    const res = await upload(s.url, productId, uploadForm({ kind: 'certificate', title: '带位置的扫描件', visibility: 'public' },
      { bytes: pdfWithJpeg(await cameraJpeg(300, 200), 300, 200), name: 'scan.pdf' }), qinshui);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('pdf_has_location');
    expect(res.body.error.message).toMatch(/GPS.* \/ .*GPS/);
    expect(s.db.$client.prepare('SELECT count(*) AS n FROM documents').get()).toEqual(before);
  });

  it('without one is kept byte for byte (a signed PDF stays signed)', async () => {
    const plain = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    for (const bytes of [pdfBytes('signed'), pdfWithJpeg(plain, 300, 200)]) {
      const res = await upload(s.url, productId, uploadForm({ kind: 'certificate', title: '证书', visibility: 'public' }, { bytes, name: 'c.pdf' }), qinshui);
      expect(res.status).toBe(201);
      expect((await download(res.body.url)).equals(bytes)).toBe(true);
    }
  });
});
