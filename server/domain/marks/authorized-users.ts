/**
 * Authorised users of a designation's official mark: added and changed by the officials of the
 * product's county (and admins), each change audited. Read with the product (products/authorized-users-read.ts),
 * counted by the tally. A suspension or revocation carries its decision (reason, number, day, display
 * window): the server keeps the last day it is shown (db/model/decisions.ts), and refuses a decision
 * dated after today.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  AuthorizedUserCreate, basesOf, comparableName, displayUntilOf, futureMessage, type AuthorizedUser, type AuthorizedUserUpdate, type GiType, type MarkKind,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { badRequest, conflict, notFound } from '../../errors';
import { validate } from '../../validate';
import { recordAudit, type Tx } from '../access/audit';
import { productForWrite } from '../access/permissions';
import { presentAuthorizedUser } from '../products/authorized-users-read';
import { NOW_SQL, touchProduct } from '../products/product-stamp';
import type { SignedIn } from '../access/viewer';
import type { VersionCheck } from '../../versions';
import { authorizedUserVersion, versionedAuthorizedUser } from '../access/resource-versions';

/** A stored row as the API shows it (read with the product, so it lives there; the import presents its changes with it). */
export { presentAuthorizedUser } from '../products/authorized-users-read';

/** 400 unless the basis fits the mark (basesOf): collective members only of a collective mark, licensees only of a certification mark. */
function assertBasisFits(basis: AuthorizedUser['basis'], giType: GiType, markKind: MarkKind | null): void {
  if (!basesOf(giType, markKind).includes(basis)) {
    throw badRequest('Invalid body field: basis', [{
      path: ['basis'],
      message: basis === 'collective_member'
        ? '集体商标成员只适用于集体商标 / A collective-mark member applies to collective marks only'
        : basis === 'licensee'
          ? '证明商标被许可人只适用于证明商标 / A licensee applies to certification marks only'
          : '该使用依据不适用于此类地理标志 / This basis does not apply to this type of GI',
    }]);
  }
}

/** 400 when a decision (or its withdrawal) is dated after `today`: it cannot have been made yet. */
function assertDecisionNotAhead(u: AuthorizedUserCreate, today: string): void {
  const ahead = (['decisionOn', 'decisionWithdrawnOn'] as const).filter((k) => u[k] !== null && u[k]! > today);
  if (ahead.length) throw badRequest(`Invalid body field: ${ahead[0]}`, ahead.map((k) => ({ path: [k], message: futureMessage(today) })));
}

/** The stored columns of a checked user: the display window becomes the last day the decision is shown. */
function columnsOf(u: AuthorizedUserCreate) {
  const { displayWindow, ...fields } = u;
  const displayUntil = u.decisionOn !== null && displayWindow !== null ? displayUntilOf(u.decisionOn, displayWindow) : null;
  return { ...fields, displayUntil, nameKey: comparableName(u.name) };
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

/** POST /api/designations/:id/authorized-users (`today`: no decision may be dated after it). */
export function addAuthorizedUser(db: Db, viewer: SignedIn, designationId: number, input: AuthorizedUserCreate, today: string): AuthorizedUser {
  return db.transaction((tx) => {
    const d = designationForWrite(db, viewer, designationId);
    assertBasisFits(input.basis, d.giType, d.markKind);
    assertDecisionNotAhead(input, today);
    assertNotDuplicate(tx, designationId, input.creditCode);
    const row = tx.insert(t.authorizedUsers).values({ designationId, ...columnsOf(input) }).returning().get();
    touchProduct(db, d.productId);
    const after = presentAuthorizedUser(row);
    recordAudit(tx, viewer, { action: 'authorized_user_add', entity: 'designation', entityId: designationId, before: null, after: auditShape(after) });
    return versionedAuthorizedUser(after);
  });
}

/**
 * PATCH /api/authorized-users/:id: the merged user is checked as a whole (`today`: no decision may be dated
 * after it); `check` (the route's If-Match) sees the record's version first.
 */
export function updateAuthorizedUser(db: Db, viewer: SignedIn, id: number, patch: AuthorizedUserUpdate, today: string, check?: VersionCheck): AuthorizedUser {
  return db.transaction((tx) => {
    const row = tx.select().from(t.authorizedUsers).where(eq(t.authorizedUsers.id, id)).get();
    if (!row) throw notFound('authorized user');
    const d = designationForWrite(db, viewer, row.designationId);
    const before = presentAuthorizedUser(row);
    if (check) check(authorizedUserVersion(before), versionedAuthorizedUser(before));
    const { id: _id, designationId: _d, displayUntil: _until, ...fields } = before;
    const merged = validate(AuthorizedUserCreate, { ...fields, ...patch }, 'body');
    assertBasisFits(merged.basis, d.giType, d.markKind);
    if (DECISION_KEYS.some((k) => k in patch)) assertDecisionNotAhead(merged, today);
    assertNotDuplicate(tx, row.designationId, merged.creditCode, id);
    const updated = tx.update(t.authorizedUsers).set({ ...columnsOf(merged), updatedAt: NOW_SQL })
      .where(eq(t.authorizedUsers.id, id)).returning().get();
    touchProduct(db, d.productId);
    const after = presentAuthorizedUser(updated);
    // The history tells a window as the day it ends.
    const keys = Object.keys(patch).map((k) => (k === 'displayWindow' ? 'displayUntil' : k)) as (keyof AuthorizedUser)[];
    const pick = (u: AuthorizedUser) => ({ name: u.name, ...Object.fromEntries(keys.map((k) => [k === 'status' ? 'authorizationStatus' : k, u[k]])) });
    recordAudit(tx, viewer, { action: 'authorized_user_update', entity: 'designation', entityId: row.designationId, before: pick(before), after: pick(after) });
    return versionedAuthorizedUser(after);
  });
}

/** The fields that make a decision: a change of any of them has its dates checked against today. */
const DECISION_KEYS = ['decisionReason', 'decisionNumber', 'decisionOn', 'displayWindow', 'decisionWithdrawnOn'] as const;

/** The fields of a user as the history tells them. */
function auditShape(u: AuthorizedUser) {
  return {
    name: u.name, creditCode: u.creditCode, basis: u.basis, reference: u.reference, from: u.from, until: u.until, authorizationStatus: u.status,
    decisionReason: u.decisionReason, decisionNumber: u.decisionNumber, decisionOn: u.decisionOn, displayUntil: u.displayUntil,
    decisionWithdrawnOn: u.decisionWithdrawnOn,
  };
}
