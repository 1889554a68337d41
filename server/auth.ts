/**
 * Who is asking: the session middleware turns the `gi_session` cookie into `res.locals.viewer` on
 * every request, guards refuse requests from the wrong viewer, and cookie helpers start and end sessions.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Db } from '../db/open';
import { viewerOf } from './context';
import { forbidden, unauthorized } from './errors';
import { basePrefix } from './base-path';
import { ABSOLUTE_TIMEOUT_MS, resolveSession } from './domain/accounts/sessions';
import type { SignedIn } from './domain/access/viewer';

/** The session cookie's name. */
export const SESSION_COOKIE = 'gi_session';

/** The session token sent by the client, if any. */
export function sessionToken(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
    }
  }
  return null;
}

// Under a sub-path (BASE_PATH=/gi/) the cookie is the site's only (Path=/gi), not the whole host's.
const cookieOptions = (req: Request) => ({
  httpOnly: true, sameSite: 'strict' as const, path: basePrefix((req.app.locals.basePath as string | undefined) ?? '/') || '/', secure: req.secure,
});

/** Sets the session cookie (lives no longer than the session's absolute lifetime). */
export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req), maxAge: ABSOLUTE_TIMEOUT_MS });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}

/**
 * Sets `res.locals.viewer` from the session cookie (null for the public); clears a dead cookie.
 * `mayWrite` says whether session bookkeeping may write now (not while an import holds the database).
 */
export function sessionMiddleware(db: Db, now: () => Date = () => new Date(), mayWrite: () => boolean = () => true): RequestHandler {
  return (req, res, next) => {
    const token = sessionToken(req);
    const viewer = token ? resolveSession(db, token, now(), mayWrite()) : null;
    if (token && !viewer) clearSessionCookie(req, res);
    res.locals.viewer = viewer;
    next();
  };
}

/** The signed-in viewer of a request, or a 401. */
export function signedInViewer(res: Response): SignedIn {
  const viewer = viewerOf(res);
  if (!viewer) throw unauthorized();
  return viewer;
}

/** Refuses anonymous requests with 401. */
export const requireSignedIn: RequestHandler = (_req, res, next) => {
  signedInViewer(res);
  next();
};

/** Refuses anonymous requests with 401 and officials with 403. */
export const requireAdmin: RequestHandler = (_req, res, next) => {
  if (signedInViewer(res).role !== 'admin') throw forbidden('仅市级管理员可执行此操作 / Admins only');
  next();
};
