/** Signing in and out: POST, GET and DELETE /api/session. */
import { Router, type RequestHandler } from 'express';
import { SessionCreate } from '../../db/model';
import { clearSessionCookie, sessionToken, setSessionCookie, signedInViewer } from '../auth';
import { clockOf, type AppContext } from '../context';
import { HttpError, tooManyRequests } from '../errors';
import { getUser, verifyPassword } from '../domain/accounts/accounts';
import { createSession, endSession, purgeExpiredSessions } from '../domain/accounts/sessions';
import { addressOf, LoginLimiter, LOGIN_LIMITS, MustWait } from '../rate-limit';
import { validate } from '../validate';
import { jsonParser, requireJson, SIGN_IN_LIMIT } from '../write-guard';

/** One generic answer for a wrong username, a wrong password and an inactive account. */
const badCredentials = () =>
  new HttpError(401, 'bad_credentials', '用户名或密码不正确 / Wrong username or password');

/** The client address a limit is keyed on (Express's, which honours TRUST_PROXY). */
/**
 * Session routes (the context's clock drives the rate limit). A sign-in is refused as cheaply as
 * possible: content type, then the address's limit, both before a byte of the body is read; the
 * body itself may be 4 KB at most (413 while reading); then the account's limit, then the password.
 */
export function sessionRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const now = clockOf(ctx);
  const limiter = new LoginLimiter(LOGIN_LIMITS, () => now().getTime());

  const addressLimit: RequestHandler = (req, _res, next) => {
    const wait = limiter.addressRetryAfter(addressOf(req));
    if (wait > 0) throw tooManyRequests(wait);
    next();
  };

  return Router()
    .post('/api/session', requireJson, addressLimit, jsonParser(SIGN_IN_LIMIT), async (req, res) => {
      const { username, password } = validate(SessionCreate, req.body, 'body');
      let viewer;
      try {
        viewer = await limiter.attempt(addressOf(req), username, () => verifyPassword(db, username, password));
      } catch (error) {
        if (error instanceof MustWait) throw tooManyRequests(error.seconds);
        throw error;
      }
      if (!viewer) throw badCredentials();
      // A fresh token on every sign-in (no fixation); expired sessions are swept while we are here.
      const previous = sessionToken(req);
      if (previous) endSession(db, previous);
      purgeExpiredSessions(db, now());
      setSessionCookie(req, res, createSession(db, viewer.id, now()));
      res.json(getUser(db, viewer.id));
    })
    .get('/api/session', (_req, res) => {
      res.json(getUser(db, signedInViewer(res).id));
    })
    .delete('/api/session', (req, res) => {
      const token = sessionToken(req);
      if (token) endSession(db, token);
      clearSessionCookie(req, res);
      res.status(204).end();
    });
}
