/**
 * Keeping a designation's specification: add a version (an amendment), correct one, remove one. Officials
 * of the product's county and admins, as for every designation write; each change in one transaction with
 * its audit entry (entity `designation`), the versions before and after as the history tells them.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  firstPossibleDay, futureMessage, SpecificationInput, type Specification, type SpecificationUpdate,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { badRequest, notFound } from '../../errors';
import { validate } from '../../validate';
import { recordAudit, type Tx } from '../access/audit';
import { productForWrite } from '../access/permissions';
import type { SignedIn } from '../access/viewer';
import { NOW_SQL, touchProduct } from '../products/product-stamp';
import { specificationsOfDesignation } from '../products/specifications-read';
import type { VersionCheck } from '../../versions';
import { specificationEtag, versionedSpecification } from '../access/resource-versions';

type SpecificationRow = typeof t.designationSpecifications.$inferSelect;
/** A version's fields as they are written (SpecificationInput's output). */
type SpecificationFields = ReturnType<typeof SpecificationInput.parse>;

/** The designation a version is added to or changed under, checked for the viewer (404/403/409 as for its product). */
function designationForWrite(db: Db, viewer: SignedIn, designationId: number) {
  const row = db.select({ id: t.designations.id, productId: t.designations.productId }).from(t.designations)
    .where(eq(t.designations.id, designationId)).get();
  if (!row) throw notFound('designation');
  productForWrite(db, viewer, row.productId);
  return row;
}

/** A stored version and its designation, checked for the viewer; 404 when there is none. */
function specificationForWrite(db: Db, viewer: SignedIn, id: number) {
  const row = db.select().from(t.designationSpecifications).where(eq(t.designationSpecifications.id, id)).get();
  if (!row) throw notFound('specification');
  return { row, designation: designationForWrite(db, viewer, row.designationId) };
}

const refuse = (field: string, message: string) => badRequest(`Invalid body field: ${field}`, [{ path: [field], message }]);

/** 400 unless the version's date may have been today or earlier by the server's clock (the schema checks the browser's). */
function assertNotFuture(issuedOn: string | null, today: string): void {
  if (issuedOn !== null && firstPossibleDay(issuedOn) > today) throw refuse('issuedOn', futureMessage(today));
}

/** 400 unless a linked document is one of this product's own (a link to another product's file is a mistake). */
function assertDocumentOfProduct(tx: Tx, documentId: number | null, productId: number): void {
  if (documentId === null) return;
  const own = tx.select({ id: t.documents.id }).from(t.documents)
    .where(and(eq(t.documents.id, documentId), eq(t.documents.productId, productId))).get();
  if (!own) throw refuse('documentId', '所选文件不是本产品的文件 / The document is not one of this product’s documents');
}

/** What the history keeps of a version: its fields, and its document by title. */
function snapshot(tx: Tx, r: SpecificationFields | SpecificationRow) {
  const document = r.documentId === null ? null
    : tx.select({ title: t.documents.title }).from(t.documents).where(eq(t.documents.id, r.documentId)).get()?.title ?? null;
  return { number: r.number, title: r.title, version: r.version, issuedOn: r.issuedOn, url: r.url, document, note: r.note };
}

/** The version as the API shows it to its officials, flagged current or not among its designation's versions, with its `etag`. */
function shown(tx: Tx, designationId: number, id: number): Specification {
  return versionedSpecification(specificationsOfDesignation(tx, designationId).find((s) => s.id === id)!);
}

/** `check` (the route's If-Match) against the record as it is now. */
function checkSpecification(tx: Tx, row: SpecificationRow, check: VersionCheck | undefined): void {
  if (!check) return;
  const current = shown(tx, row.designationId, row.id);
  check(specificationEtag(current), current);
}

/** POST /api/designations/:id/specifications: adds a version (the first, an earlier one, or an amendment). */
export function createSpecification(db: Db, viewer: SignedIn, designationId: number, input: SpecificationInput, today: string): Specification {
  const fields = validate(SpecificationInput, input, 'body');
  assertNotFuture(fields.issuedOn, today);
  return db.transaction((tx) => {
    const d = designationForWrite(db, viewer, designationId);
    assertDocumentOfProduct(tx, fields.documentId, d.productId);
    const { id } = tx.insert(t.designationSpecifications).values({ designationId, ...fields }).returning({ id: t.designationSpecifications.id }).get();
    touchProduct(db, d.productId);
    recordAudit(tx, viewer, { action: 'specification_add', entity: 'designation', entityId: designationId, before: null, after: snapshot(tx, fields) });
    return shown(tx, designationId, id);
  });
}

/** PATCH /api/specifications/:id: the merged version is checked as a whole (`check`: the record's `etag` first). */
export function updateSpecification(db: Db, viewer: SignedIn, id: number, patch: SpecificationUpdate, today: string, check?: VersionCheck): Specification {
  return db.transaction((tx) => {
    const { row, designation } = specificationForWrite(db, viewer, id);
    checkSpecification(tx, row, check);
    const { id: _id, designationId: _d, createdAt: _c, updatedAt: _u, ...held } = row;
    const merged = validate(SpecificationInput, { ...held, ...patch }, 'body');
    assertNotFuture(merged.issuedOn, today);
    assertDocumentOfProduct(tx, merged.documentId, designation.productId);
    tx.update(t.designationSpecifications).set({ ...merged, updatedAt: NOW_SQL }).where(eq(t.designationSpecifications.id, id)).run();
    touchProduct(db, designation.productId);
    recordAudit(tx, viewer, {
      action: 'specification_update', entity: 'designation', entityId: row.designationId, before: snapshot(tx, row), after: snapshot(tx, merged),
    });
    return shown(tx, row.designationId, id);
  });
}

/** DELETE /api/specifications/:id: removes one version (the history keeps what it was). */
export function deleteSpecification(db: Db, viewer: SignedIn, id: number, check?: VersionCheck): void {
  db.transaction((tx) => {
    const { row, designation } = specificationForWrite(db, viewer, id);
    checkSpecification(tx, row, check);
    const before = snapshot(tx, row);
    tx.delete(t.designationSpecifications).where(eq(t.designationSpecifications.id, id)).run();
    touchProduct(db, designation.productId);
    recordAudit(tx, viewer, { action: 'specification_delete', entity: 'designation', entityId: row.designationId, before, after: null });
  });
}
