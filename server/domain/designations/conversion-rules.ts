/**
 * The rules of starting and recording a conversion (统一认定) shared by designations.ts (a designation
 * started as a conversion: `convertedFromId`) and conversion.ts (recording one): which designation may be
 * converted now, and what its history says (grant, latest move).
 */
import { and, desc, eq } from 'drizzle-orm';
import { canMoveAs, conversionTargetOf, LABELS, type GiType } from '../../../db/model';
import * as t from '../../../db/schema';
import { badRequest, conflict } from '../../errors';
import type { Tx } from '../access/audit';

type DesignationRow = typeof t.designations.$inferSelect;

const invalid = (field: string, message: string) => badRequest(`Invalid body field: ${field}`, [{ path: [field], message }]);
const typeName = (giType: GiType) => LABELS.giType[giType];

/** The date of a designation's grant (its latest move to `granted`), if it was granted. */
export function grantOf(tx: Tx, id: number): string | null {
  return tx.select({ on: t.transitions.on }).from(t.transitions)
    .where(and(eq(t.transitions.designationId, id), eq(t.transitions.toStatus, 'granted')))
    .orderBy(desc(t.transitions.id)).get()?.on ?? null;
}

/** The date of a designation's latest move. */
export function lastMoveOf(tx: Tx, id: number): string | null {
  return tx.select({ on: t.transitions.on }).from(t.transitions).where(eq(t.transitions.designationId, id))
    .orderBy(desc(t.transitions.id)).get()?.on ?? null;
}

/** The designation already linked to `sourceId` as its conversion, if any. */
export function linkedTo(tx: Tx, sourceId: number): DesignationRow | undefined {
  return tx.select().from(t.designations).where(eq(t.designations.convertedFromId, sourceId)).get();
}

/**
 * 409 unless `source` may be converted now: of a type that converts, granted (not converted or ended),
 * and not already the source of another designation (`except`: the one being linked).
 */
export function assertConvertible(tx: Tx, source: DesignationRow, except: number | null = null): void {
  if (source.status === 'converted') {
    throw conflict('该地理标志已转换 / This designation has already been converted', 'already_converted');
  }
  if (!canMoveAs(source.giType, source.status, 'converted')) {
    throw conflict(
      `只有已获批的地理标志可以转换（当前：${LABELS.status[source.status].zh}） / Only a granted designation can be converted (it is ${LABELS.status[source.status].en.toLowerCase()})`,
      'not_convertible',
    );
  }
  const linked = linkedTo(tx, source.id);
  if (linked && linked.id !== except) {
    throw conflict(
      `该地理标志的转换已在办理（#${linked.id}）：请在那条记录上继续 / A conversion of this designation is already under way (#${linked.id}): continue with that one`,
      'conversion_under_way',
    );
  }
}

/**
 * Checks that a designation of `giType` being started for product `productId` may convert `sourceId`
 * (createDesignation's `convertedFromId`): 400 when the source is not of this product or does not convert
 * into `giType`; 409 as assertConvertible.
 */
export function assertConversionSource(tx: Tx, productId: number, giType: GiType, sourceId: number): void {
  const source = tx.select().from(t.designations).where(eq(t.designations.id, sourceId)).get();
  if (!source || source.productId !== productId) {
    throw invalid('convertedFromId', '须为本产品的一项地理标志 / Must be a designation of this product');
  }
  if (conversionTargetOf(source.giType) !== giType) {
    throw invalid('convertedFromId',
      `${typeName(source.giType).zh}不能转换为${typeName(giType).zh} / A ${typeName(source.giType).en} does not convert into a ${typeName(giType).en}`);
  }
  assertConvertible(tx, source);
}

/**
 * 409 `conversion_not_recorded` while the designation a conversion started from is not converted: the one
 * it becomes is granted by recording the conversion (conversion.ts), so the two are never both in force.
 */
export function assertConversionRecorded(tx: Tx, sourceId: number): void {
  const source = tx.select({ status: t.designations.status }).from(t.designations).where(eq(t.designations.id, sourceId)).get();
  if (source?.status === 'converted') return;
  throw conflict(
    `该地理标志由另一项地理标志（#${sourceId}）转换而来：请在那一项上“记录转换”，获批随之登记 / ` +
    `This designation converts another (#${sourceId}): record the conversion there, which records this grant`,
    'conversion_not_recorded',
  );
}
