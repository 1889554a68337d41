/**
 * Reading products: filtered lists and one product in full (the map's GeoJSON is product-places.ts).
 * Every function returns API shapes (db/model.ts), never raw rows.
 */
import { and, asc, eq, exists, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../../db/open';
import {
  matchesSearch, sortByName, statusesOf, todayInShanghai, type AreaGeometry, type Designation, type Location, type NameOrderLang, type Participant, type Product, type ProductFilter,
  type ProductQuery, type ProductSummary, type Specification, type Transition,
} from '../../../db/model';
import * as t from '../../../db/schema';
import { productDocuments } from './documents-read';
import { authorizedUsersOfProduct } from './authorized-users-read';
import { listScope, mayEditIn, readableProducts } from '../access/permissions';
import { scopeOf, type Viewer } from '../access/viewer';
import { assertCountyKnown } from '../places/county-history';
import { withScopes } from '../places/scope-read';
import { withConversions } from './conversion-read';
import { specificationsOfProduct } from './specifications-read';
import { namePinyin } from './name-pinyin';
import { forEditor } from '../access/resource-versions';

/**
 * The ids of the products a search finds, by the rule of db/model/product-search.ts (the static copy's too):
 * one read of every product's names, each name's pinyin made once per process (name-pinyin.ts).
 */
function searchedIds(db: Db, q: string): string {
  const ids = db.select({ id: t.products.id, nameZh: t.products.nameZh, nameEn: t.products.nameEn }).from(t.products).all()
    .filter((r) => matchesSearch({ ...r, namePinyin: namePinyin(r.nameZh) }, q)).map((r) => r.id);
  return JSON.stringify(ids);
}

/** The WHERE clause for a viewer and a set of filters. */
export function productWhere(db: Db, filter: ProductFilter, viewer: Viewer): SQL | undefined {
  const conditions: (SQL | undefined)[] = [readableProducts(db, viewer)];
  if (filter.type || filter.status) {
    conditions.push(exists(
      db.select({ one: t.designations.id }).from(t.designations).where(and(
        eq(t.designations.productId, t.products.id),
        filter.type ? eq(t.designations.giType, filter.type) : undefined,
        filter.status ? inArray(t.designations.status, [...statusesOf(filter.status)]) : undefined,
      )),
    ));
  }
  if (filter.county) {
    assertCountyKnown(db, filter.county);
    conditions.push(exists(
      db.select({ one: t.productCounties.productId }).from(t.productCounties)
        .where(and(eq(t.productCounties.productId, t.products.id), eq(t.productCounties.countyCode, filter.county))),
    ));
  }
  if (filter.category) conditions.push(eq(t.products.category, filter.category));
  if (filter.q) conditions.push(sql`${t.products.id} in (select value from json_each(${searchedIds(db, filter.q)}))`);
  return and(...conditions);
}

/** Groups rows by a numeric key. */
function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

type ProductRow = typeof t.products.$inferSelect;

/** A placeholder bound to a JSON array of ids, so one prepared statement serves any number of them. */
const inIds = (column: SQLWrapper) => sql`${column} in (select value from json_each(${sql.placeholder('ids')}))`;
const byId = sql.placeholder('id');

/** The hot reads' statements, prepared once per connection. */
function prepareReads(db: Db) {
  return {
    counties: db.select().from(t.productCounties).where(inIds(t.productCounties.productId))
      .orderBy(asc(t.productCounties.productId), asc(t.productCounties.countyCode)).prepare(),
    locations: db.select().from(t.locations).where(inIds(t.locations.productId))
      .orderBy(asc(t.locations.productId), asc(t.locations.position)).prepare(),
    designationKinds: db.select({
      id: t.designations.id, productId: t.designations.productId, giType: t.designations.giType,
      markKind: t.designations.markKind, status: t.designations.status,
    }).from(t.designations).where(inIds(t.designations.productId)).orderBy(asc(t.designations.id)).prepare(),
    area: db.select().from(t.protectedAreas).where(eq(t.protectedAreas.productId, byId)).prepare(),
    figures: db.select().from(t.productFigures).where(eq(t.productFigures.productId, byId))
      .orderBy(asc(t.productFigures.year)).prepare(),
    participants: db.select().from(t.participants).where(eq(t.participants.productId, byId))
      .orderBy(asc(t.participants.position)).prepare(),
    designations: db.select().from(t.designations).where(eq(t.designations.productId, byId))
      .orderBy(asc(t.designations.id)).prepare(),
    moves: db.select({
      designationId: t.transitions.designationId, to: t.transitions.toStatus, on: t.transitions.on,
      note: t.transitions.note, by: t.users.username,
    }).from(t.transitions)
      .innerJoin(t.designations, eq(t.designations.id, t.transitions.designationId))
      .leftJoin(t.users, eq(t.users.id, t.transitions.userId))
      .where(eq(t.designations.productId, byId))
      .orderBy(asc(t.transitions.id)).prepare(), // recorded in the order they happened
    /** The product row if the viewer may read it, one statement per scope (public, admin, each county). */
    productByScope: new Map<string, ReturnType<typeof productRowStatement>>(),
  };
}

function productRowStatement(db: Db, viewer: Viewer) {
  return db.select().from(t.products).where(and(eq(t.products.id, byId), readableProducts(db, viewer))).prepare();
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareReads>>();

/** The prepared statements of a connection. */
function reads(db: Db) {
  let found = prepared.get(db);
  if (!found) prepared.set(db, found = prepareReads(db));
  return found;
}

/** The product row by id if `viewer` may read it. */
function readableRow(db: Db, id: number, viewer: Viewer): ProductRow | undefined {
  const scope = scopeOf(viewer);
  const statements = reads(db).productByScope;
  let statement = statements.get(scope);
  if (!statement) statements.set(scope, statement = productRowStatement(db, viewer));
  return statement.get({ id });
}

/** A product's names if the viewer may read it (its page exists for them), else null: one prepared statement. */
export function readableProductNames(db: Db, id: number, viewer: Viewer): { nameZh: string; nameEn: string | null } | null {
  const row = readableRow(db, id, viewer);
  return row ? { nameZh: row.nameZh, nameEn: row.nameEn } : null;
}

/**
 * Loads the light parts (counties, locations, designation types and statuses) of many products:
 * three prepared statements, whatever their number (the ids travel as one JSON array).
 */
export function loadSummaries(db: Db, rows: ProductRow[]): ProductSummary[] {
  if (rows.length === 0) return [];
  const statements = reads(db);
  const ids = JSON.stringify(rows.map((r) => r.id));
  const counties = groupBy(statements.counties.all({ ids }), (r) => r.productId);
  const locations = groupBy(statements.locations.all({ ids }), (r) => r.productId);
  const designations = groupBy(statements.designationKinds.all({ ids }), (r) => r.productId);
  return rows.map((r) => ({
    id: r.id, nameZh: r.nameZh, nameEn: r.nameEn, namePinyin: namePinyin(r.nameZh), category: r.category,
    counties: (counties.get(r.id) ?? []).map((c) => c.countyCode),
    visibility: r.visibility, archived: r.archivedAt !== null,
    locations: (locations.get(r.id) ?? []).map(presentLocation),
    updatedAt: r.updatedAt,
    designations: (designations.get(r.id) ?? []).map(({ id, giType, markKind, status }) => ({ id, giType, markKind, status })),
  }));
}

function presentLocation(l: typeof t.locations.$inferSelect): Location {
  return { lat: l.lat, lng: l.lng, label: l.label, precision: l.precision, divisionCode: l.divisionCode };
}

/** A product's names, as a list is ordered by them (db/model/product-search.ts). */
export interface NamedProduct { id: number; nameZh: string; nameEn: string | null; namePinyin: string }

/**
 * Keeps lists' orders between reads (server/snapshot/name-orders.ts): `key` names a viewer's scope and
 * filters; `read` gives the matches in no order, all of them or (with `only`) those among some products,
 * so a kept order can take in what was written since it was made. Gives the matches in name order.
 */
export interface NameOrderKeeper {
  ordered(key: string, lang: NameOrderLang, read: (only?: readonly number[]) => NamedProduct[]): readonly NamedProduct[];
}

/**
 * A page of the products a viewer may see that match the filters, with the total count, in the order of
 * `query.lang` (db/model/product-search.ts): the names of all matches are read and ordered (or an order kept
 * by `orders` is brought up to date; not for a search, which reads every name anyway), then the page's rows.
 */
export function listProducts(db: Db, query: ProductQuery, viewer: Viewer, orders?: NameOrderKeeper): { items: ProductSummary[]; total: number } {
  const where = and(productWhere(db, query, viewer), listScope(db, viewer, query));
  const read = (only?: readonly number[]) => db.select({ id: t.products.id, nameZh: t.products.nameZh, nameEn: t.products.nameEn })
    .from(t.products).where(only ? and(where, inArray(t.products.id, [...only])) : where).all()
    .map((r) => ({ ...r, namePinyin: namePinyin(r.nameZh) }));
  const { offset, limit, lang = 'zh', ...filter } = query;
  const names = orders && !query.q ? orders.ordered(JSON.stringify([scopeOf(viewer), filter]), lang, read) : sortByName(read(), lang);
  const page = names.slice(offset, offset + limit).map((r) => r.id);
  if (page.length === 0) return { items: [], total: names.length };
  const rows = db.select().from(t.products).where(sql`${t.products.id} in (select value from json_each(${JSON.stringify(page)}))`).all();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: loadSummaries(db, page.map((id) => byId.get(id)!)), total: names.length };
}

/**
 * The designations of a product with their transitions (in the order recorded) and specifications: three
 * prepared statements. Who recorded a move is named to signed-in viewers only: public answers carry no
 * account name; a specification links only a document the viewer may read (`readableDocuments`).
 */
function loadDesignations(db: Db, productId: number, viewer: Viewer, readableDocuments: ReadonlySet<number>): Designation[] {
  const statements = reads(db);
  const rows = statements.designations.all({ id: productId });
  if (rows.length === 0) return [];
  const moves = groupBy(statements.moves.all({ id: productId }), (m) => m.designationId);
  const specifications = specificationsOfProduct(db, productId, readableDocuments);
  return rows.map((d) => presentDesignation(d, (moves.get(d.id) ?? [])
    .map(({ to, on, note, by }) => (viewer ? { to, on, note, by } : { to, on, note })), specifications.get(d.id) ?? []));
}

/** A designation row, its history and its specifications as the API shows them; filing and grant dates come from the history. */
export function presentDesignation(d: typeof t.designations.$inferSelect, history: Transition[], specifications: Specification[]): Designation {
  const lastOn = (status: string) => history.filter((m) => m.to === status).at(-1)?.on ?? null;
  return {
    id: d.id, productId: d.productId, giType: d.giType, markKind: d.markKind, status: d.status,
    holder: d.holder, holderCreditCode: d.holderCreditCode, number: d.number, announcement: d.announcement,
    filedOn: lastOn('filed'), grantedOn: lastOn('granted'), validUntil: d.validUntil, notes: d.notes,
    sources: d.sources, transitions: history,
    // A conversion's links are read apart, for every designation of an answer at once (withConversions).
    convertedFrom: null, convertedTo: null,
    managingBody: d.managingBody, managingContact: d.managingContact, testingBody: d.testingBody, specifications,
  };
}

/**
 * One product in full, or null when it does not exist or the viewer may not see it. `today` is the day
 * the public's view of authorised users is for (a decision is shown for a while only): routes pass
 * their clock's day; officials see every user whatever the day. Those who may change it get every
 * editable part's version too (forEditor).
 */
export function getProduct(db: Db, id: number, viewer: Viewer, today: string = todayInShanghai()): Product | null {
  const row = readableRow(db, id, viewer);
  if (!row) return null;
  const [summary] = loadSummaries(db, [row]);
  const statements = reads(db);
  const documents = productDocuments(db, id, summary.counties, viewer);
  const area = statements.area.get({ id });
  const participants: Participant[] = statements.participants.all({ id })
    .map((p) => ({
      role: p.role, name: p.name, creditCode: p.creditCode, households: p.households, areaMu: p.areaMu,
      outputTonnes: p.outputTonnes, valueWanYuan: p.valueWanYuan,
    }));
  const canEdit = viewer ? mayEditIn(viewer, summary.counties) : false;
  const product: Product = {
    id: row.id, nameZh: row.nameZh, nameEn: row.nameEn, category: row.category, counties: summary.counties,
    description: row.description, quality: row.quality, visibility: row.visibility, archived: row.archivedAt !== null,
    locations: summary.locations,
    protectedArea: area ? { text: area.text, geometry: (area.geometry ?? null) as AreaGeometry | null } : null,
    sources: row.sources, designations: withScopes(db, withConversions(db, loadDesignations(db, id, viewer, new Set(documents.map((d) => d.id))))), participants,
    documents,
    figures: statements.figures.all({ id }).map(({ year, households, areaMu, yieldKgPerMu, outputTonnes, valueWanYuan, note, sources }) =>
      ({ year, households, areaMu, yieldKgPerMu, outputTonnes, valueWanYuan, note, sources })),
    authorizedUsers: authorizedUsersOfProduct(db, id, viewer ? null : today),
    ...(viewer ? { canEdit } : {}),
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
  // Versions are for those who may change it (server/versions.ts): the public's answer and a reader's carry none.
  return canEdit ? forEditor(product) : product;
}

/** Whether a product exists at all (visible or not), to tell 404 from 403 where that is allowed. */
export function productExists(db: Db, id: number): boolean {
  return !!db.select({ id: t.products.id }).from(t.products).where(eq(t.products.id, id)).get();
}
