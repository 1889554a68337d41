/** Places: the county-level divisions and the changes that began and ended them. */
import { sql } from 'drizzle-orm';
import { integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { type SourceValue } from '../model';
import { now } from './now';

/**
 * The county-level divisions with their boundaries (GeoJSON geometry as text), loaded from the boundary
 * file: the set of counties is data, not code. A county that a division change ended stays here, so
 * history before the change keeps it (`countyChanges`).
 */
export const counties = sqliteTable('counties', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  seatLat: real('seat_lat').notNull(),
  seatLng: real('seat_lng').notNull(),
  labelLat: real('label_lat').notNull(),
  labelLng: real('label_lng').notNull(),
  geometry: text('geometry', { mode: 'json' }).notNull(),
});

/**
 * Dated changes of the county-level divisions (行政区划变更), one row per old code → new code: a rename is
 * one row, a split several rows with the same `fromCode` and day, a merge several with the same `toCode`.
 * From `on`, the old code is no longer a county and its products are in the new ones; before `on`, the
 * tally and the report count them under the old code.
 */
export const countyChanges = sqliteTable(
  'county_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    on: text('on').notNull(),
    fromCode: text('from_code').notNull().references(() => counties.code),
    toCode: text('to_code').notNull().references(() => counties.code),
    note: text('note').notNull().default(''),
    sources: text('sources', { mode: 'json' }).$type<SourceValue[]>().notNull().default(sql`'[]'`),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('county_changes_from_to_idx').on(t.fromCode, t.toCode)],
);
