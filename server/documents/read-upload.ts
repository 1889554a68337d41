/**
 * Reads a multipart/form-data upload (busboy): one file and a few small text fields, every limit
 * checked while the bytes arrive, so a file over 20 MB is refused (413) as soon as it passes the
 * limit, not after the whole body has been taken in (the rest is dropped unread). The file's bytes
 * are taken from the uploads' shared budget as they arrive (upload-budget.ts: a 503 past it), and a
 * body that stops arriving is dropped after UPLOAD_STALL_MS (408), freeing what it held. The only
 * multipart reader of the API.
 */
import type { Request } from 'express';
import busboy from 'busboy';
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_SIZE_TEXT } from '../../db/model';
import { HttpError, badRequest } from '../errors';
import { UPLOAD_STALL_MS, uploadsBusy, type UploadHold } from './upload-budget';

/**
 * What an upload may hold: one file of at most MAX_DOCUMENT_BYTES, a few fields of at most 2,000 bytes
 * each. busboy reports its limit when a file *reaches* `fileSize`, so the limit it is given is one byte
 * more than the largest file accepted (a file of exactly 20 MiB is taken).
 */
export const UPLOAD_LIMITS = {
  fileSize: MAX_DOCUMENT_BYTES + 1,
  files: 1,
  fields: 10,
  fieldSize: 2_000,
  fieldNameSize: 50,
  parts: 12,
  headerPairs: 20,
} as const;

/** Room for the multipart framing and fields beside the file, when judging a declared Content-Length. */
const FRAMING_BYTES = 64 * 1024;

/** The form fields (name → value) and the file's bytes (null when no file part was sent). */
export interface Upload { fields: Record<string, string>; file: Buffer | null }

/** How much of a refused body is read and dropped before the connection is cut. */
const DRAIN_BYTES = 64 * 1024 * 1024;

/** A 413 with a code and a message in both languages. */
export function tooLarge(code: string, message: string): HttpError {
  return new HttpError(413, code, message);
}

/**
 * Drops whatever of a refused body still arrives, keeping none of it. The refusal is answered at once;
 * a client that goes on sending can still read it (cutting the connection at once would race its
 * upload against the answer), but past DRAIN_BYTES the connection is cut.
 */
export function dropRestOf(req: Request): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DRAIN_BYTES) req.socket.destroy();
  });
  req.resume();
}

/** 413 for a file over the limit. */
export const fileTooLarge = () =>
  tooLarge('file_too_large', `文件超过 ${MAX_DOCUMENT_SIZE_TEXT.zh}，请压缩或拆分后再上传 / The file is larger than ${MAX_DOCUMENT_SIZE_TEXT.en}; make it smaller and upload it again`);

/** 408: the body stopped arriving for UPLOAD_STALL_MS. */
const uploadStalled = () => new HttpError(408, 'upload_stalled',
  `上传中断超过 ${UPLOAD_STALL_MS / 1000} 秒，已取消 / The upload stopped arriving for ${UPLOAD_STALL_MS / 1000} s and was dropped`);

/** How an upload is read: the file's form field, the hold on the uploads' budget, and the stall timeout. */
export interface ReadUploadOptions {
  fileField?: string;
  /** Takes room for each chunk of the file as it arrives; without it nothing is counted. */
  hold?: UploadHold;
  stallMs?: number;
}

/** 415: the upload is not a multipart/form-data body (or has no boundary). */
const notMultipart = () =>
  new HttpError(415, 'unsupported_media_type', '请以 multipart/form-data 上传文件 / Send the file as multipart/form-data (with a boundary)');

/** Throws 415 unless the request is multipart/form-data, and 413 when it declares a body that cannot fit. */
export function assertMultipart(req: Request): void {
  if (!req.is('multipart/form-data')) throw notMultipart();
  const length = Number(req.get('content-length'));
  if (Number.isFinite(length) && length > MAX_DOCUMENT_BYTES + FRAMING_BYTES) {
    dropRestOf(req);
    throw fileTooLarge();
  }
}

/**
 * Reads the upload of `req`, rejecting at the first limit passed (413) or malformed part (400). On a
 * refusal the request is unhooked from the parser and left to drain, so nothing more is kept.
 */
export function readUpload(req: Request, { fileField = 'file', hold, stallMs = UPLOAD_STALL_MS }: ReadUploadOptions = {}): Promise<Upload> {
  return new Promise<Upload>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers, limits: UPLOAD_LIMITS, defParamCharset: 'utf8' });
    } catch {
      reject(notMultipart());
      return;
    }
    const fields: Record<string, string> = {};
    let chunks: Buffer[] = [];
    let file = false;
    let settled = false;
    // A body that stops arriving is cut: the client is gone or holding memory on purpose.
    const stall = setTimeout(() => {
      fail(uploadStalled());
      req.socket.destroy();
    }, stallMs);
    const progress = () => stall.refresh();
    req.on('data', progress);
    const done = () => {
      settled = true;
      clearTimeout(stall);
      req.off('data', progress);
    };
    const fail = (error: HttpError) => {
      if (settled) return;
      done();
      chunks = [];
      req.unpipe(parser);
      parser.removeAllListeners();
      parser.on('error', () => {});
      dropRestOf(req);
      reject(error);
    };
    parser.on('file', (name, stream) => {
      if (name !== fileField || file) {
        stream.resume();
        fail(name !== fileField
          ? badRequest(`未知的文件字段“${name}”，文件请放在“${fileField}”中 / Unknown file field "${name}": send the file as "${fileField}"`)
          : tooLarge('too_many_files', '一次只能上传一个文件 / Send one file at a time'));
        return;
      }
      file = true;
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        if (hold && !hold.take(chunk.length)) { stream.resume(); fail(uploadsBusy()); return; }
        chunks.push(chunk);
      });
      stream.on('limit', () => { stream.resume(); fail(fileTooLarge()); });
    });
    parser.on('field', (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) {
        fail(tooLarge('field_too_large', `表单字段“${name}”过长（最多 ${UPLOAD_LIMITS.fieldSize} 字节） / The form field "${name}" is too long (at most ${UPLOAD_LIMITS.fieldSize} bytes)`));
        return;
      }
      if (name in fields) {
        fail(badRequest(`表单字段“${name}”重复 / The form field "${name}" is sent twice`, [{ path: [name], message: 'sent twice' }]));
        return;
      }
      fields[name] = value;
    });
    const tooManyParts = () => fail(tooLarge('too_many_parts', '表单字段过多 / Too many form fields'));
    parser.on('filesLimit', () => fail(tooLarge('too_many_files', '一次只能上传一个文件 / Send one file at a time')));
    parser.on('fieldsLimit', tooManyParts);
    parser.on('partsLimit', tooManyParts);
    parser.on('error', (error: Error) => fail(badRequest(`无法读取上传的表单：${error.message} / The multipart body could not be read: ${error.message}`)));
    parser.on('close', () => {
      if (settled) return;
      done();
      resolve({ fields, file: file ? Buffer.concat(chunks) : null });
    });
    req.on('aborted', () => fail(new HttpError(400, 'request_aborted', 'The request was aborted before its body arrived')));
    req.pipe(parser);
  });
}
