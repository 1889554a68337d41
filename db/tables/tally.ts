/** Plan periods with their targets, and the annual report settings. */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { GI_TYPES } from '../model';

/** Plan periods (规划期). */
export const periods = sqliteTable('periods', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  startsOn: text('starts_on').notNull(),
  endsOn: text('ends_on').notNull(),
  /** The name in English (14th Five-Year Plan); '' until given. */
  nameEn: text('name_en').notNull().default(''),
});

/** Baseline and target per GI type of a period. */
export const targets = sqliteTable(
  'targets',
  {
    periodId: integer('period_id').notNull().references(() => periods.id),
    giType: text('gi_type', { enum: GI_TYPES }).notNull(),
    baseline: integer('baseline').notNull(),
    target: integer('target').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodId, t.giType] })],
);

/** One row: who issues the annual report (admins change it). */
export const reportSettings = sqliteTable('report_settings', {
  id: integer('id').primaryKey(),
  issuerZh: text('issuer_zh').notNull(),
  issuerEn: text('issuer_en').notNull(),
});
