/**
 * Signing in and out: POST, GET and DELETE /api/session; POST /api/session/keep-alive (the idle clock starts
 * again) and POST /api/session/password (one's own password). Sign-ins, failures, locks and sign-outs are
 * security events.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { PasswordChange, SessionCreate, type SessionAnswer } from '../../db/model';
import { accountOf, clearSessionCookie, requireAccount, sessionOf, sessionToken, setSessionCookie, signedInAccount } from '../auth';
import { clockOf, type AppContext } from '../context';
import { HttpError, tooManyRequests } from '../errors';
import { changeOwnPassword, getUser, passwordChangedAtOf, userIdOf, verifyPassword } from '../domain/accounts/accounts';
import { countFailure, forgetFailures, lockOf } from '../domain/accounts/lockout';
import {
  createSession, endSession, isPasswordExpired, purgeExpiredSessions, sessionPolicyOf, sessionStateOf, touchSession, type LiveSession,
} from '../domain/accounts/sessions';
import { recordSecurityEvent } from '../domain/security/events';
import { addressOf, LoginLimiter, LOGIN_LIMITS, MustWait } from '../rate-limit';
import { validate } from '../validate';
import { jsonBody, jsonParser, requireJson, SIGN_IN_LIMIT } from '../write-guard';

/** One generic answer for a wrong username, a wrong password and an inactive account. */
const badCredentials = () =>
  new HttpError(401, 'bad_credentials', '用户名或密码不正确 / Wrong username or password');

/** 423 `account_locked`: too many wrong passwords for this username from this address; when it may try again. */
function accountLocked(until: Date, now: Date): HttpError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  return new HttpError(423, 'account_locked',
    `密码错误次数过多，此账号在本机所在地址已被锁定，请 ${minutes} 分钟后再试，或请管理员解锁 / ` +
    `Too many wrong passwords: this account is locked from this address for ${minutes} more minutes; try again later, or ask an administrator to unlock it`,
    undefined, { 'Retry-After': String(seconds) });
}

/**
 * Session routes (the context's clock drives the limits and the sessions). A sign-in is refused as cheaply as
 * possible: content type, then the address's limit, both before a byte of the body is read; the body itself
 * may be 4 KB at most (413 while reading); then the lock of the (username, address) pair, the pair's growing
 * delays, then the password. LOCKOUT_ATTEMPTS wrong passwords in a row lock the pair (423).
 */
export function sessionRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const now = clockOf(ctx);
  const policy = sessionPolicyOf(ctx.config.security);
  const lockout = { attempts: ctx.config.security.lockoutAttempts, minutes: ctx.config.security.lockoutMinutes };
  const accountPolicy = { separateDuties: ctx.config.security.separateDuties, passwordHistory: ctx.config.security.passwordHistory };
  const limiter = new LoginLimiter(LOGIN_LIMITS, () => now().getTime());

  const addressLimit: RequestHandler = (req, _res, next) => {
    const wait = limiter.addressRetryAfter(addressOf(req));
    if (wait > 0) throw tooManyRequests(wait);
    next();
  };
  const refuseIfLocked = (username: string, address: string) => {
    const at = now();
    const until = lockOf(db, username, address, at);
    if (until) throw accountLocked(until, at);
  };
  /** The password check, run in turn per (username, address): a lock set by an attempt before it refuses it unchecked. */
  const check = (username: string, password: string, address: string) => async () => {
    refuseIfLocked(username, address);
    return verifyPassword(db, username, password);
  };
  /** The account and its session, as every sign-in answer gives them. */
  const answer = (id: number, session: LiveSession): SessionAnswer => ({ ...getUser(db, id, now()), session: sessionStateOf(session, policy) });
  const liveSession = (res: Response): LiveSession => {
    signedInAccount(res);
    return sessionOf(res)!;
  };

  /** A wrong password: the `sign_in_failed` event, the pair's count, and the lock (with its event) it may bring. */
  const failed = (req: Request, username: string): never => {
    const at = now();
    const address = addressOf(req);
    const until = db.transaction((tx) => {
      const userId = userIdOf(db, username);
      const actor = userId === null ? null : { id: userId, username };
      recordSecurityEvent(tx, { kind: 'sign_in_failed', actor, username, address, at });
      const lockedUntil = countFailure(tx, username, address, at, lockout);
      if (lockedUntil) {
        recordSecurityEvent(tx, {
          kind: 'locked', actor, username, address, at,
          detail: { until: lockedUntil.toISOString(), attempts: lockout.attempts, minutes: lockout.minutes },
        });
      }
      return lockedUntil;
    });
    if (!until) throw badCredentials();
    // The lock takes over from the pair's growing delays: once it ends, the count starts again from nothing.
    limiter.forgetPair(address, username);
    throw accountLocked(until, at);
  };

  return Router()
    .post('/api/session', requireJson, addressLimit, jsonParser(SIGN_IN_LIMIT), async (req, res) => {
      const { username, password } = validate(SessionCreate, req.body, 'body');
      const address = addressOf(req);
      refuseIfLocked(username, address);
      let account;
      try {
        account = await limiter.attempt(address, username, check(username, password, address));
      } catch (error) {
        if (error instanceof MustWait) {
          // An attempt queued behind the one that locked the pair is told so, not merely to wait.
          refuseIfLocked(username, address);
          throw tooManyRequests(error.seconds);
        }
        throw error;
      }
      if (!account) failed(req, username);
      const at = now();
      forgetFailures(db, username, address);
      // A fresh token on every sign-in (no fixation); ended sessions are swept while we are here.
      const previous = sessionToken(req);
      if (previous) endSession(db, previous);
      purgeExpiredSessions(db, at, policy);
      const expired = isPasswordExpired(passwordChangedAtOf(db, account!.id), at, policy);
      const { token, session } = createSession(db, account!.id, at, expired);
      recordSecurityEvent(db, { kind: 'sign_in', actor: account, address, at, detail: expired ? { passwordExpired: true } : null });
      setSessionCookie(req, res, token, policy.maxMs);
      res.json(answer(account!.id, session));
    })
    .get('/api/session', requireAccount, (_req, res) => {
      res.set('Cache-Control', 'private, no-store').json(answer(signedInAccount(res).id, liveSession(res)));
    })
    .post('/api/session/keep-alive', requireJson, requireAccount, (_req, res) => {
      const session = liveSession(res);
      const touched = { ...session, lastSeenAt: touchSession(db, session.idHash, now()) };
      res.set('Cache-Control', 'no-store').json({ session: sessionStateOf(touched, policy) });
    })
    .post('/api/session/password', requireAccount, ...jsonBody, async (req, res) => {
      const input = validate(PasswordChange, req.body, 'body');
      const account = signedInAccount(res);
      const session = liveSession(res);
      await changeOwnPassword(db, account, input, session.idHash, accountPolicy, { now: now(), address: addressOf(req) });
      res.json(answer(account.id, { ...session, passwordExpired: false }));
    })
    .delete('/api/session', (req, res) => {
      const token = sessionToken(req);
      const account = accountOf(res);
      if (token) {
        if (account) recordSecurityEvent(db, { kind: 'sign_out', actor: account, address: addressOf(req), at: now() });
        endSession(db, token);
      }
      clearSessionCookie(req, res);
      res.status(204).end();
    });
}
