/**
 * The SQLite tables (drizzle). Enum columns take their values from db/model.ts, so the vocabulary
 * is defined once. Relations are at the bottom.
 */
import { relations, sql } from 'drizzle-orm';
import { type AnySQLiteColumn, blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  AUDIT_ENTITIES, AUTHORIZATION_BASES, DIVISION_LEVELS, AUTHORIZATION_STATUSES, CATEGORIES, DOSSIER_ITEM_STATUSES, GI_TYPES, MARK_KINDS, PARTICIPANT_ROLES, PRECISIONS, ROLES, STATUSES,
  VISIBILITIES, DOCUMENT_KINDS, DOCUMENT_VISIBILITIES, type DocumentMime, type SourceValue,
} from './model';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

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

/**
 * A designation's specification (质量技术要求 or the standard that carries it, e.g. DB14/T …) and each of
 * its amendments, one row per version; the current one is the latest `issuedOn`.
 */
export const designationSpecifications = sqliteTable(
  'designation_specifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    designationId: integer('designation_id').notNull().references(() => designations.id),
    /** The standard or specification number (DB14/T 1234-2020; a 公告 number for a 质量技术要求). */
    number: text('number'),
    title: text('title').notNull(),
    version: text('version'),
    /** Issued or announced on (a partial date: 2020, 2020-06 or 2020-06-30). */
    issuedOn: text('issued_on'),
    /** Where it is published (http or https only). */
    url: text('url'),
    /** Or a document of the product holding it. */
    documentId: integer('document_id').references(() => documents.id),
    note: text('note').notNull().default(''),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [index('designation_specifications_designation_idx').on(t.designationId, t.issuedOn)],
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

/** Each GI type's dossier checklist (cultivation templates); `version` moves on every change. */
export const dossierTemplates = sqliteTable('dossier_templates', {
  giType: text('gi_type', { enum: GI_TYPES }).primaryKey(),
  version: integer('version').notNull().default(1),
  items: text('items', { mode: 'json' }).$type<{ key: string; titleZh: string; titleEn: string }[]>().notNull().default([]),
  updatedAt: text('updated_at'),
});

/**
 * A designation's dossier, once anything was recorded in it (before that it is its type's current
 * template with every item missing). It remembers the template version its items came from.
 */
export const dossiers = sqliteTable('dossiers', {
  designationId: integer('designation_id').primaryKey().references(() => designations.id),
  templateVersion: integer('template_version').notNull(),
  filedIncomplete: integer('filed_incomplete', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(now),
});

/** The items of a recorded dossier, in display order. */
export const dossierItems = sqliteTable(
  'dossier_items',
  {
    designationId: integer('designation_id').notNull().references(() => dossiers.designationId),
    key: text('key').notNull(),
    position: integer('position').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull().default(''),
    status: text('status', { enum: DOSSIER_ITEM_STATUSES }).notNull().default('missing'),
    owner: text('owner'),
    dueOn: text('due_on'),
    note: text('note').notNull().default(''),
    documentIds: text('document_ids', { mode: 'json' }).$type<number[]>().notNull().default(sql`'[]'`),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.designationId, t.key] })],
);

/** Documents and photos of a product (optionally of one of its designations); the bytes are in `document_files`. */
export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    productId: integer('product_id').notNull().references(() => products.id),
    designationId: integer('designation_id').references(() => designations.id),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    title: text('title').notNull(),
    on: text('on'),
    source: text('source'),
    visibility: text('visibility', { enum: DOCUMENT_VISIBILITIES }).notNull(),
    mime: text('mime').$type<DocumentMime>().notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: text('created_at').notNull().default(now),
    createdBy: integer('created_by').references(() => users.id),
  },
  (t) => [index('documents_product_idx').on(t.productId, t.id), index('documents_designation_idx').on(t.designationId)],
);

/** The bytes of a document: the `original` as stored, and a `thumbnail` of a picture (BLOBs, so one backup holds them). */
export const documentFiles = sqliteTable(
  'document_files',
  {
    documentId: integer('document_id').notNull().references(() => documents.id),
    variant: text('variant', { enum: ['original', 'thumbnail'] }).notNull(),
    mime: text('mime').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.variant] })],
);

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

/** One row: who issues the annual report (admins change it). */
export const reportSettings = sqliteTable('report_settings', {
  id: integer('id').primaryKey(),
  issuerZh: text('issuer_zh').notNull(),
  issuerEn: text('issuer_en').notNull(),
});

// ---------------------------------------------------------------- relations

/** Product relations. */
export const productRelations = relations(products, ({ many, one }) => ({
  counties: many(productCounties),
  locations: many(locations),
  designations: many(designations),
  participants: many(participants),
  protectedArea: one(protectedAreas, { fields: [products.id], references: [protectedAreas.productId] }),
}));

/** Product↔county relations. */
export const productCountyRelations = relations(productCounties, ({ one }) => ({
  product: one(products, { fields: [productCounties.productId], references: [products.id] }),
  county: one(counties, { fields: [productCounties.countyCode], references: [counties.code] }),
}));

/** Location relations. */
export const locationRelations = relations(locations, ({ one }) => ({
  product: one(products, { fields: [locations.productId], references: [products.id] }),
}));

/** Designation relations. */
export const designationRelations = relations(designations, ({ one, many }) => ({
  product: one(products, { fields: [designations.productId], references: [products.id] }),
  transitions: many(transitions),
}));

/** Transition relations. */
export const transitionRelations = relations(transitions, ({ one }) => ({
  designation: one(designations, { fields: [transitions.designationId], references: [designations.id] }),
  user: one(users, { fields: [transitions.userId], references: [users.id] }),
}));

/** Participant relations. */
export const participantRelations = relations(participants, ({ one }) => ({
  product: one(products, { fields: [participants.productId], references: [products.id] }),
}));

/** Period relations. */
export const periodRelations = relations(periods, ({ many }) => ({ targets: many(targets) }));

/** Target relations. */
export const targetRelations = relations(targets, ({ one }) => ({
  period: one(periods, { fields: [targets.periodId], references: [periods.id] }),
}));
