/** Accounts, sessions, the registry version, the audit trail, and the security pack's tables (locks, password history, security events). */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { AUDIT_ENTITIES, ROLES, SECURITY_EVENT_KINDS } from '../model';
import { counties } from './places';
import { now } from './now';

/** Accounts: city admins, county officials, security admins and auditors. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  county: text('county').references(() => counties.code),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull().default(now),
  /** When the password was last set (null: not since this column came, so when the account was created). */
  passwordChangedAt: text('password_changed_at'),
});

/** Server-side sessions; the cookie holds a random id, the table only its hash. */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    lastSeenAt: text('last_seen_at').notNull().default(now),
    /**
     * When the server found it idle or past its lifetime (the `timeout` security event is recorded then): kept
     * until a request needing the session is told `session_timeout` once, then deleted.
     */
    timedOutAt: text('timed_out_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * One row: the registry's version, moved by triggers (migration 0002) on every write to a table the
 * public reads, and by nothing else (sessions, accounts and the audit log leave it alone). Ready-made
 * public answers are keyed on it.
 */
export const registryMeta = sqliteTable('registry_meta', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull().default(0),
});

/**
 * What each registry write touched, in order (triggers `<table>_<event>_marks_change`, migration 0015): the
 * product it changed (null: something every answer may show, such as a county or a period) and whether the
 * tally can have moved. The ready caches read it to keep the answers a write did not touch
 * (server/snapshot/registry-changes.ts); old rows are pruned.
 */
export const registryChanges = sqliteTable('registry_changes', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  productId: integer('product_id'),
  tally: integer('tally', { mode: 'boolean' }).notNull(),
});

/** The append-only audit log. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(now),
    userId: integer('user_id').references(() => users.id),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity', { enum: AUDIT_ENTITIES }).notNull(),
    entityId: integer('entity_id').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (t) => [index('audit_entity_idx').on(t.entity, t.entityId)],
);

/**
 * Wrong passwords per (username as typed, client address): consecutive failures, and the lock they lead to
 * (LOCKOUT_ATTEMPTS within a day, then LOCKOUT_MINUTES). Unknown usernames are kept alike (no enumeration);
 * a pair from another address is another row, so nobody can lock an account for everyone.
 */
export const signInFailures = sqliteTable(
  'sign_in_failures',
  {
    username: text('username').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull().default(0),
    lastFailedAt: text('last_failed_at').notNull(),
    lockedUntil: text('locked_until'),
  },
  (t) => [primaryKey({ columns: [t.username, t.address] })],
);

/** Hashes of passwords an account had before (PASSWORD_HISTORY refuses the latest ones again); never a password. */
export const passwordHistory = sqliteTable(
  'password_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => users.id),
    passwordHash: text('password_hash').notNull(),
    /** When this password stopped being the account's. */
    replacedAt: text('replaced_at').notNull().default(now),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.id)],
);

/**
 * The security log (sign-ins, locks, sessions, accounts, exports, backups, configuration): apart from the
 * content history, read by the auditor, kept AUDIT_RETENTION_DAYS at least and then archived to files.
 */
export const securityEvents = sqliteTable(
  'security_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(now),
    kind: text('kind', { enum: SECURITY_EVENT_KINDS }).notNull(),
    /** No foreign key: the log outlives what it names, and is archived whole. */
    userId: integer('user_id'),
    username: text('username'),
    address: text('address'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('security_events_at_idx').on(t.at), index('security_events_kind_idx').on(t.kind, t.at)],
);

/** What the security pack remembers between starts (the policy last recorded), one JSON value per key. */
export const securityState = sqliteTable('security_state', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});
