/**
 * The steps every restore shares (`npm run restore` from a backup file, `npm run restore:replica` from
 * Litestream's replica): check a copy made beside the database, make sure nothing has the database
 * open, and swap the checked copy into place atomically, keeping the old file.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { knownMigrationCount } from '../../db/open';
import { recordInDatabase } from './security-event';

/** Tables a registry database must have (and the migrations journal). */
const REQUIRED_TABLES = ['__drizzle_migrations', 'counties', 'products', 'designations', 'transitions', 'users', 'sessions', 'audit_events', 'registry_meta'];

/** Thrown when the database is open in another process (a server, its workers, Litestream, a CLI). */
export class DatabaseInUseError extends Error {
  constructor(databasePath: string) {
    super(`${databasePath} is in use: the server, npm run replicate (Litestream) or another command has it open. Stop it first; nothing was changed.`);
    this.name = 'DatabaseInUseError';
  }
}

/** Where a restore builds its copy: beside the database, so the final rename is atomic. */
export function restoreTempPath(databasePath: string, kind: string): string {
  return `${databasePath}.${kind}-${process.pid}.tmp`;
}

/** Removes a restore's temporary copy and what SQLite left beside it. */
export function removeTemp(temp: string): void {
  for (const s of ['', '-wal', '-shm', '-journal']) rmSync(temp + s, { force: true });
}

/**
 * Checks the copy at `temp` (`PRAGMA integrity_check`, the registry's tables and applied migrations, a
 * schema no newer than this release), makes it self-contained (journal_mode=DELETE: no -wal needed; the
 * server switches it back to WAL when it opens it) and fsyncs it. Returns a one-line summary of what it
 * holds (its newest history entry included); throws with the reason when it is not a usable registry database.
 */
export function checkRestoredCopy(temp: string): string {
  let summary: string;
  const copy = new Database(temp, { fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`integrity check failed: ${String(check)}`);
    const tables = new Set(copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]);
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
    if (missing.length > 0) throw new Error(`not a registry database (missing tables: ${missing.join(', ')})`);
    const applied = copy.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number;
    const version = copy.pragma('user_version', { simple: true }) as number;
    const known = knownMigrationCount();
    if (applied < 1) throw new Error('no migrations were ever applied to it');
    if (Math.max(version, applied) > known) {
      throw new Error(`it has schema version ${Math.max(version, applied)}, newer than this release knows (${known}); restore it with the release that made it`);
    }
    const n = (t: string) => copy.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number;
    const last = copy.prepare('SELECT max(at) FROM audit_events').pluck().get() as string | null;
    summary = `${n('products')} products, ${n('users')} accounts, last change ${last ?? 'none'}, schema ${applied} of ${known}`;
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const fd = openSync(temp, 'r+');
  try { fsyncSync(fd); } finally { closeSync(fd); }
  return summary;
}

/**
 * Takes SQLite's own exclusive lock on the database (locking_mode=EXCLUSIVE, BEGIN EXCLUSIVE, 1 s busy
 * timeout) and keeps it: every open WAL connection holds a shared lock on the file, so this fails while
 * a server or Litestream runs, however idle, and succeeds once they stopped or were killed (the OS
 * drops a dead process's locks). Returns the locked connection, or null when there is no database (or
 * one SQLite cannot read, which no working server can be using); throws DatabaseInUseError.
 */
export function lockUnusedDatabase(databasePath: string): Database.Database | null {
  if (!existsSync(databasePath)) return null;
  let current: Database.Database | null = null;
  try {
    current = new Database(databasePath, { fileMustExist: true });
    current.pragma('busy_timeout = 1000');
    current.pragma('locking_mode = EXCLUSIVE');
    current.exec('BEGIN EXCLUSIVE; COMMIT');
    return current;
  } catch (error) {
    current?.close();
    const code = String((error as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) throw new DatabaseInUseError(databasePath);
    console.warn(`The current database cannot be read (${(error as Error).message}); it will be replaced.`);
    return null;
  }
}

/**
 * Swaps the checked copy `temp` into place of `databasePath`, under the lock `current` holds (closed at
 * the end): the old file is kept (hard link) as DATABASE.before-restore-<time> with its WAL folded in,
 * its stale `-wal`/`-shm` are moved or removed, Litestream's state beside it (`.NAME-litestream`, which
 * describes the old file) is moved aside with it, and the copy is renamed over the database (atomic),
 * then the folder is fsync'd. Returns what it did, a line each.
 */
export function replaceDatabase(temp: string, databasePath: string, current: Database.Database | null): string[] {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = `${databasePath}.before-restore-${stamp}`;
  const done: string[] = [];
  try {
    if (current) {
      // Folds the old WAL into the old file and deletes it (we hold the only connection), so the kept
      // copy is complete and closing this connection later touches no -wal of the new database.
      try { current.pragma('journal_mode = DELETE'); } catch { /* a broken WAL: kept aside below */ }
    }
    if (existsSync(databasePath)) {
      try { linkSync(databasePath, aside); } catch { copyFileSync(databasePath, aside); }
      done.push(`kept the replaced database as ${aside}`);
    }
    for (const side of ['-wal', '-shm', '-journal']) {
      if (!existsSync(databasePath + side)) continue;
      if (side === '-wal') renameSync(databasePath + side, aside + side);
      else rmSync(databasePath + side, { force: true });
      done.push(side === '-wal' ? `moved its stale -wal to ${aside}-wal` : `removed its stale ${side}`);
    }
    // Litestream keeps its shadow WAL of the old file here; left in place it would describe a file
    // that is gone (Litestream's advice: remove it when the database is replaced, then restart it).
    const shadow = join(dirname(databasePath), `.${basename(databasePath)}-litestream`);
    if (existsSync(shadow)) {
      const shadowAside = join(dirname(aside), `.${basename(aside)}-litestream`);
      renameSync(shadow, shadowAside);
      done.push(`moved Litestream's state of the old file to ${shadowAside}`);
    }
    renameSync(temp, databasePath);
    const dirFd = openSync(dirname(databasePath), 'r');
    try { fsyncSync(dirFd); } finally { closeSync(dirFd); }
  } finally {
    current?.close();
  }
  return done;
}

/**
 * Records the `restore` event in the restored database (after the swap, so the event is in the database
 * that is now the registry's); a backup from before the security log says that it could not.
 */
export function recordRestore(databasePath: string, detail: Record<string, unknown>): void {
  const recorded = recordInDatabase(databasePath, { kind: 'restore', actor: null, detail: { ...detail, user: userInfo().username } });
  if (!recorded) console.log('  (the restored database predates the security log: this restore is not recorded in it)');
}
