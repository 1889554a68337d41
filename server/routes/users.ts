/** Accounts (admins only): GET and POST /api/users, PATCH /api/users/:id. */
import { Router } from 'express';
import { UserCreate, UserUpdate } from '../../db/model';
import { requireAdmin, setSessionCookie, signedInViewer } from '../auth';
import { clockOf, type AppContext } from '../context';
import { createSession } from '../domain/accounts/sessions';
import { createUser, listUsers, updateUser } from '../domain/accounts/accounts';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';

/** Account routes. */
export function userRoutes(ctx: AppContext): Router {
  const { db } = ctx;
  return Router()
    .get('/api/users', requireAdmin, (_req, res) => {
      res.json(listUsers(db));
    })
    .post('/api/users', requireAdmin, ...jsonBody, async (req, res) => {
      const input = validate(UserCreate, req.body, 'body');
      res.status(201).json(await createUser(db, signedInViewer(res), input));
    })
    .patch('/api/users/:id', requireAdmin, ...jsonBody, async (req, res) => {
      const id = idParam(req.params.id);
      const patch = validate(UserUpdate, req.body, 'body');
      const viewer = signedInViewer(res);
      const user = await updateUser(db, viewer, id, patch);
      // A new password ends every session of the account; the admin who changed their own stays signed in.
      if (id === viewer.id && patch.password) setSessionCookie(req, res, createSession(db, id, clockOf(ctx)()));
      res.json(user);
    });
}
