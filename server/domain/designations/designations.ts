/**
 * Changing designations: start one (it begins `cultivating`), edit its details, and move its status
 * along the table of allowed moves. Each write runs in one transaction with its audit entry.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  ALLOWED_MOVES, BEFORE_EARLIEST_MESSAGE, canMove, DesignationUpdate, firstPossibleDay, futureMessage, isNotBefore,
  markKindFits, notBeforeEarliest, partialDateParts, termEndOfGrant, type Designation, type DesignationCreate, type TransitionCreate,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { badRequest, conflict, notFound } from '../../errors';
import { validate } from '../../validate';
import { recordAudit } from '../access/audit';
import { dossierCompleteness, markFiledIncomplete } from './dossiers';
import { productForWrite } from '../access/permissions';
import { presentDesignation } from '../products/products-read';
import { specificationsOfDesignation } from '../products/specifications-read';
import { withConversions } from '../products/conversion-read';
import { assertConversionRecorded, assertConversionSource } from './conversion-rules';
import { templateKeyOf } from './dossier-templates';
import { NOW_SQL, touchProduct } from '../products/product-stamp';
import type { SignedIn } from '../access/viewer';
import type { VersionCheck } from '../../versions';
import { designationVersion, versionedDesignation } from '../access/resource-versions';

type DesignationRow = typeof t.designations.$inferSelect;

/** One designation with its history and specifications, as the API shows it (to its officials: every document link). */
export function loadDesignation(db: Db, id: number): Designation {
  const row = db.select().from(t.designations).where(eq(t.designations.id, id)).get();
  if (!row) throw notFound('designation');
  const history = db.select({ to: t.transitions.toStatus, on: t.transitions.on, note: t.transitions.note, by: t.users.username })
    .from(t.transitions).leftJoin(t.users, eq(t.users.id, t.transitions.userId))
    .where(eq(t.transitions.designationId, id)).orderBy(asc(t.transitions.id)).all();
  return withConversions(db, [presentDesignation(row, history, specificationsOfDesignation(db, id))])[0];
}

/** Loads a designation for a change: 404/403/409 as for its product (see productForWrite). */
function designationForWrite(db: Db, viewer: SignedIn, id: number): DesignationRow {
  const row = db.select().from(t.designations).where(eq(t.designations.id, id)).get();
  if (!row) throw notFound('designation');
  productForWrite(db, viewer, row.productId);
  return row;
}

const invalid = (field: string, message: string) => badRequest(`Invalid body field: ${field}`, [{ path: [field], message }]);

/**
 * 400 unless a fact's date (at any precision) is a real date from 1949 (EARLIEST_YEAR) and may have
 * been today or earlier (Asia/Shanghai, by the server's clock). The API's schema (FactDate) says the
 * same; this is the rule for every way in, the import included, with the clock the caller gives.
 */
function assertFactDate(on: string, today: string, field: string): void {
  if (partialDateParts(on) === null) throw invalid(field, '日期须为 YYYY、YYYY-MM 或 YYYY-MM-DD 形式的有效日期 / a date is a valid YYYY, YYYY-MM or YYYY-MM-DD');
  if (!notBeforeEarliest(on)) throw invalid(field, BEFORE_EARLIEST_MESSAGE);
  if (firstPossibleDay(on) > today) throw invalid(field, futureMessage(today));
}

/** The date of a designation's grant (its latest move to `granted`), if it was granted. */
function grantedOn(db: Db, id: number): string | null {
  return db.select({ on: t.transitions.on }).from(t.transitions)
    .where(and(eq(t.transitions.designationId, id), eq(t.transitions.toStatus, 'granted')))
    .orderBy(desc(t.transitions.id)).get()?.on ?? null;
}

/** 400 unless a term's end is not before the grant (a grant known to the year or month may end within it). */
function assertNotBeforeGrant(validUntil: string | null | undefined, granted: string | null, field: 'validUntil' | 'on'): void {
  if (!validUntil || !granted || isNotBefore(validUntil, granted)) return;
  throw invalid(field, field === 'validUntil'
    ? `有效期至 ${validUntil} 不能早于获批日期 ${granted} / validUntil (${validUntil}) may not be before the grant (${granted})`
    : `获批日期 ${granted} 晚于已记录的有效期至 ${validUntil}：请先更正有效期至 / The grant (${granted}) is after the recorded validUntil (${validUntil}): correct validUntil first`);
}

/** The designation's detail fields checked as the API's schema does (the import reads cells its own way). */
function cleanDetails<T extends object>(fields: T): T {
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { ...fields, ...validate(DesignationUpdate, given, 'body') };
}

/** 400 unless the kind of mark fits the type (markKindFits): a trademark names one, other types none. */
function assertMarkKind(giType: DesignationRow['giType'], markKind: DesignationRow['markKind']): void {
  if (!markKindFits(giType, markKind)) {
    throw badRequest('Invalid body field: markKind', [{ path: ['markKind'], message: '地理标志商标须注明集体商标或证明商标；其他类型不填' }]);
  }
}

/** Starts a designation of a product: status `cultivating`, first transition on `startedOn` (default today). */
export function createDesignation(db: Db, viewer: SignedIn, productId: number, input: DesignationCreate, today: string): Designation {
  const on = input.startedOn ?? today;
  assertFactDate(on, today, 'startedOn');
  const { startedOn: _s, giType, convertedFromId = null, ...details } = input;
  const fields = { giType, ...cleanDetails(details) };
  return db.transaction(() => {
    productForWrite(db, viewer, productId);
    // Started as a conversion: its dossier follows the conversions' checklist (templateKeyOf).
    if (convertedFromId !== null) assertConversionSource(db, productId, giType, convertedFromId);
    const { id } = db.insert(t.designations).values({ ...fields, productId, status: 'cultivating', convertedFromId })
      .returning({ id: t.designations.id }).get();
    db.insert(t.transitions).values({ designationId: id, fromStatus: null, toStatus: 'cultivating', on, userId: viewer.id }).run();
    touchProduct(db, productId);
    const after = loadDesignation(db, id);
    recordAudit(db, viewer, { action: 'create', entity: 'designation', entityId: id, before: null, after });
    return versionedDesignation(after);
  });
}

/**
 * The designation's version checked by `check` (the route's If-Match) against the designation as it is
 * now, its version and its specification records' with it, as its officials read it.
 */
export function checkDesignation(db: Db, id: number, check: VersionCheck | undefined): void {
  if (!check) return;
  const current = versionedDesignation(loadDesignation(db, id));
  check(designationVersion(current), current);
}

/** Changes a designation's details (not its type or status); `check` sees its version first. */
export function updateDesignation(db: Db, viewer: SignedIn, id: number, given: DesignationUpdate, check?: VersionCheck): Designation {
  const patch = cleanDetails(given);
  return db.transaction(() => {
    const row = designationForWrite(db, viewer, id);
    checkDesignation(db, id, check);
    assertMarkKind(row.giType, patch.markKind !== undefined ? patch.markKind : row.markKind);
    assertNotBeforeGrant(patch.validUntil, grantedOn(db, id), 'validUntil');
    const before = loadDesignation(db, id);
    db.update(t.designations).set({ ...patch, updatedAt: NOW_SQL }).where(eq(t.designations.id, id)).run();
    touchProduct(db, row.productId);
    const after = loadDesignation(db, id);
    const keys = Object.keys(patch) as (keyof Designation)[];
    const pick = (d: Designation) => Object.fromEntries(keys.map((k) => [k, d[k]]));
    recordAudit(db, viewer, { action: 'update', entity: 'designation', entityId: id, before: pick(before), after: pick(after) });
    return versionedDesignation(after);
  });
}

/**
 * Moves a designation's status. The move must be in the table (409 `illegal_transition` naming the
 * allowed moves), dated not in the future and not before the previous move (400). Granting a type
 * with a fixed term (a trademark: 10 years) sets its `validUntil` unless one is already recorded (a
 * recorded one may not end before the grant).
 * Filing while the dossier has needed items not ready is refused (409 `dossier_incomplete`) unless
 * `move.confirmIncomplete`; then the dossier is marked filed incomplete and the audit says so.
 * `recordingHistory` (the spreadsheet import: moves that already happened) skips that question.
 * A conversion is not a move of its own (400: it is recorded with the designation it became, conversion.ts),
 * and a designation started as a conversion is granted only by recording it (409 `conversion_not_recorded`).
 * `check` (the route's If-Match) sees the designation's version before the move is judged: a move based on
 * a status someone else has changed since is a 412 showing the designation as it is now.
 */
export function moveDesignation(
  db: Db, viewer: SignedIn, id: number, move: TransitionCreate, today: string, { recordingHistory = false, check }: { recordingHistory?: boolean; check?: VersionCheck } = {},
): Designation {
  if (move.to === 'converted') {
    throw badRequest('Invalid body field: to', [{ path: ['to'], message:
      '转换须用“记录转换”登记，并注明转换后的地理标志产品（POST /api/designations/{id}/conversion） / ' +
      'A conversion is recorded as such, with the designation it became (POST /api/designations/{id}/conversion)' }]);
  }
  assertFactDate(move.on, today, 'on');
  return db.transaction(() => {
    const row = designationForWrite(db, viewer, id);
    checkDesignation(db, id, check);
    if (move.to === 'granted' && row.convertedFromId !== null) assertConversionRecorded(db, row.convertedFromId);
    if (!canMove(row.status, move.to)) {
      const allowed = ALLOWED_MOVES[row.status];
      throw conflict(
        `不能从 ${row.status} 变为 ${move.to}；允许：${allowed.join(', ') || '无'} / ` +
        `Cannot move from ${row.status} to ${move.to}; allowed: ${allowed.join(', ') || 'none (final status)'}`,
        'illegal_transition',
      );
    }
    // Moves are recorded in the order they happened; a partial date only has to be able to follow the last.
    const last = db.select({ on: t.transitions.on }).from(t.transitions).where(eq(t.transitions.designationId, id))
      .orderBy(desc(t.transitions.id)).get();
    if (last && !isNotBefore(move.on, last.on)) {
      throw badRequest('Invalid body field: on', [{ path: ['on'], message: `日期不能早于上一次变更（${last.on}） / The date may not be before the previous move (${last.on})` }]);
    }
    if (move.to === 'granted') assertNotBeforeGrant(row.validUntil, move.on, 'on');
    const dossier = move.to === 'filed' && !recordingHistory ? dossierCompleteness(db, id, templateKeyOf(row)) : null;
    const filedIncomplete = dossier !== null && dossier.readiness !== null && dossier.readiness < 1;
    if (filedIncomplete && move.confirmIncomplete !== true) {
      throw conflict(
        `申报材料尚未齐备（${dossier.itemsReady}/${dossier.itemsNeeded}）：确认后可按"材料未齐备"申报 / ` +
        `The dossier is not complete (${dossier.itemsReady} of ${dossier.itemsNeeded} ready): confirm to file it as incomplete`,
        'dossier_incomplete',
      );
    }
    if (filedIncomplete) markFiledIncomplete(db, id, templateKeyOf(row));
    // A fixed term (a trademark's 10 years) can be worked out only from a grant known to the day.
    const validUntil = move.to === 'granted' && row.validUntil === null ? termEndOfGrant(row.giType, move.on) : row.validUntil;
    db.insert(t.transitions).values({
      designationId: id, fromStatus: row.status, toStatus: move.to, on: move.on, note: move.note, userId: viewer.id,
    }).run();
    db.update(t.designations).set({ status: move.to, validUntil, updatedAt: NOW_SQL }).where(eq(t.designations.id, id)).run();
    touchProduct(db, row.productId);
    recordAudit(db, viewer, {
      action: 'transition', entity: 'designation', entityId: id,
      before: { status: row.status, validUntil: row.validUntil },
      after: {
        status: move.to, on: move.on, note: move.note, validUntil,
        ...(filedIncomplete ? { filedIncomplete: true, readiness: dossier.readiness } : {}),
      },
    });
    return versionedDesignation(loadDesignation(db, id));
  });
}
