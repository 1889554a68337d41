/**
 * Accounts (account managers: security admins, and city admins unless SEPARATE_DUTIES): GET and POST
 * /api/users, PATCH /api/users/:id, POST /api/users/:id/unlock. A change or an unlock is based on the version
 * the manager saw (If-Match: server/versions.ts).
 */
import { Router, type Request, type Response } from 'express';
import { UserCreate, UserUpdate } from '../../db/model';
import { requireAccount, setSessionCookie, signedInAccount } from '../auth';
import { clockOf, type AppContext } from '../context';
import { createSession, sessionPolicyOf } from '../domain/accounts/sessions';
import { createUser, listUsers, unlockUser, updateUser } from '../domain/accounts/accounts';
import { assertMayManageAccounts } from '../domain/access/permissions';
import { addressOf } from '../rate-limit';
import { assertFresh, setETag } from '../versions';
import { idParam, validate } from '../validate';
import { jsonBody, requireJson } from '../write-guard';

/** Account routes. */
export function userRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  const now = clockOf(ctx);
  const { separateDuties, passwordHistory } = ctx.config.security;
  const policy = sessionPolicyOf(ctx.config.security);
  /** The signed-in account manager (401, or 403 for any other account). */
  const manager = (res: Response) => {
    const account = signedInAccount(res);
    assertMayManageAccounts(account, separateDuties);
    return account;
  };
  /** Where and when, and the If-Match check right before the write. */
  const change = (req: Request) => ({ now: now(), address: addressOf(req), beforeWrite: (current: { version: string }) => assertFresh(req, current) });

  return Router()
    .get('/api/users', requireAccount, (_req, res) => {
      manager(res);
      res.set('Cache-Control', 'private, no-store').json(listUsers(db, now()));
    })
    .post('/api/users', requireAccount, ...jsonBody, async (req, res) => {
      const by = manager(res);
      const input = validate(UserCreate, req.body, 'body');
      res.status(201).json(await createUser(db, by, input, { now: now(), address: addressOf(req) }));
    })
    .patch('/api/users/:id', requireAccount, ...jsonBody, async (req, res) => {
      const by = manager(res);
      const id = idParam(req.params.id);
      const patch = validate(UserUpdate, req.body, 'body');
      const user = await updateUser(db, by, id, patch, { separateDuties, passwordHistory }, change(req));
      // A new password ends every session of the account; the manager who changed their own stays signed in.
      if (id === by.id && patch.password) setSessionCookie(req, res, createSession(db, id, now()).token, policy.maxMs);
      setETag(res, user);
      res.json(user);
    })
    .post('/api/users/:id/unlock', requireAccount, requireJson, (req, res) => {
      const by = manager(res);
      const user = unlockUser(db, by, idParam(req.params.id), change(req));
      setETag(res, user);
      res.json(user);
    });
}
