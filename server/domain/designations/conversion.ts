/**
 * Converting a designation into another type (统一认定, 2024–: an agricultural-product GI into a 地理标志产品;
 * which type converts into which is GI_TYPE_RULES.convertsTo). Starting one links a new designation to
 * the one it converts (createDesignation, checked by conversion-rules.ts); recording one, in one transaction,
 * moves the source `granted → converted` on the day and grants the designation it became (the one named,
 * or a new one carrying the source's protected area), both audited. Nothing else of the source (holder,
 * authorised users) is copied: the new grant's are recorded as announced.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  conversionTargetOf, isDossierOpen, isNotBefore, LABELS, termEndOfGrant, type ConversionCreate, type Designation, type GiType,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { badRequest, conflict, HttpError, notFound } from '../../errors';
import { recordAudit, type Tx } from '../access/audit';
import { productForWrite } from '../access/permissions';
import type { SignedIn } from '../access/viewer';
import { NOW_SQL, touchProduct } from '../products/product-stamp';
import { assertConvertible, grantOf, lastMoveOf } from './conversion-rules';
import { checkDesignation, loadDesignation } from './designations';
import type { VersionCheck } from '../../versions';
import { versionedDesignation } from '../access/resource-versions';
import { copyScope } from './scope-write';

type DesignationRow = typeof t.designations.$inferSelect;

const invalid = (field: string, message: string) => badRequest(`Invalid body field: ${field}`, [{ path: [field], message }]);
const typeName = (giType: GiType) => LABELS.giType[giType];

/** The designation a conversion is recorded into, when one is named: checked, and what must happen to it. */
function namedTarget(tx: Tx, source: DesignationRow, targetType: GiType, id: number, on: string): DesignationRow {
  const target = tx.select().from(t.designations).where(eq(t.designations.id, id)).get();
  if (!target || target.productId !== source.productId) {
    throw invalid('designationId', '须为同一产品的一项地理标志 / Must be a designation of the same product');
  }
  if (target.giType !== targetType) {
    throw invalid('designationId', `须为${typeName(targetType).zh} / Must be a ${typeName(targetType).en}`);
  }
  if (target.convertedFromId !== null && target.convertedFromId !== source.id) {
    throw conflict(`该地理标志已关联另一项转换（#${target.convertedFromId}） / That designation already converts another (#${target.convertedFromId})`, 'already_linked');
  }
  if (target.status === 'granted') {
    const granted = grantOf(tx, target.id);
    if (granted !== on) {
      throw invalid('on', `该地理标志获批于 ${granted ?? '—'}，转换日期须与之相同 / That designation was granted on ${granted ?? '—'}: the conversion must be dated the same day`);
    }
  } else if (isDossierOpen(target.status)) {
    const last = lastMoveOf(tx, target.id);
    if (last && !isNotBefore(on, last)) {
      throw invalid('on', `日期不能早于该地理标志上一次变更（${last}） / The date may not be before that designation's previous move (${last})`);
    }
  } else {
    throw conflict(
      `该地理标志当前为“${LABELS.status[target.status].zh}”，不能作为转换结果 / That designation is ${LABELS.status[target.status].en.toLowerCase()}: it cannot be what the conversion became`,
      'target_not_open',
    );
  }
  return target;
}

/** The audit snapshot of a conversion's link, as a designation answer carries it. */
const refOf = (d: { id: number; giType: GiType; announcement: string | null }, on: string) =>
  ({ designationId: d.id, giType: d.giType, announcement: d.announcement, on });

/**
 * POST /api/designations/:id/conversion: records that `sourceId` was converted on `input.on` into the
 * designation named (granted on that day if it is in progress; already granted on exactly that day) or
 * into a new one granted on that day with the announcement (and the source's protected area, to be
 * re-verified). 400/409 and nothing changed when it may not (conversion-rules.ts and namedTarget); the
 * date is not after `today` (the app's clock) nor before the grant. `check` (the route's If-Match) sees the
 * converted designation's version, and `checkNamed` the named one's (`designationVersion` of the body).
 */
export function recordConversion(
  db: Db, viewer: SignedIn, sourceId: number, input: ConversionCreate, today: string,
  { check, checkNamed }: { check?: VersionCheck; checkNamed?: VersionCheck } = {},
): { converted: Designation; into: Designation } {
  const load = (id: number) => loadDesignation(db, id);
  return db.transaction((tx) => {
    const source = tx.select().from(t.designations).where(eq(t.designations.id, sourceId)).get();
    if (!source) throw notFound('designation');
    productForWrite(db, viewer, source.productId);
    checkDesignation(db, source.id, check);
    if (input.designationId !== undefined) {
      const other = tx.select({ productId: t.designations.productId }).from(t.designations).where(eq(t.designations.id, input.designationId)).get();
      // Another product's designation (or none) is namedTarget's 400 below.
      if (other?.productId === source.productId) checkDesignation(db, input.designationId, checkNamed);
    }
    const targetType = conversionTargetOf(source.giType);
    if (targetType === null) {
      throw new HttpError(400, 'not_convertible',
        `${typeName(source.giType).zh}不能转换为其他类型 / A ${typeName(source.giType).en} does not convert into another type`);
    }
    assertConvertible(tx, source, input.designationId ?? null);
    if (input.on > today) throw invalid('on', `转换日期不能晚于今天 ${today} / The conversion may not be dated after today (${today})`);
    const granted = grantOf(tx, source.id);
    const last = lastMoveOf(tx, source.id);
    if ((granted && !isNotBefore(input.on, granted)) || (last && !isNotBefore(input.on, last))) {
      const since = granted ?? last;
      throw invalid('on', `转换日期不能早于获批日期 ${since} / The conversion may not be dated before the grant (${since})`);
    }
    const note = `转换为${typeName(targetType).zh}（公告 ${input.announcement}）`;
    const named = input.designationId === undefined ? null : namedTarget(tx, source, targetType, input.designationId, input.on);
    const namedBefore = named && load(named.id);

    // The source's move first, so the answers and snapshots below carry the day on both sides.
    tx.insert(t.transitions).values({
      designationId: source.id, fromStatus: source.status, toStatus: 'converted', on: input.on, note, userId: viewer.id,
    }).run();
    tx.update(t.designations).set({ status: 'converted', updatedAt: NOW_SQL }).where(eq(t.designations.id, source.id)).run();

    let target: DesignationRow;
    if (named === null) {
      target = tx.insert(t.designations).values({
        productId: source.productId, giType: targetType, status: 'granted', announcement: input.announcement,
        number: input.number ?? null, convertedFromId: source.id, validUntil: termEndOfGrant(targetType, input.on),
      }).returning().get();
      tx.insert(t.transitions).values({
        designationId: target.id, fromStatus: null, toStatus: 'granted', on: input.on,
        note: `由${typeName(source.giType).zh}转换`, userId: viewer.id,
      }).run();
      copyScope(tx, viewer, source.id, target.id);
      recordAudit(tx, viewer, { action: 'create', entity: 'designation', entityId: target.id, before: null, after: { ...load(target.id), conversionOf: source.id } });
    } else {
      const moving = named.status !== 'granted';
      const validUntil = moving && named.validUntil === null ? termEndOfGrant(targetType, input.on) : named.validUntil;
      if (moving) {
        tx.insert(t.transitions).values({
          designationId: named.id, fromStatus: named.status, toStatus: 'granted', on: input.on,
          note: `由${typeName(source.giType).zh}转换`, userId: viewer.id,
        }).run();
      }
      tx.update(t.designations).set({
        status: 'granted', validUntil, convertedFromId: source.id, announcement: input.announcement,
        number: input.number ?? named.number, updatedAt: NOW_SQL,
      }).where(eq(t.designations.id, named.id)).run();
      target = tx.select().from(t.designations).where(eq(t.designations.id, named.id)).get()!;
      const after = load(named.id);
      const told = (d: Designation) => ({ status: d.status, validUntil: d.validUntil, announcement: d.announcement, number: d.number, convertedFrom: d.convertedFrom });
      recordAudit(tx, viewer, {
        action: moving ? 'transition' : 'update', entity: 'designation', entityId: named.id,
        before: told(namedBefore!), after: { ...told(after), ...(moving ? { on: input.on } : {}), conversionOf: source.id },
      });
    }

    touchProduct(db, source.productId);
    recordAudit(tx, viewer, {
      action: 'conversion', entity: 'designation', entityId: source.id,
      before: { status: source.status },
      after: { status: 'converted', on: input.on, into: { ...refOf(target, input.on), number: target.number } },
    });
    return { converted: versionedDesignation(load(source.id)), into: versionedDesignation(load(target.id)) };
  });
}
