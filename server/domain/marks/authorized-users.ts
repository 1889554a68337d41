/**
 * Authorised users of a designation's official mark: added and changed by the officials of the
 * product's county (and admins), each change audited; read with the product; counted by the tally.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  AuthorizedUserCreate, comparableName, type AuthorizedUser, type AuthorizedUserUpdate, type MarkKind,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { badRequest, conflict, notFound } from '../../errors';
import { validate } from '../../validate';
import { recordAudit, type Tx } from '../access/audit';
import { productForWrite } from '../access/permissions';
import { touchProduct } from '../products/products-write';
import type { SignedIn } from '../access/viewer';

type Row = typeof t.authorizedUsers.$inferSelect;

/** A stored row as the API shows it. */
export function presentAuthorizedUser(r: Row): AuthorizedUser {
  return {
    id: r.id, designationId: r.designationId, name: r.name, creditCode: r.creditCode, basis: r.basis,
    reference: r.reference, from: r.from, until: r.until, status: r.status,
  };
}

/** The product page's read, prepared once per connection (it runs for every product answer built). */
const byProduct = new WeakMap<Db, ReturnType<typeof prepareByProduct>>();
function prepareByProduct(db: Db) {
  return db.select({ u: t.authorizedUsers }).from(t.authorizedUsers)
    .innerJoin(t.designations, eq(t.designations.id, t.authorizedUsers.designationId))
    .where(eq(t.designations.productId, sql.placeholder('id')))
    .orderBy(asc(t.authorizedUsers.designationId), asc(t.authorizedUsers.name), asc(t.authorizedUsers.id))
    .prepare();
}

/** The authorised users of every designation of a product, by designation then name. */
export function authorizedUsersOfProduct(db: Db, productId: number): AuthorizedUser[] {
  let statement = byProduct.get(db);
  if (!statement) byProduct.set(db, statement = prepareByProduct(db));
  return statement.all({ id: productId }).map((r) => presentAuthorizedUser(r.u));
}

/** 400 unless the basis fits the mark: collective members only of a collective mark, licensees only of a certification mark. */
function assertBasisFits(basis: AuthorizedUser['basis'], giType: string, markKind: MarkKind | null): void {
  const fits = basis === 'collective_member' ? giType === 'trademark' && markKind === 'collective'
    : basis === 'licensee' ? giType === 'trademark' && markKind === 'certification'
      : true;
  if (!fits) {
    throw badRequest('Invalid body field: basis', [{
      path: ['basis'],
      message: basis === 'collective_member'
        ? '集体商标成员只适用于集体商标 / A collective-mark member applies to collective marks only'
        : '证明商标被许可人只适用于证明商标 / A licensee applies to certification marks only',
    }]);
  }
}

/** 409 when the same credit code is already a user of this designation (another row than `exceptId`). */
function assertNotDuplicate(tx: Tx, designationId: number, creditCode: string | null, exceptId?: number): void {
  if (creditCode === null) return;
  const other = tx.select({ id: t.authorizedUsers.id }).from(t.authorizedUsers)
    .where(and(eq(t.authorizedUsers.designationId, designationId), eq(t.authorizedUsers.creditCode, creditCode),
      exceptId === undefined ? undefined : sql`${t.authorizedUsers.id} <> ${exceptId}`)).get();
  if (other) throw conflict(`该统一社会信用代码已是本地理标志的用标企业 / This credit code is already an authorised user of this GI`, 'duplicate_user');
}

/** The designation an authorised user is added to or changed under, checked for the viewer (404/403/409 as for its product). */
function designationForWrite(db: Db, viewer: SignedIn, designationId: number) {
  const d = db.select().from(t.designations).where(eq(t.designations.id, designationId)).get();
  if (!d) throw notFound('designation');
  productForWrite(db, viewer, d.productId);
  return d;
}

/** POST /api/designations/:id/authorized-users. */
export function addAuthorizedUser(db: Db, viewer: SignedIn, designationId: number, input: AuthorizedUserCreate): AuthorizedUser {
  return db.transaction((tx) => {
    const d = designationForWrite(db, viewer, designationId);
    assertBasisFits(input.basis, d.giType, d.markKind);
    assertNotDuplicate(tx, designationId, input.creditCode);
    const row = tx.insert(t.authorizedUsers).values({ designationId, ...input, nameKey: comparableName(input.name) }).returning().get();
    touchProduct(db, d.productId);
    const after = presentAuthorizedUser(row);
    recordAudit(tx, viewer, { action: 'authorized_user_add', entity: 'designation', entityId: designationId, before: null, after: auditShape(after) });
    return after;
  });
}

/** PATCH /api/authorized-users/:id: the merged user is checked as a whole. */
export function updateAuthorizedUser(db: Db, viewer: SignedIn, id: number, patch: AuthorizedUserUpdate): AuthorizedUser {
  return db.transaction((tx) => {
    const row = tx.select().from(t.authorizedUsers).where(eq(t.authorizedUsers.id, id)).get();
    if (!row) throw notFound('authorized user');
    const d = designationForWrite(db, viewer, row.designationId);
    const before = presentAuthorizedUser(row);
    const { id: _id, designationId: _d, ...fields } = before;
    const merged = validate(AuthorizedUserCreate, { ...fields, ...patch }, 'body');
    assertBasisFits(merged.basis, d.giType, d.markKind);
    assertNotDuplicate(tx, row.designationId, merged.creditCode, id);
    const updated = tx.update(t.authorizedUsers).set({ ...merged, nameKey: comparableName(merged.name), updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
      .where(eq(t.authorizedUsers.id, id)).returning().get();
    touchProduct(db, d.productId);
    const after = presentAuthorizedUser(updated);
    const keys = Object.keys(patch) as (keyof AuthorizedUser)[];
    const pick = (u: AuthorizedUser) => ({ name: u.name, ...Object.fromEntries(keys.map((k) => [k === 'status' ? 'authorizationStatus' : k, u[k]])) });
    recordAudit(tx, viewer, { action: 'authorized_user_update', entity: 'designation', entityId: row.designationId, before: pick(before), after: pick(after) });
    return after;
  });
}

/** The fields of a user as the history tells them. */
function auditShape(u: AuthorizedUser) {
  return { name: u.name, creditCode: u.creditCode, basis: u.basis, reference: u.reference, from: u.from, until: u.until, authorizationStatus: u.status };
}
