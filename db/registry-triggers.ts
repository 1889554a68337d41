/**
 * The rule behind the ready caches: every write to a table the public reads moves the registry
 * version (`registry_meta.version`), by three triggers per table (`<table>_{insert,update,delete}_moves_registry`,
 * first written in migration 0002), and says what it touched in `registry_changes`, by three more
 * (`<table>_{insert,update,delete}_marks_change`, migration 0015: the product, or none for everything, and
 * whether the tally can have moved). A cached public answer is kept until a write touches what it shows,
 * so a public table without them would serve stale answers silently. Tables the public never reads are
 * named here, each with why.
 */
import type Database from 'better-sqlite3';

/** The tables no public answer is built from, so their writes need not move the registry version. */
export const PRIVATE_TABLES: Readonly<Record<string, string>> = {
  users: 'accounts: never shown to the public',
  sessions: 'sign-in sessions',
  audit_events: 'the officials\' history; public answers carry no audit data',
  registry_meta: 'the version itself',
  return_links: 'the links issued to companies for their yearly returns (only token hashes)',
  verify_misses: 'counts of lookups that found nothing, shown to officials only',
  sign_in_failures: 'wrong passwords and locks per username and address, shown to account managers only',
  password_history: 'hashes of former passwords (PASSWORD_HISTORY)',
  security_events: 'the security log, read by the auditor only',
  security_state: 'the security policy last recorded, for config_changed',
  registry_changes: 'what each registry write touched, written by the triggers themselves',
};

/** The three write events whose triggers move the version. */
const EVENTS = ['insert', 'update', 'delete'] as const;

/** The triggers a public table must have, by name: three that move the version, three that record the change. */
export function registryTriggerNames(table: string): string[] {
  return [...EVENTS.map((event) => `${table}_${event}_moves_registry`), ...EVENTS.map((event) => `${table}_${event}_marks_change`)];
}

/**
 * The public tables of a database (every table but SQLite's, drizzle's journal and PRIVATE_TABLES)
 * that lack one of their registry triggers, or whose trigger does not move the version, with what is missing.
 */
export function tablesLackingRegistryTriggers(sqlite: Database.Database): { table: string; missing: string[] }[] {
  const tables = sqlite.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite\\_%' escape '\\' and name not like '\\_\\_%' escape '\\' order by name",
  ).pluck().all() as string[];
  const triggers = new Map(
    (sqlite.prepare("select name, tbl_name as tbl, sql from sqlite_master where type = 'trigger'").all() as { name: string; tbl: string; sql: string }[])
      .map((t) => [t.name, t]),
  );
  const moves = (sql: string) => /update\s+`?registry_meta`?\s+set\s+`?version`?\s*=\s*`?version`?\s*\+\s*1/i.test(sql);
  const marks = (sql: string) => /insert\s+into\s+`?registry_changes`?/i.test(sql);
  return tables
    .filter((table) => !(table in PRIVATE_TABLES))
    .map((table) => ({
      table,
      missing: registryTriggerNames(table).filter((name, i) => {
        const t = triggers.get(name);
        const does = i < EVENTS.length ? moves : marks;
        return !t || t.tbl !== table || !does(t.sql) || !new RegExp(`after\\s+${EVENTS[i % EVENTS.length]}\\s+on`, 'i').test(t.sql);
      }),
    }))
    .filter((entry) => entry.missing.length > 0);
}
