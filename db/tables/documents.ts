/** Dossiers (cultivation checklists), documents with their files, and the specifications a designation links to. */
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DOSSIER_ITEM_STATUSES, GI_TYPES, DOCUMENT_KINDS, DOCUMENT_VISIBILITIES, type DocumentMime } from '../model';
import { users } from './access';
import { products, designations } from './products';
import { now } from './now';

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
