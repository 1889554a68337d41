/**
 * `npm run backup -- FILE`: an online backup of DATABASE_PATH into FILE with SQLite's backup API
 * (consistent while the server keeps running), then an integrity check of the copy, then a `backup`
 * event in the database's security log. Refuses to overwrite an existing file; exits non-zero on any failure.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { readConfig } from '../config';
import { recordInDatabase } from './security-event';

const [file, ...extra] = process.argv.slice(2).filter((a) => a !== '--');
if (!file || extra.length > 0 || file.startsWith('-')) {
  console.error('Usage: npm run backup -- FILE   (backs up DATABASE_PATH, default data/registry.sqlite)');
  process.exit(2);
}
if (existsSync(file)) {
  console.error(`${file} already exists; choose a new file name (a backup never overwrites).`);
  process.exit(1);
}

const { databasePath } = readConfig();
if (!existsSync(databasePath)) {
  console.error(`No database at ${databasePath} (set DATABASE_PATH).`);
  process.exit(1);
}
const source = new Database(databasePath, { readonly: true, fileMustExist: true });
try {
  source.pragma('busy_timeout = 5000');
  const { totalPages } = await source.backup(file);
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  const check = copy.pragma('integrity_check', { simple: true });
  copy.close();
  if (check !== 'ok') throw new Error(`integrity check of ${file} failed: ${String(check)}`);
  console.log(`Backed up ${databasePath} to ${file} (${totalPages} pages, integrity ok).`);
  // The security log of the database backed up says when, and to where (the copy is made by then: it does not hold this event).
  const recorded = recordInDatabase(databasePath, { kind: 'backup', actor: null, detail: { file: resolve(file), pages: totalPages, user: userInfo().username } });
  if (!recorded) console.log('(This database has no security log yet: start the server once to add it.)');
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  source.close();
}
