/**
 * Keeping a designation's protected area: PUT replaces it (the text verbatim, its source and date, a box
 * that lies on the product's counties, and the codes an official resolved it to), DELETE removes it.
 * Every code is checked (current, listed once, in the product's counties) and every limit before
 * anything is written; each change runs in one transaction with its audit entry.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { CountyCode, DesignationScope, ScopeInput } from '../../../db/model';
import * as t from '../../../db/schema';
import { HttpError, notFound } from '../../errors';
import { recordAudit, type Tx } from '../access/audit';
import { countyNames } from '../access/permissions';
import type { SignedIn } from '../access/viewer';
import { touchProduct } from '../products/product-stamp';
import { checkScopeBox } from '../places/scope-box';
import { currentCountyBounds, designationForScope, reconcileOrRefuse } from '../places/scope-check';
import { checkScopeCodes } from '../places/scope-codes';
import { badScopeCodes } from '../places/scope-errors';
import { scopeOf } from '../places/scope-read';
import type { VersionCheck } from '../../versions';
import { scopeVersion, versionedScope } from '../access/resource-versions';

/** What the history keeps of a scope: its fields, and its units as "code name". */
function snapshot(scope: DesignationScope | null) {
  if (!scope) return null;
  const { updatedAt: _u, units, ...rest } = scope;
  return { ...rest, scopeUnits: units.map((u) => `${u.code} ${u.name}`) };
}

/** 400 `scope_box_off` when a box lies off the product's counties (the flag an official must resolve first). */
function assertBoxOnCounties(db: Db, box: ScopeInput['box'], counties: readonly CountyCode[]): void {
  if (!box) return;
  const own = currentCountyBounds(db).filter((c) => counties.includes(c.code));
  const check = checkScopeBox(box, own);
  if (check.relation !== 'off') return;
  const names = countyNames(db, counties);
  const message = `坐标范围不在本产品所属的${names.zh}：请更正，或不填坐标范围 / ` +
    `The box lies off this product's counties (${names.en}): correct it, or leave it out`;
  throw new HttpError(400, 'scope_box_off', message, [{ path: ['box'], message }]);
}

function writeScope(tx: Tx, designationId: number, input: ScopeInput, units: { code: string; level: 'township' | 'village' }[]): void {
  tx.delete(t.designationScopeUnits).where(eq(t.designationScopeUnits.designationId, designationId)).run();
  tx.delete(t.designationScopes).where(eq(t.designationScopes.designationId, designationId)).run();
  tx.insert(t.designationScopes).values({
    designationId, text: input.text, source: input.source ?? null, announcedOn: input.announcedOn ?? null, box: input.box ?? null,
  }).run();
  if (units.length > 0) {
    tx.insert(t.designationScopeUnits).values(units.map((u) => ({ designationId, code: u.code, level: u.level, whole: u.level === 'township' }))).run();
  }
}

/**
 * Replaces a designation's scope (county-scoped). 413 over a limit (text, names, codes); 400
 * `bad_scope_codes` naming each bad code, 400 `scope_box_off` for a box off the counties. `check` (the
 * route's If-Match) sees the scope's version (`absent` when none is kept) right before it is written.
 */
export function putScope(db: Db, viewer: SignedIn, designationId: number, input: ScopeInput, check?: VersionCheck): DesignationScope {
  const { row, counties } = designationForScope(db, viewer, designationId);
  reconcileOrRefuse(db, input.text, counties);
  const checked = checkScopeCodes(input.codes, counties);
  if (!checked.ok) throw badScopeCodes(db, checked.errors, counties);
  assertBoxOnCounties(db, input.box, counties);
  return db.transaction((tx) => {
    const before = scopeOf(tx, designationId);
    check?.(scopeVersion(before), versionedScope(before));
    writeScope(tx, designationId, input, checked.units);
    touchProduct(db, row.productId);
    const after = scopeOf(tx, designationId)!;
    recordAudit(tx, viewer, { action: 'scope_replace', entity: 'designation', entityId: designationId, before: snapshot(before), after: snapshot(after) });
    return versionedScope(after)!;
  });
}

/** Removes a designation's scope (county-scoped); 404 when it has none; `check` sees its version first. */
export function deleteScope(db: Db, viewer: SignedIn, designationId: number, check?: VersionCheck): void {
  const { row } = designationForScope(db, viewer, designationId);
  db.transaction((tx) => {
    const before = scopeOf(tx, designationId);
    if (!before) throw notFound('scope');
    check?.(scopeVersion(before), versionedScope(before));
    tx.delete(t.designationScopeUnits).where(eq(t.designationScopeUnits.designationId, designationId)).run();
    tx.delete(t.designationScopes).where(eq(t.designationScopes.designationId, designationId)).run();
    touchProduct(db, row.productId);
    recordAudit(tx, viewer, { action: 'scope_delete', entity: 'designation', entityId: designationId, before: snapshot(before), after: null });
  });
}

/**
 * Replaces only the codes of a designation's scope (the spreadsheet import's column), keeping its text,
 * source, date and box; a designation without a scope gets one with no text. The checks are putScope's.
 */
export function replaceScopeCodes(db: Db, viewer: SignedIn, designationId: number, codes: readonly string[]): DesignationScope {
  const held = scopeOf(db, designationId);
  return putScope(db, viewer, designationId, {
    text: held?.text ?? '', source: held?.source ?? null, announcedOn: held?.announcedOn ?? null, box: held?.box ?? null, codes: [...codes],
  });
}

/**
 * Copies a designation's kept scope (text, source, date, box and codes, as kept) to another that has none,
 * in the caller's transaction, audited as that one's scope: a conversion carries the announced area over.
 * Nothing happens when the first keeps none.
 */
export function copyScope(tx: Tx, viewer: SignedIn, fromId: number, toId: number): void {
  const from = tx.select().from(t.designationScopes).where(eq(t.designationScopes.designationId, fromId)).get();
  if (!from) return;
  const units = tx.select().from(t.designationScopeUnits).where(eq(t.designationScopeUnits.designationId, fromId)).all();
  tx.insert(t.designationScopes).values({ ...from, designationId: toId, updatedAt: undefined }).run();
  if (units.length > 0) tx.insert(t.designationScopeUnits).values(units.map((u) => ({ ...u, designationId: toId }))).run();
  recordAudit(tx, viewer, { action: 'scope_replace', entity: 'designation', entityId: toId, before: null, after: snapshot(scopeOf(tx, toId)) });
}
