/**
 * Reading a product's authorised users (用标企业) as the API shows them: part of the product's own
 * answer, so it sits with the product's other reads; adding and changing them is marks/authorized-users.ts.
 * Officials see every user with its decisions; the public sees a suspension or revocation only while its
 * decision is shown (db/model/decisions.ts), and otherwise not the user at all.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import { displayWindowOf, publicAuthorizedUser, type AuthorizedUser } from '../../../db/model';
import * as t from '../../../db/schema';

type Row = typeof t.authorizedUsers.$inferSelect;

/** A stored row as the API shows it. */
export function presentAuthorizedUser(r: Row): AuthorizedUser {
  return {
    id: r.id, designationId: r.designationId, name: r.name, creditCode: r.creditCode, basis: r.basis,
    reference: r.reference, from: r.from, until: r.until, status: r.status,
    decisionReason: r.decisionReason, decisionNumber: r.decisionNumber, decisionOn: r.decisionOn,
    displayWindow: displayWindowOf(r.decisionOn, r.displayUntil), displayUntil: r.displayUntil, decisionWithdrawnOn: r.decisionWithdrawnOn,
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

/**
 * The authorised users of every designation of a product, by designation then name: all of them for
 * officials (`publicOn` null), or as the public sees them on the day `publicOn`.
 */
export function authorizedUsersOfProduct(db: Db, productId: number, publicOn: string | null = null): AuthorizedUser[] {
  let statement = byProduct.get(db);
  if (!statement) byProduct.set(db, statement = prepareByProduct(db));
  const users = statement.all({ id: productId }).map((r) => presentAuthorizedUser(r.u));
  if (publicOn === null) return users;
  return users.map((u) => publicAuthorizedUser(u, publicOn)).filter((u): u is AuthorizedUser => u !== null);
}
