/**
 * The rows each sheet of the export reads from the registry: what the viewer may read (the public's
 * view by default; an official's adds their county's drafts), filtered like /api/products, product by product in name order. Each is one query stepped as it is
 * read (never loaded whole), so memory stays flat and time grows with the rows however large the
 * registry; columns are read by position, as drizzle's SQL does not alias them.
 */
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import type { Viewer } from '../../domain/access/viewer';
import { newestFirst, type ProductFilter, type SourceValue } from '../../../db/model';
import * as t from '../../../db/schema';
import { productWhere } from '../../domain/products/products-read';
import type { ProductRecord, SpecificationCells } from '../sheets/product-columns';
import { labelZh, type SheetValue } from '../sheets/sheet-columns';
import type { UserRecord } from '../sheets/user-columns';

/** Runs a drizzle query as it steps, each row as an array in the order of the selected fields. */
function stepRows(db: Db, query: { sql: string; params: unknown[] }): IterableIterator<unknown[]> {
  return db.$client.prepare(query.sql).raw().iterate(...query.params) as IterableIterator<unknown[]>;
}

const sourceList = (json: unknown): SourceValue[] => (typeof json === 'string' ? (JSON.parse(json) as SourceValue[]) : []);

/** A designation's current specification version from the JSON array of all of them (newestFirst's first). */
function currentSpecification(json: unknown): SpecificationCells | null {
  const versions = typeof json === 'string' ? (JSON.parse(json) as (SpecificationCells & { id: number })[]) : [];
  const current = newestFirst(versions)[0];
  return current ? { number: current.number, title: current.title, version: current.version, issuedOn: current.issuedOn, url: current.url } : null;
}

/**
 * One record per designation, or per product without one, with the product's own sources and the
 * designation's apart (each designation's filing and grant dates, and its specification's versions, are index
 * look-ups; the current version is picked by newestFirst, the rule the product answer follows).
 */
export function* iterateProductRecords(db: Db, filter: ProductFilter, viewer: Viewer = null): Generator<ProductRecord> {
  const lastOn = (status: 'filed' | 'granted') => sql<string | null>`(select ${t.transitions.on} from ${t.transitions}
    where ${t.transitions.designationId} = ${t.designations.id} and ${t.transitions.toStatus} = ${status}
    order by ${t.transitions.id} desc limit 1)`;
  const countyCodes = sql<string | null>`(select group_concat(code, ';') from (select ${t.productCounties.countyCode} as code
    from ${t.productCounties} where ${t.productCounties.productId} = ${t.products.id} order by 1))`;
  const scopeCodes = sql<string | null>`(select group_concat(code, ';') from (select ${t.designationScopeUnits.code} as code
    from ${t.designationScopeUnits} where ${t.designationScopeUnits.designationId} = ${t.designations.id} order by 1))`;
  const locations = sql<string>`(select json_group_array(json_object('precision', p, 'divisionCode', d, 'label', l)) from (select
    ${t.locations.precision} as p, ${t.locations.divisionCode} as d, ${t.locations.label} as l
    from ${t.locations} where ${t.locations.productId} = ${t.products.id} order by ${t.locations.position}))`;
  const s = t.designationSpecifications;
  const specifications = sql<string>`(select json_group_array(json_object('id', ${s.id}, 'number', ${s.number}, 'title', ${s.title},
    'version', ${s.version}, 'issuedOn', ${s.issuedOn}, 'url', ${s.url})) from ${s} where ${s.designationId} = ${t.designations.id})`;
  const query = db.select({
    productId: t.products.id, nameZh: t.products.nameZh, nameEn: t.products.nameEn, category: t.products.category,
    productSources: t.products.sources, countyCodes, giType: t.designations.giType, markKind: t.designations.markKind,
    status: t.designations.status, holder: t.designations.holder, holderCreditCode: t.designations.holderCreditCode,
    number: t.designations.number, announcement: t.designations.announcement, validUntil: t.designations.validUntil,
    designationSources: t.designations.sources, filedOn: lastOn('filed'), grantedOn: lastOn('granted'), scopeCodes, locations,
    managingBody: t.designations.managingBody, managingContact: t.designations.managingContact, testingBody: t.designations.testingBody,
    specifications, visibility: t.products.visibility,
  }).from(t.products)
    .leftJoin(t.designations, eq(t.designations.productId, t.products.id))
    .where(productWhere(db, filter, viewer))
    // The order of the list and the map, which the name index gives as it is read: no sort before the first row.
    .orderBy(asc(t.products.nameZh), asc(t.products.id), asc(t.designations.id))
    .toSQL();
  const countyNames = new Map<string, string>(db.select().from(t.counties).all().map((c) => [c.code, c.nameZh]));
  for (const v of stepRows(db, query)) {
    const codes = v[5] ? String(v[5]).split(';') : [];
    yield {
      productId: v[0] as number, nameZh: v[1] as string, nameEn: v[2] as string | null, category: v[3] as string,
      productSources: sourceList(v[4]), countyCodes: codes, countyNamesZh: codes.map((c) => countyNames.get(c) ?? c),
      giType: v[6] as string | null, markKind: v[7] as string | null, status: v[8] as string | null, holder: v[9] as string | null,
      holderCreditCode: v[10] as string | null, number: v[11] as string | null, announcement: v[12] as string | null,
      validUntil: v[13] as string | null, designationSources: sourceList(v[14]), filedOn: v[15] as string | null, grantedOn: v[16] as string | null,
      scopeCodes: v[17] ? String(v[17]).split(';') : [], locations: JSON.parse(String(v[18] ?? '[]')) as ProductRecord['locations'],
      managingBody: v[19] as string | null, managingContact: v[20] as string | null, testingBody: v[21] as string | null,
      specification: currentSpecification(v[22]), visibility: v[23] as string,
    };
  }
}

/** Every status move of the designations, each designation's moves in the order recorded, labels in Chinese. */
export function* iterateMoveRows(db: Db, filter: ProductFilter, viewer: Viewer = null): Generator<SheetValue[]> {
  const query = db.select({
    productId: t.products.id, nameZh: t.products.nameZh, giType: t.designations.giType,
    from: t.transitions.fromStatus, to: t.transitions.toStatus, on: t.transitions.on, note: t.transitions.note,
  }).from(t.products)
    .innerJoin(t.designations, eq(t.designations.productId, t.products.id))
    .innerJoin(t.transitions, eq(t.transitions.designationId, t.designations.id))
    .where(productWhere(db, filter, viewer))
    .orderBy(asc(t.products.nameZh), asc(t.products.id), asc(t.designations.id), asc(t.transitions.id))
    .toSQL();
  for (const [productId, nameZh, giType, from, to, on, note] of stepRows(db, query)) {
    yield [productId as number, nameZh as string, labelZh('giType', giType), labelZh('status', from), labelZh('status', to),
      on as string, (note as string) || null];
  }
}

/** The participants of the products, in the order kept for each product. */
export function* iterateParticipantRows(db: Db, filter: ProductFilter, viewer: Viewer = null): Generator<SheetValue[]> {
  const p = t.participants;
  const query = db.select({
    productId: t.products.id, nameZh: t.products.nameZh, role: p.role, name: p.name, creditCode: p.creditCode,
    households: p.households, areaMu: p.areaMu, outputTonnes: p.outputTonnes, value: p.valueWanYuan,
  }).from(t.products)
    .innerJoin(p, eq(p.productId, t.products.id))
    .where(productWhere(db, filter, viewer))
    .orderBy(asc(t.products.nameZh), asc(t.products.id), asc(p.position), asc(p.id))
    .toSQL();
  for (const [productId, nameZh, role, ...rest] of stepRows(db, query)) {
    yield [productId as number, nameZh as string, labelZh('role', role), ...(rest as SheetValue[])];
  }
}

/** The authorised users of the products' designations, designation by designation, then by name. */
export function* iterateUserRecords(db: Db, filter: ProductFilter, viewer: Viewer = null): Generator<UserRecord> {
  const u = t.authorizedUsers;
  const query = db.select({
    designationId: t.designations.id, productId: t.products.id, productZh: t.products.nameZh, giType: t.designations.giType,
    markKind: t.designations.markKind, number: t.designations.number, name: u.name, creditCode: u.creditCode, basis: u.basis,
    reference: u.reference, from: u.from, until: u.until, status: u.status,
  }).from(t.products)
    .innerJoin(t.designations, eq(t.designations.productId, t.products.id))
    .innerJoin(u, eq(u.designationId, t.designations.id))
    .where(productWhere(db, filter, viewer))
    .orderBy(asc(t.products.nameZh), asc(t.products.id), asc(t.designations.id), asc(u.name), asc(u.id))
    .toSQL();
  for (const [designationId, productId, productZh, giType, markKind, number, name, creditCode, basis, reference, from, until, status] of stepRows(db, query)) {
    yield {
      designationId, productId, productZh, giType, markKind, number, name, creditCode, basis, reference, from, until, status,
    } as UserRecord;
  }
}
