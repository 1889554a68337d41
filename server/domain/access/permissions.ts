/**
 * Who may see and change what, decided in one place.
 */
import { and, eq, exists, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { CountyCode, ProductQuery } from '../../../db/model';
import { auditEvents, counties as countyTable, designations, productCounties, products } from '../../../db/schema';
import { conflict, forbidden, notFound, unauthorized } from '../../errors';
import type { Account, SignedIn, Viewer } from './viewer';

/** The condition "product is in this county" on `products`. */
function inCounty(db: Db, county: CountyCode): SQL {
  return exists(
    db.select({ one: productCounties.productId }).from(productCounties)
      .where(and(eq(productCounties.productId, products.id), eq(productCounties.countyCode, county))),
  );
}

/**
 * The condition on `products` that a product is published: public and not archived. What the public
 * reads, and all that the tally, the feed, the sitemap and the verification index ever count.
 */
export function publishedProducts(): SQL {
  return and(eq(products.visibility, 'public'), isNull(products.archivedAt))!;
}

/**
 * The condition on `products` that a viewer may read: the public sees published products (public,
 * unarchived); an official also sees drafts and archived products of their county; an admin sees everything.
 */
export function readableProducts(db: Db, viewer: Viewer): SQL | undefined {
  if (!viewer) return publishedProducts();
  if (viewer.role === 'admin') return undefined;
  return or(publishedProducts(), inCounty(db, viewer.county!));
}

/**
 * The extra condition of a product list for the workspace flags: `mine` narrows to the viewer's
 * county (everything for an admin), `archived` lists archived products instead of current ones.
 * The flags are for signed-in viewers only (401 otherwise); the public list never changes.
 */
export function listScope(db: Db, viewer: Viewer, query: Pick<ProductQuery, 'mine' | 'archived'>): SQL | undefined {
  if (!viewer) {
    if (query.mine || query.archived) throw unauthorized('mine and archived are for signed-in officials / 请先登录');
    return undefined;
  }
  const mine = query.mine && viewer.role !== 'admin' ? inCounty(db, viewer.county!) : undefined;
  return and(mine, query.archived ? isNotNull(products.archivedAt) : isNull(products.archivedAt));
}

/** The condition on `audit_events`: entries about products of a county and about those products' designations. */
export function auditAboutCounty(db: Db, county: CountyCode): SQL {
  const productInCounty = (productId: SQL | typeof designations.productId) => exists(
    db.select({ one: productCounties.productId }).from(productCounties)
      .where(and(eq(productCounties.productId, productId), eq(productCounties.countyCode, county))),
  );
  return or(
    and(eq(auditEvents.entity, 'product'), productInCounty(sql`${auditEvents.entityId}`)),
    and(eq(auditEvents.entity, 'designation'), exists(
      db.select({ one: designations.id }).from(designations)
        .where(and(eq(designations.id, auditEvents.entityId), productInCounty(designations.productId))),
    )),
  )!;
}

/**
 * The condition on `audit_events` that a reader may read: an admin and an auditor read everything, an
 * official the entries about products of their county and about those products' designations.
 */
export function readableAudit(db: Db, viewer: Account): SQL | undefined {
  if (viewer.role === 'admin' || viewer.role === 'auditor') return undefined;
  return auditAboutCounty(db, viewer.county!);
}

/** Throws 403 when an official asks for the history of a county other than their own. */
export function assertMayReadCounty(viewer: Account, county: CountyCode | undefined): void {
  if (county === undefined || viewer.role === 'admin' || viewer.role === 'auditor' || county === viewer.county) return;
  throw forbidden(`县级账号只能查看本县（${viewer.county}）的修改记录 / Officials may only read the history of their own county (${viewer.county})`);
}

/** Whether a viewer may create or change a product that lies in these counties. */
export function mayEditIn(viewer: Viewer, counties: readonly CountyCode[]): boolean {
  if (!viewer) return false;
  return viewer.role === 'admin' || counties.includes(viewer.county!);
}

/**
 * Whether a viewer may read a product's internal documents: an admin, or an official of one of the
 * product's counties. Officials of other counties may read a public product, but not its internal files.
 */
export function mayReadInternalDocuments(viewer: Viewer, counties: readonly CountyCode[]): boolean {
  return mayEditIn(viewer, counties);
}

/** Throws 403 unless the viewer may put a product in these counties (an official's own must be among them). */
export function assertMayEditIn(viewer: SignedIn, counties: readonly CountyCode[]): void {
  if (!mayEditIn(viewer, counties)) {
    throw forbidden(`县级账号只能管理包含本县（${viewer.county}）的产品 / Officials may only manage products of their own county`);
  }
}

/** The counties' names in both languages, for messages (`沁水县、陵川县` / `Qinshui, Lingchuan`). */
export function countyNames(db: Db, codes: readonly CountyCode[]): { zh: string; en: string } {
  const rows = db.select({ code: countyTable.code, zh: countyTable.nameZh, en: countyTable.nameEn }).from(countyTable).all();
  const named = codes.map((c) => rows.find((r) => r.code === c) ?? { code: c, zh: c, en: c });
  return { zh: named.map((n) => n.zh).join('、'), en: named.map((n) => n.en).join(', ') };
}

/**
 * Throws 403 unless the viewer may change a product's counties from `before` to `after`. A county's
 * products are that county's business: an official may add counties (a product made on both sides of
 * a border is shared from the start, as a create may do; the county added can take itself off again),
 * may take their own county off a product that stays with others, but may not take another county off
 * (that county would lose the product without a say: an admin does it, or that county's officials),
 * nor hand a product over to counties that did not have it while leaving it.
 */
export function assertMayChangeCounties(db: Db, viewer: SignedIn, before: readonly CountyCode[], after: readonly CountyCode[]): void {
  if (viewer.role === 'admin') return;
  const own = viewer.county!;
  const removedOthers = before.filter((c) => c !== own && !after.includes(c));
  if (removedOthers.length > 0) {
    const names = countyNames(db, removedOthers);
    throw forbidden(
      `县级账号不能把其他县（${names.zh}）从产品中去掉：请该县的账号自行去掉本县，或请市级管理员办理 / ` +
      `Officials may not take another county (${names.en}) off a product: ask that county's officials to take their own county off, or a city admin`,
    );
  }
  if (!after.includes(own) && after.some((c) => !before.includes(c))) {
    throw forbidden(
      `县级账号不能把产品转给其他县：可以去掉本县（${countyNames(db, [own]).zh}），但不能同时加入新的县；请市级管理员办理 / ` +
      `Officials may not hand a product over to other counties: you may take your own county (${countyNames(db, [own]).en}) off, but not add new ones at the same time; ask a city admin`,
    );
  }
}

/**
 * Throws 403 unless the viewer may archive a product of these counties: a product shared with another
 * county is archived by an admin (archiving takes it away from every county); an official whose county
 * no longer makes it takes their own county off instead.
 */
export function assertMayArchive(db: Db, viewer: SignedIn, productCounties: readonly CountyCode[]): void {
  if (viewer.role === 'admin') return;
  const others = productCounties.filter((c) => c !== viewer.county);
  if (others.length === 0) return;
  const names = countyNames(db, others);
  throw forbidden(
    `该产品也属于${names.zh}，归档须由市级管理员办理；如果只是本县不再参与，请在"所在县"中去掉本县 / ` +
    `This product is shared with ${names.en}: ask a city admin to archive it; if only your county no longer takes part, take your county off its counties`,
  );
}

/**
 * Whether an account may manage accounts (create, change, reset a password, unlock): a security admin, and
 * a city admin too unless SEPARATE_DUTIES keeps accounts to the security admins (三员分立).
 */
export function mayManageAccounts(account: Account, separateDuties: boolean): boolean {
  return account.role === 'security_admin' || (account.role === 'admin' && !separateDuties);
}

/** Whether an account may read the security events: an auditor, and a city admin too unless SEPARATE_DUTIES. */
export function mayReadSecurityEvents(account: Account, separateDuties: boolean): boolean {
  return account.role === 'auditor' || (account.role === 'admin' && !separateDuties);
}

/** Whether an account may read the content history (`/api/audit`): admins, officials (their county's) and auditors. */
export function mayReadAudit(account: Account): boolean {
  return account.role === 'admin' || account.role === 'official' || account.role === 'auditor';
}

/** Throws 403 unless the account may manage accounts. */
export function assertMayManageAccounts(account: Account, separateDuties: boolean): void {
  if (mayManageAccounts(account, separateDuties)) return;
  throw forbidden(separateDuties
    ? '仅安全管理员可以管理账号（三员分立）/ Only security admins manage accounts (separation of duties)'
    : '仅市级管理员和安全管理员可以管理账号 / Only admins and security admins manage accounts');
}

/** Throws 403 unless the account may read the security events. */
export function assertMayReadSecurityEvents(account: Account, separateDuties: boolean): void {
  if (mayReadSecurityEvents(account, separateDuties)) return;
  throw forbidden(separateDuties
    ? '仅审计管理员可以查看安全事件（三员分立）/ Only auditors read the security events (separation of duties)'
    : '仅市级管理员和审计管理员可以查看安全事件 / Only admins and auditors read the security events');
}

/** Throws 403 unless the account may read the content history. */
export function assertMayReadAudit(account: Account): void {
  if (!mayReadAudit(account)) throw forbidden('安全管理员只管理账号，不查看修改记录 / Security admins manage accounts only and do not read the history');
}

/** Throws 403 unless the viewer is an admin. */
export function assertAdmin(viewer: SignedIn): void {
  if (viewer.role !== 'admin') throw forbidden('仅市级管理员可执行此操作 / Admins only');
}

/** A product about to be changed, with its counties. */
export interface WritableProduct { row: typeof products.$inferSelect; counties: CountyCode[] }

/**
 * Loads a product for a change by `viewer`: 404 when it does not exist or the viewer may not even
 * see it (no leak), 403 when they may see but not change it, 409 when it is archived and
 * `allowArchived` is not set (restore it first).
 */
export function productForWrite(db: Db, viewer: SignedIn, id: number, allowArchived = false): WritableProduct {
  const row = db.select().from(products).where(and(eq(products.id, id), readableProducts(db, viewer))).get();
  if (!row) throw notFound('product');
  const counties = db.select({ code: productCounties.countyCode }).from(productCounties)
    .where(eq(productCounties.productId, id)).all().map((c) => c.code);
  assertMayEditIn(viewer, counties);
  if (row.archivedAt !== null && !allowArchived) {
    throw conflict('产品已归档，请先恢复 / The product is archived; restore it first', 'archived');
  }
  return { row, counties };
}
