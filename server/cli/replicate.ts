/**
 * `npm run replicate`: Litestream copies every committed write of DATABASE_PATH to the replica that
 * REPLICA_DIR or REPLICA_URL names, continuously (the WAL shipped every second), until SIGTERM/SIGINT.
 * It runs beside the server as its own process (its own systemd unit), so the registry keeps serving
 * while the replica is unreachable or Litestream restarts; a restarted Litestream carries on from its
 * state beside the database, or starts a new generation with a full snapshot.
 * `npm run replicate -- --print-config` prints the Litestream configuration and exits.
 * Exits with Litestream's code (0 after a signal), 1 when it cannot start, 2 on a usage error.
 */
import { readConfig } from '../config';
import { describeReplica, exited, litestreamConfig, readReplication, runLitestream, sameDiskWarning, type Replication } from './litestream';

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2).filter((a) => a !== '--');
if (args.length > 1 || (args.length === 1 && args[0] !== '--print-config')) {
  fail('Usage: npm run replicate [-- --print-config]   (REPLICA_DIR or REPLICA_URL names the replica; see the README)', 2);
}

let replication: Replication | null;
try { replication = readReplication(readConfig().databasePath); } catch (error) { fail((error as Error).message, 2); }
if (!replication) fail('No replica configured: set REPLICA_DIR (a folder on another disk) or REPLICA_URL (s3://, sftp://…). See the README, "Replication and recovery".', 2);
const config = litestreamConfig(replication);
if (args[0] === '--print-config') {
  console.log(JSON.stringify(config, null, 2));
  process.exit(0);
}

const warning = sameDiskWarning(replication);
if (warning) console.warn(warning);
console.log(`Replicating ${replication.databasePath} to ${describeReplica(replication.replica)} (Litestream, WAL shipped every ${replication.replica['sync-interval']}).`);
let child: ReturnType<typeof runLitestream>;
try { child = runLitestream('replicate', [], config); } catch (error) { fail((error as Error).message); }
// Litestream ships what it has not shipped yet and exits on SIGTERM/SIGINT; pass them on, and wait.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
  process.on(signal, () => { stopping = true; child.kill(signal); });
}
try {
  const { code, signal } = await exited(child);
  if (stopping && (code === 0 || signal)) process.exit(0);
  // It never ends by itself: a replica that is not kept up to date must show in the service's state.
  fail(`Litestream stopped (${signal ?? `exit code ${code}`}); the replica is no longer kept up to date.`, code || 1);
} catch (error) {
  fail(`Litestream could not start: ${(error as Error).message}`);
}
