/**
 * Applying an authorised-user list (用标企业名单): each row names a GI (by its record number, or by
 * the product and the GI type) and a user; a user the GI already has — the same credit code, or for
 * a user without one the same name — is updated (filled cells change it, blank ones leave it), any
 * other is added. Every change goes through authorized-users.ts (county scope, basis that fits the
 * mark, audit), and the import keeps all rows or none, exactly as the product import does.
 */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  AuthorizedUserCreate, comparableName, LABELS, type AuthorizedUser, type AuthorizedUserUpdate, type Bilingual, type ImportProblem,
  type ImportReport, type ImportRowReport,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { HttpError } from '../../errors';
import type { InterpretedUserTable, UserImportValues } from './interpret-users';
import { USER_COLUMNS, type UserColumnKey } from '../sheets/user-columns';
import { validate } from '../../validate';
import { addAuthorizedUser, presentAuthorizedUser, updateAuthorizedUser } from '../../domain/marks/authorized-users';
import type { ImportOptions } from './import-products';
import { readableProducts } from '../../domain/access/permissions';
import { runImport } from './import-run';
import type { SignedIn } from '../../domain/access/viewer';


/** A row's problem that stops it. */
class RowError extends Error {
  constructor(readonly problems: ImportProblem[]) { super(problems[0]?.zh ?? 'row error'); }
}

const col = (key: UserColumnKey) => USER_COLUMNS[key].zh;
const problem = (key: UserColumnKey | null, zh: string, en: string): ImportProblem => ({ column: key && col(key), zh, en });

/** Which column each field of an authorised user comes from (for the domain's refusals). */
const COLUMN_OF_FIELD: Record<string, UserColumnKey> = {
  name: 'user_name', creditCode: 'credit_code', basis: 'basis', reference: 'reference', from: 'from', until: 'until', status: 'status',
};

/** The domain's refusals ("中文 / English") as row problems, each beside the column it is about. */
function problemsOf(error: unknown, gi: UserColumnKey): ImportProblem[] {
  if (error instanceof RowError) return error.problems;
  if (error instanceof HttpError) {
    // Scope and archive refusals are about the GI the row names; field refusals about their field.
    const texts = error.issues?.length
      ? error.issues.map((i) => ({ key: COLUMN_OF_FIELD[String(i.path[0])] ?? null, text: i.message }))
      : [{ key: error.status === 400 ? null : gi, text: error.message }];
    return texts.map(({ key, text }) => {
      const [zh, en = zh] = text.split(' / ');
      return problem(key, zh, en);
    });
  }
  const text = error instanceof Error ? error.message : String(error);
  return [problem(null, text, text)];
}

const label = (vocabulary: 'basis' | 'authorizationStatus' | 'giType', code: string | null): Bilingual =>
  code ? (LABELS[vocabulary] as Record<string, Bilingual>)[code] ?? { zh: code, en: code } : { zh: '—', en: '—' };
const plain = (v: string | null): Bilingual => ({ zh: v || '—', en: v || '—' });

/** The designation a row names, with its product, or a problem naming the column to fix. */
function findDesignation(db: Db, viewer: SignedIn, v: UserImportValues): { id: number; productId: number; productZh: string; giType: string; gi: UserColumnKey } {
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
    const type = label('giType', v.giType);
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
function findUser(db: Db, designationId: number, v: UserImportValues): AuthorizedUser | null {
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
  { field: 'basis', column: 'basis', show: (v) => label('basis', v) },
  { field: 'reference', column: 'reference', show: plain },
  { field: 'from', column: 'from', show: plain },
  { field: 'until', column: 'until', show: plain },
  { field: 'status', column: 'status', show: (v) => label('authorizationStatus', v) },
];

/** Adds or updates the row's user; returns the product and whether it was new, with what changed. */
function applyRow(db: Db, viewer: SignedIn, v: UserImportValues, changes: Bilingual[]): { productId: number; created: boolean } {
  const d = findDesignation(db, viewer, v);
  const type = label('giType', d.giType);
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
      const added = addAuthorizedUser(db, viewer, d.id, body);
      changes.push({
        zh: `新增用标企业 ${added.name}：${d.productZh}${type.zh}，${label('basis', added.basis).zh}，自 ${added.from} 起`,
        en: `New authorised user ${added.name}: ${d.productZh} ${type.en}, ${label('basis', added.basis).en}, from ${added.from}`,
      });
      return { productId: d.productId, created: true };
    }
    const patch: AuthorizedUserUpdate = {};
    for (const { field, column, show } of SHOWN) {
      const value = v[field as keyof UserImportValues] as string | null;
      if (value === null || value === existing[field]) continue;
      (patch as Record<string, unknown>)[field] = value;
      changes.push({
        zh: `${existing.name} ${col(column)}：${show(existing[field] as string | null).zh} → ${show(value).zh}`,
        en: `${existing.name} ${USER_COLUMNS[column].en.toLowerCase()}: ${show(existing[field] as string | null).en} → ${show(value).en}`,
      });
    }
    if (Object.keys(patch).length > 0) updateAuthorizedUser(db, viewer, existing.id, patch);
    return { productId: d.productId, created: false };
  } catch (error) {
    throw new RowError(problemsOf(error, d.gi));
  }
}

/** Applies an authorised-user list as `viewer`; with `dryRun`, or when any row fails, nothing is kept. */
export function importAuthorizedUserRows(db: Db, viewer: SignedIn, table: InterpretedUserTable, options: ImportOptions): ImportReport {
  const reports: ImportRowReport[] = [];
  const run = () => {
    table.rows.forEach(({ line, label: rowLabel, values, problems }, i) => {
      if (!values) {
        reports.push({ line, productZh: rowLabel, productId: null, outcome: 'error', changes: [], problems });
      } else {
        const changes: Bilingual[] = [];
        try {
          // Each row in its own savepoint: a failing row leaves nothing behind, the others go on to be checked.
          const { productId, created } = db.transaction(() => applyRow(db, viewer, values, changes));
          reports.push({
            line, productZh: rowLabel, productId, changes, problems: [],
            outcome: created ? 'created' : changes.length > 0 ? 'updated' : 'unchanged',
          });
        } catch (error) {
          reports.push({ line, productZh: rowLabel, productId: null, outcome: 'error', changes: [], problems: problemsOf(error, 'product_zh') });
        }
      }
      if (i % 200 === 199) options.onProgress?.(i + 1);
    });
  };
  return runImport(db, table, reports, options, run);
}
