/**
 * Starts the registry: opens and migrates the database, seeds it when empty, listens on PORT. It logs JSON
 * lines on stdout (server/request-log.ts; README "Logs"); the CLIs under server/cli/ write plain text.
 */
import type { AddressInfo } from 'node:net';
import { count } from 'drizzle-orm';
import { openDb } from '../db/open';
import { users } from '../db/schema';
import { isEmpty, loadSeeds } from '../seeds/loader';
import { closeApp, createApp, productPagesOf, releasableOf, serve } from './app';
import { readConfig, type Config } from './config';
import { closePhotoQueue } from './documents/photo-queue';
import { collectWhenQuiet } from './quiet-collect';
import { createLogger } from './request-log';

let config: Config;
try {
  config = readConfig();
} catch (error) {
  // A setting out of its range (the security policy's among them) stops the server with what is allowed, not a stack.
  console.error(`Configuration error: ${(error as Error).message}`);
  process.exit(1);
}
const log = createLogger(config.logLevel);
const db = openDb(config.databasePath);
if (isEmpty(db)) {
  const report = loadSeeds(db);
  log.info({ products: report.products, designations: report.designations }, `Seeded an empty database: ${report.products} products, ${report.designations} designations.`);
}
if (db.select({ n: count() }).from(users).get()!.n === 0) {
  log.warn('No accounts yet. Create the first admin with: npm run user:add -- --username admin --role admin (it asks for the password)');
}
const app = createApp(db, config, { log });
const server = serve(app).listen(config.port, () => {
  const { port } = server.address() as AddressInfo;
  // Tests and the benchmark wait for this message (the port is in it).
  log.info({ port, database: config.databasePath, basePath: config.basePath },
    `Jincheng GI registry on http://localhost:${port}${config.basePath} (database ${config.databasePath})`);
  // Every published product's page is made ready in a task worker, and kept so as the registry changes.
  productPagesOf(app).start();
});
// The heap a busy spell grew is handed back as soon as requests stop (with --expose-gc, as npm start runs it).
// The map's kept views go with it: rebuilt by a worker when a new tile or page of them is asked for.
collectWhenQuiet(server, 2_000, {
  release: releasableOf(app),
  onCollect: ({ beforeBytes, afterBytes, ms }) => log.debug({ beforeBytes, afterBytes, ms: Math.round(ms) },
    `Quiet: heap ${Math.round(beforeBytes / 1048576)} → ${Math.round(afterBytes / 1048576)} MB in ${Math.round(ms)} ms`),
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
    log.warn(`${signal} again: exiting now.`);
    process.exit(1);
  }
  stopping = true;
  // Photos waiting to be decoded are refused now (503); only the one being decoded finishes.
  void closePhotoQueue(GRACE_MS);
  log.info(`${signal}: stopping (in-flight requests have ${GRACE_MS / 1000} s)…`);
  setTimeout(() => {
    log.error(`Still not stopped after ${HARD_EXIT_MS / 1000} s; exiting.`);
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
    } catch (err) {
      log.error({ err }, 'stopping failed');
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
