/**
 * Documents and photos over HTTP: an upload of each accepted type, files that pretend to be another
 * type, the limits, the safe way files are served, internal files hidden from the public and from
 * other counties, the product JSON and the map's thumbnails, and the history's sentences.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEvent, type AuditEvent } from '../../db/model';
import { call, startServer, type TestServer } from '../support/server';
import {
  cameraJpeg, docxBytes, HTML_BYTES, pdfBytes, picture, upload, uploadForm, xlsxBytes,
} from '../support/sample-files';
import { contentDisposition } from '../../server/documents/send-file';
import { addAccount, dumpTables, send, signIn } from './fixtures';

let s: TestServer;
let qinshui: string;
let yangcheng: string;
let admin: string;
let productId: number;

const COUNTIES = { counties: {} as Record<string, { nameZh: string; nameEn: string }> };

beforeAll(async () => {
  s = await startServer();
  await addAccount(s.db, 'qinshui', 'official', '140521');
  await addAccount(s.db, 'yangcheng', 'official', '140522');
  await addAccount(s.db, 'city', 'admin');
  [qinshui, yangcheng, admin] = await Promise.all([signIn(s.url, 'qinshui'), signIn(s.url, 'yangcheng'), signIn(s.url, 'city')]);
  const created = await send(s.url, 'POST', '/api/products', { nameZh: '沁水文件测试', category: 'food', counties: ['140521'], visibility: 'public' }, qinshui);
  expect(created.status).toBe(201);
  productId = created.body.id;
});
afterAll(() => s.close());

const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
  fetch(`${s.url}${path}`, { headers: { ...(cookie ? { cookie } : {}), ...headers } });

describe('POST /api/products/:id/documents: each accepted type, recognised from its bytes', () => {
  it.each([
    ['PDF', () => Promise.resolve(pdfBytes()), 'spec.pdf', 'specification', 'application/pdf', 'inline'],
    ['JPEG', () => picture('jpeg'), 'a.jpg', 'photo', 'image/jpeg', 'inline'],
    ['PNG', () => picture('png'), 'a.png', 'photo', 'image/png', 'inline'],
    ['WebP', () => picture('webp'), 'a.webp', 'photo', 'image/webp', 'inline'],
    ['DOCX', () => docxBytes(), 'rules.docx', 'history', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'attachment'],
    ['XLSX', () => xlsxBytes(), 'tests.xlsx', 'test_report', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'attachment'],
  ] as const)('%s: stored and served with its real type, nosniff, a sandbox and the right disposition', async (_name, make, fileName, kind, mime, disposition) => {
    const bytes = await make();
    // The name and the declared type lie on purpose: only the bytes count.
    const res = await upload(s.url, productId, uploadForm({ kind, title: `样本 ${fileName}`, visibility: 'public', on: '2024-05' },
      { bytes, name: 'x.bin', type: 'text/plain' }), qinshui);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ kind, title: `样本 ${fileName}`, on: '2024-05', mime, visibility: 'public', designationId: null });
    expect(res.body.url).toBe(`/api/documents/${res.body.id}`);
    expect(res.body.thumbnailUrl).toBe(mime.startsWith('image/') ? `/api/documents/${res.body.id}/thumbnail` : null);

    const file = await get(res.body.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(mime);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
    expect(file.headers.get('content-disposition')).toMatch(new RegExp(`^${disposition}; filename="document-\\d+\\.\\w+"; filename\\*=UTF-8''%E6%A0%B7%E6%9C%AC%20`));
    expect(file.headers.get('cache-control')).toMatch(/^public/);
    expect(file.headers.get('access-control-allow-origin')).toBe('*');
    const served = Buffer.from(await file.arrayBuffer());
    expect(served.length).toBe(res.body.bytes);
    // A PDF is kept byte for byte; Word and Excel files lose their authors (documents-metadata.test.ts).
    if (mime === 'application/pdf') expect(served.equals(bytes)).toBe(true);

    const etag = file.headers.get('etag')!;
    expect((await get(res.body.url, undefined, { 'if-none-match': etag })).status).toBe(304);
  });

  it('refuses an HTML page named .jpg (415) and stores nothing', async () => {
    const before = dumpTables(s.db);
    const res = await upload(s.url, productId, uploadForm({ kind: 'photo', title: '伪装的图片', visibility: 'public' },
      { bytes: HTML_BYTES, name: 'photo.jpg', type: 'image/jpeg' }), qinshui);
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('unsupported_file_type');
    expect(res.body.error.message).toMatch(/与文件名无关.*not the name/);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it.each([
    ['a plain zip named .docx', Buffer.from('504b0304140000000000', 'hex'), 'other', 415],
    ['text named .pdf', Buffer.from('just some words, not a PDF'), 'other', 415],
    ['a PDF sent as a photo', pdfBytes(), 'photo', 400],
    ['a damaged JPEG', Buffer.concat([Buffer.from('ffd8ffe000104a46494600', 'hex'), Buffer.alloc(200, 7)]), 'photo', 400],
  ])('refuses %s and stores nothing', async (_name, bytes, kind, status) => {
    const before = dumpTables(s.db);
    const res = await upload(s.url, productId, uploadForm({ kind, title: '不收', visibility: 'public' }, { bytes, name: 'f.docx' }), qinshui);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.message).toMatch(/ \/ /); // both languages
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('refuses bad metadata, no file, two files, other bodies and other counties, storing nothing', async () => {
    const before = dumpTables(s.db);
    const pdf = { bytes: pdfBytes(), name: 'a.pdf' };
    const cases: [FormData | string, string | undefined, number, Record<string, string>?][] = [
      [uploadForm({ kind: 'poster', title: 'x', visibility: 'public' }, pdf), qinshui, 400],
      [uploadForm({ kind: 'other', title: '  ', visibility: 'public' }, pdf), qinshui, 400],
      [uploadForm({ kind: 'other', title: 'x', visibility: 'secret' }, pdf), qinshui, 400],
      [uploadForm({ kind: 'other', title: 'x', visibility: 'public', on: '2999-01-01' }, pdf), qinshui, 400],
      [uploadForm({ kind: 'other', title: 'x', visibility: 'public', color: 'red' }, pdf), qinshui, 400],
      [uploadForm({ kind: 'other', title: 'x', visibility: 'public', designationId: '999999' }, pdf), qinshui, 400],
      [uploadForm({ kind: 'other', title: 'x', visibility: 'public' }), qinshui, 400],
      [uploadForm({ kind: 'other', title: 'x', visibility: 'public' }, pdf), undefined, 401],
      [uploadForm({ kind: 'other', title: 'x', visibility: 'public' }, pdf), yangcheng, 403],
      [uploadForm({ kind: 'other', title: 'x', visibility: 'public' }, pdf), qinshui, 403, { origin: 'https://evil.example' }],
    ];
    for (const [form, cookie, status, headers] of cases) {
      const res = await upload(s.url, productId, form as FormData, cookie, headers);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
    }
    const two = uploadForm({ kind: 'other', title: 'x', visibility: 'public' }, pdf);
    two.append('file', new Blob([new Uint8Array(pdfBytes())]), 'b.pdf');
    expect((await upload(s.url, productId, two, qinshui)).status).toBe(413);
    const json = await send(s.url, 'POST', `/api/products/${productId}/documents`, { kind: 'other', title: 'x' }, qinshui);
    expect(json.status).toBe(415);
    expect((await upload(s.url, 999_999, uploadForm({ kind: 'other', title: 'x', visibility: 'public' }, pdf), qinshui)).status).toBe(404);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('keeps pictures upright without their EXIF or GPS, with a WebP thumbnail at most 320 pixels wide', async () => {
    const original = await cameraJpeg(600, 400);
    expect(original.includes(Buffer.from('FieldCam'))).toBe(true);
    const res = await upload(s.url, productId, uploadForm({ kind: 'photo', title: '蜂场', visibility: 'public' }, { bytes: original, name: 'IMG_0001.JPG' }), qinshui);
    expect(res.status).toBe(201);
    const stored = Buffer.from(await (await get(res.body.url)).arrayBuffer());
    const meta = await sharp(stored).metadata();
    expect([meta.width, meta.height]).toEqual([400, 600]); // turned as the camera said
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(stored.includes(Buffer.from('FieldCam'))).toBe(false);

    const thumb = await get(res.body.thumbnailUrl);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect(thumb.headers.get('x-content-type-options')).toBe('nosniff');
    expect(thumb.headers.get('content-disposition')).toMatch(/^inline; /);
    const small = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(small.format).toBe('webp');
    expect(small.width).toBeLessThanOrEqual(320);
    expect(small.exif).toBeUndefined();
    expect((await get(`${res.body.url}/thumbnail`, undefined, { 'if-none-match': thumb.headers.get('etag')! })).status).toBe(304);

    const pdf = await upload(s.url, productId, uploadForm({ kind: 'certificate', title: '证书', visibility: 'public' }, { bytes: pdfBytes(), name: 'c.pdf' }), qinshui);
    expect((await get(`/api/documents/${pdf.body.id}/thumbnail`)).status).toBe(404);
  });
});

describe('limits are checked while the file arrives', () => {
  it('answers 413 for a file over 20 MB before the whole body is sent, and stays responsive', async () => {
    const { request } = await import('node:http');
    const boundary = 'gi-boundary-413';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`);
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const totalChunks = 40; // 40 MB announced by nothing: sent chunked, as a stream would be
    const before = dumpTables(s.db);
    const url = new URL(`${s.url}/api/products/${productId}/documents`);
    const answer = await new Promise<{ status: number; sentMb: number; body: string }>((resolve, reject) => {
      let sent = 0;
      const req = request({
        host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
        headers: { cookie: qinshui, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
      }, (res) => {
        const at = sent;
        let body = '';
        res.on('data', (d) => { body += d; });
        res.on('end', () => resolve({ status: res.statusCode!, sentMb: at, body }));
      });
      req.on('error', (e: NodeJS.ErrnoException) => { if (e.code !== 'EPIPE' && e.code !== 'ECONNRESET') reject(e); });
      req.write(head);
      const pump = () => {
        if (req.destroyed || sent >= totalChunks) { req.end(); return; }
        sent++;
        if (req.write(chunk)) setImmediate(pump);
        else req.once('drain', pump);
      };
      pump();
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('file_too_large');
    expect(answer.sentMb).toBeLessThan(totalChunks);
    expect((await call(`${s.url}/api/health`)).status).toBe(200);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('answers 413 at once for a declared Content-Length over the limit', async () => {
    const res = await fetch(`${s.url}/api/products/${productId}/documents`, {
      method: 'POST', headers: { cookie: qinshui, 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(30 * 1024 * 1024) },
      body: 'x', duplex: 'half',
    } as RequestInit).catch(() => null);
    // The body is not what was announced: either the server has answered 413 first, or the client gave up.
    if (res) expect(res.status).toBe(413);
  });
});

describe('internal documents', () => {
  let internal: { id: number; url: string; thumbnailUrl: string };
  let open: { id: number };
  beforeAll(async () => {
    const res = await upload(s.url, productId, uploadForm({ kind: 'photo', title: '内部照片', visibility: 'internal' }, { bytes: await picture('png', 300, 200), name: 'i.png' }), qinshui);
    expect(res.status).toBe(201);
    internal = res.body;
    open = (await upload(s.url, productId, uploadForm({ kind: 'certificate', title: '公开证书', visibility: 'public' }, { bytes: pdfBytes(), name: 'c.pdf' }), qinshui)).body;
  });

  it('are 404 to the public and to officials of other counties, file and thumbnail alike', async () => {
    for (const cookie of [undefined, yangcheng]) {
      for (const path of [internal.url, internal.thumbnailUrl]) {
        const res = await get(path, cookie);
        expect(res.status, `${path} ${cookie ?? 'public'}`).toBe(404);
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
    }
    // The same answer as for a document that does not exist.
    const missing = await get('/api/documents/999999');
    const hidden = await get(internal.url);
    expect([hidden.status, hidden.headers.get('access-control-allow-origin'), await hidden.json()])
      .toEqual([missing.status, missing.headers.get('access-control-allow-origin'), { error: { code: 'not_found', message: 'document not found' } }]);
    expect((await send(s.url, 'PATCH', internal.url, { title: '改' }, yangcheng)).status).toBe(404);
    expect((await send(s.url, 'DELETE', internal.url, undefined, yangcheng)).status).toBe(404);
  });

  it('are served to the county’s officials and admins, never kept by a cache, never open to other origins', async () => {
    for (const cookie of [qinshui, admin]) {
      const res = await get(internal.url, cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store, no-transform');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    }
    expect((await get(internal.thumbnailUrl, qinshui)).headers.get('content-type')).toBe('image/webp');
  });

  it('are in the product JSON of the county’s officials only', async () => {
    const ids = async (cookie?: string) => (await send(s.url, 'GET', `/api/products/${productId}`, undefined, cookie)).body.documents.map((d: { id: number }) => d.id);
    expect(await ids()).toContain(open.id);
    expect(await ids()).not.toContain(internal.id);
    expect(await ids(yangcheng)).not.toContain(internal.id);
    expect(await ids(yangcheng)).toContain(open.id);
    expect(await ids(qinshui)).toEqual(expect.arrayContaining([internal.id, open.id]));
    expect(await ids(admin)).toContain(internal.id);
  });

  it('become public by a PATCH (and the public JSON follows at once), and private again', async () => {
    const patched = await send(s.url, 'PATCH', internal.url, { visibility: 'public', title: '蜂场全景', on: '2023' }, qinshui);
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ visibility: 'public', title: '蜂场全景', on: '2023' });
    expect((await get(internal.url)).status).toBe(200);
    const publicJson = (await send(s.url, 'GET', `/api/products/${productId}`)).body;
    expect(publicJson.documents.find((d: { id: number }) => d.id === internal.id)).toMatchObject({ title: '蜂场全景' });
    expect((await send(s.url, 'PATCH', internal.url, { visibility: 'internal' }, qinshui)).status).toBe(200);
    expect((await get(internal.url)).status).toBe(404);
    expect((await send(s.url, 'PATCH', internal.url, { kind: 'certificate', bogus: 1 }, qinshui)).status).toBe(400);
    expect((await send(s.url, 'PATCH', `/api/documents/${open.id}`, { kind: 'photo' }, qinshui)).status).toBe(400); // a PDF is no photo
    expect((await send(s.url, 'PATCH', `/api/documents/${open.id}`, { title: '他县' }, yangcheng)).status).toBe(403);
  });

  it('refuse a PATCH that changes nothing ({}) with a 400 saying so, and change nothing', async () => {
    const before = dumpTables(s.db);
    const res = await send(s.url, 'PATCH', `/api/documents/${open.id}`, {}, qinshui);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.issues[0].message).toMatch(/没有要修改.* \/ .*nothing to change/i);
    expect(dumpTables(s.db)).toEqual(before);
  });

  it('of a draft product are not served to the public, even when marked public', async () => {
    const draft = await send(s.url, 'POST', '/api/products', { nameZh: '沁水草稿产品', category: 'food', counties: ['140521'] }, qinshui);
    const doc = await upload(s.url, draft.body.id, uploadForm({ kind: 'certificate', title: '草稿证书', visibility: 'public' }, { bytes: pdfBytes(), name: 'c.pdf' }), qinshui);
    expect(doc.status).toBe(201);
    expect((await get(doc.body.url)).status).toBe(404);
    expect((await get(doc.body.url, qinshui)).status).toBe(200);
    expect((await get(doc.body.url, qinshui)).headers.get('cache-control')).toBe('private, no-cache, no-transform');
  });
});

describe('the history and the map', () => {
  it('tells every upload, change and deletion as a sentence in the product’s history', async () => {
    const doc = await upload(s.url, productId, uploadForm({ kind: 'specification', title: '沁水蜂蜜质量技术要求', visibility: 'public', source: '沁水县市场监督管理局' },
      { bytes: pdfBytes(), name: 's.pdf' }), qinshui);
    await send(s.url, 'PATCH', doc.body.url, { visibility: 'internal' }, qinshui);
    expect((await send(s.url, 'DELETE', doc.body.url, undefined, admin)).status).toBe(204);
    expect((await get(doc.body.url, admin)).status).toBe(404);
    expect(s.db.$client.prepare('SELECT count(*) AS n FROM document_files WHERE document_id = ?').get(doc.body.id)).toEqual({ n: 0 });

    const audit = await send(s.url, 'GET', `/api/audit?entity=product&id=${productId}&limit=3`, undefined, qinshui);
    const [deleted, changed, added] = audit.body.items as AuditEvent[];
    expect([added.action, changed.action, deleted.action]).toEqual(['document_add', 'document_update', 'document_delete']);
    const names = COUNTIES;
    const zh = (e: AuditEvent) => describeAuditEvent(e, 'zh', names);
    const en = (e: AuditEvent) => describeAuditEvent(e, 'en', names);
    expect(zh(added).summary).toBe('为 沁水文件测试 添加文件：质量技术要求/管理规则《沁水蜂蜜质量技术要求》');
    expect(zh(added).changes).toEqual(expect.arrayContaining(['来源：— → 沁水县市场监督管理局', '公开状态：— → 公开', '文件格式：— → PDF']));
    expect(zh(changed).changes).toEqual(['公开状态：公开 → 内部（仅工作人员）']);
    expect(en(changed).summary).toBe('Changed a file of 沁水文件测试: Specification / rules of use “沁水蜂蜜质量技术要求”');
    expect(zh(deleted)).toEqual({ summary: '删除 沁水文件测试 的文件：质量技术要求/管理规则《沁水蜂蜜质量技术要求》', changes: [] });
    expect(JSON.stringify(audit.body)).not.toContain('sha256');
  });

  it('puts the first public photo’s thumbnail in the map’s points, and none for a product without one', async () => {
    const list = await send(s.url, 'GET', `/api/products?q=${encodeURIComponent('沁水蜂蜜')}`);
    const honey = list.body.items[0];
    const points = async () => (await send(s.url, 'GET', '/api/products.geojson')).body.features as { properties: { productId: number; thumbnailUrl: string | null } }[];
    expect((await points()).find((f) => f.properties.productId === honey.id)!.properties.thumbnailUrl).toBeNull();
    await upload(s.url, honey.id, uploadForm({ kind: 'photo', title: '内部', visibility: 'internal' }, { bytes: await picture('jpeg'), name: 'a.jpg' }), qinshui);
    await upload(s.url, honey.id, uploadForm({ kind: 'certificate', title: '证书', visibility: 'public' }, { bytes: pdfBytes(), name: 'c.pdf' }), qinshui);
    const first = await upload(s.url, honey.id, uploadForm({ kind: 'photo', title: '蜂箱', visibility: 'public' }, { bytes: await picture('jpeg'), name: 'b.jpg' }), qinshui);
    await upload(s.url, honey.id, uploadForm({ kind: 'photo', title: '蜂蜜', visibility: 'public' }, { bytes: await picture('png'), name: 'c.png' }), qinshui);
    const feature = (await points()).find((f) => f.properties.productId === honey.id)!;
    expect(feature.properties.thumbnailUrl).toBe(first.body.thumbnailUrl);
    const thumb = await get(feature.properties.thumbnailUrl!);
    expect([thumb.status, thumb.headers.get('content-type'), thumb.headers.get('access-control-allow-origin')]).toEqual([200, 'image/webp', '*']);
  });
});

describe('the static copy (npm run build:static)', () => {
  it('keeps the public files of public products, named by type, and nothing internal', async () => {
    const { mkdirSync, mkdtempSync, readFileSync, existsSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { buildStaticSite } = await import('../../server/cli/build-static');
    const { staticGet } = await import('../../client/lib/static-api');
    const pdf = await upload(s.url, productId, uploadForm({ kind: 'announcement', title: '静态公告', visibility: 'public' }, { bytes: pdfBytes('static'), name: 'a.pdf' }), qinshui);
    const photo = await upload(s.url, productId, uploadForm({ kind: 'photo', title: '静态照片', visibility: 'public' }, { bytes: await picture('webp'), name: 'p.webp' }), qinshui);
    const secret = await upload(s.url, productId, uploadForm({ kind: 'test_report', title: '内部报告', visibility: 'internal' }, { bytes: await xlsxBytes(), name: 'r.xlsx' }), qinshui);
    const work = mkdtempSync(join(tmpdir(), 'gi-static-docs-'));
    try {
      mkdirSync(join(work, 'client'));
      writeFileSync(join(work, 'client', 'index.html'), '<!doctype html><html><head><meta charset="utf-8" /></head><body></body></html>');
      await buildStaticSite(s.db, join(work, 'site'), { clientDir: join(work, 'client'), config: s.config });
      const site = (path: string) => join(work, 'site', path);
      expect(readFileSync(site(`api/documents/${pdf.body.id}.pdf`)).equals(pdfBytes('static'))).toBe(true);
      expect(readFileSync(site(`api/documents/${photo.body.id}.webp`)).equals(Buffer.from(await (await get(photo.body.url)).arrayBuffer()))).toBe(true);
      expect((await sharp(readFileSync(site(`api/documents/${photo.body.id}/thumbnail.webp`))).metadata()).format).toBe('webp');
      expect(existsSync(site(`api/documents/${secret.body.id}.xlsx`))).toBe(false);

      // The static client reads the product file and points its documents at those files.
      const realFetch = globalThis.fetch;
      globalThis.fetch = (async (input: string) => new Response(readFileSync(site(String(input).slice(1))))) as typeof fetch;
      try {
        const found = await staticGet(`/api/products/${productId}`);
        const docs = (found as { data: { documents: { id: number; url: string; thumbnailUrl: string | null }[] } }).data.documents;
        expect(docs.find((d) => d.id === pdf.body.id)).toMatchObject({ url: `/api/documents/${pdf.body.id}.pdf`, thumbnailUrl: null });
        expect(docs.find((d) => d.id === photo.body.id)).toMatchObject({ thumbnailUrl: `/api/documents/${photo.body.id}/thumbnail.webp` });
        expect(docs.some((d) => d.id === secret.body.id)).toBe(false);
      } finally {
        globalThis.fetch = realFetch;
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('Content-Disposition', () => {
  it.each([
    ['inline', 'Spec 2021', 'pdf', `inline; filename="Spec 2021.pdf"; filename*=UTF-8''Spec%202021.pdf`],
    ['attachment', '检测报告', 'xlsx', `attachment; filename="document-7.xlsx"; filename*=UTF-8''%E6%A3%80%E6%B5%8B%E6%8A%A5%E5%91%8A.xlsx`],
    ['attachment', 'a/b\\c "d" (e)*', 'docx', `attachment; filename="a_b_c _d_ (e)_.docx"; filename*=UTF-8''a_b_c%20_d_%20%28e%29_.docx`],
    ['inline', '100% 蜂蜜', 'jpg', `inline; filename="document-7.jpg"; filename*=UTF-8''100%25%20%E8%9C%82%E8%9C%9C.jpg`],
  ] as const)('%s "%s" → a safe name in both forms', (type, title, ext, expected) => {
    expect(contentDisposition(type, title, ext, 7)).toBe(expected);
  });
});
