/**
 * Adding, changing and deleting a product's documents and photos: county-scoped like every product
 * write, each in one transaction with its audit entry (entity `product`, so the product's history
 * tells it: "为 沁水蜂蜜 添加文件：证书《…》").
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  DOCUMENT_TYPES, isImageMime, isPictureKind, PHOTO_NOT_IMAGE_MESSAGE, type Document, type DocumentCreate, type DocumentUpdate,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { badRequest, notFound } from '../../errors';
import { recordAudit } from '../access/audit';
import { presentDocument, readableDocument } from './documents-read';
import { productForWrite } from '../access/permissions';
import { touchProduct } from './product-stamp';
import type { SignedIn } from '../access/viewer';
import type { VersionCheck } from '../../versions';
import { documentVersion, versionedDocument } from '../access/resource-versions';

/** A file ready to keep: its recognised type, the bytes to store, their SHA-256, and a thumbnail of a picture. */
export interface PreparedFile { mime: Document['mime']; content: Buffer; sha256: string; thumbnail: Buffer | null }

type DocumentRow = typeof t.documents.$inferSelect;

/** What the history keeps of a document: what it is, not where it lives. */
function auditSnapshot(db: Db, d: DocumentRow) {
  const giType = d.designationId === null ? null
    : db.select({ giType: t.designations.giType }).from(t.designations).where(eq(t.designations.id, d.designationId)).get()?.giType ?? null;
  return {
    id: d.id, kind: d.kind, title: d.title, date: d.on, source: d.source, visibility: d.visibility, giType,
    format: DOCUMENT_TYPES[d.mime].toUpperCase(), bytes: d.bytes,
  };
}

/** Throws 400 unless a `photo` (or a label photo) is a picture. */
function assertPhotoIsImage(kind: Document['kind'], mime: string): void {
  if (isPictureKind(kind) && !isImageMime(mime)) throw badRequest(PHOTO_NOT_IMAGE_MESSAGE, [{ path: ['kind'], message: PHOTO_NOT_IMAGE_MESSAGE }]);
}

/**
 * Checks that the viewer may attach a file to the product (404 when they cannot see it, 403 when it is
 * another county's, 409 when archived), before any byte of the upload is read.
 */
export function assertMayAttach(db: Db, viewer: SignedIn, productId: number): void {
  productForWrite(db, viewer, productId);
}

/** Keeps an uploaded file with its metadata and returns it as the API shows it. */
export function addDocument(db: Db, viewer: SignedIn, productId: number, meta: DocumentCreate, file: PreparedFile): Document {
  assertPhotoIsImage(meta.kind, file.mime);
  return db.transaction(() => {
    productForWrite(db, viewer, productId);
    if (meta.designationId !== undefined) {
      const own = db.select({ id: t.designations.id }).from(t.designations)
        .where(and(eq(t.designations.id, meta.designationId), eq(t.designations.productId, productId))).get();
      if (!own) {
        const message = '该地理标志不属于这个产品 / The designation does not belong to this product';
        throw badRequest(message, [{ path: ['designationId'], message }]);
      }
    }
    const row = db.insert(t.documents).values({
      productId, designationId: meta.designationId ?? null, kind: meta.kind, title: meta.title, on: meta.on ?? null,
      source: meta.source ?? null, visibility: meta.visibility, mime: file.mime, bytes: file.content.length,
      sha256: file.sha256, createdBy: viewer.id,
    }).returning().get();
    db.insert(t.documentFiles).values([
      { documentId: row.id, variant: 'original' as const, mime: file.mime, content: file.content },
      ...(file.thumbnail ? [{ documentId: row.id, variant: 'thumbnail' as const, mime: 'image/webp', content: file.thumbnail }] : []),
    ]).run();
    touchProduct(db, productId);
    recordAudit(db, viewer, { action: 'document_add', entity: 'product', entityId: productId, before: null, after: auditSnapshot(db, row) });
    return versionedDocument(presentDocument(row));
  });
}

/**
 * A document the viewer may change: 404 when they may not read it, then the product's own checks (403, 409),
 * then `check` (the route's If-Match) against its details as they are now.
 */
function documentForWrite(db: Db, viewer: SignedIn, id: number, check?: VersionCheck): DocumentRow {
  const found = readableDocument(db, id, viewer);
  if (!found) throw notFound('document');
  productForWrite(db, viewer, found.row.productId);
  if (check) {
    const current = versionedDocument(presentDocument(found.row));
    check(documentVersion(current), current);
  }
  return found.row;
}

/** Changes a document's title, kind, date, source or visibility. */
export function updateDocument(db: Db, viewer: SignedIn, id: number, patch: DocumentUpdate, check?: VersionCheck): Document {
  return db.transaction(() => {
    const before = documentForWrite(db, viewer, id, check);
    if (patch.kind) assertPhotoIsImage(patch.kind, before.mime);
    const after = db.update(t.documents).set(patch).where(eq(t.documents.id, id)).returning().get();
    touchProduct(db, before.productId);
    recordAudit(db, viewer, {
      action: 'document_update', entity: 'product', entityId: before.productId,
      before: auditSnapshot(db, before), after: auditSnapshot(db, after),
    });
    return versionedDocument(presentDocument(after));
  });
}

/** Deletes a document and its bytes for good (the history keeps what it was); a specification it held keeps its other fields. */
export function deleteDocument(db: Db, viewer: SignedIn, id: number, check?: VersionCheck): void {
  db.transaction(() => {
    const row = documentForWrite(db, viewer, id, check);
    db.update(t.designationSpecifications).set({ documentId: null }).where(eq(t.designationSpecifications.documentId, id)).run();
    // The bytes go first: on a full database the pages they free are where the audit entry is written.
    db.delete(t.documentFiles).where(eq(t.documentFiles.documentId, id)).run();
    db.delete(t.documents).where(eq(t.documents.id, id)).run();
    touchProduct(db, row.productId);
    recordAudit(db, viewer, { action: 'document_delete', entity: 'product', entityId: row.productId, before: auditSnapshot(db, row), after: null });
  });
}
