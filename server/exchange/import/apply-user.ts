/**
 * Applying a row of an authorised-user list (用标企业名单): each row names a GI (by its record number,
 * or by the product and the GI type) and a user; a user the GI already has — the same credit code, or
 * for a user without one the same name — is updated (filled cells change it, blank ones leave it), any
 * other is added. Every change goes through authorized-users.ts (county scope, basis that fits the
 * mark, audit).
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  AuthorizedUserCreate, comparableName, type AuthorizationBasis, type AuthorizationStatus, type AuthorizedUser, type AuthorizedUserUpdate,
  type Bilingual, type GiType, type ImportProblem,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { readableProducts } from '../../domain/access/permissions';
import type { SignedIn } from '../../domain/access/viewer';
import { addAuthorizedUser, presentAuthorizedUser, updateAuthorizedUser } from '../../domain/marks/authorized-users';
import { validate } from '../../validate';
import { USER_COLUMNS, type UserColumnKey } from '../sheets/user-columns';
import { change, labelOf, plain, problem as problemIn, problemsOf, type RefusalColumns } from './report-text';
import { RowError, type ApplyContext, type RowApplier } from './list-kind';

/** One row's values; null where the cell was empty (an update leaves that field as it is). */
export interface UserValues {
  designationId: number | null;
  productId: number | null;
  productZh: string | null;
  giType: GiType | null;
  name: string;
  creditCode: string | null;
  basis: AuthorizationBasis | null;
  reference: string | null;
  from: string | null;
  until: string | null;
  status: AuthorizationStatus | null;
}

const col = (key: UserColumnKey) => USER_COLUMNS[key].zh;
const problem = (key: UserColumnKey | null, zh: string, en: string): ImportProblem => problemIn(key && col(key), zh, en);

/** Which column each field of an authorised user comes from (for the domain's refusals). */
const COLUMN_OF_FIELD: Record<string, UserColumnKey> = {
  name: 'user_name', creditCode: 'credit_code', basis: 'basis', reference: 'reference', from: 'from', until: 'until', status: 'status',
};

/** The domain's refusals as row problems: a field's beside its column, scope and archive refusals beside the column naming the GI. */
const refusals = (gi: UserColumnKey): RefusalColumns => ({
  ofField: (field) => (field in COLUMN_OF_FIELD ? col(COLUMN_OF_FIELD[field]) : null), ofRecord: col(gi),
});

/** The GI a row names (by record number, or product and GI type), as a user list and a return list write it. */
export type GiCells = Pick<UserValues, 'designationId' | 'productId' | 'productZh' | 'giType'>;

/** The designation a row names, with its product, or a problem naming the column to fix (the user sheet's labels). */
export function findDesignation(db: Db, viewer: SignedIn, v: GiCells): { id: number; productId: number; productZh: string; giType: string; gi: UserColumnKey } {
  const readable = readableProducts(db, viewer);
  const fields = { id: t.designations.id, productId: t.products.id, productZh: t.products.nameZh, giType: t.designations.giType };
  if (v.designationId !== null) {
    const d = db.select(fields).from(t.designations).innerJoin(t.products, eq(t.products.id, t.designations.productId))
      .where(and(eq(t.designations.id, v.designationId), readable)).get();
    if (!d) {
      throw new RowError([problem('designation_id', `没有记录编号为 ${v.designationId} 的地理标志（或您无权查看）。可改填产品名称和地理标志类型`,
        `There is no GI record number ${v.designationId} you may see. Fill in the product name and GI type instead`)]);
    }
    return { ...d, gi: 'designation_id' };
  }
  const gi: UserColumnKey = v.productId !== null ? 'product_id' : 'product_zh';
  const products = db.select({ id: t.products.id, nameZh: t.products.nameZh }).from(t.products)
    .where(and(v.productId !== null ? eq(t.products.id, v.productId) : and(eq(t.products.nameZh, v.productZh ?? ''), isNull(t.products.archivedAt)), readable))
    .all();
  if (products.length === 0) {
    const named = v.productId !== null ? `编号为 ${v.productId} 的产品` : `名为"${v.productZh}"的产品`;
    const namedEn = v.productId !== null ? `product number ${v.productId}` : `product named "${v.productZh}"`;
    throw new RowError([problem(gi, `没有${named}（或您无权查看）。请核对产品名称，先登记产品及其地理标志，再导入用标企业`,
      `There is no ${namedEn} you may see. Check the name; record the product and its GI before its users`)]);
  }
  if (products.length > 1) {
    throw new RowError([problem('product_zh', `有 ${products.length} 个产品名为"${v.productZh}"。请填写产品编号，指明是哪一个`,
      `${products.length} products are named "${v.productZh}". Fill in the product number to say which one`)]);
  }
  const product = products[0];
  const held = db.select({ id: t.designations.id, giType: t.designations.giType }).from(t.designations)
    .where(eq(t.designations.productId, product.id)).orderBy(asc(t.designations.id)).all();
  const ofType = v.giType ? held.filter((d) => d.giType === v.giType) : held;
  if (ofType.length === 0) {
    const type = labelOf('giType', v.giType);
    throw new RowError([problem(v.giType ? 'gi_type' : gi, v.giType ? `${product.nameZh}没有${type.zh}。请核对地理标志类型` : `${product.nameZh}尚未登记地理标志。请先登记地理标志，再导入用标企业`,
      v.giType ? `${product.nameZh} has no ${type.en}. Check the GI type` : `${product.nameZh} has no GI yet. Record its GI before its users`)]);
  }
  if (!v.giType && new Set(ofType.map((d) => d.giType)).size > 1) {
    throw new RowError([problem('gi_type', `${product.nameZh}有多项地理标志。请填写地理标志类型，指明是哪一项`,
      `${product.nameZh} has several GIs. Fill in the GI type to say which one`)]);
  }
  return { id: ofType[0].id, productId: product.id, productZh: product.nameZh, giType: ofType[0].giType, gi };
}

/**
 * The user of designation `designationId` a row names: the same credit code; else the same name
 * recorded without a code (a list that gains its codes later updates those users rather than doubling them).
 */
function findUser(db: Db, designationId: number, v: UserValues): AuthorizedUser | null {
  const of = (where: ReturnType<typeof and>) => db.select().from(t.authorizedUsers)
    .where(and(eq(t.authorizedUsers.designationId, designationId), where)).orderBy(asc(t.authorizedUsers.id)).get();
  const row = (v.creditCode !== null ? of(eq(t.authorizedUsers.creditCode, v.creditCode)) : undefined)
    ?? of(and(isNull(t.authorizedUsers.creditCode), eq(t.authorizedUsers.nameKey, comparableName(v.name))));
  return row ? presentAuthorizedUser(row) : null;
}

/** How each field is shown in a change sentence. */
const SHOWN: { field: keyof AuthorizedUserUpdate; column: UserColumnKey; show: (v: string | null) => Bilingual }[] = [
  { field: 'name', column: 'user_name', show: plain },
  { field: 'creditCode', column: 'credit_code', show: plain },
  { field: 'basis', column: 'basis', show: (v) => labelOf('basis', v) },
  { field: 'reference', column: 'reference', show: plain },
  { field: 'from', column: 'from', show: plain },
  { field: 'until', column: 'until', show: plain },
  { field: 'status', column: 'status', show: (v) => labelOf('authorizationStatus', v) },
];

/** Adds or updates the row's user; returns the product and whether it was new, with what changed. */
function applyRow({ db, viewer, today }: ApplyContext, v: UserValues, changes: Bilingual[]): { productId: number; created: boolean } {
  const d = findDesignation(db, viewer, v);
  const type = labelOf('giType', d.giType);
  try {
    const existing = findUser(db, d.id, v);
    if (!existing) {
      const missing: ImportProblem[] = [];
      if (!v.basis) missing.push(problem('basis', '新增用标企业须填写用标依据', 'A new authorised user needs its basis'));
      if (!v.from) missing.push(problem('from', '新增用标企业须填写起始日期（写到具体哪一天）', 'A new authorised user needs the day it may start using the mark'));
      if (missing.length) throw new RowError(missing);
      const body = validate(AuthorizedUserCreate, {
        name: v.name, creditCode: v.creditCode, basis: v.basis, reference: v.reference, from: v.from, until: v.until, status: v.status ?? 'active',
      }, 'body');
      const added = addAuthorizedUser(db, viewer, d.id, body, today);
      changes.push({
        zh: `新增用标企业 ${added.name}：${d.productZh}${type.zh}，${labelOf('basis', added.basis).zh}，自 ${added.from} 起`,
        en: `New authorised user ${added.name}: ${d.productZh} ${type.en}, ${labelOf('basis', added.basis).en}, from ${added.from}`,
      });
      return { productId: d.productId, created: true };
    }
    const patch: AuthorizedUserUpdate = {};
    for (const { field, column, show } of SHOWN) {
      const value = v[field as keyof UserValues] as string | null;
      if (value === null || value === existing[field]) continue;
      (patch as Record<string, unknown>)[field] = value;
      changes.push(change({ zh: `${existing.name} ${col(column)}`, en: `${existing.name} ${USER_COLUMNS[column].en.toLowerCase()}` },
        show(existing[field] as string | null), show(value)));
    }
    if (Object.keys(patch).length > 0) updateAuthorizedUser(db, viewer, existing.id, patch, today);
    return { productId: d.productId, created: false };
  } catch (error) {
    throw new RowError(problemsOf(error, refusals(d.gi)));
  }
}

/** How an authorised-user list's rows are applied in one import. */
export function applyUserRow(ctx: ApplyContext): RowApplier<UserValues> {
  return (values, changes) => applyRow(ctx, values, changes);
}
