/**
 * HTTP errors with a status and a stable code, and the one error middleware that presents them.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { requestLog } from './request-log';

/** One problem with an input, as listed in an error response. */
export interface Issue { path: (string | number)[]; message: string }

/** An error that becomes a JSON response with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
    readonly headers: Record<string, string> = {},
    /** More fields of the error object (a 412's `current` state). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** 400: the input is wrong; `issues` says where. */
export const badRequest = (message: string, issues?: Issue[]) => new HttpError(400, 'bad_request', message, issues);
/** 401: not signed in. */
export const unauthorized = (message = '请先登录 / Sign in first') => new HttpError(401, 'unauthorized', message);
/** 403: signed in but not allowed. */
export const forbidden = (message = '无权执行此操作 / Not allowed') => new HttpError(403, 'forbidden', message);
/** 404: no such thing (or not visible to this user). */
export const notFound = (what = 'resource') => new HttpError(404, 'not_found', `${what} not found`);
/** 409: the request conflicts with the current state. */
export const conflict = (message: string, code = 'conflict') => new HttpError(409, code, message);
/** 415: writes take JSON only. */
export const unsupportedMediaType = () =>
  new HttpError(415, 'unsupported_media_type', 'Send the body as application/json');
/** 429: too many attempts; retry after `seconds`. */
export const tooManyRequests = (seconds: number) =>
  new HttpError(429, 'too_many_requests', `尝试次数过多，请 ${seconds} 秒后再试 / Too many attempts; retry in ${seconds} s`, undefined, {
    'Retry-After': String(seconds),
  });

/** Turns zod issues into the response's issue list. */
export function issuesOf(error: ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
}

/** The JSON 404 for any /api path no route matched. */
export const apiNotFound: RequestHandler = (req, _res, next) => next(notFound(`${req.method} ${req.originalUrl.split('?')[0]}`));

/**
 * What the body parser (body-parser, raw-body, zlib) reports about a request body, as an HttpError:
 * every one of them is the client's doing, so a 4xx, never a 500 (null for anything else).
 */
export function bodyError(err: unknown): HttpError | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as { type?: unknown; status?: unknown; statusCode?: unknown; code?: unknown; expose?: unknown };
  switch (e.type) {
    case 'entity.too.large': return new HttpError(413, 'payload_too_large', 'The body is too large');
    case 'entity.parse.failed': return badRequest('The body is not valid JSON');
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_charset', 'Send the body in UTF-8 (charset=utf-8)');
    case 'encoding.unsupported':
      return new HttpError(415, 'unsupported_content_encoding', 'Content-Encoding must be gzip, deflate, br or identity');
    case 'request.aborted': return new HttpError(400, 'request_aborted', 'The request was aborted before its body arrived');
    case 'request.size.invalid': return badRequest('The body is shorter or longer than its Content-Length');
    case 'entity.verify.failed': return forbidden('The body was refused');
    case 'stream.encoding.set': case 'stream.not.readable': return null;
  }
  // A compressed body that does not inflate (zlib: Z_DATA_ERROR, Z_BUF_ERROR…), wrapped by body-parser as a 400.
  if (typeof e.code === 'string' && e.code.startsWith('Z_')) return new HttpError(400, 'bad_encoding', 'The compressed body is broken');
  if (typeof e.code === 'string' && (e.code === 'ECONNRESET' || e.code === 'ERR_STREAM_PREMATURE_CLOSE')) {
    return new HttpError(400, 'request_aborted', 'The request was aborted before its body arrived');
  }
  // Any other http-errors 4xx that is safe to show (expose).
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 0;
  if (status >= 400 && status < 500 && e.expose === true) return new HttpError(status, 'bad_request', 'The request body could not be read');
  return null;
}

/**
 * 507 when SQLite found no room to write (SQLITE_FULL: the disk, or the database's size cap, is full): the
 * write changed nothing (its transaction rolled back), and deleting documents still works to free room.
 */
export function storageError(err: unknown): HttpError | null {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (code !== 'SQLITE_FULL') return null;
  return new HttpError(507, 'storage_full',
    '服务器存储空间已满，本次修改未保存。请联系管理员扩充磁盘，或删除不再需要的文件后重试 / ' +
    'The server\u2019s storage is full and nothing was saved. Ask the administrator to add disk space, or delete files no longer needed and try again');
}

/**
 * The last middleware: every error becomes `{error: {code, message, issues?}}` with an honest status.
 * Only server faults (500) are logged; a client's mistakes (bad bodies, aborted uploads) are not.
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  let e: HttpError;
  if (err instanceof HttpError) e = err;
  else if (err instanceof ZodError) e = badRequest('Invalid input', issuesOf(err));
  else {
    const fromBody = bodyError(err) ?? storageError(err);
    if (fromBody) e = fromBody;
    else {
      requestLog(req).error({ err }, 'internal error');
      e = new HttpError(500, 'internal', 'Internal error');
    }
  }
  // The client has gone (aborted upload) or the answer has started: nothing useful can be sent.
  if (res.headersSent || res.destroyed || !req.socket || req.socket.destroyed) {
    if (!res.writableEnded) res.destroy();
    return;
  }
  res.status(e.status).set(e.headers).json({ error: { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}), ...e.details } });
};
