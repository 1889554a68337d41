/** Accounts (admins only): GET and POST /api/users, PATCH /api/users/:id. */
import { Router } from 'express';
import { UserCreate, UserUpdate } from '../../db/model';
import { requireAdmin, signedInViewer } from '../auth';
import type { AppContext } from '../context';
import { createUser, listUsers, updateUser } from '../domain/accounts';
import { idParam, validate } from '../validate';
import { jsonBody } from '../write-guard';

/** Account routes. */
export function userRoutes({ db }: AppContext): Router {
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
      res.json(await updateUser(db, signedInViewer(res), id, patch));
    });
}
