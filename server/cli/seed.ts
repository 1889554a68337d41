/**
 * `npm run seed`: loads the seed data into DATABASE_PATH (idempotent: a second run inserts nothing).
 */
import { openDb } from '../../db/open';
import { loadSeeds } from '../../seeds/loader';
import { readConfig } from '../config';

const config = readConfig();
const db = openDb(config.databasePath);
const report = loadSeeds(db);
console.log(`Seeded ${config.databasePath}: inserted ${JSON.stringify(report)}`);
db.$client.close();
