/**
 * `npm run user:add -- --username U --password P --role official --county 140521` (or `--role admin`):
 * creates an account in DATABASE_PATH. Bad input prints what is wrong and exits with status 2.
 */
import { parseArgs } from 'node:util';
import { UserCreate } from '../../db/model';
import { openDb } from '../../db/open';
import { isEmpty, loadSeeds } from '../../seeds/loader';
import { readConfig } from '../config';
import { HttpError } from '../errors';
import { createUser } from '../domain/accounts/accounts';

const USAGE = 'Usage: npm run user:add -- --username U --password P --role official --county 140521\n' +
  '       npm run user:add -- --username U --password P --role admin';

function fail(message: string, code = 2): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(code);
}

let values: Record<string, string | undefined>;
try {
  ({ values } = parseArgs({
    options: { username: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, county: { type: 'string' } },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}

const parsed = UserCreate.safeParse({
  username: values.username, password: values.password, role: values.role, county: values.county ?? null,
});
if (!parsed.success) {
  fail(parsed.error.issues.map((i) => `--${String(i.path[0] ?? 'input')}: ${i.message}`).join('\n'));
}

const config = readConfig();
const db = openDb(config.databasePath);
if (isEmpty(db)) {
  // Accounts reference the counties; seed a fresh database as the server would on its first start.
  const report = loadSeeds(db);
  console.log(`Seeded the empty database first: ${report.counties} counties, ${report.products} products.`);
}
try {
  const user = await createUser(db, null, parsed.data);
  console.log(`Created ${user.role} ${user.username}${user.county ? ` (county ${user.county})` : ''} in ${config.databasePath}.`);
} catch (error) {
  // A password the rule refuses is bad input like a bad option (named, exit 2); what the registry refuses is 1.
  const password = error instanceof HttpError ? error.issues?.find((i) => i.path[0] === 'password') : undefined;
  if (password) fail(`--password: ${password.message}`);
  if (error instanceof HttpError) fail(error.message, 1);
  throw error;
} finally {
  db.$client.close();
}
