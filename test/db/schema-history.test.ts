/**
 * One schema history: db/schema.ts, the committed migrations and drizzle-kit's snapshots agree, so
 * `npm run db:generate` on an unchanged schema writes nothing, and a new migration starts from the truth.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDb } from '../../db/open';
import { projectRoot } from '../../db/project-root';
import { PRIVATE_TABLES, registryTriggerNames, tablesLackingRegistryTriggers } from '../../db/registry-triggers';

const ROOT = projectRoot();
const DRIZZLE_KIT = join(ROOT, 'node_modules', 'drizzle-kit', 'bin.cjs');

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'gi-schema-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs drizzle-kit on the real db/schema.ts with its migrations written to `out`; returns what it printed. */
function drizzleKit(command: 'generate' | 'check', out: string): string {
  const config = join(out, '..', `drizzle.${command}.config.mjs`);
  mkdirSync(out, { recursive: true });
  writeFileSync(config, `export default ${JSON.stringify({ dialect: 'sqlite', schema: join(ROOT, 'db', 'schema.ts'), out: relative(ROOT, out) })};\n`);
  const run = spawnSync(process.execPath, [DRIZZLE_KIT, command, '--config', config], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.status !== 0 || /^Error/m.test(run.stderr + run.stdout)) throw new Error(`drizzle-kit ${command} failed:\n${run.stdout}${run.stderr}`);
  return run.stdout + run.stderr;
}

/** The shape of every table of a database: columns, indexes and foreign keys, as SQLite reports them. */
function shapeOf(sqlite: Database.Database, tables: string[]) {
  return Object.fromEntries(tables.map((table) => [table, {
    // `DEFAULT false` (drizzle-kit) and `DEFAULT 0` (hand-written) are the same value to SQLite.
    columns: (sqlite.pragma(`table_info(\`${table}\`)`) as { dflt_value: string | null }[])
      .map((c) => ({ ...c, dflt_value: c.dflt_value === 'false' ? '0' : c.dflt_value === 'true' ? '1' : c.dflt_value })),
    indexes: (sqlite.pragma(`index_list(\`${table}\`)`) as { name: string; unique: number; origin: string }[])
      .map((ix) => ({ name: ix.name, unique: ix.unique, columns: (sqlite.pragma(`index_info(\`${ix.name}\`)`) as { name: string }[]).map((c) => c.name) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    foreignKeys: (sqlite.pragma(`foreign_key_list(\`${table}\`)`) as { table: string; from: string; to: string }[])
      .map(({ table: to, from, to: column }) => `${from} → ${to}.${column}`).sort(),
  }]));
}

describe('the schema history', () => {
  it('db:generate on the unchanged schema reports no change and writes no migration', () => {
    const out = join(dir, 'unchanged', 'migrations');
    cpSync(MIGRATIONS_FOLDER, out, { recursive: true });
    const before = readdirSync(out, { recursive: true }).sort();
    const printed = drizzleKit('generate', out);
    expect(printed).toMatch(/No schema changes/);
    expect(readdirSync(out, { recursive: true }).sort()).toEqual(before);
    expect(drizzleKit('check', out)).toMatch(/Everything's fine/);
  });

  it('a change to the schema is noticed (the check above can fail)', () => {
    const out = join(dir, 'stale', 'migrations');
    cpSync(MIGRATIONS_FOLDER, out, { recursive: true });
    // Roll the last snapshot back to the newest one with other tables (a custom migration, such as
    // triggers, keeps its predecessor's): drizzle-kit must then see tables to create.
    const meta = join(out, 'meta');
    const snapshots = readdirSync(meta).filter((f) => f.endsWith('_snapshot.json')).sort();
    const newest = snapshots.at(-1)!;
    const latest = JSON.parse(readFileSync(join(meta, newest), 'utf8'));
    // Tables, columns and indexes by name: a custom migration's snapshot lists the same in another key order.
    const namesOf = (tables: Record<string, { columns: object; indexes: object }>) => JSON.stringify(Object.keys(tables).sort()
      .map((name) => [name, Object.keys(tables[name].columns).sort(), Object.keys(tables[name].indexes).sort()]));
    const older = snapshots.slice(0, -1).reverse()
      .find((f) => namesOf(JSON.parse(readFileSync(join(meta, f), 'utf8')).tables) !== namesOf(latest.tables))!;
    const previous = JSON.parse(readFileSync(join(meta, older), 'utf8'));
    writeFileSync(join(meta, newest), JSON.stringify({ ...previous, id: latest.id, prevId: latest.prevId }));
    expect(drizzleKit('generate', out)).not.toMatch(/No schema changes/);
    expect(readdirSync(out).filter((f) => f.endsWith('.sql')).length).toBeGreaterThan(readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith('.sql')).length);
  });

  it('the committed migrations build exactly the tables db/schema.ts declares', () => {
    // drizzle-kit's own SQL for the schema from nothing, against the hand-kept history applied in order.
    const out = join(dir, 'fresh', 'migrations');
    drizzleKit('generate', out);
    const fresh = new Database(':memory:');
    for (const file of readdirSync(out).filter((f) => f.endsWith('.sql'))) {
      for (const statement of readFileSync(join(out, file), 'utf8').split('--> statement-breakpoint')) {
        if (statement.trim()) fresh.exec(statement);
      }
    }
    const migrated = openDb(join(dir, 'migrated.sqlite')).$client;
    const declared = fresh.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name").pluck().all() as string[];
    const built = migrated.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not like '\\_\\_%' escape '\\' order by name").pluck().all() as string[];
    expect(built).toEqual(declared);
    expect(shapeOf(migrated, built)).toEqual(shapeOf(fresh, declared));
    migrated.close();
    fresh.close();
  });
});

describe('registry triggers (the ready caches\' rule)', () => {
  it('every table the public reads moves the registry version on insert, update and delete', () => {
    const sqlite = openDb(':memory:').$client;
    expect(tablesLackingRegistryTriggers(sqlite)).toEqual([]);
    // The private tables are real tables: a name kept here after its table went would hide nothing, but mislead.
    const tables = new Set(sqlite.prepare("select name from sqlite_master where type = 'table'").pluck().all());
    for (const table of Object.keys(PRIVATE_TABLES)) expect(tables.has(table)).toBe(true);
  });

  it('names a new table without its triggers, and a table that lost one', () => {
    const sqlite = openDb(':memory:').$client;
    sqlite.exec('CREATE TABLE `tasting_notes` (`id` integer PRIMARY KEY, `volume` real)');
    sqlite.exec('DROP TRIGGER `locations_delete_moves_registry`');
    expect(tablesLackingRegistryTriggers(sqlite)).toEqual([
      { table: 'locations', missing: ['locations_delete_moves_registry'] },
      { table: 'tasting_notes', missing: registryTriggerNames('tasting_notes') },
    ]);
  });

  it('does not take a trigger of the right name that moves nothing', () => {
    const sqlite = openDb(':memory:').$client;
    sqlite.exec('CREATE TABLE `notes` (`id` integer PRIMARY KEY)');
    for (const [i, name] of registryTriggerNames('notes').entries()) {
      const event = ['INSERT', 'UPDATE', 'DELETE'][i % 3];
      sqlite.exec(`CREATE TRIGGER \`${name}\` AFTER ${event} ON \`notes\` BEGIN SELECT 1; END`);
    }
    expect(tablesLackingRegistryTriggers(sqlite)).toEqual([{ table: 'notes', missing: registryTriggerNames('notes') }]);
  });
});
