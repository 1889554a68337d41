/**
 * `npm run restore -- FILE`: puts a backup (from `npm run backup`) in place of DATABASE_PATH, safely.
 *
 * 1. Checks the backup: copied to a temporary file beside the database, then `PRAGMA integrity_check`,
 *    the registry's tables and applied migrations present, and a schema no newer than this code knows.
 * 2. Refuses while anything has the database open (the server, its workers, another CLI): it takes
 *    SQLite's own exclusive lock (locking_mode=EXCLUSIVE, BEGIN EXCLUSIVE, 1 s busy timeout). Every
 *    open WAL connection holds a shared lock on the file, so this fails while a server runs, however
 *    idle, and succeeds once it has stopped or was killed (the OS drops a dead process's locks). The
 *    lock is then kept until the new file is in place, so no server can open the old one meanwhile.
 * 3. Replaces: the old file is kept (hard link) as DATABASE.before-restore-<time>, its stale `-wal` and
 *    `-shm` are removed, and the checked copy is renamed over the database (atomic), then fsync'd.
 * Exits 0 when restored, 1 when refused or failed (nothing changed), 2 on a usage error.
 */
import { closeSync, copyFileSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { knownMigrationCount } from '../../db/open';
import { readConfig } from '../config';

/** Tables a registry database must have (and the migrations journal). */
const REQUIRED_TABLES = ['__drizzle_migrations', 'counties', 'products', 'designations', 'transitions', 'users', 'sessions', 'audit_events', 'registry_meta'];

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const [file, ...extra] = process.argv.slice(2).filter((a) => a !== '--');
if (!file || extra.length > 0 || file.startsWith('-')) {
  fail('Usage: npm run restore -- FILE   (stop the server first; replaces DATABASE_PATH, default data/registry.sqlite)', 2);
}
if (!existsSync(file)) fail(`No backup at ${file}.`);
// An empty -wal is what a read-only look at a backup leaves; one with frames means a live copy.
if (existsSync(`${file}-wal`) && statSync(`${file}-wal`).size > 0) {
  fail(`${file} has a ${basename(file)}-wal beside it: it is a copy of a live database, not a backup. Make backups with npm run backup.`);
}
const databasePath = resolve(readConfig().databasePath);
if (resolve(file) === databasePath) fail(`${file} is the database itself.`);

// 1. A checked copy of the backup beside the database (same file system, so the rename is atomic),
//    made before the database is touched at all.
const temp = `${databasePath}.restore-${process.pid}.tmp`;
const removeTemp = () => { for (const s of ['', '-wal', '-shm', '-journal']) rmSync(temp + s, { force: true }); };
let summary: string;
try {
  copyFileSync(file, temp);
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
    summary = `${n('products')} products, ${n('users')} accounts, schema ${applied} of ${known}`;
    // A self-contained file (no -wal needed); the server switches it back to WAL when it opens it.
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  const fd = openSync(temp, 'r+');
  fsyncSync(fd);
  closeSync(fd);
} catch (error) {
  removeTemp();
  fail(`Not restored: ${file} is not a usable backup: ${(error as Error).message}. Nothing was changed.`);
}

// 2. Nobody else may have the database open; keep it locked until the end.
let current: Database.Database | null = null;
if (existsSync(databasePath)) {
  try {
    current = new Database(databasePath, { fileMustExist: true });
    current.pragma('busy_timeout = 1000');
    current.pragma('locking_mode = EXCLUSIVE');
    current.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (error) {
    const code = String((error as { code?: unknown }).code ?? '');
    current?.close();
    current = null;
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      removeTemp();
      fail(`${databasePath} is in use: a server (or another command) has it open. Stop it first; nothing was changed.`);
    }
    // A database SQLite cannot even read cannot be in use by a working server: it is the one to replace.
    console.warn(`The current database cannot be read (${(error as Error).message}); it will be replaced.`);
  }
}

// 3. Swap: keep the old file, drop its stale -wal/-shm, rename the checked copy into place.
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
  renameSync(temp, databasePath);
  const dirFd = openSync(dirname(databasePath), 'r');
  try { fsyncSync(dirFd); } finally { closeSync(dirFd); }
} catch (error) {
  removeTemp();
  current?.close();
  fail(`Restore failed while replacing ${databasePath}: ${(error as Error).message}`);
}
current?.close();
console.log(`Restored ${file} into ${databasePath} (${summary!}; integrity ok).`);
for (const line of done) console.log(`  ${line}`);
console.log('Start the server now; it opens the restored database as usual.');
