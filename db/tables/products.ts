/** Products, their places, their designations (GIs) with scopes and dated moves, participants and yearly figures. */
import { sql } from 'drizzle-orm';
import { type AnySQLiteColumn, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DIVISION_LEVELS, CATEGORIES, GI_TYPES, MARK_KINDS, PARTICIPANT_ROLES, PRECISIONS, STATUSES, VISIBILITIES, type SourceValue } from '../model';
import { users } from './access';
import { counties } from './places';
import { now } from './now';

/** Products: never deleted, archived with `archivedAt`. */
export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    category: text('category', { enum: CATEGORIES }).notNull(),
    description: text('description').notNull().default(''),
    quality: text('quality').notNull().default(''),
    visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('draft'),
    archivedAt: text('archived_at'),
    sources: text('sources', { mode: 'json' }).$type<SourceValue[]>().notNull().default(sql`'[]'`),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    // Serves the public list: filter on visibility and archive, ordered by name then id (the rowid).
    index('products_visible_name_idx').on(t.visibility, t.archivedAt, t.nameZh),
    index('products_category_idx').on(t.category),
    index('products_name_zh_idx').on(t.nameZh),
  ],
);

/** Which counties a product belongs to. */
export const productCounties = sqliteTable(
  'product_counties',
  {
    productId: integer('product_id').notNull().references(() => products.id),
    countyCode: text('county_code').notNull().references(() => counties.code),
  },
  (t) => [primaryKey({ columns: [t.productId, t.countyCode] }), index('product_counties_county_idx').on(t.countyCode)],
);

/** Points where a product is made or grown, in display order. */
export const locations = sqliteTable(
  'locations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id').notNull().references(() => products.id),
    position: integer('position').notNull(),
    lat: real('lat').notNull(),
    lng: real('lng').notNull(),
    label: text('label').notNull().default(''),
    precision: text('precision', { enum: PRECISIONS }).notNull(),
    /** The village or township a village- or township-precision point names (12 digits); null otherwise. */
    divisionCode: text('division_code'),
  },
  (t) => [index('locations_product_idx').on(t.productId, t.position)],
);

/** A product's announced protected area (at most one per product). */
export const protectedAreas = sqliteTable('protected_areas', {
  productId: integer('product_id').primaryKey().references(() => products.id),
  text: text('text').notNull().default(''),
  geometry: text('geometry', { mode: 'json' }),
});

/** GI protections a product holds or seeks; `status` is the latest transition's `to`. */
export const designations = sqliteTable(
  'designations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id').notNull().references(() => products.id),
    giType: text('gi_type', { enum: GI_TYPES }).notNull(),
    markKind: text('mark_kind', { enum: MARK_KINDS }),
    status: text('status', { enum: STATUSES }).notNull(),
    holder: text('holder'),
    holderCreditCode: text('holder_credit_code'),
    number: text('number'),
    announcement: text('announcement'),
    validUntil: text('valid_until'),
    notes: text('notes').notNull().default(''),
    sources: text('sources', { mode: 'json' }).$type<SourceValue[]>().notNull().default(sql`'[]'`),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
    /**
     * On a 地理标志产品 designation converted from an agricultural-product GI (2024– 统一认定): the AGI it
     * converts. Set when the conversion is started or recorded; the AGI's `converted` move carries the date.
     */
    convertedFromId: integer('converted_from_id').references((): AnySQLiteColumn => designations.id),
    /** 申请人 / 管理机构: the body that applied for or manages the GI (public). */
    managingBody: text('managing_body'),
    /** The managing body's public contact (phone, address or web page). */
    managingContact: text('managing_contact'),
    /** 检测机构: the body that tests products under the specification (public). */
    testingBody: text('testing_body'),
  },
  (t) => [
    index('designations_product_idx').on(t.productId),
    index('designations_type_status_idx').on(t.giType, t.status),
    uniqueIndex('designations_converted_from_idx').on(t.convertedFromId),
  ],
);

/** A designation's protected area as announced: the scope text verbatim, its source and date, its box. */
export const designationScopes = sqliteTable('designation_scopes', {
  designationId: integer('designation_id').primaryKey().references(() => designations.id),
  text: text('text').notNull().default(''),
  source: text('source', { mode: 'json' }).$type<SourceValue | null>(),
  announcedOn: text('announced_on'),
  box: text('box', { mode: 'json' }).$type<{ west: number; east: number; south: number; north: number } | null>(),
  updatedAt: text('updated_at').notNull().default(now),
});

/** The township and village codes a designation's scope lists (`whole`: a township listed as a whole). */
export const designationScopeUnits = sqliteTable(
  'designation_scope_units',
  {
    designationId: integer('designation_id').notNull().references(() => designationScopes.designationId),
    code: text('code').notNull(),
    level: text('level', { enum: DIVISION_LEVELS }).notNull(),
    whole: integer('whole', { mode: 'boolean' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.designationId, t.code] }),
    index('designation_scope_units_code_idx').on(t.code),
  ],
);

/** Every dated status move of a designation; replayed for the tally. */
export const transitions = sqliteTable(
  'transitions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    designationId: integer('designation_id').notNull().references(() => designations.id),
    fromStatus: text('from_status', { enum: STATUSES }),
    toStatus: text('to_status', { enum: STATUSES }).notNull(),
    on: text('on').notNull(),
    note: text('note').notNull().default(''),
    userId: integer('user_id').references(() => users.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [index('transitions_designation_idx').on(t.designationId, t.on, t.id)],
);

/** The cooperative-farmer model of a product, in display order. */
export const participants = sqliteTable(
  'participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id').notNull().references(() => products.id),
    position: integer('position').notNull(),
    role: text('role', { enum: PARTICIPANT_ROLES }).notNull(),
    name: text('name'),
    creditCode: text('credit_code'),
    households: integer('households'),
    areaMu: real('area_mu'),
    outputTonnes: real('output_tonnes'),
    valueWanYuan: real('value_wan_yuan'),
  },
  (t) => [index('participants_product_idx').on(t.productId, t.position)],
);

/** A product's industry figures by year (migration 0004), each row with its sources and their confidence. */
export const productFigures = sqliteTable(
  'product_figures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id').notNull().references(() => products.id),
    year: integer('year').notNull(),
    households: integer('households'),
    areaMu: real('area_mu'),
    outputTonnes: real('output_tonnes'),
    valueWanYuan: real('value_wan_yuan'),
    note: text('note').notNull().default(''),
    sources: text('sources', { mode: 'json' }).$type<SourceValue[]>().notNull().default(sql`'[]'`),
    confidence: text('confidence', { enum: ['good', 'medium'] }).notNull(),
    createdAt: text('created_at').notNull().default(now),
    /** Yield per mu in kg, where known: with the area it bounds what the area can grow. */
    yieldKgPerMu: real('yield_kg_per_mu'),
  },
  (t) => [uniqueIndex('product_figures_product_year_idx').on(t.productId, t.year)],
);
