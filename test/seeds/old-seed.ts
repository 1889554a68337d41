/**
 * A registry database as it was before migration 0004: the migrations before it, then the rows the
 * seed loader of that time wrote (test/seeds/fixtures/seeded-before-0004.sql, dumped from it).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { MIGRATIONS_FOLDER } from '../../db/open';
import { projectRoot } from '../../db/project-root';

const BEFORE_0004 = 1795700001000;

/** A folder holding only the migrations older than 0004, with their journal. */
function migrationsBefore0004(dir: string): string {
  const folder = join(dir, 'migrations');
  mkdirSync(join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  journal.entries = journal.entries.filter((e) => e.when < BEFORE_0004);
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const f of readdirSync(MIGRATIONS_FOLDER)) if (f.endsWith('.sql')) copyFileSync(join(MIGRATIONS_FOLDER, f), join(folder, f));
  return folder;
}

/**
 * Writes a database seeded the old way (year-only facts on 1 January, English notes, text sources,
 * moves noted 种子数据) and returns its file; `extra` runs on it before it is closed (hand-entered data).
 */
export function oldSeededDatabase(extra: (sqlite: Database.Database) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'gi-old-seed-'));
  const file = join(dir, 'registry.sqlite');
  const sqlite = new Database(file);
  sqlite.pragma('foreign_keys = ON');
  migrate(drizzle(sqlite), { migrationsFolder: migrationsBefore0004(dir) });
  sqlite.exec(readFileSync(join(projectRoot(), 'test', 'seeds', 'fixtures', 'seeded-before-0004.sql'), 'utf8'));
  extra(sqlite);
  sqlite.close();
  return file;
}
