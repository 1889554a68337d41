/**
 * `npm run restore:replica [-- --to-time 2026-12-05T18:00:00+08:00]`: puts the database back from
 * Litestream's replica (REPLICA_DIR or REPLICA_URL), as it was last shipped or as it was at a moment.
 *
 * 1. Refuses while anything has the database open (the server, its workers, Litestream, a CLI), before
 *    anything is fetched, and keeps SQLite's exclusive lock until the new file is in place.
 * 2. `litestream restore` writes the database beside the current one (a snapshot, then the WAL up to
 *    the moment asked for); it is checked as `npm run restore` checks a backup (integrity, the
 *    registry's tables and migrations, a schema this release knows).
 * 3. Swapped in atomically as `npm run restore` does: the old file kept as .before-restore-<time>.
 * `--list` prints the replica's generations and snapshots (what a restore can reach) and exits.
 * Exits 0 when restored, 1 when refused or failed (nothing changed), 2 on a usage error.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { readConfig } from '../config';
import { describeReplica, exited, litestreamConfig, readReplication, runLitestream, type Replication } from './litestream';
import { checkRestoredCopy, lockUnusedDatabase, recordRestore, removeTemp, replaceDatabase, restoreTempPath } from './restore-in-place';

const USAGE = 'Usage: npm run restore:replica [-- --to-time 2026-12-05T18:00:00+08:00 | --list]   (stop the server and npm run replicate first; replaces DATABASE_PATH)';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

let options: { 'to-time'?: string; list?: boolean };
try {
  ({ values: options } = parseArgs({ args: process.argv.slice(2).filter((a) => a !== '--'), options: { 'to-time': { type: 'string' }, list: { type: 'boolean' } } }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
// A moment without its zone would be read in the machine's zone, which the operator may not know.
const toTime = options['to-time'];
if (toTime !== undefined && (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(toTime) || Number.isNaN(Date.parse(toTime)))) {
  fail(`--to-time takes a moment with its zone, like 2026-12-05T18:00:00+08:00 or 2026-12-05T10:00:00Z; got ${toTime}.`, 2);
}
if (toTime !== undefined && options.list) fail(USAGE, 2);

let replication: Replication | null;
try { replication = readReplication(readConfig().databasePath); } catch (error) { fail((error as Error).message, 2); }
if (!replication) fail('No replica configured: set REPLICA_DIR or REPLICA_URL as npm run replicate had them.', 2);
const { databasePath } = replication;
const replica = describeReplica(replication.replica);
const config = litestreamConfig(replication);

if (options.list) {
  for (const command of ['generations', 'snapshots']) {
    const { code } = await exited(runLitestream(command, [databasePath], config));
    if (code !== 0) fail(`litestream ${command} failed (exit code ${code}).`);
  }
  process.exit(0);
}

// 1. Nobody else may have the database open; the lock is held through the swap.
const started = performance.now();
let current: ReturnType<typeof lockUnusedDatabase>;
try { current = lockUnusedDatabase(databasePath); } catch (error) { fail((error as Error).message); }
const temp = restoreTempPath(databasePath, 'replica-restore');
// Litestream builds the file as TEMP.tmp and renames it; SQLite's -wal/-shm of that stay behind.
const removeLitestreamLeftovers = () => { for (const s of ['.tmp', '.tmp-wal', '.tmp-shm']) rmSync(temp + s, { force: true }); };
const giveUp = (message: string): never => {
  removeTemp(temp);
  removeLitestreamLeftovers();
  current?.close();
  return fail(message);
};

// 2. Litestream writes the restored file beside the database (a new machine may not have its folder
//    yet); then the same checks as a backup's.
mkdirSync(dirname(databasePath), { recursive: true });
removeTemp(temp);
const moment = toTime === undefined ? 'as last shipped' : `as of ${new Date(toTime).toISOString()}`;
console.log(`Restoring ${databasePath} from ${replica}, ${moment}…`);
const args = ['-o', temp, ...(toTime === undefined ? [] : ['-timestamp', new Date(toTime).toISOString()]), databasePath];
let result: Awaited<ReturnType<typeof exited>>;
try { result = await exited(runLitestream('restore', args, config)); } catch (error) { giveUp(`Not restored: ${(error as Error).message}. Nothing was changed.`); }
removeLitestreamLeftovers();
if (result!.code !== 0) {
  giveUp(`Not restored: Litestream could not restore from ${replica} (${result!.signal ?? `exit code ${result!.code}`}; its reason is above). Nothing was changed.`);
}
const fetchedMs = performance.now() - started;
let summary: string;
try { summary = checkRestoredCopy(temp); } catch (error) {
  giveUp(`Not restored: the replica's copy is not a usable registry database: ${(error as Error).message}. Nothing was changed.`);
}

// The replica dates each WAL segment by its own clock (a remote store's, for a URL); the registry's
// history says whether the copy really ends before the moment.
if (toTime !== undefined) {
  const copy = new Database(temp, { readonly: true, fileMustExist: true });
  const after = copy.prepare('SELECT count(*) AS n, max(at) AS last FROM audit_events WHERE at > ?').get(new Date(toTime).toISOString()) as { n: number; last: string | null };
  copy.close();
  if (after.n > 0) {
    console.warn(`Note: it also holds ${after.n} change(s) recorded after ${toTime}, the last at ${after.last} (the replica's clock, which dates what it holds, runs behind this machine's). To leave them out, restore to an earlier moment.`);
  }
}

// 3. Swap it in.
let done: string[];
try { done = replaceDatabase(temp, databasePath, current); } catch (error) {
  removeTemp(temp);
  fail(`Restore failed while replacing ${databasePath}: ${(error as Error).message}`);
}
const seconds = (ms: number) => (ms / 1000).toFixed(1);
console.log(`Restored ${databasePath} from ${replica}, ${moment} (${summary!}; integrity ok) in ${seconds(performance.now() - started)} s (Litestream ${seconds(fetchedMs)} s).`);
for (const line of done!) console.log(`  ${line}`);
recordRestore(databasePath, { from: replica, moment, summary: summary! });
console.log('Start the server now, then npm run replicate: Litestream starts a new generation from the restored file.');
