/**
 * Where each official's import stands (reading, checking, writing: rows done of rows in all), kept
 * in memory for the page to poll while the import runs in a task worker.
 */
import type { ImportProgress } from '../../../db/model';

/** The progress of every user's latest import, by user id. */
export class ImportProgressBoard {
  private readonly byUser = new Map<number, ImportProgress>();

  /** Records where a user's import stands. */
  set(userId: number, progress: ImportProgress): void {
    this.byUser.set(userId, progress);
  }

  /** Where a user's latest import stands (`idle` when there has been none). */
  get(userId: number): ImportProgress {
    return this.byUser.get(userId) ?? { phase: 'idle', done: 0, total: 0 };
  }
}
