/**
 * The operations on accounts (tag `users`), for the account managers.
 */
import { z } from 'zod';
import * as m from '../../../db/model';
import { IF_MATCH, WRITE, ok200, ok201, type Operation } from '../operation';

/** Every operation on accounts. */
export const USER_OPERATIONS: Operation[] = [
  { operationId: 'listUsers', method: 'get', path: '/api/users', tag: 'users', who: 'accounts',
    summary: 'Accounts', description: 'With each account\u2019s lock (`lockedUntil`: the latest in force from any address) and `version`.', ok: ok200(z.array(m.User)), errors: [401, 403] },
  { operationId: 'createUser', method: 'post', path: '/api/users', tag: 'users', who: 'accounts',
    summary: 'Create an account', description: 'An official has a county; the other roles (`admin`, `security_admin`, `auditor`) none.', body: m.UserCreate, ok: ok201(m.User), errors: [...WRITE, 401, 409],
    why: { 400: 'A field is wrong, or the password is too weak: under 10 characters, fewer than 6 different ones, a run such as 1234567890, a common password, or the username with a little added (the message says which).', 409: 'The username is taken (`username_taken`).' } },
  { operationId: 'updateUser', ifMatch: IF_MATCH.version, method: 'patch', path: '/api/users/{id}', tag: 'users', who: 'accounts',
    summary: 'Change an account', description: 'A new password (a reset: not one of the account\u2019s last `PASSWORD_HISTORY`), a deactivation or a change of role or county ends the account\u2019s sessions. Nobody may deactivate themself or change their own role (403), and at least one active account able to manage accounts must remain (409).',
    body: m.UserUpdate, ok: ok200(m.User), errors: [...WRITE, 401, 404, 409],
    why: { 400: 'A field is wrong, the new password is too weak (as when an account is created; the message says why), or it is one of the last `PASSWORD_HISTORY` (`password_reused`).', 409: 'It would leave no active account able to manage accounts (`last_account_manager`).' } },
  { operationId: 'unlockUser', ifMatch: IF_MATCH.version, method: 'post', path: '/api/users/{id}/unlock', tag: 'users', who: 'accounts',
    summary: 'Unlock an account', description: 'Lifts every lock wrong passwords put on the account\u2019s username, from every address, and forgets the failures. A security event (`unlocked`).',
    ok: ok200(m.User), errors: [400, 401, 403, 404, 415] },
];
