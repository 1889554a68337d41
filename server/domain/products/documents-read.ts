/**
 * Reading documents and photos: the list a viewer may see on a product, one document (or its bytes)
 * for a viewer, and the first public photo of each product for the map. Internal documents are for
 * the officials of the product's counties and admins only; to anyone else they do not exist.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { documentUrl, isImageMime, thumbnailUrlOf, type CountyCode, type Document } from '../../../db/model';
import * as t from '../../../db/schema';
import { mayReadInternalDocuments, readableProducts } from '../access/permissions';
import type { Viewer } from '../access/viewer';

type DocumentRow = typeof t.documents.$inferSelect;

/** A document row as the API shows it. */
export function presentDocument(d: DocumentRow): Document {
  return {
    id: d.id, kind: d.kind, title: d.title, on: d.on, source: d.source, mime: d.mime, bytes: d.bytes,
    visibility: d.visibility, designationId: d.designationId,
    url: documentUrl(d.id), thumbnailUrl: isImageMime(d.mime) ? thumbnailUrlOf(d.id) : null,
  };
}

/** Whether a viewer may read this document of a product with these counties (the product itself being readable). */
export function mayReadDocument(viewer: Viewer, d: Pick<DocumentRow, 'visibility'>, counties: readonly CountyCode[]): boolean {
  return d.visibility === 'public' || mayReadInternalDocuments(viewer, counties);
}

const byProduct = new WeakMap<Db, ReturnType<typeof prepareByProduct>>();
function prepareByProduct(db: Db) {
  return db.select().from(t.documents).where(eq(t.documents.productId, sql.placeholder('id'))).orderBy(asc(t.documents.id)).prepare();
}

/** The documents of a product (already known to be readable) that the viewer may read, in upload order. */
export function productDocuments(db: Db, productId: number, counties: readonly CountyCode[], viewer: Viewer): Document[] {
  let statement = byProduct.get(db);
  if (!statement) byProduct.set(db, statement = prepareByProduct(db));
  return statement.all({ id: productId }).filter((d) => mayReadDocument(viewer, d, counties)).map(presentDocument);
}

/** A document with its product's counties, found for a viewer. */
export interface ReadableDocument { row: DocumentRow; counties: CountyCode[] }

/**
 * A document the viewer may read, or null: when there is none, when its product is not readable
 * (a draft or archived product, for the public), or when it is internal and the viewer is not one
 * of the product's officials. The three look the same from outside.
 */
export function readableDocument(db: Db, id: number, viewer: Viewer): ReadableDocument | null {
  const row = db.select({ d: t.documents }).from(t.documents)
    .innerJoin(t.products, eq(t.products.id, t.documents.productId))
    .where(and(eq(t.documents.id, id), readableProducts(db, viewer))).get()?.d;
  if (!row) return null;
  const counties = db.select({ code: t.productCounties.countyCode }).from(t.productCounties)
    .where(eq(t.productCounties.productId, row.productId)).all().map((c) => c.code);
  return mayReadDocument(viewer, row, counties) ? { row, counties } : null;
}

/** The stored bytes of a document, whole: its original, or its thumbnail (null when it has none); for the static copy. */
export function documentBytes(db: Db, id: number, variant: 'original' | 'thumbnail'): { mime: string; content: Buffer } | null {
  return db.select({ mime: t.documentFiles.mime, content: t.documentFiles.content }).from(t.documentFiles)
    .where(and(eq(t.documentFiles.documentId, id), eq(t.documentFiles.variant, variant))).get() ?? null;
}

/** A stored file's type and size, read without its bytes. */
export interface StoredFile { mime: string; size: number }

const fileStatements = new WeakMap<Db, ReturnType<typeof prepareFileStatements>>();
function prepareFileStatements(db: Db) {
  return {
    // length() of a BLOB reads the record's header only, never the bytes.
    info: db.$client.prepare<[number, string], StoredFile>(
      'SELECT mime, length(content) AS size FROM document_files WHERE document_id = ? AND variant = ?'),
    slice: db.$client.prepare<[number, number, number, string], Buffer | null>(
      'SELECT substr(content, ?, ?) FROM document_files WHERE document_id = ? AND variant = ?').pluck(),
  };
}
const statementsOf = (db: Db) => {
  let found = fileStatements.get(db);
  if (!found) fileStatements.set(db, found = prepareFileStatements(db));
  return found;
};

/** The type and size of a document's stored original or thumbnail (null when it has none). */
export function storedFile(db: Db, id: number, variant: 'original' | 'thumbnail'): StoredFile | null {
  return statementsOf(db).info.get(id, variant) ?? null;
}

/**
 * `length` bytes of a stored file from `offset` (0-based), or null when the file is gone (deleted while it
 * was being sent). Each slice is its own read: nothing holds the file, or a read transaction, between them.
 * (better-sqlite3 has no incremental BLOB handle; SQLite copies the value to take a part of it, which costs a
 * few milliseconds for a 20 MiB file, but no memory of ours beyond the slice.)
 */
export function storedFileSlice(db: Db, id: number, variant: 'original' | 'thumbnail', offset: number, length: number): Buffer | null {
  const bytes = statementsOf(db).slice.get(offset + 1, length, id, variant);
  return bytes ?? null;
}

/** The thumbnail URL of each product's first public photo (by upload order), for the map's popups. */
export function firstPublicPhotos(db: Db, productIds: readonly number[]): Map<number, string> {
  if (productIds.length === 0) return new Map();
  const rows = db.select({ productId: t.documents.productId, id: sql<number>`min(${t.documents.id})` }).from(t.documents)
    .where(and(eq(t.documents.kind, 'photo'), eq(t.documents.visibility, 'public'),
      productIds.length > 500 ? undefined : inArray(t.documents.productId, [...productIds])))
    .groupBy(t.documents.productId).all();
  return new Map(rows.map((r) => [r.productId, thumbnailUrlOf(r.id)]));
}
