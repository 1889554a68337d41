/**
 * Opens the registry's SQLite database: durable settings, migrations applied, schema version checked.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { projectRoot } from './project-root';
import * as schema from './schema';

/** The drizzle handle used everywhere on the server. */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Where the committed migrations live. */
export const MIGRATIONS_FOLDER = join(projectRoot(), 'db', 'migrations');

/** How many migrations this build of the code knows. */
export function knownMigrationCount(folder = MIGRATIONS_FOLDER): number {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/** Thrown when the database was written by a newer version of the code. */
export class NewerSchemaError extends Error {
  constructor(file: string, found: number, known: number) {
    super(
      `Database ${file} has schema version ${found}, but this version of the registry knows only ${known}. ` +
        'It was written by a newer release: upgrade the code, or restore a backup made for this version.',
    );
    this.name = 'NewerSchemaError';
  }
}

/**
 * Opens (creating if needed) the database at `file` (or `:memory:`), applies pending migrations and
 * sets WAL, synchronous=FULL, foreign keys and a busy timeout. WAL and the busy timeout are also what
 * Litestream (`npm run replicate`) needs: it reads the WAL, and takes the write lock for a moment when
 * it checkpoints. wal_autocheckpoint stays at SQLite's 1000 pages: Litestream's open read transaction
 * keeps these PASSIVE checkpoints from recycling frames it has not copied, and without Litestream they
 * keep the WAL from growing (README, "Replication and recovery"). secure_delete overwrites what a write
 * frees (an old password hash, an ended session, a deleted document) with zeros rather than leaving it in
 * free pages (等保 2.0 剩余信息保护).
 */
export function openDb(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('secure_delete = ON');
    const known = knownMigrationCount();
    const found = sqlite.pragma('user_version', { simple: true }) as number;
    if (found > known) throw new NewerSchemaError(file, found, known);
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    sqlite.pragma(`user_version = ${known}`);
    return db as Db;
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * The page cache of a task worker's connections, in KiB (better-sqlite3 builds SQLite with 16 MB). A
 * worker reads each table once per registry version, so a large cache serves it little, and the pages it
 * held stay behind as holes in the C allocator's arenas when the worker stops. The server's own connection,
 * which answers the same rows again and again, keeps the 16 MB.
 */
export const WORKER_CACHE_KIB = 2000;

/**
 * Opens an existing database read-only, without migrating (for worker threads beside a server that
 * has opened and migrated it). WAL lets it read while the server writes.
 */
export function openReadOnlyDb(file: string): Db {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma(`cache_size = -${WORKER_CACHE_KIB}`);
  return drizzle(sqlite, { schema }) as Db;
}

/**
 * Opens an existing database for writing without migrating (for a task worker beside the server):
 * the same durable settings as `openDb`, a worker's page cache.
 */
export function openWritableDb(file: string): Db {
  const sqlite = new Database(file, { fileMustExist: true });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma(`cache_size = -${WORKER_CACHE_KIB}`);
  return drizzle(sqlite, { schema }) as Db;
}
