/** Marks in use: authorised users, their yearly returns and return links, verification misses, demonstration-zone readiness settings. */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { AUTHORIZATION_BASES, AUTHORIZATION_STATUSES } from '../model';
import { users } from './access';
import { designations } from './products';
import { now } from './now';

/** Who may use a designation's official mark (地理标志专用标志合法使用人). */
export const authorizedUsers = sqliteTable(
  'authorized_users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    designationId: integer('designation_id').notNull().references(() => designations.id),
    name: text('name').notNull(),
    /** The name as verification compares it (NFKC, no spaces, lower case: db/model/verify-match.ts comparableName). */
    nameKey: text('name_key').notNull(),
    creditCode: text('credit_code'),
    basis: text('basis', { enum: AUTHORIZATION_BASES }).notNull(),
    reference: text('reference'),
    from: text('from').notNull(),
    until: text('until'),
    status: text('status', { enum: AUTHORIZATION_STATUSES }).notNull().default('active'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
    /** Why it was suspended or revoked (public while the decision is displayed). */
    decisionReason: text('decision_reason'),
    /** The decision's number (决定书文号); required with a suspension or revocation's date. */
    decisionNumber: text('decision_number'),
    /** The day the decision was made. */
    decisionOn: text('decision_on'),
    /** The last day the decision is shown to the public (its legal display window). */
    displayUntil: text('display_until'),
    /** The day the decision was withdrawn (overturned): it stops being shown at once. */
    decisionWithdrawnOn: text('decision_withdrawn_on'),
  },
  (t) => [index('authorized_users_designation_idx').on(t.designationId), index('authorized_users_credit_code_idx').on(t.creditCode)],
);

/**
 * An authorised user's yearly return on its use of the mark (年度用标情况报告, CNIPA 公告第354号): what it
 * sold under the mark that year. Entered by the county, imported, or filled in by the company through a
 * return link; the county accepts it or returns it for correction. One per user and year.
 */
export const usageReturns = sqliteTable(
  'usage_returns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    authorizedUserId: integer('authorized_user_id').notNull().references(() => authorizedUsers.id),
    year: integer('year').notNull(),
    /** Tonnes sold carrying the mark. */
    markedTonnes: real('marked_tonnes'),
    /** The user's whole output of the product that year, tonnes. */
    outputTonnes: real('output_tonnes'),
    /** Official marks printed or bought that year. */
    marksPrinted: integer('marks_printed'),
    /** Main sales channels (free text per channel). */
    channels: text('channels', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    note: text('note').notNull().default(''),
    status: text('status', { enum: ['submitted', 'accepted', 'returned'] }).notNull(),
    /** How it reached the registry. */
    via: text('via', { enum: ['county', 'import', 'link'] }).notNull(),
    /** Why the county returned it. */
    reviewNote: text('review_note').notNull().default(''),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: text('reviewed_at'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('usage_returns_user_year_idx').on(t.authorizedUserId, t.year)],
);

/**
 * A link the county issues to one authorised user for one year's return: single use, expiring. The URL
 * holds a random token; only its hash is kept. Private: never part of a public answer.
 */
export const returnLinks = sqliteTable(
  'return_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    authorizedUserId: integer('authorized_user_id').notNull().references(() => authorizedUsers.id),
    year: integer('year').notNull(),
    expiresAt: text('expires_at').notNull(),
    usedAt: text('used_at'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('return_links_token_idx').on(t.tokenHash), index('return_links_user_idx').on(t.authorizedUserId, t.year)],
);

/**
 * Lookups on /verify that found no user, counted by what was asked (a comparable name or a credit code),
 * so officials see which names are asked for often. Private: counts only, never who asked.
 */
export const verifyMisses = sqliteTable('verify_misses', {
  key: text('key').primaryKey(),
  kind: text('kind', { enum: ['name', 'credit_code'] }).notNull(),
  count: integer('count').notNull().default(0),
  firstAt: text('first_at').notNull().default(now),
  lastAt: text('last_at').notNull().default(now),
});

/**
 * One row: the thresholds of the national GI protection demonstration zone (国家地理标志产品保护示范区)
 * readiness test, changeable by admins (a province may use 50 %).
 */
export const readinessSettings = sqliteTable('readiness_settings', {
  id: integer('id').primaryKey(),
  /** Share of producers that are authorised users (0–1). */
  producerShare: real('producer_share').notNull().default(0.6),
  /** Share of output sold under the mark (0–1). */
  outputShare: real('output_share').notNull().default(0.6),
  /** Years since registration. */
  minYears: integer('min_years').notNull().default(3),
});
