/**
 * HTTP errors with a status and a stable code, and the one error middleware that presents them.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';

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
  new HttpError(429, 'too_many_requests', `Too many attempts; retry in ${seconds} s`, undefined, {
    'Retry-After': String(seconds),
  });

/** Turns zod issues into the response's issue list. */
export function issuesOf(error: ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message }));
}

/** The JSON 404 for any /api path no route matched. */
export const apiNotFound: RequestHandler = (req, _res, next) => next(notFound(`${req.method} ${req.originalUrl.split('?')[0]}`));

/** The last middleware: every error becomes `{error: {code, message, issues?}}` with an honest status. */
export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  let e: HttpError;
  if (err instanceof HttpError) e = err;
  else if (err instanceof ZodError) e = badRequest('Invalid input', issuesOf(err));
  else if (err?.type === 'entity.too.large') e = new HttpError(413, 'payload_too_large', 'The body is too large');
  else if (err?.type === 'entity.parse.failed') e = badRequest('The body is not valid JSON');
  else {
    console.error(err);
    e = new HttpError(500, 'internal', 'Internal error');
  }
  res.status(e.status).set(e.headers).json({ error: { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) } });
};
