/**
 * A security event written by a command (backup, restore, restore from the replica) straight into a database
 * file, without migrating it: the server may be running on it (a backup), or it may be a restored file the
 * server will migrate at its next start. A database too old to have the security log is left as it is, and
 * the caller says so.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import type { Db } from '../../db/open';
import * as schema from '../../db/schema';
import { recordSecurityEvent, type SecurityEventInput } from '../domain/security/events';

/** Records `event` in the database at `file`; false when it has no security log (a release before it). */
export function recordInDatabase(file: string, event: SecurityEventInput): boolean {
  const sqlite = new Database(file, { fileMustExist: true });
  try {
    sqlite.pragma('busy_timeout = 5000');
    const has = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'security_events'").get();
    if (!has) return false;
    recordSecurityEvent(drizzle(sqlite, { schema }) as Db, event);
    return true;
  } finally {
    sqlite.close();
  }
}
