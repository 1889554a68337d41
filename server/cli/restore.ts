/**
 * `npm run restore -- FILE`: puts a backup (from `npm run backup`) in place of DATABASE_PATH, safely.
 *
 * 1. Checks the backup: copied to a temporary file beside the database, then `PRAGMA integrity_check`,
 *    the registry's tables and applied migrations present, and a schema no newer than this code knows.
 * 2. Refuses while anything has the database open (the server, its workers, Litestream, another CLI):
 *    it takes SQLite's own exclusive lock and keeps it until the new file is in place.
 * 3. Replaces: the old file is kept as DATABASE.before-restore-<time>, its stale `-wal` and `-shm` are
 *    removed, and the checked copy is renamed over the database (atomic), then fsync'd.
 * 4. Records a `restore` event in the restored database's security log.
 * The steps are `restore-in-place.ts`, shared with `npm run restore:replica`.
 * Exits 0 when restored, 1 when refused or failed (nothing changed), 2 on a usage error.
 */
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { readConfig } from '../config';
import { checkRestoredCopy, DatabaseInUseError, lockUnusedDatabase, recordRestore, removeTemp, replaceDatabase, restoreTempPath } from './restore-in-place';

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

// 1. A checked copy of the backup beside the database, made before the database is touched at all.
const temp = restoreTempPath(databasePath, 'restore');
let summary: string;
try {
  copyFileSync(file, temp);
  summary = checkRestoredCopy(temp);
} catch (error) {
  removeTemp(temp);
  fail(`Not restored: ${file} is not a usable backup: ${(error as Error).message}. Nothing was changed.`);
}

// 2. Nobody else may have the database open; 3. swap under that lock.
let done: string[];
try {
  done = replaceDatabase(temp, databasePath, lockUnusedDatabase(databasePath));
} catch (error) {
  removeTemp(temp);
  fail(error instanceof DatabaseInUseError ? error.message : `Restore failed while replacing ${databasePath}: ${(error as Error).message}`);
}
console.log(`Restored ${file} into ${databasePath} (${summary!}; integrity ok).`);
for (const line of done!) console.log(`  ${line}`);
recordRestore(databasePath, { from: resolve(file), summary: summary! });
console.log('Start the server now; it opens the restored database as usual.');
