/**
 * Who is asking: the session middleware turns the `gi_session` cookie into `res.locals.account` (any
 * signed-in account) and `res.locals.viewer` (the same when it works on content: an admin or an official;
 * null for the public, security admins and auditors) on every request; guards refuse requests from the
 * wrong viewer; cookie helpers start and end sessions.
 *
 * Two refusals are decided here for every route at once: a 401 to an account that is signed in (a security
 * admin or auditor at a content route) becomes a 403, and a 401 to a session that just ended by time becomes
 * `session_timeout`, once. A signed-in account whose password has expired may write nothing but its new
 * password (403 `password_expired`).
 */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Db } from '../db/open';
import { viewerOf } from './context';
import { forbidden, HttpError, unauthorized } from './errors';
import { basePrefix } from './base-path';
import { addressOf } from './rate-limit';
import { endTimedOutSession, resolveSession, type LiveSession, type SessionPolicy } from './domain/accounts/sessions';
import { isContentViewer, type Account, type SignedIn } from './domain/access/viewer';

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

/** Sets the session cookie; it lives no longer than the session's absolute lifetime (`maxAgeMs`). */
export function setSessionCookie(req: Request, res: Response, token: string, maxAgeMs: number): void {
  res.cookie(SESSION_COOKIE, token, { ...cookieOptions(req), maxAge: maxAgeMs });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(req: Request, res: Response): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(req));
}

/** What the session middleware needs. */
export interface SessionOptions {
  db: Db;
  now: () => Date;
  /** Whether session bookkeeping may write now (not while an import holds the database). */
  mayWrite: () => boolean;
  policy: SessionPolicy;
}

/**
 * Sets `res.locals.account`, `.viewer` and `.session` from the session cookie; clears a dead cookie. Every
 * signed-in request counts as activity. A session that ended by time is remembered for this request
 * (`res.locals.endTimedOut`), so that a route needing it answers `session_timeout`.
 */
export function sessionMiddleware({ db, now, mayWrite, policy }: SessionOptions): RequestHandler {
  return (req, res, next) => {
    res.locals.viewer = null;
    res.locals.account = null;
    const token = sessionToken(req);
    if (!token) { next(); return; }
    const write = mayWrite();
    const found = resolveSession(db, token, now(), { write, policy, address: addressOf(req) });
    if (found === null) {
      clearSessionCookie(req, res);
    } else if (found.kind === 'timed_out') {
      res.locals.endTimedOut = () => {
        // While an import holds the database the row stays, to be told (or swept) next time.
        if (mayWrite()) endTimedOutSession(db, token, now(), policy, addressOf(req));
        clearSessionCookie(req, res);
      };
    } else {
      res.locals.account = found.account;
      res.locals.session = found.session;
      res.locals.viewer = isContentViewer(found.account) ? found.account : null;
    }
    next();
  };
}

/** The signed-in account of a request, whatever its role, or null. */
export function accountOf(res: Response): Account | null {
  return (res.locals.account as Account | null | undefined) ?? null;
}

/** The request's session, when it has a live one. */
export function sessionOf(res: Response): LiveSession | null {
  return (res.locals.session as LiveSession | undefined) ?? null;
}

/** The signed-in account of a request (any role), or a 401. */
export function signedInAccount(res: Response): Account {
  const account = accountOf(res);
  if (!account) throw unauthorized();
  return account;
}

/** The signed-in content viewer (an admin or an official) of a request, or a 401 (a 403 for other roles: sessionRefusals). */
export function signedInViewer(res: Response): SignedIn {
  const viewer = viewerOf(res);
  if (!viewer) throw unauthorized();
  return viewer;
}

/** Refuses anonymous requests with 401 (and accounts that do not work on content with 403). */
export const requireSignedIn: RequestHandler = (_req, res, next) => {
  signedInViewer(res);
  next();
};

/** Refuses anonymous requests with 401 and everyone but city admins with 403. */
export const requireAdmin: RequestHandler = (_req, res, next) => {
  if (signedInViewer(res).role !== 'admin') throw forbidden('仅市级管理员可执行此操作 / Admins only');
  next();
};

/** Refuses anonymous requests with 401; any signed-in account passes. */
export const requireAccount: RequestHandler = (_req, res, next) => {
  signedInAccount(res);
  next();
};

/** 401 `session_timeout`: the session ended by time (idle, or its lifetime reached). */
export const sessionTimeout = () => new HttpError(401, 'session_timeout',
  '登录已超时，请重新登录 / Your session has timed out; sign in again');

/** What security admins and auditors are told at a route that is not theirs. */
function notForRole(account: Account): HttpError {
  return forbidden(account.role === 'security_admin'
    ? '安全管理员只管理账号，不能使用此功能 / Security admins manage accounts only'
    : '审计管理员只能查看修改记录和安全事件，不能使用此功能 / Auditors only read the history and the security events');
}

/**
 * An error middleware before the error handler: a plain 401 to a signed-in account becomes 403 (its role
 * has no business here), and to a session that just ended by time becomes `session_timeout` (said once:
 * the session is then forgotten and the cookie cleared).
 */
export const sessionRefusals: ErrorRequestHandler = (err, _req, res, next) => {
  if (err instanceof HttpError && err.status === 401 && err.code === 'unauthorized') {
    const account = accountOf(res);
    if (account) { next(notForRole(account)); return; }
    const endTimedOut = res.locals.endTimedOut as (() => void) | undefined;
    if (endTimedOut) { endTimedOut(); next(sessionTimeout()); return; }
  }
  next(err);
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The writes a session with an expired password may still make: signing in and out, keep-alive, a new password. */
const ALLOWED_WITH_EXPIRED_PASSWORD = new Set(['POST /api/session', 'DELETE /api/session', 'POST /api/session/keep-alive', 'POST /api/session/password']);

/** 403 `password_expired`: the password is older than PASSWORD_MAX_AGE_DAYS. */
export const passwordExpired = () => new HttpError(403, 'password_expired',
  '密码已过期，请先修改密码 / Your password has expired: change it first');

/** Refuses every write but those above while the session's password has expired (mounted on /api). */
export const passwordExpiredGate: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method) || !sessionOf(res)?.passwordExpired) { next(); return; }
  const path = `${req.baseUrl}${req.path}`.replace(/\/+$/, '');
  if (ALLOWED_WITH_EXPIRED_PASSWORD.has(`${req.method} ${path}`)) { next(); return; }
  throw passwordExpired();
};
