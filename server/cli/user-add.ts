/**
 * `npm run user:add -- --username U --role official --county 140521` (or `--role admin`, `security_admin`,
 * `auditor`: no county): creates an account in the server's database (DATABASE_PATH, as the server reads it: server/config.ts). Without
 * `--password` it asks for the password twice, hidden (or reads two lines from a pipe). It creates no
 * database unless `--create` says to: a mistyped DATABASE_PATH must not make a second, seeded one. A
 * missing or unknown county lists the counties. Bad input exits with status 2, a refusal with 1.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Role, todayInShanghai, UserCreate } from '../../db/model';
import { openDb } from '../../db/open';
import { isEmpty, loadSeeds } from '../../seeds/loader';
import { readConfig } from '../config';
import { HttpError } from '../errors';
import { createUser } from '../domain/accounts/accounts';
import { loadCountyHistory } from '../domain/places/county-history';
import { readNewPassword } from './password-prompt';

const USAGE = 'Usage: npm run user:add -- --username U --role official --county 140521 [--password P] [--create]\n' +
  '       npm run user:add -- --username U --role admin|security_admin|auditor [--password P] [--create]\n' +
  'Without --password it asks for the password (twice, not shown). It uses the server\'s DATABASE_PATH;\n' +
  '--create makes a new database there when none exists.';

function fail(message: string, code = 2): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(code);
}

let values: { username?: string; password?: string; role?: string; county?: string; create?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      username: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, county: { type: 'string' },
      create: { type: 'boolean' },
    },
    strict: true,
  }));
} catch (error) {
  fail((error as Error).message);
}

const config = readConfig();
if (!existsSync(config.databasePath) && !values.create) {
  fail(`There is no database at ${config.databasePath}. Set DATABASE_PATH to the server's database ` +
    '(the same value the server runs with), or pass --create to make a new one there.');
}
const db = openDb(config.databasePath);
try {
  if (isEmpty(db)) {
    // Accounts reference the counties; seed a fresh database as the server would on its first start.
    const report = loadSeeds(db);
    console.log(`Seeded the empty database first: ${report.counties} counties, ${report.products} products.`);
  }
  const counties = loadCountyHistory(db).spansOn(todayInShanghai());
  const countyList = counties.map((c) => `  ${c.code}  ${c.nameZh}  ${c.nameEn}`).join('\n');
  if (values.role === 'official' && !values.county) fail(`--county: an official needs their county, one of:\n${countyList}`);
  if (values.county && Role.safeParse(values.role).success && values.role !== 'official') fail(`--county: only an official has a county, not a${values.role === 'admin' ? 'n' : ''} ${values.role}`);
  if (values.county && !counties.some((c) => c.code === values.county)) {
    fail(`--county: ${values.county} is not a county today; the counties are:\n${countyList}`, 1);
  }
  const password = values.password ?? await readNewPassword().catch((error: Error) => fail(error.message));
  const parsed = UserCreate.safeParse({
    username: values.username, password, role: values.role, county: values.county ?? null,
  });
  if (!parsed.success) {
    fail(parsed.error.issues.map((i) => `--${String(i.path[0] ?? 'input')}: ${i.message}`).join('\n'));
  }
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
