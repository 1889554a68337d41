/** Accounts, sessions, the registry version and the audit trail. */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { AUDIT_ENTITIES, ROLES } from '../model';
import { counties } from './places';
import { now } from './now';

/** Accounts: city admins and county officials. */
export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  county: text('county').references(() => counties.code),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull().default(now),
});

/** Server-side sessions; the cookie holds a random id, the table only its hash. */
export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id').notNull().references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
    lastSeenAt: text('last_seen_at').notNull().default(now),
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
