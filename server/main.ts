/**
 * Starts the registry: opens and migrates the database, seeds it when empty, listens on PORT.
 */
import type { AddressInfo } from 'node:net';
import { count } from 'drizzle-orm';
import { openDb } from '../db/open';
import { users } from '../db/schema';
import { isEmpty, loadSeeds } from '../seeds/loader';
import { closeApp, createApp, serve } from './app';
import { readConfig } from './config';

const config = readConfig();
const db = openDb(config.databasePath);
if (isEmpty(db)) {
  const report = loadSeeds(db);
  console.log(`Seeded an empty database: ${report.products} products, ${report.designations} designations.`);
}
if (db.select({ n: count() }).from(users).get()!.n === 0) {
  console.log('No accounts yet. Create the first admin with:\n  npm run user:add -- --username admin --password <at least 10 characters> --role admin');
}
const app = createApp(db, config);
const server = serve(app).listen(config.port, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Jincheng GI registry on http://localhost:${port} (database ${config.databasePath})`);
});

/** In-flight requests get this long after SIGTERM/SIGINT; then every connection is closed. */
const GRACE_MS = 5_000;
/** Whatever still runs this long after the signal (a stuck worker, a stuck close), the process exits. */
const HARD_EXIT_MS = GRACE_MS + 2_500;

let stopping = false;
/**
 * Stops within seconds: no new connections; idle keep-alive connections closed now (and each busy
 * one as its answer ends); after GRACE_MS the rest (slow headers, slow bodies, long downloads) are
 * cut; then the task workers and the database are closed. A second signal exits at once.
 */
function shutdown(signal: NodeJS.Signals) {
  if (stopping) {
    console.log(`${signal} again: exiting now.`);
    process.exit(1);
  }
  stopping = true;
  console.log(`${signal}: stopping (in-flight requests have ${GRACE_MS / 1000} s)…`);
  setTimeout(() => {
    console.error(`Still not stopped after ${HARD_EXIT_MS / 1000} s; exiting.`);
    process.exit(1);
  }, HARD_EXIT_MS).unref();
  const cut = setTimeout(() => server.closeAllConnections(), GRACE_MS);
  cut.unref();
  server.close(async () => {
    clearTimeout(cut);
    try {
      await closeApp(app);
      db.$client.close();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  });
  // A request that arrives during the grace period is answered with `Connection: close`, and a
  // connection whose answer ends is closed as soon as it is idle (checked four times a second).
  server.prependListener('request', (_req, res) => { res.shouldKeepAlive = false; });
  server.closeIdleConnections();
  setInterval(() => server.closeIdleConnections(), 250).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
