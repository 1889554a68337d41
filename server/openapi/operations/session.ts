/**
 * The operations of the session (tag `session`): signing in and out, staying signed in, changing one’s password.
 */
import * as m from '../../../db/model';
import { WRITE, ok200, type Operation } from '../operation';

/** Every operation on the session. */
export const SESSION_OPERATIONS: Operation[] = [
  { operationId: 'signIn', method: 'post', path: '/api/session', tag: 'session', who: 'all',
    summary: 'Sign in', description: 'Sets the HttpOnly session cookie `gi_session` (its `Max-Age` is the session\u2019s lifetime) and answers the account with its session\u2019s timing. `LOCKOUT_ATTEMPTS` (5) wrong passwords in a row for a username from one address lock that pair for `LOCKOUT_MINUTES` (30): 423 with `Retry-After`; another address is not locked, and an unknown username is treated alike. Growing delays per username and address, and a cap per address, answer 429. Every sign-in and failure is a security event.',
    body: m.SessionCreate, ok: [{ status: 200, description: 'The signed-in account and its session', schema: m.SessionAnswer, setsCookie: true }],
    errors: [...WRITE, 401, 423, 429], why: { 401: 'Wrong username or password, or an inactive account (`bad_credentials`).', 423: 'Too many wrong passwords for this username from this address (`account_locked`): retry after `Retry-After` seconds, or have an account manager unlock it.' } },
  { operationId: 'whoAmI', method: 'get', path: '/api/session', tag: 'session', who: 'account',
    summary: 'Who am I', description: 'The account and its session: when it ends if idle (`idleExpiresAt`, `SESSION_IDLE_MINUTES`), when it ends however busy (`expiresAt`, `SESSION_MAX_HOURS`), whether its password must be changed first (`passwordExpired`). Every signed-in request counts as activity.',
    ok: ok200(m.SessionAnswer, 'The signed-in account and its session'), errors: [401],
    why: { 401: 'Not signed in (`unauthorized`), or the session has just ended by time (`session_timeout`, said once).' } },
  { operationId: 'keepAlive', method: 'post', path: '/api/session/keep-alive', tag: 'session', who: 'account',
    summary: 'Stay signed in', description: 'Starts the idle time again (not the lifetime): the answer\u2019s `idleExpiresAt` is a full idle time from now.',
    ok: ok200(m.KeepAliveAnswer, 'The session\u2019s timing'), errors: [401, 403, 415],
    why: { 401: 'Not signed in (`unauthorized`), or the session has just ended by time (`session_timeout`).' } },
  { operationId: 'changePassword', method: 'post', path: '/api/session/password', tag: 'session', who: 'account',
    summary: 'Change my password', description: 'Any signed-in account changes its own. The account\u2019s other sessions end; this one goes on, and may write again if its password had expired.',
    body: m.PasswordChange, ok: ok200(m.SessionAnswer, 'The account and its session'), errors: [...WRITE, 401],
    why: { 400: 'A field is wrong; the current password is wrong (`wrong_password`); the new one is too weak (as when an account is created); or it is the current one or one of the last `PASSWORD_HISTORY` (`password_reused`).' } },
  { operationId: 'signOut', method: 'delete', path: '/api/session', tag: 'session', who: 'all', optionalSession: true,
    summary: 'Sign out', description: 'Ends the session (if any) and clears the cookie; signing out twice is fine.',
    ok: [{ status: 204, description: 'Signed out' }], errors: [403] },
];
