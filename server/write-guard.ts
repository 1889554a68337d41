/**
 * Guards for requests that change something: they must come from our own pages (Origin check) and
 * carry JSON only, parsed with a size limit.
 */
import express, { type RequestHandler } from 'express';
import { ownOrigin } from './context';
import { forbidden, unsupportedMediaType } from './errors';

/** Largest JSON body accepted: room for a protected-area polygon of 20 000 vertices. */
export const JSON_LIMIT = '2mb';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a write whose Origin header names another site (403): SameSite cookies already stop most
 * cross-site requests, this stops the rest. Requests without Origin (curl, same-origin GETs) pass.
 */
export const sameOriginWrites: RequestHandler = (req, _res, next) => {
  const origin = req.get('origin');
  if (!SAFE_METHODS.has(req.method) && origin !== undefined && origin !== ownOrigin(req)) {
    throw forbidden('跨站请求被拒绝 / Cross-origin write refused');
  }
  next();
};

/** Refuses a body that is not JSON (415); an empty body without a content type is allowed. */
export const requireJson: RequestHandler = (req, _res, next) => {
  const type = req.get('content-type');
  const length = req.get('content-length');
  const hasBody = req.get('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
  if ((type !== undefined || hasBody) && !req.is('application/json')) throw unsupportedMediaType();
  next();
};

/** Largest sign-in body: a username (100) and a password (200), with room for escapes, nothing like a document. */
export const SIGN_IN_LIMIT = '4kb';

/**
 * The JSON body parser with a size limit, checked against Content-Length before reading and while
 * reading (413 as soon as it is passed).
 */
export const jsonParser = (limit: string | number): RequestHandler => express.json({ limit, type: 'application/json' });

/** The middleware chain of a JSON write route: content type checked, then the body parsed (413 over the limit). */
export const jsonBody: RequestHandler[] = [requireJson, jsonParser(JSON_LIMIT)];
