import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { knownMigrationCount, NewerSchemaError, openDb, openReadOnlyDb, openWritableDb, WORKER_CACHE_KIB } from '../../db/open';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'gi-open-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openDb', () => {
  it('creates a fresh file with every table and durable settings', () => {
    const db = openDb(join(dir, 'sub', 'r.sqlite'));
    const sqlite = db.$client;
    const tables = sqlite.prepare("select name from sqlite_master where type='table' and name not like '\\_\\_%' escape '\\' and name not like 'sqlite%' order by name").pluck().all();
    expect(tables).toEqual([
      'audit_events', 'authorized_users', 'counties', 'county_changes', 'designation_scope_units', 'designation_scopes', 'designation_specifications', 'designations', 'document_files', 'documents', 'dossier_items', 'dossier_templates',
      'dossiers', 'locations', 'participants', 'password_history', 'periods', 'product_counties', 'product_figures', 'products', 'protected_areas',
      'readiness_settings', 'registry_changes', 'registry_meta', 'report_settings', 'return_links', 'security_events', 'security_state', 'sessions', 'sign_in_failures',
      'targets', 'transitions', 'usage_returns', 'users', 'verify_misses',
    ]);
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    expect(sqlite.pragma('secure_delete', { simple: true })).toBe(1); // freed pages zeroed (剩余信息保护)
    expect(sqlite.pragma('user_version', { simple: true })).toBe(knownMigrationCount());
    sqlite.close();
  });

  it('opens an existing database again without re-running migrations', () => {
    const file = join(dir, 'r.sqlite');
    openDb(file).$client.close();
    const db = openDb(file);
    const applied = db.$client.prepare('select count(*) from __drizzle_migrations').pluck().get();
    expect(applied).toBe(knownMigrationCount());
    db.$client.close();
  });

  it('refuses a database written by a newer schema, with a clear message, and leaves it untouched', () => {
    const file = join(dir, 'r.sqlite');
    openDb(file).$client.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${knownMigrationCount() + 1}`);
    raw.close();
    expect(() => openDb(file)).toThrow(NewerSchemaError);
    expect(() => openDb(file)).toThrow(/newer release/);
    const check = new Database(file);
    expect(check.pragma('user_version', { simple: true })).toBe(knownMigrationCount() + 1);
    check.close();
  });

  it('enforces foreign keys', () => {
    const db = openDb(':memory:');
    expect(() => db.$client.prepare("insert into locations (product_id, position, lat, lng, precision) values (999, 0, 35.5, 112.8, 'exact')").run())
      .toThrow(/FOREIGN KEY/);
  });

  it('keeps the audit log append-only', () => {
    const db = openDb(':memory:');
    const sqlite = db.$client;
    sqlite.prepare("insert into audit_events (action, entity, entity_id) values ('create', 'product', 1)").run();
    expect(() => sqlite.prepare("update audit_events set action = 'x'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from audit_events').run()).toThrow(/append-only/);
    expect(sqlite.prepare('select count(*) from audit_events').pluck().get()).toBe(1);
  });
});

describe('a task worker\'s connections', () => {
  it('keep a small page cache, the server\'s its 16 MB, with the same busy timeout', () => {
    const file = join(dir, 'r.sqlite');
    const server = openDb(file).$client;
    const reader = openReadOnlyDb(file).$client;
    const writer = openWritableDb(file).$client;
    expect(server.pragma('cache_size', { simple: true })).toBe(-16000);
    for (const worker of [reader, writer]) {
      expect(worker.pragma('cache_size', { simple: true })).toBe(-WORKER_CACHE_KIB);
      expect(worker.pragma('busy_timeout', { simple: true })).toBe(5000);
    }
    expect(WORKER_CACHE_KIB).toBeLessThanOrEqual(2000);
    expect(writer.pragma('synchronous', { simple: true })).toBe(2);
    for (const c of [reader, writer, server]) c.close();
  });
});
