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

function shutdown() {
  server.close(async () => {
    await closeApp(app);
    db.$client.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
