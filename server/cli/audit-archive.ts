/**
 * `npm run audit:archive`: archives the security events older than AUDIT_RETENTION_DAYS (default 180) of
 * DATABASE_PATH now, as the server does at start and once a day: appended to
 * `audit-archive/security-events-<YYYY-MM>.jsonl.gz` beside the database, synced, then removed from the
 * table with an `audit_archived` event per file. Safe beside a running server. Exits 1 on failure, 2 on bad settings.
 */
import { existsSync } from 'node:fs';
import { openDb } from '../../db/open';
import { readConfig, type Config } from '../config';
import { archiveFolderOf, archiveSecurityEvents } from '../domain/security/retention';

let config: Config;
try {
  config = readConfig();
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
if (!existsSync(config.databasePath)) {
  console.error(`No database at ${config.databasePath} (set DATABASE_PATH).`);
  process.exit(1);
}
const db = openDb(config.databasePath);
try {
  const folder = archiveFolderOf(config.databasePath);
  const result = archiveSecurityEvents(db, { folder, now: new Date(), retentionDays: config.security.auditRetentionDays });
  if (result.count === 0) console.log(`No security events older than ${config.security.auditRetentionDays} days in ${config.databasePath}.`);
  else {
    console.log(`Archived ${result.count} security events older than ${config.security.auditRetentionDays} days:`);
    for (const f of result.files) console.log(`  ${f.count} into ${folder}/${f.file.split('/').pop()}`);
  }
} catch (error) {
  console.error(`Archiving failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
