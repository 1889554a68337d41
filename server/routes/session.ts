/** Signing in and out: POST, GET and DELETE /api/session. */
import { Router, type Request } from 'express';
import { SessionCreate } from '../../db/model';
import { clearSessionCookie, sessionToken, setSessionCookie, signedInViewer } from '../auth';
import { clockOf, type AppContext } from '../context';
import { HttpError, tooManyRequests } from '../errors';
import { getUser, verifyPassword } from '../domain/accounts';
import { createSession, endSession, purgeExpiredSessions } from '../domain/sessions';
import { FailureLimiter, LOGIN_LIMIT } from '../rate-limit';
import { validate } from '../validate';
import { jsonBody } from '../write-guard';

/** One generic answer for a wrong username, a wrong password and an inactive account. */
const badCredentials = () =>
  new HttpError(401, 'bad_credentials', '用户名或密码不正确 / Wrong username or password');

/** Session routes (the context's clock drives the rate limit). */
export function sessionRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const now = clockOf(ctx);
  const limiter = new FailureLimiter({ ...LOGIN_LIMIT, now: () => now().getTime() });
  const keys = (req: Request, username: string) => [`ip:${req.ip}`, `user:${username.trim().toLowerCase()}`];

  return Router()
    .post('/api/session', ...jsonBody, async (req, res) => {
      const { username, password } = validate(SessionCreate, req.body, 'body');
      const [ipKey, userKey] = keys(req, username);
      const wait = Math.max(limiter.retryAfter(ipKey), limiter.retryAfter(userKey));
      if (wait > 0) throw tooManyRequests(wait);
      // Count the attempt as a failure before the (slow) check, so parallel guesses cannot slip past the limit.
      limiter.fail(ipKey);
      limiter.fail(userKey);
      const viewer = await verifyPassword(db, username, password);
      if (!viewer) throw badCredentials();
      limiter.undo(ipKey);
      limiter.reset(userKey);
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
