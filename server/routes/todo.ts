/** GET /api/todo: the signed-in official's to-do list (their county's; the city's for an admin). */
import { Router } from 'express';
import { requireSignedIn, signedInViewer } from '../auth';
import { todayOf, type AppContext } from '../context';
import { todoList } from '../domain/todo/todo-list';

/** The to-do route: signed-in only, never cached (it depends on the day and on every write). */
export function todoRoutes(ctx: AppContext): Router {
  return Router()
    .get('/api/todo', requireSignedIn, (_req, res) => {
      res.set('Cache-Control', 'private, no-store').json(todoList(ctx.db, signedInViewer(res), todayOf(ctx)));
    });
}
