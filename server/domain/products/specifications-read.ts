/**
 * Reading designations' specifications (designation_specifications) by statements prepared once per
 * connection: every version of all of a product's designations at once (the product answer: one
 * statement by product id, no JSON of ids to build or unpack), or of one designation (the workspace's
 * answers, the import, the history). Each list comes newest first with the current one flagged.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { newestFirst, type Specification } from '../../../db/model';
import * as t from '../../../db/schema';
import type { Tx } from '../access/audit';

type SpecificationRow = typeof t.designationSpecifications.$inferSelect;

const s = t.designationSpecifications;

/** The two reads, prepared once per connection (the product answer runs one for every product built). */
function prepareReads(db: Tx) {
  return {
    ofProduct: db.select({ s }).from(s).innerJoin(t.designations, eq(t.designations.id, s.designationId))
      .where(eq(t.designations.productId, sql.placeholder('id'))).orderBy(asc(s.designationId), asc(s.id)).prepare(),
    ofDesignation: db.select().from(s).where(eq(s.designationId, sql.placeholder('id'))).orderBy(asc(s.id)).prepare(),
  };
}
const prepared = new WeakMap<Tx, ReturnType<typeof prepareReads>>();

function reads(db: Tx) {
  let found = prepared.get(db);
  if (!found) prepared.set(db, found = prepareReads(db));
  return found;
}

/** A stored version as the API shows it. */
export function presentSpecification(r: SpecificationRow, current: boolean): Specification {
  return {
    id: r.id, designationId: r.designationId, number: r.number, title: r.title, version: r.version, issuedOn: r.issuedOn,
    url: r.url, documentId: r.documentId, note: r.note, current,
  };
}

/** One designation's versions as the API shows them: newest first, the first current, document links the viewer may follow. */
function presentVersions(rows: readonly SpecificationRow[], readableDocuments?: ReadonlySet<number>): Specification[] {
  return newestFirst(rows).map((r, i) => {
    const shown = presentSpecification(r, i === 0);
    return readableDocuments && shown.documentId !== null && !readableDocuments.has(shown.documentId) ? { ...shown, documentId: null } : shown;
  });
}

/**
 * The versions of each of a product's designations that has any (newest first, the first flagged
 * current). `readableDocuments` keeps only the document links the viewer may follow: another's internal
 * file is not named to them.
 */
export function specificationsOfProduct(db: Tx, productId: number, readableDocuments: ReadonlySet<number>): Map<number, Specification[]> {
  const byDesignation = new Map<number, SpecificationRow[]>();
  for (const { s: r } of reads(db).ofProduct.all({ id: productId })) {
    const list = byDesignation.get(r.designationId);
    if (list) list.push(r);
    else byDesignation.set(r.designationId, [r]);
  }
  return new Map([...byDesignation].map(([id, rows]) => [id, presentVersions(rows, readableDocuments)]));
}

/** One designation's versions, newest first, the first flagged current (every document link: for its officials). */
export function specificationsOfDesignation(db: Tx, designationId: number): Specification[] {
  return presentVersions(reads(db).ofDesignation.all({ id: designationId }));
}
