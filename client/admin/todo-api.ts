/** The workspace's call for its home: the signed-in official's to-do list. */
import type { TodoList } from '../../db/model';
import { apiGet } from '../lib/api';

/** The to-do list call. */
export const todoApi = {
  /** What needs the viewer now: their county's (the city's for an admin), in counted groups. */
  todo: (signal?: AbortSignal) => apiGet<TodoList>('/api/todo', signal),
};
